import CurriculumKit
import Foundation
import FuzzSupport

// libFuzzer target over a whole curriculum: several modules, their requires graph, the program
// and the schema together. An input is a set of files, each starting with a line
// `#%% NAME`, where NAME is schema.yaml, program.yaml, glossary.yaml or modules/<path>.md (any
// other name becomes modules/fileN.md); text before the first such line is a module. A curriculum
// without a schema.yaml section gets the sample's schema. The files are held in memory
// (MemoryFileSystem) and checked end to end by `CheckRun`, as `curriculum check` does; then
// the curriculum is loaded again and the handout and guide of the first three modules, the
// coverage page, the index and the last weekly packet of the first two tracks are rendered.
//
// Invariants beyond "no crash, no hang, no sanitizer report":
// - every finding names a file of the input (or the curriculum folder), at line >= 1 and
//   column >= 1, no further than one line past the end of its file, of a known rule;
// - the JSON and SARIF reports are valid JSON, and the text and GitHub reports have one line
//   per finding part (no control character from a file breaks a line);
// - `requires.cycle` is reported exactly when the modules' requires (between ids that exist)
//   go round in a circle, as an independent topological sort finds;
// - no HTML output breaks HTMLInvariants.

nonisolated(unsafe) private var sample: Sample?
nonisolated(unsafe) private var sampleSchema: [UInt8] = []
nonisolated(unsafe) private var pageBaselines: [String: [String: Int]] = [:]

private let root = "curriculum"
private let marker = Array("#%% ".utf8)
private let today = CalendarDate("2026-11-29")!
private let start = CalendarDate("2026-11-30")!

private func setUp() -> Sample {
    if let sample { return sample }
    let loaded = Sample.load()
    sample = loaded
    guard let schema = FileManager.default.contents(atPath: Sample.repositoryRoot + "/curriculum/schema.yaml") else {
        FuzzFailure.stop("the sample curriculum has no schema.yaml")
    }
    sampleSchema = [UInt8](schema)
    let documents = DocumentRenderer(curriculum: loaded.curriculum, templates: loaded.templates, options: PageOptions(), programName: "Fuzz")
    let first = loaded.modules[0]
    pageBaselines["handout"] = HTMLInvariants.templateTagCounts(documents.handout(first))
    pageBaselines["guide"] = HTMLInvariants.templateTagCounts(documents.guide(first))
    let program = loaded.program!
    pageBaselines["coverage"] = HTMLInvariants.templateTagCounts(documents.coveragePage(CoverageReport(curriculum: loaded.curriculum, program: program)))
    pageBaselines["index"] = HTMLInvariants.templateTagCounts(documents.index(modules: loaded.modules, withPDF: true))
    pageBaselines["packet"] = HTMLInvariants.templateTagCounts(PacketRenderer(documents: documents, program: program)
        .packet(track: program.tracks[0], week: 1, start: start))
    return loaded
}

/// The input cut into files: path (under the curriculum folder) -> bytes.
private func files(of bytes: [UInt8]) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    var name = "modules/file0.md"
    var current: [UInt8] = []
    var count = 0
    func finish() {
        if out[name] == nil { out[name] = current } else { out["modules/file\(count).md"] = current }
        count += 1
    }
    var lineStart = 0
    var i = 0
    while i <= bytes.count {
        if i == bytes.count || bytes[i] == 0x0A {
            let line = bytes[lineStart..<i]
            if line.starts(with: marker) {
                if lineStart > 0 || !current.isEmpty { finish() }
                current = []
                name = cleanName(Array(line.dropFirst(marker.count)), index: count)
            } else if lineStart < bytes.count {
                current += line
                if i < bytes.count { current.append(0x0A) }
            }
            lineStart = i + 1
        }
        i += 1
    }
    finish()
    return out
}

