import Foundation

/// `curriculum packet`: one weekly packet for a track and week, written (HTML and PDF) under the
/// output folder to `packets/TRACK/week-NN.*`, or when a start day is given to
/// `packets/TRACK/YYYY-MM-DD.*` (that day), a file `build` never replaces.
extension Builder {
    public static let noProgram = BuildRules.noProgram

    public func packet(root: String, track trackID: String, week: Int, start: CalendarDate?, options: BuildOptions) -> BuildResult {
        if let refused = refuseOutputFolder(root: root, options: options) { return refused }
        let prepared: Prepared
        switch prepare(root: root, options: options) {
        case .success(let value): prepared = value
        case .failure(let failure): return failure.result
        }
        var result = BuildResult(report: prepared.checked)
        guard let program = prepared.curriculum.program, let track = program.track(trackID) else {
            result.refused = true
            result.report = CheckReport(diagnostics: prepared.checked.diagnostics + [Self.noProgram.diagnostic(PathUtil.display(PathUtil.join(root, "program.yaml")), .at(line: 1),
                "there is no program.yaml with a track '\(trackID)'", fix: Fix(summary: "add program.yaml with the program's tracks (see the sample curriculum)"))],
                fileCount: prepared.checked.fileCount)
            return result
        }
        let lock: BuildLock
        switch lockOutput(options.out, result, protected: protectedFolders(root: root, options: options)) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        let name = start.map { OutputPaths.datedPacket(track: track.id, start: $0) } ?? OutputPaths.packet(track: track.id, week: week)
        if let problem = OutputFolder.symbolicLinkProblem([name + ".html", "assets/print.css"], in: options.out) { return Self.refusing(result, problem) }
        // The packet replaces a file the last build's stamp vouches for: a packet killed before it
        // updates the manifest must not leave a stamp that lets the next build skip its work.
        BuildStamp.remove(from: options.out)
        let html = PacketRenderer(documents: prepared.renderer, program: program).packet(track: track, week: week, start: start)
        let htmlPath = PathUtil.join(options.out, name + ".html")
        var problems: [Diagnostic] = []
        do {
            try AtomicWriter.write(html, to: htmlPath)
            try AtomicWriter.write(prepared.templates.css, to: PathUtil.join(options.out, "assets/print.css"))
            result.written.append(name + ".html")
        } catch {
            problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(htmlPath), .at(line: 1), "could not write the packet: \(FileError.describe(error))"))
        }
        if options.pdf, let engine = pdfEngine, problems.isEmpty {
            progress("making the packet's PDF with WeasyPrint")
            let cancellation = self.cancellation
            var stage = PDFStage(engine: engine,
                                 notes: PDFNotes(curriculum: prepared.curriculum, templatesFolder: prepared.templates.folder, out: options.out, fileSystem: fileSystem),
                                 diagnostics: DiagnosticEngine(schema: prepared.curriculum.schema), out: options.out, jobsInParallel: 1,
                                 sourceDateEpoch: Self.sourceDateEpoch(prepared.modules), isCancelled: { cancellation?.isCancelled ?? false })
            stage.discardsWhenCancelled = true
            let made = stage.run([PDFStage.Page(html: name + ".html", pdf: name + ".pdf", key: "")],
                                 in: DiskOutputStore(folder: options.out, protected: protectedFolders(root: root, options: options)))
            if isCancelled {
                result.interrupted = true
            } else {
                problems += made.problems
                result.written += made.written
                result.pdfCount = made.written.count
            }
        }
        // An undated packet replaces the build's: the manifest must not claim it any more. A dated
        // one that `build --from` also made is left to it (its entry no longer matches the file).
        var manifest = BuildManifest.read(folder: options.out)
        if start == nil, manifest.outputs[name + ".html"] != nil || manifest.outputs[name + ".pdf"] != nil {
            manifest.outputs[name + ".html"] = nil
            manifest.outputs[name + ".pdf"] = nil
            try? manifest.write(folder: options.out)
        }
        if !problems.isEmpty {
            result.report = CheckReport(diagnostics: prepared.checked.diagnostics + problems, fileCount: prepared.checked.fileCount)
        }
        result.packetCount = 1
        return result
    }
}
