/// Worksheet blocks already parsed during a build, by module file and position. A module's
/// blocks are rendered into its handout, its guide and its week's packet, and parsing a block
/// (a callout's Markdown goes through cmark again) costs more than rendering it.
public final class WidgetCache: Sendable {
    private struct Key: Hashable {
        let path: String
        let line: Int
        let column: Int
    }

    private struct Entry {
        /// The block's text, compared on every hit so a different block is never mistaken for it.
        let literal: String
        /// nil for an ordinary code block; `.some(nil)` for a worksheet block with syntax
        /// errors (it renders nothing).
        let widget: Widget??
    }

    private let parsed = Locked([Key: Entry]())

    public init() {}

    /// What `WidgetParser.parse` gives for `node` (nil for an ordinary code block), parsed once.
    func widget(_ node: MarkdownNode, in file: SourceFile) -> Widget?? {
        guard case .codeBlock(_, let literal, _) = node.kind else { return nil }
        let key = Key(path: file.path, line: node.range.start.line, column: node.range.start.column)
        if let entry = parsed.withValue({ $0[key] }), entry.literal == literal {
            return entry.widget
        }
        let widget = WidgetParser.parse(node, in: file).map { $0.0 }
        parsed.withValue { $0[key] = Entry(literal: literal, widget: widget) }
        return widget
    }
}
