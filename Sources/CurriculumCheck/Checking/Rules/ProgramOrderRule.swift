/// A module is never scheduled before a module it `requires`: per track in week order, and,
/// under rolling admission, for someone joining in any week (the weeks repeat as a cycle).
public struct ProgramOrderRule: CurriculumRule {
    public static let order = RuleDescriptor("program.requires-order", .error, "A module is scheduled before a module it requires.",
        explanation: """
        A module's 'requires' lists modules that must come before it. Going through each track's sessions in \
        order from week 1 (and segments in agenda order), a module met before a module it requires is reported, \
        with the week it first comes in, or "never" when it is not scheduled at all.

        Wrong (triggers-mapping requires brain-and-reward; week 1 Monday fills psychoeducation with \
        chronic-condition and skill-building with triggers-mapping):
            psychoeducation: [chronic-condition, stages-of-change, brain-and-reward]
            skill-building: [triggers-mapping, cravings-and-urges]
        Fixed:
            psychoeducation: [brain-and-reward, chronic-condition, stages-of-change]
            skill-building: [triggers-mapping, cravings-and-urges]

        To fix it, schedule the required module earlier (in the rotation, or with a 'weeks' plan for one session), \
        or the module later.
        """)
    public static let rolling = RuleDescriptor("program.requires-order-rolling", .warning, "Under rolling admission, someone joining in some week meets a module before a module it requires.",
        explanation: """
        Under rolling admission people join in any week and the weeks repeat as a cycle. For every admission week, \
        the weeks of the minimum stay are followed in order, and a module met before a module it requires is \
        reported with the admission weeks it affects. It is a warning by default: many rolling programs write each \
        topic to stand alone. Set its severity under 'rules:' in schema.yaml.

        Wrong (12 weeks, 8-week stay; brain-and-reward only in week 1):
            week 1:  psychoeducation brain-and-reward
            week 5:  skill-building triggers-mapping     # requires brain-and-reward
        Fixed (everyone who meets triggers-mapping has just met brain-and-reward):
            week 5:  psychoeducation brain-and-reward, then skill-building triggers-mapping

        To fix it, teach the required module more often or in the same session just before, write the module so it \
        stands alone (and remove its 'requires'), or lower this rule's severity.
        """)
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
