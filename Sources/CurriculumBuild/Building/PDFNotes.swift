/// Turns what the PDF engine said about a document (WeasyPrint's warnings, the layout check's
/// findings) into findings kept with the PDF's manifest entry, and those into located
/// diagnostics: a layout finding points at the module line, or the template file and line, that
/// made the element; a warning at the PDF itself.
struct PDFNotes {
    let curriculum: Curriculum
    let templatesFolder: String
    let out: String
    let fileSystem: any FileSystem
    /// Template files already read, as lines.
    private let templateLines = Locked([String: [Substring]]())

    init(curriculum: Curriculum, templatesFolder: String, out: String, fileSystem: any FileSystem) {
        self.curriculum = curriculum
        self.templatesFolder = templatesFolder
        self.out = out
        self.fileSystem = fileSystem
    }

    /// The finding to keep for a warning the engine reported on `pdf` (relative to the output folder).
    func finding(_ failure: PDFFailure, pdf: String) -> BuildManifest.Finding {
        guard let layout = failure.layout else {
            return BuildManifest.Finding(rule: BuildRules.pdfWarning.id.rawValue, message: failure.message)
        }
        switch layout.origin {
        case .module(let id, let line):
            return BuildManifest.Finding(rule: layout.rule, message: layout.message, source: "module:" + id, line: line)
        case .template(let tag, let classes, let text):
            let (name, line) = templateLine(tag: tag, classes: classes, text: text, pdf: pdf)
            return BuildManifest.Finding(rule: layout.rule, message: layout.message, source: "template:" + name, line: line)
        }
    }

    /// The diagnostic of a kept finding, with the schema's severity for its rule; nil when the
    /// schema turns the rule off.
    func diagnostic(_ finding: BuildManifest.Finding, pdf: String) -> Diagnostic? {
        let document = PathUtil.display(PathUtil.join(out, pdf))
        var file = document
        var line = 1
        var message = finding.message
        if finding.source.hasPrefix("module:") {
            let id = String(finding.source.dropFirst("module:".count))
            if let module = curriculum.module(id) {
                file = PathUtil.display(module.path)
                line = finding.line
                message = "\(document): \(finding.message)"
            }
        } else if finding.source.hasPrefix("template:") {
            file = PathUtil.display(PathUtil.join(templatesFolder, String(finding.source.dropFirst("template:".count))))
            line = finding.line
            message = "\(document): \(finding.message)"
        }
        let descriptor = RuleCatalog.descriptor(finding.rule) ?? BuildRules.pdfWarning
        let diagnostic = descriptor.diagnostic(file, .at(line: max(line, 1)), message, fix: Fix(summary: Self.fix(for: descriptor.id)))
        return DiagnosticEngine(schema: curriculum.schema).applyingSeverities(to: [diagnostic]).first
    }

    static func fix(for rule: RuleID) -> String {
        switch rule {
        case LayoutRules.sparsePage.id:
            return "look at that page: shorten or move what is stranded there, or keep it with what comes before it (print.css: break-before, break-inside: avoid, orphans and widows)"
        case LayoutRules.splitBlock.id:
            return "keep it on one page: `break-inside: avoid` on the block, or `break-after: avoid` on a heading, in print.css; or start it on a new page"
        case LayoutRules.overflow.id:
            return "make it fit the page: fewer or narrower columns, shorter unbroken words or links, or a smaller image"
        default:
            return "the PDF was written; look at it, and fix the template or print.css rule WeasyPrint names"
        }
    }

    // MARK: Template lines

    /// The template that lays out the document at `pdf`, by the folder it is written to.
    static func template(of pdf: String) -> String {
        if pdf.hasPrefix("guides/") { return "guide.mustache" }
        if pdf.hasPrefix("packets/") { return pdf.hasSuffix("-family.pdf") ? "family-packet.mustache" : "packet.mustache" }
        if pdf.hasPrefix("plans/") { return "session-plan.mustache" }
        if pdf.hasPrefix("notes/") { return "group-note.mustache" }
        if pdf.hasPrefix("sign-in/") { return "sign-in.mustache" }
        if pdf.hasPrefix("makeup/") { return pdf.contains("/admitted-week-") ? "admitted-week.mustache" : "makeup.mustache" }
        return "handout.mustache"
    }

    /// The template file and line that wrote an element: first a line with the element's text,
    /// then a line with its tag and class attribute, then one with its class, in the document's
    /// template, the partials and the page template; else line 1 of the document's template.
    func templateLine(tag: String, classes: String, text: String, pdf: String) -> (String, Int) {
        let own = Self.template(of: pdf)
        let candidates = [own] + TemplateSet.requiredFiles.filter { $0.hasPrefix("partials/") } + ["page.mustache"]
        var snippet = Substring(text)
        while snippet.last == "\u{2026}" || snippet.last == " " { snippet = snippet.dropLast() }
        snippet = snippet.prefix(40)
        if snippet.count >= 8 {
            let escaped = HTMLRenderer.escapeText(String(snippet))
            for name in candidates {
                if let index = lines(name).firstIndex(where: { $0.contains(snippet) || $0.contains(escaped) }) { return (name, index + 1) }
            }
        }
        if !classes.isEmpty {
            let attribute = "class=\"\(classes)\""
            for name in candidates {
                if let index = lines(name).firstIndex(where: { $0.contains(attribute) && (tag.isEmpty || $0.contains("<\(tag)")) }) { return (name, index + 1) }
            }
            let first = classes.split(separator: " ").first.map(String.init) ?? classes
            for name in candidates {
                if let index = lines(name).firstIndex(where: { $0.contains("class=\"") && $0.contains(first) }) { return (name, index + 1) }
            }
        }
        return (own, 1)
    }

    private func lines(_ name: String) -> [Substring] {
        if let known = templateLines.withValue({ $0[name] }) { return known }
        let bytes = (try? fileSystem.readFile(PathUtil.join(templatesFolder, name))) ?? []
        let text = String(decoding: bytes, as: UTF8.self)
        let split = text.split(separator: "\n", omittingEmptySubsequences: false)
        templateLines.withValue { $0[name] = split }
        return split
    }
}
