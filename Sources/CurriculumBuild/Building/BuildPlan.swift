/// What a build writes and why, worked out before anything is written: every page with the key
/// of what it is made from (the same key and the same file on disk mean it is not made again),
/// the images to copy, and which pages get a PDF. Planning reads the loaded curriculum and the
/// images; it writes nothing.
struct BuildPlan: Sendable {
    /// The pages (HTML) and the stylesheet, in the order they are reported.
    var outputs: [PlannedOutput] = []
    /// Images the modules show, copied so the build prints offline.
    var assets: [PlannedAsset] = []
    /// True when the pages that get one (`Builder.makesPDF`) get a PDF too.
    var makesPDFs = false
    var packetCount = 0
    var datedPacketCount = 0

    /// The pages that get a PDF: the PDF's path and key.
    var pdfs: [(page: PlannedOutput, path: String, key: String)] {
        guard makesPDFs else { return [] }
        return outputs.filter { Builder.makesPDF($0.path) }.map { page in
            (page, String(page.path.dropLast(5)) + ".pdf", ContentHasher.digest(page.key, "pdf"))
        }
    }

    /// Every file the plan writes, PDFs included: an earlier build's output not among them is
    /// removed (unless it is a dated packet).
    var paths: Set<String> {
        Set(outputs.map(\.path) + assets.map(\.path) + pdfs.map(\.path))
    }

    /// Why there is no plan: the finding that refuses the build.
    struct Refusal: Error {
        let diagnostic: Diagnostic
    }
}

/// One planned page: where it goes, the hash of what it is made from, how to make it.
struct PlannedOutput: Sendable {
    let path: String
    let key: String
    let render: @Sendable () -> String
}

/// One image to copy, with its bytes.
struct PlannedAsset: Sendable {
    let path: String
    let key: String
    let bytes: [UInt8]
}

extension Builder {
    /// The plan of a whole build; a finding instead when the options ask for what the
    /// curriculum cannot give (dated packets without a program or its cycle-start).
    func plan(_ prepared: Prepared, root: String, options: BuildOptions) -> Result<BuildPlan, BuildPlan.Refusal> {
        let curriculum = prepared.curriculum
        let renderer = prepared.renderer
        let modules = prepared.modules
        var plan = BuildPlan(makesPDFs: options.pdf)
        for module in modules {
            let id = module.id!.value
            var hasher = ContentHasher()
            hasher.add(prepared.sharedKey)
            hasher.add(module.file.text)
            for required in module.requires { hasher.add(curriculum.module(required.value)?.title?.value ?? required.value) }
            let key = hasher.hexDigest
            plan.outputs.append(PlannedOutput(path: "handouts/\(id).html", key: ContentHasher.digest(key, "handout")) { renderer.handout(module) })
            plan.outputs.append(PlannedOutput(path: "guides/\(id).html", key: ContentHasher.digest(key, "guide")) { renderer.guide(module) })
        }
        var indexHasher = ContentHasher()
        indexHasher.add(prepared.sharedKey)
        indexHasher.add(options.pdf ? "pdf" : "html")
        // The index lists every track's weeks and which have a family packet: the program too.
        indexHasher.add(curriculum.program?.file.text ?? "")
        for module in modules {
            for part in [module.id?.value, module.title?.value, module.topic?.value, module.group?.value, module.minutes.map { String($0.value) }] {
                indexHasher.add(part ?? "")
            }
        }
        plan.outputs.append(PlannedOutput(path: "index.html", key: indexHasher.hexDigest) { renderer.index(modules: modules, withPDF: options.pdf) })
        let css = prepared.templates.css
        plan.outputs.append(PlannedOutput(path: "assets/print.css", key: ContentHasher.digest(css)) { css })
        if let program = curriculum.program {
            plan.outputs += programOutputs(program, prepared: prepared)
            plan.packetCount = program.tracks.count * program.weekCount
        }
        if let dated = options.dated {
            // Dated packets come from the program's calendar: without it there is nothing to date.
            guard let program = curriculum.program else {
                return .failure(BuildPlan.Refusal(diagnostic: Self.noProgram.diagnostic(PathUtil.display(PathUtil.join(root, "program.yaml")), .at(line: 1),
                    "--from needs program.yaml, and the curriculum has none", fix: Fix(summary: "add program.yaml with the program's tracks and cycle-start"))))
            }
            guard let calendar = ProgramCalendar(program: program) else {
                return .failure(BuildPlan.Refusal(diagnostic: ProgramCalendar.missingCycleStart(program, today: options.today)))
            }
            let outputs = datedPacketOutputs(calendar, dated, prepared: prepared)
            plan.outputs += outputs
            // The participants' packets; their family packets, notes and sign-in sheets come with them.
            plan.datedPacketCount = outputs.filter { $0.path.hasPrefix("packets/") && !$0.path.hasSuffix("-family.html") }.count
        }
        // Only the image types a handout needs, and SVG only without script or references to
        // other files.
        for relative in renderer.links.assets(of: modules) where relative != "print.css" {
            let source = PathUtil.join(root, relative)
            guard (fileSystem.fileSize(source) ?? 0) <= ImageFile.maxBytes,
                  let bytes = try? fileSystem.readFile(source), ImageFile.mayCopy(relative, bytes) else { continue }
            var hasher = ContentHasher()
            hasher.add(bytes)
            plan.assets.append(PlannedAsset(path: "assets/" + relative, key: hasher.hexDigest, bytes: bytes))
        }
        return .success(plan)
    }

