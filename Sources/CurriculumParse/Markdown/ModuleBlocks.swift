extension Module {
    /// A module made from its parsed body: its worksheet blocks are parsed here, once.
    public init(file: SourceFile, hasFrontMatter: Bool, frontMatterRange: SourceRange, body: MarkdownNode) {
        self.init(file: file, hasFrontMatter: hasFrontMatter, frontMatterRange: frontMatterRange, body: body,
                  blocks: Self.parseBlocks(body, in: file))
    }

    /// Every worksheet block of `body`, those inside callouts and facilitator blocks included, by
    /// where its fence starts; blocks deeper than `maxBlockDepth` are refused unparsed.
    static func parseBlocks(_ body: MarkdownNode, in file: SourceFile) -> [SourceLocation: ParsedBlock] {
        var out: [SourceLocation: ParsedBlock] = [:]
        var trees = [(body, 0)]
        while let (tree, depth) = trees.popLast() {
            tree.walk { node in
                guard case .codeBlock(let info, _, true) = node.kind else { return true }
                if depth >= maxBlockDepth {
                    guard WidgetParser.isWorksheetBlock(info: info) else { return false }
                    out[node.range.start] = ParsedBlock(widget: nil, diagnostics: [WidgetParser.tooDeep.diagnostic(file.path,
                        SourceRange(line: node.range.start.line, column: node.range.start.column, endColumn: node.range.start.column + 3),
                        "this worksheet block sits inside \(depth) others; blocks nest at most \(maxBlockDepth) deep, so it is left out",
                        fix: Fix(summary: "move it out of the blocks around it"))])
                    return false
                }
                guard let (widget, parsed) = WidgetParser.parse(node, in: file) else { return true }
                // A block never closed holds lines that were not meant for it: its findings are
                // only that (a preview still shows what could be read of it).
                let unclosed = parsed.filter { $0.rule == WidgetParser.unclosed.id }
                let found = unclosed.isEmpty ? parsed : unclosed
                out[node.range.start] = ParsedBlock(widget: widget, diagnostics: found)
                switch widget {
                case .callout(_, let content)?, .facilitator(let content)?: trees.append((content, depth + 1))
                default: break
                }
                return false
            }
        }
        return out
    }
}