/// schema.yaml, program.yaml, glossary.yaml, or a module path of plain characters.
private func cleanName(_ bytes: [UInt8], index: Int) -> String {
    let name = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    if ["schema.yaml", "program.yaml", "glossary.yaml"].contains(name) { return name }
    let plain = name.hasPrefix("modules/") && name.hasSuffix(".md") && !name.contains("..") && !name.contains("//")
        && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0) }
    return plain ? name : "modules/file\(index).md"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurriculum(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let sample = setUp()
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    var byName = files(of: bytes)
    if byName["schema.yaml"] == nil { byName["schema.yaml"] = sampleSchema }
    let memory = MemoryFileSystem(files: Dictionary(uniqueKeysWithValues: byName.map { (root + "/" + $0.key, $0.value) }))

    // `curriculum check`, end to end.
    let report = CheckRun.run(paths: [root], today: today, fileSystem: memory)
    let sources = Dictionary(uniqueKeysWithValues: memory.files.compactMap { path, bytes in
        String(validating: bytes, as: UTF8.self).map { (path, SourceFile(path: path, text: $0)) }
    })
    for d in report.diagnostics {
        FuzzFailure.require(d.range.start.line >= 1 && d.range.start.column >= 1, "a diagnostic at \(d.range) [\(d.rule)]: \(d.message)")
        FuzzFailure.require(d.range.start <= d.range.end, "a diagnostic that ends before it starts: \(d.range) [\(d.rule)]")
        FuzzFailure.require(RuleCatalog.descriptor(d.rule) != nil, "a diagnostic of an unknown rule \(d.rule)")
        FuzzFailure.require(memory.files[d.file] != nil || d.file == root || d.file.hasPrefix(root + "/"),
                            "a diagnostic names a file that is not in the curriculum: \(d.file)")
        if let file = sources[d.file] {
            FuzzFailure.require(d.range.start.line <= file.lineCount + 1,
                                "a diagnostic at line \(d.range.start.line) of the \(file.lineCount)-line \(d.file) [\(d.rule)]: \(d.message)")
        }
    }
    printAll(report, sources: sources)

    // Render what a build would, from the curriculum as loaded.
    let loaded = CurriculumLoader(fileSystem: memory).load(root: root)
    guard let curriculum = loaded.curriculum else { return 0 }
    checkCycles(curriculum, report: report)
    let documents = DocumentRenderer(curriculum: curriculum, templates: sample.templates, options: PageOptions(), programName: curriculum.program?.name ?? "Fuzz")
    for module in curriculum.modules.prefix(3) where module.hasFrontMatter {
        HTMLInvariants.check(documents.handout(module), "handout of \(module.path)", page: true, baseline: pageBaselines["handout"]!)
        HTMLInvariants.check(documents.guide(module), "guide of \(module.path)", page: true, baseline: pageBaselines["guide"]!)
    }
    HTMLInvariants.check(documents.index(modules: curriculum.modules, withPDF: true), "index page", page: true, baseline: pageBaselines["index"]!)
    if let program = curriculum.program {
        HTMLInvariants.check(documents.coveragePage(CoverageReport(curriculum: curriculum, program: program)), "coverage page", page: true,
                             baseline: pageBaselines["coverage"]!)
        let packets = PacketRenderer(documents: documents, program: program)
        for track in program.tracks.prefix(2) {
            for week in [max(program.weekCount, 1)] {
                HTMLInvariants.check(packets.packet(track: track, week: week, start: start), "packet \(track.id) week \(week)", page: true,
                                     baseline: pageBaselines["packet"]!)
            }
        }
    }
    return 0
}

/// Every printer: JSON and SARIF parse; the text and GitHub reports keep one finding part per line.
private func printAll(_ report: CheckReport, sources: [String: SourceFile]) {
    let lines: (String, Int) -> String? = { path, line in
        guard let file = sources[path], line >= 1, line <= file.lineCount else { return nil }
        return String(file.line(line))
    }
    let text = TextPrinter(sourceLine: lines, color: false).render(report)
    FuzzFailure.require(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                        "the text report holds a control character")
    let github = GitHubPrinter().render(report)
    let annotations = github.split(separator: "\n").filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }.count
    FuzzFailure.require(annotations == github.split(separator: "\n").count, "a GitHub annotation was broken over lines")
    for (format, printer) in [("json", JSONPrinter() as any DiagnosticPrinter), ("sarif", SARIFPrinter())] {
        let out = printer.render(report)
        FuzzFailure.require((try? JSONSerialization.jsonObject(with: Data(out.utf8))) != nil, "the \(format) report is not valid JSON")
    }
}

/// `requires.cycle` findings exactly when the requires graph has a circle (Kahn's algorithm).
private func checkCycles(_ curriculum: Curriculum, report: CheckReport) {
    var byID: [String: Module] = [:]
    for module in curriculum.modules { if let id = module.id?.value, byID[id] == nil { byID[id] = module } }
    var indegree: [String: Int] = byID.mapValues { _ in 0 }
    for module in byID.values {
        for edge in module.requires where byID[edge.value] != nil { indegree[edge.value, default: 0] += 1 }
    }
    var ready = indegree.filter { $0.value == 0 }.map(\.key)
    var removed = 0
    while let id = ready.popLast() {
        removed += 1
        for edge in byID[id]!.requires where byID[edge.value] != nil {
            indegree[edge.value]! -= 1
            if indegree[edge.value] == 0 { ready.append(edge.value) }
        }
    }
    let hasCycle = removed < byID.count
    let reported = report.diagnostics.contains { $0.rule == "requires.cycle" }
    // A severity setting in the schema may switch the rule off, and a comment in a module may
    // suppress a finding.
    if curriculum.schema.severities["requires.cycle"] == .off { return }
    if curriculum.modules.contains(where: { $0.file.text.contains(Suppressions.keyword) }) { return }
    FuzzFailure.require(hasCycle == reported, "requires.cycle \(reported ? "reported" : "not reported") where the graph \(hasCycle ? "has" : "has no") cycle")
}
