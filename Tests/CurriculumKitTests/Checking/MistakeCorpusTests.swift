import Foundation
import Testing
@testable import CurriculumKit

/// The writer's mistakes in Fixtures/mistakes (one per module, listed in mistakes.txt): each is
/// answered at the line of the mistake, by the rule the list names, in words that say how to fix
/// it, and with no knock-on error elsewhere in the file.
@Suite struct MistakeCorpusTests {
    struct Mistake: CustomStringConvertible {
        let file: String
        let rule: String
        let line: Int
        let words: String
        let what: String
        var description: String { "\(file):\(line) \(rule) (\(what))" }
    }

    static let folder = Fixtures.path("mistakes")

    static func mistakes() throws -> [Mistake] {
        let text = try String(contentsOfFile: folder + "/mistakes.txt", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingWhitespace().isEmpty }.map { line in
            let parts = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            let head = parts[0].split(separator: " ")
            return Mistake(file: String(head[0]), rule: String(head[1]), line: Int(head[2])!,
                           words: parts.count > 1 ? parts[1] : "", what: parts.count > 2 ? parts[2] : "")
        }
    }

    /// Mistakes not yet answered where they are (remove a name when its case is done).
    static let pending: Set<String> = []

    static let report = CheckRun.run(paths: [folder], today: Fixtures.today)

    @Test func theCorpusHoldsAtLeastFortyMistakes() throws {
        let mistakes = try Self.mistakes()
        #expect(mistakes.count >= 40)
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.folder + "/modules").filter { $0.hasSuffix(".md") }
        // Every module but the clean link target is listed.
        #expect(Set(files.map { "modules/" + $0 }).subtracting(mistakes.map(\.file)) == ["modules/coping/breathing-basics.md"])
    }

    @Test(arguments: try! MistakeCorpusTests.mistakes())
    func eachMistakeIsAnsweredAtItsLine(_ mistake: Mistake) throws {
        let found = Self.report.diagnostics.filter { $0.file == Self.folder + "/" + mistake.file }.sorted(by: Diagnostic.ordered)
        let errors = found.filter { $0.severity == .error }
        let first = errors.first ?? found.first
        let check = {
            #expect(first?.rule == mistake.rule, "\(mistake): \(found.map { "\($0.range.start.line) \($0.rule) \($0.message)" })")
            #expect(first?.range.start.line == mistake.line, "\(mistake): \(found.map { "\($0.range.start.line) \($0.rule)" })")
            let said = (first?.message ?? "") + " " + (first?.fix?.summary ?? "") + " " + (first?.notes.joined(separator: " ") ?? "")
            #expect(mistake.words.isEmpty || said.contains(mistake.words), "\(mistake): said \(said)")
            #expect(errors.count <= 1, "knock-on errors after \(mistake): \(errors.map { "\($0.range.start.line) \($0.rule) \($0.message)" })")
        }
        if Self.pending.contains(URL(fileURLWithPath: mistake.file).deletingPathExtension().lastPathComponent) {
            withKnownIssue { check() }
        } else {
            check()
        }
    }

    @Test func theCleanModuleHasNoFindings() {
        #expect(Self.report.diagnostics.filter { $0.file.hasSuffix("breathing-basics.md") }.isEmpty)
    }
}
