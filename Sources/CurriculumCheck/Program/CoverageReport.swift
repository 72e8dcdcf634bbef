/// The objectives x weeks matrix of every track, as text, CSV or data for the HTML template.
public struct CoverageReport: Sendable {
    public let curriculum: Curriculum
    public let program: Program
    public let tracks: [TrackCoverage]

    public init(curriculum: Curriculum, program: Program) {
        self.curriculum = curriculum
        self.program = program
        self.tracks = program.tracks.map { TrackCoverage(schedule: TrackSchedule.resolve($0, in: program), curriculum: curriculum) }
    }

    public enum Format: String, Sendable, CaseIterable { case text, csv, html }

    package func isCore(_ id: String) -> Bool { curriculum.schema.objective(id)?.isCore ?? false }
    package func title(_ id: String) -> String { curriculum.schema.objective(id)?.title ?? id }

    /// Admission weeks that miss `objective`, for one track.
    package func missedBy(_ coverage: TrackCoverage, _ objective: String) -> [Int] {
        coverage.windowGaps.filter { $0.value.contains(objective) }.map(\.key).sorted()
    }

    package var enrollmentLine: String {
        program.enrollment == .rolling
            ? "rolling admission, \(program.minimumStay?.value ?? program.weekCount)-week minimum stay"
            : "cohort"
    }

    public func text() -> String {
        var out = "\(program.name): \(program.weekCount) weeks, \(enrollmentLine)\n"
        let width = max(curriculum.schema.objectives.map { $0.title.count }.max() ?? 10, 10) + 2
        for coverage in tracks {
            out += "\n\(coverage.track.name)\n"
            out += "objective".padded(width) + (1...coverage.weekCount).map { String($0).leftPadded(3) }.joined() + "\n"
            for objective in coverage.objectives {
                let cells = coverage.counts[objective]!.map { $0 == 0 ? (isCore(objective) ? "  -" : "  .") : String($0).leftPadded(3) }
                out += (title(objective) + (isCore(objective) ? " *" : "")).padded(width) + cells.joined() + "\n"
            }
            let gaps = coverage.objectives.filter { !missedBy(coverage, $0).isEmpty }
            if gaps.isEmpty {
                out += "every admission week covers every core objective\n"
            } else {
                for objective in gaps {
                    out += "gap: admitted in weeks \(missedBy(coverage, objective).map(String.init).joined(separator: ", ")) miss \(title(objective))\n"
                }
            }
        }
        out += "\n* core objective; - a core objective not covered that week\n"
        return out
    }

    public func csv() -> String {
        let weeks = program.weekCount
        var out = "track,objective_id,objective,core," + (1...max(weeks, 1)).map { "week_\($0)" }.joined(separator: ",") + ",total,missed_by_admission_weeks\n"
        for coverage in tracks {
            for objective in coverage.objectives {
                let counts = coverage.counts[objective]!
                let fields = [coverage.track.id, objective, title(objective), isCore(objective) ? "yes" : "no"]
                    + counts.map(String.init) + [String(counts.reduce(0, +)), missedBy(coverage, objective).map(String.init).joined(separator: " ")]
                out += fields.map(Self.csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        // Quote when needed; a leading = + - @ would be read as a formula by spreadsheets.
        var value = text
        if let first = value.first, "=+-@".contains(first), Int(value) == nil { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
            return "\"" + value.replacingAll("\"", "\"\"") + "\""
        }
        return value
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
