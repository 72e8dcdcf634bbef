/// The outcome of a check: the findings after severities were applied, and their counts.
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
    public var hasSetupError: Bool {
        diagnostics.contains { $0.severity == .error && (RuleCatalog.descriptor($0.rule)?.isSetup ?? false) }
    }

    /// 0 no errors (and no warnings under `strict`), 1 errors in the content, 2 setup unusable.
    public func exitCode(strict: Bool) -> Int32 {
        if hasSetupError { return 2 }
        if errorCount > 0 { return 1 }
        if strict && warningCount > 0 { return 1 }
        return 0
    }

    /// Applies the schema's severity settings: `off` drops a finding, others replace the default.
    public static func applying(_ severities: [String: Severity], to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            // Setup findings keep their severity: a schema cannot switch off its own errors.
            if RuleCatalog.descriptor(diagnostic.rule)?.isSetup == true { return diagnostic }
            guard let severity = severities[diagnostic.rule] else { return diagnostic }
            if severity == .off { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }
}
