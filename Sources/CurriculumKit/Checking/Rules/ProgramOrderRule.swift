/// A module is never scheduled before a module it `requires`: per track in week order, and,
/// under rolling admission, for someone joining in any week (the weeks repeat as a cycle).
public struct ProgramOrderRule: CurriculumRule {
    public static let order = RuleDescriptor("program.requires-order", .error, "A module is scheduled before a module it requires.")
    public static let rolling = RuleDescriptor("program.requires-order-rolling", .warning, "Under rolling admission, someone joining in some week meets a module before a module it requires.")
    public static let descriptors = [order, rolling]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let program = context.curriculum.program, program.weekCount > 0 else { return [] }
        let curriculum = context.curriculum
        let path = program.file.path
        var out: [Diagnostic] = []
        for track in program.tracks where !track.hasFileErrors {
            let placements = TrackSchedule.resolve(track, in: program).placements
            // From week 1 on (a cohort, or the program as written).
            var seen = Set<String>()
            var reported = Set<String>()
            for placement in placements {
                let id = placement.module.value
                for required in curriculum.module(id)?.requires ?? [] where !seen.contains(required.value) {
                    guard reported.insert("\(id)>\(required.value)").inserted else { continue }
                    let first = placements.first { $0.module.value == required.value }
                    let when = first.map { "it first comes in week \($0.week)\($0.day.map { " (\($0.name))" } ?? "")" } ?? "it is never scheduled"
                    out.append(Self.order.diagnostic(path, placement.module.range,
                        "'\(id)' comes in week \(placement.week)\(placement.day.map { " (\($0.name))" } ?? "") of the \(track.name), before '\(required.value)', which it requires; \(when)",
                        fix: Fix(summary: "schedule '\(required.value)' earlier, or '\(id)' later")))
                }
                seen.insert(id)
            }
            // Rolling admission: someone who joins in week a attends a, a+1, ... (cyclic).
            guard program.enrollment == .rolling else { continue }
            let stay = min(program.minimumStay?.value ?? program.weekCount, program.weekCount)
            var misses: [String: (placement: Placement, required: String, weeks: [Int])] = [:]
            for admission in 1...program.weekCount {
                let window = TrackCoverage.window(admission: admission, stay: stay, weeks: program.weekCount)
                var attended = Set<String>()
                var flagged = Set<String>()
                for week in window {
                    for placement in placements where placement.week == week {
                        let id = placement.module.value
                        for required in curriculum.module(id)?.requires ?? [] where !attended.contains(required.value) {
                            let key = "\(id)>\(required.value)"
                            guard flagged.insert(key).inserted else { continue }
                            misses[key, default: (placement, required.value, [])].weeks.append(admission)
                        }
                        attended.insert(id)
                    }
                }
            }
            for key in misses.keys.sorted() {
                let miss = misses[key]!
                let id = miss.placement.module.value
                out.append(Self.rolling.diagnostic(path, miss.placement.module.range,
                    "in the \(track.name), people admitted in week\(miss.weeks.count == 1 ? "" : "s") \(miss.weeks.map(String.init).joined(separator: ", ")) meet '\(id)' before '\(miss.required)', which it requires",
                    fix: Fix(summary: "teach '\(miss.required)' more often, write '\(id)' so it stands alone, or set this rule's severity in schema.yaml")))
            }
        }
        return out
    }
}
