import Foundation

/// `curriculum packet`: one weekly packet for a track and week, written (HTML and PDF) under the
/// output folder to `packets/TRACK/week-NN.*`, or when a start day is given to
/// `packets/TRACK/YYYY-MM-DD.*` (that day), a file `build` never replaces; in another language
/// (`--language es`) with the language before the ending (`week-NN.es.*`).
extension Builder {
    public static let noProgram = BuildRules.noProgram

    public func packet(root: String, track trackID: String, week: Int, start: CalendarDate?, options: BuildOptions,
                       language: String = "en") -> BuildResult {
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
        let english = LocalizedValue.isDefault(language)
        if !english, prepared.curriculum.pack(for: language) == nil {
            result.refused = true
            let folder = PathUtil.display(PathUtil.join(root, "languages"))
            let packs = prepared.curriculum.languages.keys.sorted()
            result.report = CheckReport(diagnostics: prepared.checked.diagnostics + [LanguageRules.missingLabel.diagnostic(PathUtil.join(folder, "\(language).yaml"), .at(line: 1),
                "there is no language pack for '\(language)', so a packet in it would have no labels to print",
                fix: Fix(summary: packs.isEmpty ? "add \(folder)/\(language).yaml (copy es.yaml from the sample curriculum and translate it)"
                                                : "use one of: en, \(packs.joined(separator: ", ")); or add \(folder)/\(language).yaml"))],
                fileCount: prepared.checked.fileCount)
            return result
        }
        let lock: BuildLock
        switch lockOutput(options.out, result, protected: protectedFolders(root: root, options: options)) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        let suffix = english ? nil : language
        let name = start.map { OutputPaths.datedPacket(track: track.id, start: $0, language: suffix) }
            ?? OutputPaths.packet(track: track.id, week: week, language: suffix)
        if let problem = OutputFolder.symbolicLinkProblem([name + ".html", "assets/print.css"], in: options.out) { return Self.refusing(result, problem) }
        // The packet replaces a file the last build's stamp vouches for: a packet killed before it
        // updates the manifest must not leave a stamp that lets the next build skip its work.
        BuildStamp.remove(from: options.out)
        let html = PacketRenderer(documents: prepared.renderer, program: program).packet(track: track, week: week, start: start, language: language)
        let problems = writeSinglePage(html, to: name, what: "the packet", prepared: prepared, root: root, options: options, result: &result)
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