    /// Weekly packets, session plans, family packets, group notes and sign-in sheets of every
    /// track and week, and the coverage report.
    func programOutputs(_ program: Program, prepared: Prepared) -> [PlannedOutput] {
        let curriculum = prepared.curriculum
        let packets = PacketRenderer(documents: prepared.renderer, program: program)
        var outputs: [PlannedOutput] = []
        var programHasher = ContentHasher()
        programHasher.add(prepared.sharedKey)
        programHasher.add(program.file.text)
        let programKey = programHasher.hexDigest
        for track in program.tracks {
            let schedule = TrackSchedule.resolve(track, in: program)
            for week in 1...max(program.weekCount, 1) {
                var hasher = ContentHasher()
                hasher.add(programKey)
                hasher.add(track.id)
                hasher.add(String(week))
                for module in packets.modules(of: schedule, week: week) { hasher.add(module.file.text) }
                let key = hasher.hexDigest
                outputs.append(PlannedOutput(path: OutputPaths.packet(track: track.id, week: week) + ".html", key: ContentHasher.digest(key, "packet")) {
                    packets.packet(track: track, week: week, start: nil)
                })
                outputs.append(PlannedOutput(path: OutputPaths.sessionPlan(track: track.id, week: week) + ".html", key: ContentHasher.digest(key, "plan")) {
                    packets.sessionPlan(track: track, week: week, start: nil)
                })
                outputs += paperworkOutputs(packets, track: track, week: week, start: nil, baseKey: programKey)
            }
        }
        var coverageHasher = ContentHasher()
        coverageHasher.add(programKey)
        for module in prepared.modules {
            coverageHasher.add(module.id?.value ?? "")
            for objective in module.objectives { coverageHasher.add(objective.value) }
        }
        let report = CoverageReport(curriculum: curriculum, program: program)
        let renderer = prepared.renderer
        outputs.append(PlannedOutput(path: "coverage.html", key: ContentHasher.digest(coverageHasher.hexDigest, "html")) {
            renderer.coveragePage(report)
        })
        outputs.append(PlannedOutput(path: "coverage.csv", key: ContentHasher.digest(coverageHasher.hexDigest, "csv")) { report.csv() })
        return outputs
    }

    /// The dated packets of `dated`'s weeks for every track (`build --from DATE --weeks N`):
    /// each is the packet of the cycle week that holds its Monday, dated from that Monday.
    func datedPacketOutputs(_ calendar: ProgramCalendar, _ dated: DatedWeeks, prepared: Prepared) -> [PlannedOutput] {
        let program = calendar.program
        let packets = PacketRenderer(documents: prepared.renderer, program: program)
        var outputs: [PlannedOutput] = []
        for track in program.tracks {
            let schedule = TrackSchedule.resolve(track, in: program)
            for index in 0..<dated.count {
                let monday = ProgramCalendar.monday(of: dated.from).adding(days: 7 * index)
                let week = calendar.cycleWeek(of: monday)
                var hasher = ContentHasher()
                hasher.add(prepared.sharedKey)
                hasher.add(program.file.text)
                hasher.add(track.id)
                hasher.add("\(week) \(monday)")
                let holidays = WeekCalendar(start: monday, holidays: program.holidays)
                for module in packets.modules(of: schedule, week: week, calendar: holidays) { hasher.add(module.file.text) }
                outputs.append(PlannedOutput(path: OutputPaths.datedPacket(track: track.id, start: monday) + ".html",
                                             key: ContentHasher.digest(hasher.hexDigest, "dated-packet")) {
                    packets.packet(track: track, week: week, start: monday)
                })
                var paperworkHasher = ContentHasher()
                paperworkHasher.add(prepared.sharedKey)
                paperworkHasher.add(program.file.text)
                outputs += paperworkOutputs(packets, track: track, week: week, start: monday, baseKey: paperworkHasher.hexDigest)
            }
        }
        return outputs
    }

    /// True for the HTML outputs that get a PDF (handouts, guides, packets, plans).
    static func makesPDF(_ path: String) -> Bool {
        path.hasSuffix(".html") && path != "index.html" && path != "coverage.html"
    }
}
