/// Every core objective is covered over the program and, under rolling admission, within the
/// minimum stay of every admission week.
public struct ProgramCoverageRule: CurriculumRule {
    public static let coverage = RuleDescriptor("program.coverage", .error, "A core objective is never covered in a track.")
    public static let window = RuleDescriptor("program.coverage-window", .error, "Under rolling admission, people admitted in some weeks miss a core objective during their minimum stay.")
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
