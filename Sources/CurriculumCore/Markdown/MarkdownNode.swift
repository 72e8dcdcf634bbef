/// One node of a parsed Markdown body: an immutable value with its kind, its place in the file
/// the user wrote and its children. Built once from cmark's tree by `CmarkParser`.
public struct MarkdownNode: Sendable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool, delimiter: Character)
        case item
        case codeBlock(info: String, literal: String, fenced: Bool)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    public let kind: Kind
    /// Where the node stands in the file (front matter lines included in the numbering).
    public let range: SourceRange
    public let children: [MarkdownNode]

    public init(kind: Kind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak:
            return true
        default:
            return false
        }
    }

    /// The text a reader sees, with soft and hard breaks as spaces and markup removed.
    public var plainText: String {
        var out = ""
        walk { node in
            switch node.kind {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .codeBlock(_, let literal, _): out += literal
            default: break
            }
            return true
        }
        return out
    }

    /// Visits this node and its descendants in document order. Returning `false` from
    /// `visit` skips the node's children.
    public func walk(_ visit: (MarkdownNode) -> Bool) {
        var stack: [MarkdownNode] = [self]
        while let node = stack.popLast() {
            if visit(node) {
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }
}
