/// The one place that decides what a finding counts for, in the spirit of swift-docc's
/// `DiagnosticEngine`: the rules report findings at their default severity, and the engine
/// applies what the curriculum and the command line say about them.
///
/// - the schema's severities (`rules:` in schema.yaml): `off` drops a finding, any other value
///   replaces the rule's default. Setup findings keep theirs: a schema cannot switch off its
///   own errors;
/// - suppressions (`curriculum-ignore` comments in modules), when given the curriculum;
/// - which rules run at all: one that is off, or that does not apply to a module's language,
///   is skipped before it runs (`isEnabled`);
/// - exit codes: 2 when the setup cannot be used (no folder, no schema, a broken schema or
///   template), 1 for errors in the content, and for warnings under `--strict`, else 0.
///
/// The check, the build and the watch hand it what they found; the printers print the
/// `CheckReport` it leads to.
public struct DiagnosticEngine: Sendable {
    /// The schema's severity settings, by rule id.
    public let severities: [String: Severity]

    public init(severities: [String: Severity] = [:]) {
        self.severities = severities
    }

    public init(schema: Schema) {
        self.init(severities: schema.severities)
    }

    /// Languages (primary tags) whose language pack lists person-first terms: the English-only
    /// `person-first.term` runs for their modules with the pack's terms.
    public var termLanguages: Set<String> = []

    /// The engine of `curriculum`: its schema's severities and its language packs.
    public init(curriculum: Curriculum) {
        self.init(schema: curriculum.schema)
        termLanguages = Set(curriculum.languages.filter { !$0.value.preferredTerms.terms.isEmpty }.keys.map { Self.primary($0) })
    }

    static func primary(_ tag: String) -> String { String(tag.lowercased().split(separator: "-").first ?? "") }

    /// False when `rule` cannot report anything for `module` (or, without one, for the
    /// curriculum): the schema switches it off, or it reads English prose and the module is in
    /// another language.
    public func isEnabled(_ rule: RuleDescriptor, for module: Module? = nil) -> Bool {
        if severities[rule.id.rawValue] == .off { return false }
        if let languages = rule.languages, let module, !languages.contains(Self.primary(module.languageTag)) {
            return rule.id == PersonFirstRule.term.id && termLanguages.contains(Self.primary(module.languageTag))
        }
        return true
    }

    /// True when at least one of `rules` (a rule type's descriptors) is enabled for `module`.
    public func isEnabled(any rules: [RuleDescriptor], for module: Module? = nil) -> Bool {
        rules.contains { isEnabled($0, for: module) }
    }

    /// `found` as the user sees it: the curriculum's suppressions applied (with findings about
    /// the suppressions themselves), then the schema's severities.
    public func consume(_ found: [Diagnostic], suppressingIn curriculum: Curriculum? = nil) -> [Diagnostic] {
        let kept = curriculum.map { Suppressions.apply(found, in: $0) } ?? found
        return applyingSeverities(to: kept)
    }

    /// The schema's severities applied to `diagnostics`; `off` drops a finding.
    public func applyingSeverities(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !severities.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            if Self.isSetup(diagnostic) { return diagnostic }
            guard let severity = severities[diagnostic.rule.rawValue] else { return diagnostic }
            if severity == .off { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }

    /// True for a finding of a setup rule: the folder, schema, templates or output folder
    /// cannot be used. Such findings are reported for every file and never suppressed.
    public static func isSetup(_ diagnostic: Diagnostic) -> Bool {
        RuleCatalog.descriptor(diagnostic.rule)?.isSetup ?? false
    }

    /// True when the setup itself could not be used.
    public static func hasSetupError(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error && isSetup($0) }
    }

    /// 0 no errors (and no warnings under `strict`), 1 errors in the content, 2 setup unusable.
    public static func exitCode(for diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if hasSetupError(diagnostics) { return 2 }
        if diagnostics.contains(where: { $0.severity == .error }) { return 1 }
        if strict && diagnostics.contains(where: { $0.severity == .warning }) { return 1 }
        return 0
    }
}
