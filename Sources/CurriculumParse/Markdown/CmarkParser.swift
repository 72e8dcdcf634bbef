import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to libcmark: parses a Markdown body and converts cmark's tree
/// eagerly into `MarkdownNode` values, then frees the C nodes.
public enum CmarkParser {
    /// How deeply nodes may nest in the converted tree. A deeper subtree (thousands of nested
    /// quotes, lists or emphasis markers) keeps its text, code and worksheet blocks but loses
    /// the structure below this depth, so nothing that walks the tree recursively (prose
    /// extraction, rules, Swift's release of the nested values) can exhaust the stack.
    /// Real modules nest a few levels.
    public static let maxDepth = 100

    /// Parses `body`, whose first line is line `firstLine` of `file`; every range in the
    /// result is in `file`'s coordinates (1-based lines, code-point columns).
    /// `lineShifts` gives, per line of `body` (1-based), how many bytes of the file's line come
    /// before it: the indentation or quote and list prefixes cmark removed from a fenced
    /// block's lines when `body` is that block's content.
    public static func parse(body: String, firstLine: Int, in file: SourceFile, lineShifts: [Int: Int] = [:]) -> MarkdownNode {
        let bytes = Array(body.utf8)
        guard let root = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }) else {
            return MarkdownNode(kind: .document, range: .at(line: firstLine))
        }
        defer { cmark_node_free(root) }
        let converter = Converter(file: file, lineOffset: firstLine - 1)
        return converter.convert(root, deltas: lineShifts)
    }

    /// Renders `markdown` with cmark's own HTML renderer (safe mode, the default). Used as a
    /// test oracle for our renderer, never for output.
    public static func referenceHTML(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let cString = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_markdown_to_html("", 0, CMARK_OPT_DEFAULT)
        }) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    private final class Converter {
        let file: SourceFile
        let lineOffset: Int
        /// Per file line: code-point column of each byte column (only for non-ASCII lines).
        private var columnTables: [Int: [Int]] = [:]

        init(file: SourceFile, lineOffset: Int) {
            self.file = file
            self.lineOffset = lineOffset
        }

        private struct Frame {
            let node: OpaquePointer
            let deltas: [Int: Int]
            let childDeltas: [Int: Int]
            var next: OpaquePointer?
            var children: [MarkdownNode] = []
        }

        /// Converts without recursion, so thousands of nested quotes or lists cannot exhaust
        /// the stack; below `maxDepth` the tree is flattened (see `flattened`).
        func convert(_ root: OpaquePointer, deltas: [Int: Int]) -> MarkdownNode {
            var stack = [frame(for: root, deltas: deltas)]
            while true {
                let top = stack.count - 1
                if let child = stack[top].next {
                    stack[top].next = cmark_node_next(child)
                    // The flattened node and the paragraph it may wrap its text in take the
                    // last levels: no node lies more than `maxDepth + 1` levels below the document.
                    if stack.count >= CmarkParser.maxDepth - 1 {
                        stack[top].children.append(flattened(child, deltas: stack[top].childDeltas))
                    } else {
                        stack.append(frame(for: child, deltas: stack[top].childDeltas))
                    }
                    continue
                }
                let done = stack.removeLast()
                let node = MarkdownNode(kind: kind(of: done.node), range: range(of: done.node, children: done.children, deltas: done.deltas),
                                        children: done.children)
                if stack.isEmpty { return node }
                stack[stack.count - 1].children.append(node)
            }
        }

        /// `node` with every leaf of its subtree (text, code, breaks, code blocks, ...) as a
        /// direct child, in document order: the containers in between (quotes, lists, emphasis,
        /// links) are left out. Under a block container the text goes into paragraphs (a line
        /// break where a paragraph or heading ended), so it is still read as prose. Walks cmark's
        /// tree without recursion, in linear time.
        private func flattened(_ node: OpaquePointer, deltas: [Int: Int]) -> MarkdownNode {
            let container = kind(of: node)
            let isBlockContainer = [CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM].contains(cmark_node_get_type(node))
            var children: [MarkdownNode] = []
            var inlines: [MarkdownNode] = []
            var newTextBlock = false
            func closeParagraph() {
                guard let first = inlines.first, let last = inlines.last else { return }
                children.append(MarkdownNode(kind: .paragraph, range: SourceRange(start: first.range.start, end: last.range.end), children: inlines))
                inlines = []
            }
            var current = cmark_node_first_child(node)
            while let visiting = current {
                if let first = cmark_node_first_child(visiting) {
                    let type = cmark_node_get_type(visiting)
                    if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { newTextBlock = true }
                    current = first
                    continue
                }
                let leaf = MarkdownNode(kind: kind(of: visiting), range: range(of: visiting, children: [], deltas: deltas))
                if !isBlockContainer {
                    children.append(leaf)
                } else if leaf.isBlock {
                    closeParagraph()
                    children.append(leaf)
                } else {
                    if newTextBlock && !inlines.isEmpty {
                        inlines.append(MarkdownNode(kind: .softBreak, range: leaf.range))
                    }
                    inlines.append(leaf)
                }
                newTextBlock = false
                // The next node in document order: a sibling of this node or of the nearest
                // ancestor below `node` that has one.
                current = nil
                var climbing: OpaquePointer? = visiting
                while let up = climbing, up != node {
                    if let next = cmark_node_next(up) {
                        current = next
                        break
                    }
                    climbing = cmark_node_parent(up)
                }
            }
            closeParagraph()
            return MarkdownNode(kind: container, range: range(of: node, children: children, deltas: deltas), children: children)
        }

        private func frame(for node: OpaquePointer, deltas: [Int: Int]) -> Frame {
            let type = cmark_node_get_type(node)
            let childDeltas = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
                ? deltas.merging(continuationDeltas(of: node)) { $1 } : deltas
            return Frame(node: node, deltas: deltas, childDeltas: childDeltas, next: cmark_node_first_child(node))
        }

        /// `SourceFile.codePointColumn`, with a table per line so long lines stay linear:
        /// `table[k]` is the number of characters that start in the line's first k bytes.
        private func codePointColumn(line: Int, byteColumn: Int) -> Int {
            let k = max(byteColumn - 1, 0)
            if file.isASCIILine(line) { return k + 1 }
            if columnTables[line] == nil {
                let bytes = file.line(line).utf8
                var table = [0]
                table.reserveCapacity(bytes.count + 1)
                var count = 0
                for byte in bytes {
                    if byte & 0xC0 != 0x80 { count += 1 }
                    table.append(count)
                }
                columnTables[line] = table
            }
            let table = columnTables[line]!
            let n = table.count - 1
            return 1 + table[min(k, n)] + max(0, k - n)
        }

        /// cmark places inline nodes on a paragraph's later lines as if every line began where
        /// the first did, which is wrong for lazy continuation lines (a quote line without `>`)
        /// and other prefixes. The first inline on each such line starts at the line's first
        /// content character, which gives the shift (in bytes) for that line.
        private func continuationDeltas(of block: OpaquePointer) -> [Int: Int] {
            let firstLine = Int(cmark_node_get_start_line(block))
            // A block on one line has no later lines to shift.
            if Int(cmark_node_get_end_line(block)) == firstLine { return [:] }
            var firstReported: [Int: Int] = [:]
            var stack: [OpaquePointer] = []
            var child = cmark_node_first_child(block)
            while let current = child { stack.append(current); child = cmark_node_next(current) }
            while let node = stack.popLast() {
                let line = Int(cmark_node_get_start_line(node))
                let column = Int(cmark_node_get_start_column(node))
                if line > firstLine, column > 0 {
                    firstReported[line] = min(firstReported[line] ?? Int.max, column)
                }
                var inner = cmark_node_first_child(node)
                while let current = inner { stack.append(current); inner = cmark_node_next(current) }
            }
            var deltas: [Int: Int] = [:]
            for (line, reported) in firstReported {
                let text = file.line(line + lineOffset).utf8
                var column = 1
                for byte in text {
                    guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ">") else { break }
                    column += 1
                }
                if column != reported { deltas[line] = column - reported }
            }
            return deltas
        }

        private func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }

        private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: return .document
            case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
            case CMARK_NODE_LIST:
                let delimiter: Character = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
                return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             start: Int(cmark_node_get_list_start(node)),
                             tight: cmark_node_get_list_tight(node) != 0,
                             delimiter: delimiter)
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node))
                let startLine = Int(cmark_node_get_start_line(node)) + lineOffset
                let first = file.line(startLine).drop { $0 == " " }
                let fenced = first.hasPrefix("```") || first.hasPrefix("~~~") || !info.isEmpty
                return .codeBlock(info: info, literal: string(cmark_node_get_literal(node)), fenced: fenced)
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: return .emphasis
            case CMARK_NODE_STRONG: return .strong
            case CMARK_NODE_LINK:
                return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case CMARK_NODE_IMAGE:
                return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            default:
                // Custom nodes never come out of the parser; treat them as plain containers.
                return .paragraph
            }
        }

        /// cmark gives 1-based lines and byte columns relative to the body, and leaves some
        /// inline nodes without a position (0); those take their parent's or first child's.
        private func range(of node: OpaquePointer, children: [MarkdownNode], deltas: [Int: Int]) -> SourceRange {
            let startLine = Int(cmark_node_get_start_line(node))
            let startColumn = Int(cmark_node_get_start_column(node)) + (deltas.isEmpty ? 0 : deltas[startLine] ?? 0)
            var endLine = Int(cmark_node_get_end_line(node))
            var endColumn = Int(cmark_node_get_end_column(node)) + (deltas.isEmpty ? 0 : deltas[endLine] ?? 0)
            guard startLine > 0 else {
                if let first = children.first, let last = children.last {
                    return SourceRange(start: first.range.start, end: last.range.end)
                }
                return .at(line: lineOffset + 1)
            }
            let line = startLine + lineOffset
            let start = SourceLocation(line: line, column: codePointColumn(line: line, byteColumn: max(startColumn, 1)))
            if endLine < startLine || (endLine == startLine && endColumn < startColumn) {
                endLine = startLine
                endColumn = startColumn
            }
            if endColumn == 0, endLine > startLine {
                // cmark ends some blocks at column 0 of the line after: step back to the line before.
                endLine -= 1
                endColumn = file.line(endLine + lineOffset).utf8.count
            }
            let lastLine = endLine + lineOffset
            // cmark's end column is the last byte of the node (inclusive); ours is exclusive.
            let end = SourceLocation(line: lastLine, column: codePointColumn(line: lastLine, byteColumn: endColumn + 1))
            return SourceRange(start: start, end: end)
        }
    }
}
