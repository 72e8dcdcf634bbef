import CurriculumKit
import Foundation
import FuzzSupport

// libFuzzer target over one module file: the bytes are loaded as a module of the sample
// curriculum, checked by every rule (with a file system that holds nothing, so no disk access),
// printed in every diagnostics format, and rendered for participants and facilitators.
//
// Invariants beyond "no crash, no hang, no sanitizer report":
// - every diagnostic points at a real place: line >= 1, column >= 1, a file that exists;
// - the JSON and SARIF reports are valid JSON;
// - the automatic fixes (`check --fix`) leave a module that loads, with its front matter;
// - no HTML output has a tag, attribute or URL a module could use to run script or restyle
//   the page (see HTMLInvariants);
// - facilitator-only text (FacilitatorText.marker in the seeds) never reaches a participant
//   document more often than it appears outside facilitator-only lines.

nonisolated(unsafe) private var sample: Sample?
nonisolated(unsafe) private var handoutBaseline: [String: Int] = [:]
nonisolated(unsafe) private var guideBaseline: [String: Int] = [:]

private let modulePath = "curriculum/modules/fuzz/fuzz.md"
nonisolated(unsafe) private var programText = ""

/// The curriculum rules about the program (they read every track week by week).
private protocol ProgramRuleMarker {}
extension ProgramIntensityRule: ProgramRuleMarker {}
extension ProgramModuleRule: ProgramRuleMarker {}
extension ProgramOrderRule: ProgramRuleMarker {}
extension ProgramCoverageRule: ProgramRuleMarker {}
private let today = CalendarDate("2026-11-29")!

private func setUp() -> Sample {
    if let sample { return sample }
    let loaded = Sample.load()
    sample = loaded
    programText = loaded.program?.file.text ?? ""
    let documents = DocumentRenderer(curriculum: loaded.curriculum, templates: loaded.templates, options: PageOptions(), programName: "Fuzz")
    let first = loaded.modules[0]
    handoutBaseline = HTMLInvariants.templateTagCounts(documents.handout(first))
    guideBaseline = HTMLInvariants.templateTagCounts(documents.guide(first))
    return loaded
}

