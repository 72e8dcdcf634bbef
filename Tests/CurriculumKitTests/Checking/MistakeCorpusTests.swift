import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

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
            #expect(first?.rule.rawValue == mistake.rule, "\(mistake): \(found.map { "\($0.range.start.line) \($0.rule) \($0.message)" })")
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

    /// The mistakes `check --fix` mends by itself: each has exactly one right answer.
    static let fixedByFix = ["objective-misspelt", "topic-misspelt", "group-with-space", "audience-plural", "field-name-misspelt",
                             "requires-misspelt", "status-misspelt", "id-with-capitals", "minutes-do-not-add-up",
                             "homework-minutes-after-dash", "homework-colon", "practice-minutes-no-parentheses", "practice-level-three",
                             "homework-level-one", "checklist-without-braces", "worksheet-without-braces", "log-rows-in-words",
                             "outcome-over-indented", "blank-line-before-front-matter", "addict-in-text",
                             "objectives-without-brackets", "materials-misspelt", "topic-without-space", "translates-misspelt.es"]

    @Test func fixMendsEveryMistakeWithOneCertainAnswerAndNothingElse() throws {
        let folder = Fixtures.copy("mistakes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func text(_ name: String) throws -> String { try String(contentsOfFile: folder + "/modules/coping/\(name).md", encoding: .utf8) }
        let before = try Dictionary(uniqueKeysWithValues: Self.mistakes().map { ($0.file, try String(contentsOfFile: folder + "/" + $0.file, encoding: .utf8)) })
        let schema = try String(contentsOfFile: folder + "/schema.yaml", encoding: .utf8)
        let outcome = FixRun.run(paths: [folder], today: Fixtures.today)
        #expect(Set(outcome.files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }) == Set(Self.fixedByFix))
        for name in Self.fixedByFix {
            let left = outcome.report.diagnostics.filter { $0.file.hasSuffix("/coping/\(name).md") }
            #expect(left.isEmpty, "\(name) still has \(left.map { "\($0.range.start.line) \($0.rule) \($0.message)" })")
        }
        // Everything else is as it was, the schema included.
        for (file, old) in before where !Self.fixedByFix.contains(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent) {
            #expect(try String(contentsOfFile: folder + "/" + file, encoding: .utf8) == old, "\(file) changed")
        }
        #expect(try String(contentsOfFile: folder + "/schema.yaml", encoding: .utf8) == schema)
        #expect(try text("homework-minutes-after-dash").contains("\n## Homework (20 min)\n"))
        #expect(try text("field-name-misspelt").contains("\nobjectives: [coping, triggers]\n"))
        #expect(try text("minutes-do-not-add-up").contains("\nminutes: 50\n"))
        #expect(try text("blank-line-before-front-matter").hasPrefix("---\nid: blank-line-before-front-matter\n"))
        #expect(try text("outcome-over-indented").contains("\n  - Name two ways to ride out an urge\n  - Practice one way with the group\n"))
    }

    /// `explain` says only what is true: every rule whose explanation says `check --fix` mends
    /// it has an automatic fix on a mistake of the corpus.
    @Test func everyRuleWhoseExplanationPromisesAFixGetsOne() throws {
        let automatic = Set(Self.report.diagnostics.filter { $0.fix?.isAutomatic == true }.map(\.rule))
        let promising = RuleCatalog.all.filter { rule in
            // fix.write-failed is about --fix itself.
            guard !rule.id.hasPrefix("fix."), let text = RuleExplanation.longText(for: rule), text.contains("check --fix") else { return false }
            return !text.contains("leaves it to you") && !text.contains("edits only modules")
        }.map(\.id)
        #expect(promising.count >= 10)
        #expect(promising.filter { !automatic.contains($0) } == [])
    }

    @Test func theCleanModuleHasNoFindings() {
        #expect(Self.report.diagnostics.filter { $0.file.hasSuffix("breathing-basics.md") }.isEmpty)
    }
}
