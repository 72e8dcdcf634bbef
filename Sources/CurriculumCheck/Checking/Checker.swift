/// Runs the rules the schema leaves on over a loaded curriculum and returns the findings in a
/// stable order. A rule that is off, or that does not apply to a module's language, is not run
/// (`DiagnosticEngine.isEnabled`); its suppressions are not reported as unused either.
public struct Checker: Sendable {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        run(context, collectingFacts: false).diagnostics
    }

    /// The findings, and with `collectingFacts` what the build needs of each module
    /// (`ModuleFacts`, by module path), from the prose its rules read.
    package func run(_ context: CheckContext, collectingFacts: Bool) -> (diagnostics: [Diagnostic], facts: [String: ModuleFacts]) {
        let engine = DiagnosticEngine(schema: context.schema)
        let glossary = context.curriculum.glossary
        // Modules are checked on every core; their findings are joined in module order.
        let perModule = Parallel.map(context.curriculum.modules) { module -> ([Diagnostic], ModuleFacts?) in
            if context.isCancelled { return ([], nil) }
            let rules = RuleCatalog.moduleRules.filter { engine.isEnabled(any: type(of: $0).descriptors, for: module) }
            var moduleContext = context
            if collectingFacts || rules.contains(where: { type(of: $0).readsProse }) {
                moduleContext.moduleProse = (module.path, context.prose(of: module))
            }
            var found: [Diagnostic] = []
            for rule in rules {
                if context.isCancelled { break }
                found += rule.check(module, in: moduleContext)
            }
            let facts = collectingFacts ? moduleContext.moduleProse.map { ModuleFacts(prose: $0.prose, glossary: glossary) } : nil
            return (found, facts)
        }
        var out = perModule.flatMap(\.0)
        for rule in RuleCatalog.curriculumRules where engine.isEnabled(any: type(of: rule).descriptors) {
            if context.isCancelled { break }
            out += rule.check(context)
        }
        var facts: [String: ModuleFacts] = [:]
        if collectingFacts {
            for (module, (_, moduleFacts)) in zip(context.curriculum.modules, perModule) { facts[module.path] = moduleFacts }
        }
        return (out, facts)
    }
}
