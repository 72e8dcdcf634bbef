/// A worksheet block written as a fenced block with a `{name}` info string. Rendered as a
/// printable widget; see docs/modules.md for the syntax.
public enum Widget: Sendable {
    case worksheet(title: String?, items: [WorksheetItem])
    case checklist(title: String?, items: [String])
    case log(title: String?, columns: [String], rows: LogRows)
    /// Markdown for the facilitator guide only.
    case facilitator(MarkdownNode)
    case callout(title: String?, content: MarkdownNode)

    /// The block names writers may use.
    public static let names = ["worksheet", "checklist", "log", "facilitator", "callout"]

    /// True for content that must never reach a participant handout.
    public var isFacilitatorOnly: Bool {
        if case .facilitator = self { return true }
        return false
    }
}

/// One line of a `{worksheet}` block.
public struct WorksheetItem: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A prompt followed by `count` writing lines.
        case lines(count: Int)
        /// A prompt and the numbers `low...high` to circle.
        case scale(low: Int, high: Int)
        /// A box to tick.
        case check
        /// An instruction printed as written.
        case text
    }

    public let kind: Kind
    public let prompt: String
    /// A sample answer or facilitator prompt, shown in the facilitator guide only.
    public var answer: String?
    public let line: Int

    package init(kind: Kind, prompt: String, answer: String? = nil, line: Int) {
        self.kind = kind
        self.prompt = prompt
        self.answer = answer
        self.line = line
    }
}

/// The rows of a `{log}`: a number of empty rows, or labels for the first column.
public enum LogRows: Sendable, Equatable {
    case count(Int)
    case labels([String])

    public var count: Int {
        switch self {
        case .count(let n): return n
        case .labels(let labels): return labels.count
        }
    }
}
