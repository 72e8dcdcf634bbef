/// Runs every rule over a loaded curriculum and returns the findings in a stable order.
public struct Checker: Sendable {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // Modules are checked on every core; their findings are joined in module order.
        let perModule = Parallel.map(context.curriculum.modules) { module in
            var found: [Diagnostic] = []
            for rule in RuleCatalog.moduleRules {
                if context.isCancelled { break }
                found += rule.check(module, in: context)
            }
            context.finishedChecking(module)
            return found
        }
        var out = perModule.flatMap { $0 }
        for rule in RuleCatalog.curriculumRules {
            if context.isCancelled { break }
            out += rule.check(context)
        }
        return out
    }
}
