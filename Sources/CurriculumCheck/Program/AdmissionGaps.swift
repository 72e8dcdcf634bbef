/// The core objectives a person admitted in a given week of the cycle does not meet before
/// their minimum stay ends (`curriculum makeup --admitted-week N`), from the track's coverage,
/// with the modules that cover each one and the weeks the track teaches them.
public struct AdmissionGaps: Sendable {
    public let track: Track
    public let admittedWeek: Int
    public let weekCount: Int
    public let stay: Int
    /// The weeks the stay attends, in order (cyclic under rolling admission).
    public let weeks: [Int]
    public let missing: [Missing]

    public struct Missing: Sendable {
        public let objective: Objective
        public let modules: [Covering]
    }

    /// A module that serves the objective, with the weeks this track schedules it (none when
    /// the track does not).
    public struct Covering: Sendable {
        public let id: String
        public let title: String
        public let weeks: [Int]
    }

    public init(curriculum: Curriculum, program: Program, track: Track, admittedWeek: Int) {
        let schedule = TrackSchedule.resolve(track, in: program)
        let coverage = TrackCoverage(schedule: schedule, curriculum: curriculum)
        let weekCount = coverage.weekCount
        let stay = min(program.minimumStay?.value ?? weekCount, weekCount)
        let weeks = program.enrollment == .rolling
            ? TrackCoverage.window(admission: admittedWeek, stay: stay, weeks: weekCount)
            : Array(admittedWeek...min(weekCount, admittedWeek + stay - 1))
        var taught: [String: [Int]] = [:]
        for placement in schedule.placements where !(taught[placement.module.value]?.contains(placement.week) ?? false) {
            taught[placement.module.value, default: []].append(placement.week)
        }
        let core = curriculum.schema.objectives.filter(\.isCore)
        self.missing = core.filter { objective in weeks.allSatisfy { coverage.counts[objective.id]?[$0 - 1] ?? 0 == 0 } }.map { objective in
            let modules = curriculum.modules.filter { $0.objectives.contains { $0.value == objective.id } }
                .compactMap { module -> Covering? in
                    guard let id = module.id?.value else { return nil }
                    return Covering(id: id, title: module.title?.value ?? id, weeks: taught[id] ?? [])
                }
                .sorted { ($0.weeks.isEmpty ? 1 : 0, $0.id) < ($1.weeks.isEmpty ? 1 : 0, $1.id) }
            return Missing(objective: objective, modules: modules)
        }
        self.track = track
        self.admittedWeek = admittedWeek
        self.weekCount = weekCount
        self.stay = stay
        self.weeks = weeks
    }

    public func text() -> String {
        let weekList = weeks.map(String.init).joined(separator: ", ")
        var out = "\(track.name): a person admitted in week \(admittedWeek) of \(weekCount) attends weeks \(weekList) during the minimum stay of \(stay) weeks.\n"
        if missing.isEmpty {
            out += "Every core objective comes up during that stay.\n"
            return out
        }
        out += "Core objectives not met before the minimum stay ends:\n"
        for item in missing {
            out += "  \(item.objective.id): \(item.objective.title)\n"
            if item.modules.isEmpty { out += "    no module covers it\n" }
            for module in item.modules {
                let when = module.weeks.isEmpty ? "not scheduled in this track" : "week\(module.weeks.count == 1 ? "" : "s") \(module.weeks.map(String.init).joined(separator: ", "))"
                out += "    \(module.id) (\(module.title)): \(when)\n"
            }
        }
        return out
    }

    public func json() -> JSONValue {
        .object([
            ("track", .string(track.id)),
            ("admittedWeek", .int(admittedWeek)),
            ("weekCount", .int(weekCount)),
            ("minimumStay", .int(stay)),
            ("weeks", .array(weeks.map { .int($0) })),
            ("missing", .array(missing.map { item in
                .object([
                    ("objective", .string(item.objective.id)),
                    ("title", .string(item.objective.title)),
                    ("modules", .array(item.modules.map { module in
                        .object([("id", .string(module.id)), ("title", .string(module.title)), ("weeks", .array(module.weeks.map { .int($0) }))])
                    })),
                ])
            })),
        ])
    }
}
