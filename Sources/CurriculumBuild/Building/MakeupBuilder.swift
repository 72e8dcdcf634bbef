import Foundation

/// `curriculum makeup`: a make-up packet for missed sessions (`makeup/TRACK/week-NN-DAY.*`,
/// named after the first) or the make-up planning page of an admission week
/// (`makeup/TRACK/admitted-week-NN.*`), HTML and PDF. A build never lists, replaces or removes
/// them: they are written for one person at one time.
extension Builder {
    /// What `curriculum makeup` writes: the packet of missed sessions, or an admission week's gaps.
    public enum MakeupRequest: Sendable {
        case missed([MissedSession], start: CalendarDate?)
        case admittedWeek(Int)
    }

    public func makeup(root: String, track trackID: String, request: MakeupRequest, options: BuildOptions) -> BuildResult {
        if let refused = refuseOutputFolder(root: root, options: options) { return refused }
        let prepared: Prepared
        switch prepare(root: root, options: options) {
        case .success(let value): prepared = value
        case .failure(let failure): return failure.result
        }
        var result = BuildResult(report: prepared.checked)
        guard let program = prepared.curriculum.program, let track = program.track(trackID) else {
            return Self.refusing(result, Self.noProgram.diagnostic(PathUtil.display(PathUtil.join(root, "program.yaml")), .at(line: 1),
                "there is no program.yaml with a track '\(trackID)'", fix: Fix(summary: "add program.yaml with the program's tracks (see the sample curriculum)")))
        }
        let template = { if case .missed = request { "makeup" } else { "admitted-week" } }()
        guard prepared.templates.has(template) else {
            let path = PathUtil.join(prepared.templates.folder, template + ".mustache")
            return Self.refusing(result, TemplateSet.missing.diagnostic(PathUtil.display(path), .at(line: 1),
                "the template '\(template).mustache' is missing from \(PathUtil.display(prepared.templates.folder))",
                fix: Fix(summary: "copy it from the project's templates/ folder, or pass --templates with a folder that has it")))
        }
        let packets = PacketRenderer(documents: prepared.renderer, program: program)
        let name: String
        let html: String
        switch request {
        case .missed(let missed, let start):
            // The command line gives at least one session (MissedSession.parse).
            let first = missed.first ?? MissedSession(week: 1, day: track.sessionDays.first?.0 ?? .monday)
            name = OutputPaths.makeup(track: track.id, week: first.week, day: first.day)
            html = packets.makeup(track: track, missed: missed, start: start)
        case .admittedWeek(let week):
            name = OutputPaths.admittedWeek(track: track.id, week: week)
            html = packets.admittedWeek(AdmissionGaps(curriculum: prepared.curriculum, program: program, track: track, admittedWeek: week))
        }
        let lock: BuildLock
        switch lockOutput(options.out, result, protected: protectedFolders(root: root, options: options)) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        if let problem = OutputFolder.symbolicLinkProblem([name + ".html", "assets/print.css"], in: options.out) { return Self.refusing(result, problem) }
        let problems = writeSinglePage(html, to: name, what: "the make-up page", prepared: prepared, root: root, options: options, result: &result)
        if !problems.isEmpty {
            result.report = CheckReport(diagnostics: prepared.checked.diagnostics + problems, fileCount: prepared.checked.fileCount)
        }
        return result
    }
}
