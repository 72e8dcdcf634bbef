import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// The glossary: loading (a malformed file is a located setup finding), matching (whole words,
/// plurals, forms, capitals), the "Words to know" API, and glossary words in the reading grade.
@Suite struct GlossaryTests {
    func load(_ name: String) throws -> (Glossary, [Diagnostic]) {
        let path = Fixtures.path("glossary/" + name)
        return GlossaryLoader.load(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func theSampleGlossaryLoads() throws {
        let path = Fixtures.packageRoot + "/curriculum/glossary.yaml"
        let (glossary, diagnostics) = GlossaryLoader.load(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
        #expect(diagnostics.isEmpty)
        #expect(glossary.terms.count > 40)
        #expect(glossary.term("iop")?.forms == ["intensive outpatient program"])
    }

    @Test func brokenYAMLIsASetupErrorWithLineAndColumn() throws {
        let (glossary, diagnostics) = try load("broken-syntax.yaml")
        #expect(glossary.isEmpty)
        let d = try #require(diagnostics.first)
        #expect(d.rule == "glossary.yaml-syntax")
        #expect(d.range.start == SourceLocation(line: 3, column: 37))
        #expect(RuleCatalog.descriptor(d.rule)?.isSetup == true)
    }

    @Test func invalidEntriesAreLocatedAndTheRestIsUsed() throws {
        let (glossary, diagnostics) = try load("invalid-entries.yaml")
        #expect(glossary.terms.map(\.term) == ["craving"])
        let found = diagnostics.map { "\($0.rule) \($0.range.start)" }
        #expect(found.contains("glossary.invalid 1:1"))      // lapse has no definition (reported where a missing field is)
        #expect(found.contains("glossary.invalid 5:5"))      // 'trem' is no field
        #expect(found.contains("glossary.invalid 7:11"))     // Craving defined twice
        #expect(found.contains("glossary.invalid 9:5"))      // not an entry
        #expect(diagnostics.first { $0.message.contains("trem") }?.fix?.replacements.first?.text == "term")
    }

    @Test func aCurriculumWithABrokenGlossaryExitsWithTwo() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        try FileManager.default.copyItem(atPath: Fixtures.path("glossary/broken-syntax.yaml"), toPath: folder + "/glossary.yaml")
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.exitCode(strict: false) == 2)
        #expect(report.diagnostics.contains { $0.rule == "glossary.yaml-syntax" && $0.file == folder + "/glossary.yaml" && $0.range.start.line == 3 })
    }

    @Test func termsMatchWholeWordsPluralsFormsAndCapitals() throws {
        let (glossary, _) = try load("small.yaml")
        func used(_ text: String) -> [String] { glossary.terms(usedIn: text).map(\.term) }
        #expect(used("Cravings pass. A chronic condition can be managed; chronic pain too.") == ["craving", "chronic condition", "chronic"])
        #expect(used("An intensive outpatient program (IOP) meets often.") == ["IOP"])
        #expect(used("Iop and iop are not the term; cravingly is not a word.") == [])
        #expect(used("Buprenorphine's effects last.") == ["buprenorphine"])   // a possessive is the term
    }

    @Test func wordsToKnowListsParticipantTermsInOrderOfFirstUse() throws {
        let (glossary, _) = try load("small.yaml")
        let module = ContentCheck.module("""
            # Medicines

            A craving can be strong. Buprenorphine helps, and so does your IOP.

            ## Facilitator notes

            Chronic conditions need ongoing care.

            ```{facilitator}
            A chronic condition.
            ```

            ## Sources

            - Chronic care research. 2020.
            """)
        #expect(glossary.terms(usedIn: module).map(\.term) == ["craving", "buprenorphine", "IOP"])
        #expect(glossary.terms(usedIn: module).first?.definition == "A strong urge to use.")
    }

    @Test func glossaryWordsCountAsOrdinaryWordsInTheReadingGrade() throws {
        let (glossary, _) = try load("small.yaml")
        let module = ContentCheck.module("# T\n\nBuprenorphine helps.\n")
        var plain = Readability(), withGlossary = Readability()
        for run in ModuleProse(module).readingRuns {
            plain.add(run, glossary: .empty)
            withGlossary.add(run, glossary: glossary)
        }
        #expect(plain.syllables == 4 + 1)          // bu-pre-nor-phine helps
        #expect(withGlossary.syllables == 2 + 1)   // a glossary word counts as two
        #expect(withGlossary.hardestWords().isEmpty)
        #expect(plain.hardestWords().map(\.word) == ["buprenorphine"])
    }
}
