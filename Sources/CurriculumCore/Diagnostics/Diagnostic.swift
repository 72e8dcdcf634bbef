/// One finding: where it is, which rule found it, what is wrong, and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// Path as reached from the folder or files the user gave.
    public var file: String
    public var range: SourceRange
    public var severity: Severity
    public var rule: RuleID
    public var message: String
    public var fix: Fix?
    /// Extra lines of help printed under the message (hints, the longest sentence, ...).
    public var notes: [String]

    public init(file: String, range: SourceRange, severity: Severity, rule: RuleID,
                message: String, fix: Fix? = nil, notes: [String] = []) {
        self.file = file
        self.range = range
        self.severity = severity
        self.rule = rule
        self.message = message
        self.fix = fix
        self.notes = notes
    }

    /// Orders findings by file, position and rule, so every output is deterministic.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}

/// How to mend a finding: a summary a person can follow, and text replacements a tool can
/// apply. `replacements` is empty when the fix is advice only.
public struct Fix: Sendable, Hashable {
    public var summary: String
    public var replacements: [Replacement]
    /// True when the replacements are certain (one right answer, only the matched text
    /// changes), so `curriculum check --fix` applies them unasked. Suggestions such as a
    /// closest id stay false.
    public var isAutomatic: Bool

    public init(summary: String, replacements: [Replacement] = [], automatic: Bool = false) {
        self.summary = summary
        self.replacements = replacements
        self.isAutomatic = automatic && !replacements.isEmpty
    }
}

/// Replace the text in `range` with `text`.
public struct Replacement: Sendable, Hashable {
    public var range: SourceRange
    public var text: String

    public init(range: SourceRange, text: String) {
        self.range = range
        self.text = text
    }
}