/// One input: libFuzzer calls this for every input it tries. Also exported under libFuzzer's
/// conventional name, which its own `main` (linked in by some linkers) looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let sample = setUp()
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    let (loaded, loadFindings) = ModuleLoader.load(path: modulePath, bytes: bytes)
    guard let module = loaded else {
        checkDiagnostics(loadFindings, files: [:])
        return 0
    }

    // Check: every rule, over the sample curriculum with this module first (so it wins id lookups).
    var curriculum = Curriculum(root: Sample.rootName, schema: sample.schema, modules: [module] + sample.modules, program: sample.program)
    curriculum.glossary = sample.curriculum.glossary
    let context = CheckContext(curriculum: curriculum, fileSystem: EmptyFileSystem(), today: today, rootPath: Sample.rootName)
    var found = loadFindings
    for rule in RuleCatalog.moduleRules { found += rule.check(module, in: context) }
    // The program rules (a third of the time per input) see this module only when the program
    // names its id; otherwise their findings are the sample's own, the same for every input.
    // The curriculum fuzzer varies the program itself.
    let scheduled = module.id.map { programText.contains($0.value) } ?? true
    for rule in RuleCatalog.curriculumRules where scheduled || !(rule is ProgramRuleMarker) { found += rule.check(context) }
    // Only findings in this module or the program can change with the input; suppressions
    // apply per module, so only this one's are looked for.
    let programPath = sample.program?.file.path ?? ""
    found = found.filter { $0.file == modulePath || $0.file == programPath }
    found = Suppressions.apply(found, in: Curriculum(root: Sample.rootName, schema: sample.schema, modules: [module]))
    found = DiagnosticEngine(schema: curriculum.schema).applyingSeverities(to: found)
    checkDiagnostics(found, files: [modulePath: module.file])

    // `check --fix`: the automatic fixes, applied to the text as written, leave a module that
    // still loads, with its front matter if it had one.
    let automatic = found.filter { $0.file == modulePath }.compactMap(\.fix).filter(\.isAutomatic).flatMap(\.replacements)
    if !automatic.isEmpty, let written = String(validating: bytes, as: UTF8.self) {
        let (fixed, _) = FixApplier.apply(automatic, to: written)
        let (refixed, _) = ModuleLoader.load(path: modulePath, bytes: Array(fixed.utf8))
        FuzzFailure.require(refixed != nil && (!module.hasFrontMatter || refixed!.hasFrontMatter),
                            "the automatic fixes broke the module: \(automatic.map { "\($0.range) -> \($0.text.debugDescription)" })")
    }

    // Render: bodies, then whole documents through the templates.
    let participant = ModuleRenderer(audience: .participant).body(module)
    let facilitator = ModuleRenderer(audience: .facilitator).body(module)
    let notes = ModuleRenderer(audience: .facilitator).facilitatorNotes(module)
    HTMLInvariants.check(participant, "participant body")
    HTMLInvariants.check(facilitator, "facilitator body")
    HTMLInvariants.check(notes, "facilitator notes")
    let documents = DocumentRenderer(curriculum: curriculum, templates: sample.templates, options: PageOptions(), programName: "Fuzz")
    let handout = documents.handout(module)
    let guide = documents.guide(module)
    HTMLInvariants.check(handout, "handout page", page: true, baseline: handoutBaseline)
    HTMLInvariants.check(guide, "guide page", page: true, baseline: guideBaseline)

    let visible = FacilitatorText.visibleMarkers(in: module)
    for (html, what) in [(participant, "participant body"), (handout, "handout page")] {
        let shown = FacilitatorText.textOccurrences(of: FacilitatorText.marker, in: html)
        // Text a participant may see can be printed more than once (a title in <title> and
        // <h1>), so the invariant is that the marker never shows when it stands only in
        // facilitator-only lines.
        FuzzFailure.require(visible > 0 || shown == 0,
                            "facilitator-only text reached the \(what): the marker shows \(shown) times, the file has it \(visible) times outside facilitator-only lines")
    }
    return 0
}

private func checkDiagnostics(_ diagnostics: [Diagnostic], files: [String: SourceFile]) {
    for d in diagnostics {
        FuzzFailure.require(d.range.start.line >= 1 && d.range.start.column >= 1, "a diagnostic at \(d.range) [\(d.rule)]: \(d.message)")
        FuzzFailure.require(d.range.start <= d.range.end, "a diagnostic that ends before it starts: \(d.range) [\(d.rule)]")
        FuzzFailure.require(RuleCatalog.descriptor(d.rule) != nil, "a diagnostic of an unknown rule \(d.rule)")
        if let file = files[d.file] {
            FuzzFailure.require(d.range.start.line <= file.lineCount + 1,
                                "a diagnostic at line \(d.range.start.line) of a \(file.lineCount)-line file [\(d.rule)]: \(d.message)")
        }
    }
    let report = CheckReport(diagnostics: diagnostics, fileCount: 1)
    let lines: (String, Int) -> String? = { path, line in files[path].map { String($0.line(line)) } }
    _ = TextPrinter(sourceLine: lines, color: true).render(report)
    _ = GitHubPrinter().render(report)
    // SARIF writes its strings with the JSON printer's writer, after a table of every rule that
    // costs a tenth of the time per input: it is checked when a finding holds text JSON escapes.
    let escapes = diagnostics.contains { d in
        (d.message + d.file + (d.fix?.summary ?? "") + d.notes.joined()).unicodeScalars.contains { $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0.value > 0x7E }
    }
    let printers: [(String, any DiagnosticPrinter)] = escapes ? [("json", JSONPrinter()), ("sarif", SARIFPrinter())] : [("json", JSONPrinter())]
    for (format, printer) in printers {
        let text = printer.render(report)
        FuzzFailure.require((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "the \(format) report is not valid JSON")
    }
}
