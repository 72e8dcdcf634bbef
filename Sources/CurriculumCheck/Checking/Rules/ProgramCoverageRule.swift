/// Every core objective is covered over the program and, under rolling admission, within the
/// minimum stay of every admission week.
public struct ProgramCoverageRule: CurriculumRule {
    public static let coverage = RuleDescriptor("program.coverage", .error, "A core objective is never covered in a track.",
        explanation: """
        Objectives marked 'core: true' in schema.yaml are what every participant of the program should work on. A \
        track where no scheduled module lists a core objective in its 'objectives' never covers it.

        Wrong (schema.yaml):
            - id: quality-of-life
              title: Quality of life
              core: true
            # ...and no module with 'objectives: [quality-of-life]' in the track's rotation
        Fixed (program.yaml):
            skill-building: [cravings-and-urges, values-and-goals]   # values-and-goals covers quality-of-life

        To fix it, schedule a module whose objectives include the one named. If the clinic does not hold it as \
        core, remove 'core: true' from it in schema.yaml. `curriculum coverage` shows the whole picture.
        """)
    public static let window = RuleDescriptor("program.coverage-window", .error, "Under rolling admission, people admitted in some weeks miss a core objective during their minimum stay.",
        explanation: """
        Under rolling admission, people join in any week and stay at least the 'minimum-stay' weeks, which wrap \
        around the program's cycle: in a 12-week program with an 8-week stay, someone admitted in week 10 attends \
        weeks 10 to 12 and 1 to 5. Each admission week whose stay misses a core objective is reported, so nobody \
        leaves without the core content.

        Wrong (12 weeks, 8-week stay):
            relationships modules only in weeks 6, 7, 8 and 9
            # people admitted in week 10 attend 10-12 and 1-5: they miss it
        Fixed:
            relationships modules in weeks 2, 5, 8 and 11

        To fix it, spread the objective's modules evenly through the weeks (shorter rotations help). `curriculum \
        coverage` lists the admission weeks and objectives missed.
        """)
    public static let descriptors = [coverage, window]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let program = context.curriculum.program, program.weekCount > 0 else { return [] }
        let schema = context.schema
        let path = program.file.path
        var out: [Diagnostic] = []
        let core = Set(schema.objectives.filter(\.isCore).map(\.id))
        // A track whose file has a mistake: its coverage waits for the fix (one finding, not six).
        for track in program.tracks where !track.hasFileErrors {
            let coverage = TrackCoverage(schedule: TrackSchedule.resolve(track, in: program), curriculum: context.curriculum)
            let never = coverage.uncovered.filter(core.contains)
            for objective in never {
                out.append(Self.coverage.diagnostic(path, track.range,
                    "the \(track.name) never covers the core objective '\(schema.objective(objective)?.title ?? objective)'",
                    fix: Fix(summary: "schedule a module whose objectives include '\(objective)'")))
            }
            var weeksByObjective: [String: [Int]] = [:]
            for (week, missing) in coverage.windowGaps {
                for objective in missing where !never.contains(objective) { weeksByObjective[objective, default: []].append(week) }
            }
            let stay = program.minimumStay?.value ?? program.weekCount
            for objective in weeksByObjective.keys.sorted() {
                let weeks = weeksByObjective[objective]!.sorted()
                out.append(Self.window.diagnostic(path, track.range,
                    "in the \(track.name), people admitted in week\(weeks.count == 1 ? "" : "s") \(weeks.map(String.init).joined(separator: ", ")) miss '\(schema.objective(objective)?.title ?? objective)' during their \(stay)-week stay",
                    fix: Fix(summary: "schedule '\(objective)' modules more evenly through the \(program.weekCount) weeks")))
            }
        }
        return out
    }
}
