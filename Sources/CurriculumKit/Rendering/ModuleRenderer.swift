/// Renders a module body for one audience: sections in order, worksheet blocks as widgets,
/// facilitator-only content kept out of participant documents, raw HTML dropped.
public struct ModuleRenderer: Sendable {
    public let audience: Audience

    public init(audience: Audience) {
        self.audience = audience
    }

    /// Section names that never reach a participant document.
    public static let facilitatorSections: Set<String> = ["facilitator notes", "facilitator note", "notes for facilitators"]

    private func renderer(_ file: SourceFile) -> HTMLRenderer {
        let audience = self.audience
        return HTMLRenderer(blockOverride: { node in
            switch node.kind {
            case .htmlBlock:
                return ""  // comments such as suppressions; raw HTML never reaches output
            case .codeBlock:
                guard let (widget, _) = WidgetParser.parse(node, in: file) else { return nil }
                guard let widget else { return "" }
                return WidgetRenderer(audience: audience, markdown: HTMLRenderer()).render(widget)
            default:
                return nil
            }
        })
    }

    /// The body HTML: every section but the title heading (printed by the template) and, for
    /// participants, the facilitator notes.
    public func body(_ module: Module) -> String {
        let html = renderer(module.file)
        var out = ""
        for section in module.sections {
            if Self.facilitatorSections.contains(section.name) { continue }
            let slug = section.heading == nil ? "intro" : Slug.make(section.title)
            out += "<section class=\"part part-\(slug)\">\n"
            if section.heading != nil {
                var heading = HTMLRenderer.escapeText(section.title)
                if audience == .facilitator, let minutes = section.minutes {
                    heading += " <span class=\"minutes\">(\(minutes) min)</span>"
                }
                out += "<h2>\(heading)</h2>\n"
            }
            for block in section.blocks {
                if case .heading(1) = block.kind,
                   Section.normalize(block.plainText) == Section.normalize(module.title?.value ?? "") { continue }
                out += html.render(block)
            }
            out += "</section>\n"
        }
        return out
    }

    /// The facilitator notes section's content (empty for none).
    public func facilitatorNotes(_ module: Module) -> String {
        let html = ModuleRenderer(audience: .facilitator).renderer(module.file)
        return module.sections.filter { Self.facilitatorSections.contains($0.name) }
            .flatMap(\.blocks).map { html.render($0) }.joined()
    }
}
