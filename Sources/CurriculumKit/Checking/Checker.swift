/// Runs every rule over a loaded curriculum and returns the findings in a stable order.
public struct Checker: Sendable {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for module in context.curriculum.modules {
            for rule in RuleCatalog.moduleRules {
                out += rule.check(module, in: context)
            }
        }
        for rule in RuleCatalog.curriculumRules {
            out += rule.check(context)
        }
        return out
    }
}
