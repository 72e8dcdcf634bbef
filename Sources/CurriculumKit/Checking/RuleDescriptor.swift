/// What every rule has: a stable id (`group.missing-section`), a default severity that the
/// schema can override, and a one-line summary for `curriculum rules`.
public struct RuleDescriptor: Sendable, Hashable {
    public let id: String
    public let defaultSeverity: Severity
    public let summary: String
    /// Setup rules concern the schema or the folder itself: their errors exit with 2.
    public let isSetup: Bool

    public init(_ id: String, _ severity: Severity, _ summary: String, setup: Bool = false) {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.isSetup = setup
    }

    /// A diagnostic of this rule at its default severity.
    public func diagnostic(_ file: String, _ range: SourceRange, _ message: String,
                           fix: Fix? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(file: file, range: range, severity: defaultSeverity, rule: id, message: message, fix: fix, notes: notes)
    }
}
