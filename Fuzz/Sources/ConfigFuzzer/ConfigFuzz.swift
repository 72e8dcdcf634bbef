import CurriculumKit
import Foundation
import FuzzSupport

// libFuzzer target over schema.yaml and program.yaml. An input holding a line
// `#%% program.yaml` is a schema (before it) and a program (after it); any other input is read
// as a schema (with the sample program) and as a program (with the sample schema), and as a
// glossary. Whenever a schema and a program come back, every track is resolved week by week,
// its coverage computed, the program rules run, and the coverage report, the index and the
// last week's packet of the first track rendered. Whenever a schema comes back, `CheckRun`
// also checks a small curriculum held in memory (that schema, the program, the sample
// glossary and one sample module) end to end, so the schema's content settings reach the
// module rules.
//
// Invariants beyond "no crash, no hang, no sanitizer report": every diagnostic points at a
// real place; a schedule has one entry per program week; coverage counts are never negative
// and admission gaps name real weeks; no HTML output breaks HTMLInvariants.

nonisolated(unsafe) private var sample: Sample?
nonisolated(unsafe) private var pageBaselines: [String: [String: Int]] = [:]
/// The files of the in-memory curriculum that stay the same: the sample program, glossary and module.
nonisolated(unsafe) private var sampleFiles: [String: [UInt8]] = [:]

private let separator = "\n#%% program.yaml\n"
private let schemaPath = "curriculum/schema.yaml"
private let programPath = "curriculum/program.yaml"
private let start = CalendarDate("2026-11-30")!

private func setUp() -> Sample {
    if let sample { return sample }
    let loaded = Sample.load()
    sample = loaded
    let documents = DocumentRenderer(curriculum: loaded.curriculum, templates: loaded.templates, options: PageOptions(), programName: "Fuzz")
    let program = loaded.program!
    pageBaselines["coverage"] = HTMLInvariants.templateTagCounts(documents.coveragePage(CoverageReport(curriculum: loaded.curriculum, program: program)))
    pageBaselines["index"] = HTMLInvariants.templateTagCounts(documents.index(modules: loaded.modules, withPDF: true))
    pageBaselines["packet"] = HTMLInvariants.templateTagCounts(PacketRenderer(documents: documents, program: program)
        .packet(track: program.tracks[0], week: 1, start: start))
    for name in ["program.yaml", "glossary.yaml", "modules/triggers/triggers-mapping.md"] {
        guard let data = FileManager.default.contents(atPath: Sample.repositoryRoot + "/curriculum/" + name) else {
            FuzzFailure.stop("the sample curriculum has no \(name)")
        }
        sampleFiles["curriculum/" + name] = [UInt8](data)
    }
    return loaded
}

/// One input: libFuzzer calls this for every input it tries. Also exported under libFuzzer's
/// conventional name, which its own `main` (linked in by some linkers) looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let sample = setUp()
    // The loader refuses text that is not UTF-8 before any YAML is read.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self) else { return 0 }
    if let cut = text.range(of: separator) {
        let schemaText = String(text[..<cut.lowerBound]), programText = String(text[cut.upperBound...])
        let schema = loadSchema(schemaText)
        let program = loadProgram(programText)
        if let schema, let program { exercise(schema: schema, program: program, sample: sample) }
        if schema != nil { checkEndToEnd(schema: schemaText, program: programText) }
    } else {
        if let schema = loadSchema(text) {
            exercise(schema: schema, program: sample.program!, sample: sample)
            checkEndToEnd(schema: text, program: nil)
        }
        if let program = loadProgram(text) { exercise(schema: sample.schema, program: program, sample: sample) }
        let glossary = SourceFile(path: "curriculum/glossary.yaml", text: text)
        checkDiagnostics(GlossaryLoader.load(glossary).1, file: glossary)
    }
    return 0
}

private func loadSchema(_ text: String) -> Schema? {
    let file = SourceFile(path: schemaPath, text: text)
    let (schema, findings) = SchemaLoader.load(file, knownRules: RuleCatalog.ids)
    checkDiagnostics(findings, file: file)
    return schema
}

private func loadProgram(_ text: String) -> Program? {
    let file = SourceFile(path: programPath, text: text)
    let (program, findings) = ProgramLoader.load(file)
    checkDiagnostics(findings, file: file)
    return program
}

