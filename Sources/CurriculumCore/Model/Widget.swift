/// A worksheet block written as a fenced block with a `{name}` info string. Rendered as a
/// printable widget; see docs/modules.md for the syntax.
public enum Widget: Sendable {
    case worksheet(title: String?, items: [WorksheetItem])
    case checklist(title: String?, items: [String])
    case log(title: String?, columns: [LogColumn], rows: LogRows)
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
        /// A prompt followed by `count` writing lines; `lines:` without a number gets
        /// `defaultLines` and one more in large print.
        case lines(count: Int, isDefault: Bool)
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
    /// What the ends of a scale mean (`ends: none | strongest`); nil prints `defaultEnds`.
    public var ends: (low: String, high: String)?
    public let line: Int

    package init(kind: Kind, prompt: String, answer: String? = nil, ends: (low: String, high: String)? = nil, line: Int) {
        self.kind = kind
        self.prompt = prompt
        self.answer = answer
        self.ends = ends
        self.line = line
    }

    /// Writing lines for `lines:` without a number (large print adds one).
    public static let defaultLines = 3
    /// End labels of a scale without an `ends:` line.
    public static let defaultEnds = (low: "not at all", high: "very much")
}

/// One column of a `{log}`: its heading and how much room it gets.
public struct LogColumn: Sendable, Equatable {
    /// How wide a column prints: narrow for a day, a time or a 0-10 rating; medium for a few
    /// words; wide for free text (the wide columns share what is left of the page).
    public enum Width: String, Sendable, CaseIterable {
        case narrow, medium, wide
    }

    public let name: String
    public let width: Width
    /// True when the writer set the width with `(narrow)`, `(medium)` or `(wide)`.
    public let isExplicit: Bool

    public init(name: String, width: Width, isExplicit: Bool = false) {
        self.name = name
        self.width = width
        self.isExplicit = isExplicit
    }

    /// The width a column gets when the writer does not say: narrow for a day, date, time or
    /// a rating (a heading with a range such as 0-10, or yes/no), wide otherwise.
    public static func defaultWidth(for name: String) -> Width {
        let lower = name.lowercased()
        let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.count <= 5, let first = words.first, ["day", "date", "time", "when", "week"].contains(first) { return .narrow }
        if lower.range(of: #"\b\d{1,2}\s*(-|–|to)\s*\d{1,2}\b"#, options: .regularExpression) != nil { return .narrow }
        if lower.contains("yes/no") || lower.hasSuffix("?") && words.count <= 4 { return .narrow }
        return .wide
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
