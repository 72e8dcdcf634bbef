/// What every rule has: a stable id (`group.missing-section`), a default severity that the
/// schema can override, and a one-line summary for `curriculum rules`.
public struct RuleDescriptor: Sendable, Hashable {
    public let id: RuleID
    public let defaultSeverity: Severity
    public let summary: String
    /// Setup rules concern the schema or the folder itself: their errors exit with 2.
    public let isSetup: Bool
    /// The languages (primary subtags: `en`, `es`) whose prose the rule reads; nil when it
    /// applies to a module in any language. A module in another language skips the rule, and the
    /// summary says so.
    public let languages: Set<String>?

    /// True for a rule about English prose only (reading grade, outcome verbs).
    public var isEnglishOnly: Bool { languages == ["en"] }
    /// The long explanation `curriculum explain` prints: why the rule exists, what triggers it,
    /// a wrong example and its fixed version, and how to settle a finding. It is written in the
    /// rule's own file, as a string (doc comments are not there at run time). Empty when the
    /// summary says it all.
    ///
    /// Examples sit under a line starting "Wrong" or "Fixed" and ending with ":", indented four
    /// spaces. For module rules the tests check that each wrong example really triggers its rule:
    /// front matter lines are merged into a valid module, body lines are added to its body, lines
    /// before a `---` line are front matter and lines after it the whole body, and an example that
    /// starts with `---` is a whole file.
    public let explanation: String

    public init(_ id: RuleID, _ severity: Severity, _ summary: String, setup: Bool = false,
                englishOnly: Bool = false, languages: Set<String>? = nil, explanation: String = "") {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.isSetup = setup
        self.languages = englishOnly ? ["en"] : languages
        self.explanation = explanation
    }

    /// A diagnostic of this rule at its default severity.
    public func diagnostic(_ file: String, _ range: SourceRange, _ message: String,
                           fix: Fix? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(file: file, range: range, severity: defaultSeverity, rule: id, message: message, fix: fix, notes: notes)
    }
}
