/// The outcome of a check: the findings as `DiagnosticEngine` left them, and their counts.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Files read (schema and modules).
    public var fileCount: Int
    /// English-only rules skipped for modules in other languages: rule id -> modules skipped.
    public var skipped: [String: Int] = [:]
    /// True when the check was stopped (Ctrl-C) before every rule ran: the findings are partial.
    public var wasCancelled = false

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
        self.fileCount = fileCount
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// True when the setup itself could not be used (no folder, no schema, a broken schema).
    public var hasSetupError: Bool { DiagnosticEngine.hasSetupError(diagnostics) }

    /// 0 no errors (and no warnings under `strict`), 1 errors in the content, 2 setup unusable
    /// (decided by `DiagnosticEngine`).
    public func exitCode(strict: Bool) -> Int32 {
        DiagnosticEngine.exitCode(for: diagnostics, strict: strict)
    }
}
