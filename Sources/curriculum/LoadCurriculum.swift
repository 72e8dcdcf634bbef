import ArgumentParser
import CurriculumKit

/// What the reporting commands (`stats`, `translations`, `coverage`, `calendar`) need before
/// they can report: the curriculum at PATH, and for some its program. When it cannot be had,
/// the findings are printed and the command exits with 2.
enum LoadCurriculum {
    /// The curriculum at `path`.
    static func at(_ path: String) throws -> Curriculum {
        let loaded = CurriculumLoader().load(root: path)
        guard let curriculum = loaded.curriculum else { try fail(loaded.diagnostics, fileCount: loaded.fileCount) }
        return curriculum
    }

    /// The curriculum at `path` and its program; without program.yaml, a finding that says what
    /// the program is needed `for` ("to report on") and how to add it.
    static func withProgram(_ path: String, for purpose: String, fix: String) throws -> (curriculum: Curriculum, program: Program) {
        let loaded = CurriculumLoader().load(root: path)
        guard let curriculum = loaded.curriculum, let program = curriculum.program else {
            let problems = loaded.diagnostics.isEmpty
                ? [Builder.noProgram.diagnostic(PathUtil.display(PathUtil.join(path, "program.yaml")), .at(line: 1), "there is no program.yaml \(purpose)",
                                                fix: Fix(summary: fix))]
                : loaded.diagnostics
            try fail(problems, fileCount: loaded.fileCount)
        }
        return (curriculum, program)
    }

    static func fail(_ diagnostics: [Diagnostic], fileCount: Int) throws -> Never {
        Terminal.write(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: diagnostics, fileCount: fileCount)))
        throw ExitCode(2)
    }
}
