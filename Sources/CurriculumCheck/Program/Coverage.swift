/// Which objectives a track covers in which week, and, under rolling admission, which
/// admission weeks miss an objective within the minimum stay.
public struct TrackCoverage: Sendable {
    public let track: Track
    /// Objective ids in schema order.
    public let objectives: [String]
    /// `counts[objective][week - 1]`: how many scheduled modules serve the objective that week.
    public let counts: [String: [Int]]
    /// Under rolling admission: admission week -> core objectives its stay never covers.
    public let windowGaps: [Int: [String]]
    public let weekCount: Int

    public init(schedule: TrackSchedule, curriculum: Curriculum) {
        let program = curriculum.program
        let weekCount = schedule.weeks.count
        let objectives = curriculum.schema.objectives.map(\.id)
        var counts: [String: [Int]] = [:]
        for objective in objectives { counts[objective] = Array(repeating: 0, count: weekCount) }
        for placement in schedule.placements {
            guard let module = curriculum.module(placement.module.value) else { continue }
            for objective in Set(module.objectives.map(\.value)) where counts[objective] != nil {
                counts[objective]![placement.week - 1] += 1
            }
        }
        var gaps: [Int: [String]] = [:]
        if let program, program.enrollment == .rolling {
            let stay = min(program.minimumStay?.value ?? weekCount, weekCount)
            let core = curriculum.schema.objectives.filter(\.isCore).map(\.id)
            for admission in 1...max(weekCount, 1) {
                let window = (0..<stay).map { (admission - 1 + $0) % weekCount }
                let missing = core.filter { objective in window.allSatisfy { counts[objective]![$0] == 0 } }
                if !missing.isEmpty { gaps[admission] = missing }
            }
        }
        self.track = schedule.track
        self.objectives = objectives
        self.counts = counts
        self.windowGaps = gaps
        self.weekCount = weekCount
    }

    /// The weeks an admission in `week` attends during the minimum stay (cyclic).
    public static func window(admission week: Int, stay: Int, weeks: Int) -> [Int] {
        (0..<min(stay, weeks)).map { (week - 1 + $0) % weeks + 1 }
    }

    /// Objectives never covered anywhere in the track.
    public var uncovered: [String] {
        objectives.filter { counts[$0]!.allSatisfy { $0 == 0 } }
    }
}