private func exercise(schema: Schema, program: Program, sample: Sample) {
    var curriculum = Curriculum(root: Sample.rootName, schema: schema, modules: sample.modules, program: program)
    curriculum.glossary = sample.curriculum.glossary
    for track in program.tracks {
        let schedule = TrackSchedule.resolve(track, in: program)
        let weeks = max(program.weekCount, 1)
        FuzzFailure.require(schedule.weeks.count == weeks, "track \(track.id): \(schedule.weeks.count) scheduled weeks for a \(weeks)-week program")
        _ = schedule.placements
        let coverage = TrackCoverage(schedule: schedule, curriculum: curriculum)
        for (objective, counts) in coverage.counts {
            FuzzFailure.require(counts.count == weeks && counts.allSatisfy { $0 >= 0 }, "track \(track.id): coverage of \(objective) is \(counts)")
        }
        for week in coverage.windowGaps.keys {
            FuzzFailure.require((1...weeks).contains(week), "track \(track.id): an admission gap in week \(week) of \(weeks)")
        }
        _ = coverage.uncovered
        if let stay = program.minimumStay?.value {
            _ = TrackCoverage.window(admission: weeks, stay: stay, weeks: weeks)
        }
    }
    let context = CheckContext(curriculum: curriculum, fileSystem: EmptyFileSystem(), today: start, rootPath: Sample.rootName)
    var found: [Diagnostic] = []
    for rule in RuleCatalog.curriculumRules { found += rule.check(context) }
    checkDiagnostics(found, file: program.file)

    let report = CoverageReport(curriculum: curriculum, program: program)
    _ = report.text()
    _ = report.csv()
    let documents = DocumentRenderer(curriculum: curriculum, templates: sample.templates, options: PageOptions(paper: .a4, largePrint: true),
                                     programName: program.name)
    HTMLInvariants.check(documents.coveragePage(report), "coverage page", page: true, baseline: pageBaselines["coverage"]!)
    HTMLInvariants.check(documents.index(modules: sample.modules, withPDF: true), "index page", page: true, baseline: pageBaselines["index"]!)
    // Every week of every track is scheduled above; one packet checks the page around it.
    if let track = program.tracks.first {
        let week = max(program.weekCount, 1)
        HTMLInvariants.check(PacketRenderer(documents: documents, program: program).packet(track: track, week: week, start: start),
                             "packet \(track.id) week \(week)", page: true, baseline: pageBaselines["packet"]!)
    }
}

/// `curriculum check` over the in-memory curriculum with this schema (and program, else the sample's).
private func checkEndToEnd(schema: String, program: String?) {
    var files = sampleFiles
    files[schemaPath] = Array(schema.utf8)
    if let program { files[programPath] = Array(program.utf8) }
    let report = CheckRun.run(paths: [Sample.rootName], today: start, fileSystem: MemoryFileSystem(files: files))
    let sources = Dictionary(uniqueKeysWithValues: files.compactMap { path, bytes in
        String(validating: bytes, as: UTF8.self).map { (path, SourceFile(path: path, text: $0)) }
    })
    for d in report.diagnostics {
        FuzzFailure.require(d.range.start.line >= 1 && d.range.start.column >= 1, "a diagnostic at \(d.range) [\(d.rule)]: \(d.message)")
        if let file = sources[d.file] {
            FuzzFailure.require(d.range.start.line <= file.lineCount + 1,
                                "a diagnostic at line \(d.range.start.line) of the \(file.lineCount)-line \(d.file) [\(d.rule)]: \(d.message)")
        }
    }
}

private func checkDiagnostics(_ diagnostics: [Diagnostic], file: SourceFile) {
    for d in diagnostics {
        FuzzFailure.require(d.range.start.line >= 1 && d.range.start.column >= 1, "a diagnostic at \(d.range) [\(d.rule)]: \(d.message)")
        FuzzFailure.require(RuleCatalog.descriptor(d.rule) != nil, "a diagnostic of an unknown rule \(d.rule)")
        if d.file == file.path {
            FuzzFailure.require(d.range.start.line <= file.lineCount + 1,
                                "a diagnostic at line \(d.range.start.line) of a \(file.lineCount)-line file [\(d.rule)]: \(d.message)")
        }
    }
    // The module fuzzer checks every printer; the text one shows the source lines.
    let report = CheckReport(diagnostics: diagnostics, fileCount: 1)
    _ = TextPrinter(sourceLine: { path, line in path == file.path ? String(file.line(line)) : nil }, color: false).render(report)
}
