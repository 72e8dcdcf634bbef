/// Module ids must be unique across the curriculum: programs and `requires` name modules by id.
public struct DuplicateIDRule: CurriculumRule {
    public static let descriptors = [FrontMatterRules.duplicateID]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var first: [String: Module] = [:]
        var out: [Diagnostic] = []
        for module in context.curriculum.modules {
            guard let id = module.id else { continue }
            if let earlier = first[id.value] {
                out.append(FrontMatterRules.duplicateID.diagnostic(module.path, id.range,
                    "the id '\(id.value)' is already used by \(earlier.path):\(earlier.id!.range.start.line)",
                    fix: Fix(summary: "give this module its own id, such as '\(id.value)-2', and update programs that name it")))
            } else {
                first[id.value] = module
            }
        }
        return out
    }
}
