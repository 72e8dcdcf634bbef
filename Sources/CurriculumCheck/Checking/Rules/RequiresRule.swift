/// `requires` must name existing modules and must not go round in a circle.
public struct RequiresRule: CurriculumRule {
    public static let unknown = RuleDescriptor("requires.unknown", .error, "A module requires a module id that does not exist.",
        explanation: """
        'requires' lists the modules that must be taught before this one, by id, so the program check can keep \
        them in order. An id no module has is usually a typo, or a module that was renamed or removed. The finding \
        suggests the closest id; `curriculum check --fix` writes it.

        Wrong:
            requires: [brain-reward]
        Fixed:
            requires: [brain-and-reward]

        To fix it, use the id of an existing module, or remove the entry if there is no longer such a module.
        """)
    public static let cycle = RuleDescriptor("requires.cycle", .error, "Modules require each other in a circle, so none can come first.",
        explanation: """
        'requires' says which modules must be taught first. When modules require each other in a circle (A \
        requires B and B requires A, or a longer loop), no order can satisfy them all, so no program can schedule \
        them correctly. The finding shows the whole circle.

        Wrong:
            triggers-mapping.md:       requires: [high-risk-situations]
            high-risk-situations.md:   requires: [triggers-mapping]
        Fixed:
            triggers-mapping.md:       requires: []
            high-risk-situations.md:   requires: [triggers-mapping]

        To fix it, decide which module really comes first, and remove the 'requires' entry that points the other \
        way.
        """)
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
        // edge that closes it. The search keeps its own stack (a module and the index of its
        // next edge), so a chain of thousands of modules cannot overflow the thread's stack.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        var position: [String: Int] = [:]  // id -> its index in path while visiting
        var pending: [(module: Module, edge: Int)] = []
        var reported = Set<String>()
        func enter(_ id: String) {
            state[id] = 1
            position[id] = path.count
            path.append(id)
            pending.append((byID[id]!, 0))
        }
        for root in allIDs where state[root] == nil {
            enter(root)
            while let top = pending.last {
                let module = top.module
                guard top.edge < module.requires.count else {
                    pending.removeLast()
                    let id = path.removeLast()
                    position[id] = nil
                    state[id] = 2
                    continue
                }
                pending[pending.count - 1].edge += 1
                let edge = module.requires[top.edge]
                guard byID[edge.value] != nil else { continue }
                if state[edge.value] == 1 {
                    let loop = Array(path[position[edge.value]!...]) + [edge.value]
                    let key = Set(loop).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        out.append(Self.cycle.diagnostic(module.path, edge.range,
                            "these modules require each other in a circle: \(loop.joined(separator: " -> "))",
                            fix: Fix(summary: "remove one of these requires so the modules can be taught in an order")))
                    }
                } else if state[edge.value] == nil {
                    enter(edge.value)
                }
            }
        }
        return out
    }
}
