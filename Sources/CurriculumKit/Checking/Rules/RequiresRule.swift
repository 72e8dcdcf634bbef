/// `requires` must name existing modules and must not go round in a circle.
public struct RequiresRule: CurriculumRule {
    public static let unknown = RuleDescriptor("requires.unknown", .error, "A module requires a module id that does not exist.")
    public static let cycle = RuleDescriptor("requires.cycle", .error, "Modules require each other in a circle, so none can come first.")
    public static let descriptors = [unknown, cycle]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let modules = context.curriculum.modules
        var byID: [String: Module] = [:]
        for module in modules { if let id = module.id?.value, byID[id] == nil { byID[id] = module } }
        var out: [Diagnostic] = []
        let allIDs = byID.keys.sorted()
        for module in modules {
            for required in module.requires where byID[required.value] == nil {
                let suggestion = closestMatch(to: required.value, in: allIDs)
                out.append(Self.unknown.diagnostic(module.path, required.range, "no module has the id '\(required.value)'",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "use the id of an existing module, or remove it from requires",
                             replacements: suggestion.map { [Replacement(range: required.range, text: $0)] } ?? [])))
            }
        }
        // Find cycles with a depth-first search in id order; report each cycle once, at the
        // edge that closes it.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var reported = Set<String>()
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            let module = byID[id]!
            for edge in module.requires {
                guard byID[edge.value] != nil else { continue }
                if state[edge.value] == 1 {
                    let loop = Array(stack[stack.lastIndex(of: edge.value)!...]) + [edge.value]
                    let key = Set(loop).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        out.append(Self.cycle.diagnostic(module.path, edge.range,
                            "these modules require each other in a circle: \(loop.joined(separator: " -> "))",
                            fix: Fix(summary: "remove one of these requires so the modules can be taught in an order")))
                    }
                } else if state[edge.value] == nil {
                    visit(edge.value)
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for id in allIDs where state[id] == nil { visit(id) }
        return out
    }
}
