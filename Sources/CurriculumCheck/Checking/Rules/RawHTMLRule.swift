/// Raw HTML in a module never reaches a handout (it could carry script or styling that breaks
/// printing), so a writer is told where it is dropped. HTML comments are fine.
public struct RawHTMLRule: ModuleRule {
    public static let rawHTML = RuleDescriptor("markdown.raw-html", .warning, "A module contains raw HTML, which is left out of every handout.",
        explanation: """
        HTML written in a module is never copied into a handout or guide: it could carry scripts or styles that \
        break printing. So anything written as HTML disappears from what participants get. HTML comments \
        (<!-- ... -->) are fine and are not reported.

        Wrong:
            <span style="color: red">Stop and breathe.</span>
        Fixed:
            **Stop and breathe.**

        To fix it, write the text in Markdown (**bold**, *italic*, lists, headings), or use a worksheet block such \
        as {callout} for a boxed note (docs/modules.md).
        """)
    public static let descriptors = [rawHTML]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        module.walkIncludingBlocks { node in
            switch node.kind {
            case .htmlBlock(let html), .htmlInline(let html):
                let trimmed = html.trimmingWhitespace()
                if !trimmed.hasPrefix("<!--") {
                    out.append(Self.rawHTML.diagnostic(module.path, node.range,
                        "this HTML is left out of handouts and guides (raw HTML is never copied, for safety and clean printing)",
                        fix: Fix(summary: "write it in Markdown, or use a worksheet block such as {callout}")))
                }
            default: break
            }
            return true
        }
        return out
    }
}
