/// Renders a module body for one audience: sections in order, worksheet blocks as widgets,
/// facilitator-only content kept out of participant documents, raw HTML dropped.
public struct ModuleRenderer: Sendable {
    public let audience: Audience
    /// Where module links and images point in the build; nil leaves them as written.
    public let links: LinkResolver?
    /// How many folders below the output root the document is written.
    public let depth: Int
    /// What emergency and Good Samaritan callouts print.
    public let callouts: CalloutSettings
    /// The labels widgets print, in the document's language.
    public let text: WidgetText
    public init(audience: Audience, links: LinkResolver? = nil, depth: Int = 1, callouts: CalloutSettings = CalloutSettings(),
                text: WidgetText = WidgetText()) {
        self.audience = audience
        self.links = links
        self.depth = depth
        self.callouts = callouts
        self.text = text
    }

    /// Section names that never reach a participant document.
    public static let facilitatorSections = Section.facilitatorNames

    private func renderer(_ module: Module, dropDisclaimer: Bool = false) -> HTMLRenderer {
        let audience = self.audience
        let links = self.links
        let depth = self.depth
        let rewrite = Self.rewriter(links, module, depth)
        return HTMLRenderer(blockOverride: { [self] node in
            switch node.kind {
            case .htmlBlock:
                return ""  // comments such as suppressions; raw HTML never reaches output
            case .paragraph, .item:
                return dropDisclaimer && Self.isDisclaimer(node) ? "" : nil
            case .codeBlock:
                // Worksheet blocks were parsed when the module was loaded (nil: ordinary code).
                guard let parsed = module.block(node) else { return nil }
                guard let widget = parsed.widget else { return "" }
                // A callout's Markdown goes through this same renderer, so a {facilitator} block
                // (or raw HTML) written inside a callout is held back just like one outside it.
                let html = WidgetRenderer(audience: audience, markdown: renderer(module, dropDisclaimer: dropDisclaimer), callouts: callouts, text: text).render(widget)
                return Self.marking(html, line: node.range.start.line)
            case .heading(let level):
                // Headings say where they were written, for the layout check (data-src-line).
                let inner = renderer(module).renderChildren(node)
                return "<h\(level) data-src-line=\"\(node.range.start.line)\">\(inner)</h\(level)>\n"
            default:
                return nil
            }
        }, rewriteURL: rewrite)
    }

    /// `html` with `data-src-line="LINE"` added to its first element (a worksheet, checklist,
    /// log or callout), so the layout check can point at the module line that made it.
    static func marking(_ html: String, line: Int) -> String {
        // Before the end of the first tag (the widget renderer escapes every value, so the first
        // '>' ends it): `<section class="worksheet" data-src-line="12">`.
        guard html.hasPrefix("<"), let end = html.firstIndex(of: ">") else { return html }
        return String(html[..<end]) + " data-src-line=\"\(line)\"" + String(html[end...])
    }

    private static func rewriter(_ links: LinkResolver?, _ module: Module, _ depth: Int) -> (@Sendable (String, Bool) -> String)? {
        guard let links else { return nil }
        return { @Sendable url, isImage in links.rewrite(url, isImage: isImage, from: module, depth: depth) }
    }

    /// The body HTML: every section but the title heading (printed by the template) and, for
    /// participants, the facilitator notes.
    /// A paragraph or list item that is only the standard education disclaimer ("This handout is
    /// for learning. It does not replace advice from your own doctor or counselor."): a handout or
    /// packet prints its own, once. A disclaimer that names someone more (a loved one's care team,
    /// a lawyer) is the writer's own and stays; the template then does not add the standard one.
    public static func isDisclaimer(_ block: MarkdownNode) -> Bool {
        switch block.kind {
        case .paragraph, .item: break
        default: return false
        }
        let words = block.plainText.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return standardDisclaimers.contains(words)
    }

    /// The standard disclaimer in the words modules write it (lowercased, single spaces).
    static let standardDisclaimers: Set<String> = [
        "this handout is for learning. it does not replace advice from your own doctor or counselor.",
        "this handout is for education. it does not replace advice from your own doctor or counselor.",
    ]

    /// Words every version of the disclaimer has.
    public static let disclaimerPhrase = "does not replace advice"

    /// `dropDisclaimer`: leave out paragraphs that are only the disclaimer (see `isDisclaimer`).
    public func body(_ module: Module, excluding excluded: Set<String> = [], only: Set<String>? = nil,
                     headingLevel: Int = 2, dropDisclaimer: Bool = false) -> String {
        let html = renderer(module, dropDisclaimer: dropDisclaimer)
        var out = HTMLOutput(capacity: 8 * 1024)
        let level = String(headingLevel)
        for section in module.sections {
            if Self.facilitatorSections.contains(section.name) || excluded.contains(section.name) { continue }
            if let only, !only.contains(section.name) { continue }
            out.put("<section class=\"part part-")
            // A reserved section is classed by its role in every language (`## Tarea` is part-homework),
            // so print.css keeps homework together and sets sources small in Spanish too.
            out.append(section.heading == nil ? "intro" : section.role?.rawValue ?? Slug.make(section.title))
            // The module and line the section starts at, for the layout check of the PDFs.
            out.put("\" data-module=\"")
            out.appendEscapedText(module.id?.value ?? "")
            out.put("\" data-src-line=\"")
            out.append(String((section.heading ?? section.blocks.first)?.range.start.line ?? 1))
            out.put("\">\n")
            if section.heading != nil {
                out.put("<h")
                out.append(level)
                out.put(">")
                out.appendEscapedText(section.title)
                if audience == .facilitator, let minutes = section.minutes {
                    out.put(" <span class=\"minutes\">(")
                    out.append(String(minutes))
                    out.put(" min)</span>")
                }
                out.put("</h")
                out.append(level)
                out.put(">\n")
            }
            for block in section.blocks {
                if case .heading(1) = block.kind,
                   Section.normalize(block.plainText) == Section.normalize(module.title?.value ?? "") { continue }
                html.render(block, into: &out)
            }
            out.put("</section>\n")
        }
        return out.string
    }

    /// The facilitator notes section's content (empty for none).
    public func facilitatorNotes(_ module: Module) -> String {
        let html = ModuleRenderer(audience: .facilitator, links: links, depth: depth, callouts: callouts, text: text).renderer(module)
        var out = HTMLOutput(capacity: 1024)
        for section in module.sections where Self.facilitatorSections.contains(section.name) {
            for block in section.blocks { html.render(block, into: &out) }
        }
        return out.string
    }
}
