import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// `curriculum stats` (Fixtures/stats: an English module and a Spanish one) and the Spanish
/// reading rule, `reading.ease-es`.
@Suite struct StatsAndSpanishReadingTests {
    static let spanish = "modules/cravings.es.md"

    static func json(_ folder: String) throws -> [[String: Any]] {
        let curriculum = try #require(CurriculumLoader().load(root: folder).curriculum)
        let object = try JSONSerialization.jsonObject(with: Data(StatsReport(curriculum: curriculum).json().utf8))
        return try #require((object as? [String: Any])?["modules"] as? [[String: Any]])
    }

    @Test func statsJSONHasTheDocumentedShape() throws {
        let folder = Fixtures.path("stats")
        let modules = try Self.json(folder)
        #expect(modules.map { $0["id"] as? String } == ["cravings-es", "cravings"])
        for module in modules {
            #expect(Set(module.keys) == ["file", "id", "language", "words", "sentences", "readability", "sections"])
            #expect((module["file"] as? String)?.hasPrefix(folder + "/modules/") == true)
            let sections = try #require(module["sections"] as? [[String: Any]])
            for section in sections { #expect(Set(section.keys) == ["title", "line", "words", "sentences", "readability"]) }
        }
        let es = modules[0], en = modules[1]
        #expect(es["language"] as? String == "es" && en["language"] as? String == "en")
        #expect((es["readability"] as? [String: Any])?["measure"] as? String == "szigriszt-pazos")
        #expect((en["readability"] as? [String: Any])?["measure"] as? String == "flesch-kincaid-grade")

        // Participant sections only: no facilitator notes or sources, in either language.
        let esSections = try #require(es["sections"] as? [[String: Any]])
        #expect(esSections.map { $0["title"] as? String } == ["Cómo es un deseo fuerte", "Puntos clave"])
        #expect((try #require(en["sections"] as? [[String: Any]])).map { $0["title"] as? String } == ["What a craving is like", "Key points"])
        #expect(esSections.map { $0["line"] as? Int } == [18, 25])

        // Readability for 40 words or more, null below.
        let long = esSections[0], short = esSections[1]
        #expect((long["words"] as? Int ?? 0) >= 40 && (long["sentences"] as? Int) == 6)
        let value = try #require((long["readability"] as? [String: Any])?["value"] as? Double)
        #expect(value > 55 && value < 100)
        #expect((short["words"] as? Int ?? 99) < 40)
        #expect(short["readability"] is NSNull)
    }

    @Test func statsCountWhatTheReadingRulesCount() throws {
        let curriculum = try #require(CurriculumLoader().load(root: Fixtures.path("stats")).curriculum)
        let module = try #require(curriculum.modules.first { $0.id?.value == "cravings-es" })
        let stats = StatsReport(curriculum: curriculum).modules[0]
        let scores = SectionReadability(prose: ModuleProse(module), glossary: .empty, language: .spanish)
        #expect(stats.counts.words == scores.whole.words && stats.counts.sentences == scores.whole.sentences)
        #expect(stats.counts.words == stats.sections.reduce(0) { $0 + $1.counts.words } + 9)  // the opening: 9 words
    }

    /// The Spanish module with its long section replaced by academic prose (IPSZ about 7).
    static func hardSpanish(schemaExtra: String = "") throws -> String {
        let folder = Fixtures.copy("stats")
        let hard = try String(contentsOfFile: Fixtures.path("readability/spanish/passages/04-academico.md"), encoding: .utf8)
        let path = folder + "/" + spanish
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "Un deseo fuerte son"))
        let end = try #require(text.range(of: "también ayuda.\n"))
        try text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: hard).write(toFile: path, atomically: true, encoding: .utf8)
        if !schemaExtra.isEmpty {
            let schema = folder + "/schema.yaml"
            try (try String(contentsOfFile: schema, encoding: .utf8)).replacingOccurrences(of: "content:\n", with: "content:\n" + schemaExtra)
                .write(toFile: schema, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func hardSpanishTextIsReportedAtItsSectionHeading() throws {
        let folder = try Self.hardSpanish()
        let found = CheckRun.run(paths: [folder], today: Fixtures.today).diagnostics.filter { $0.rule.hasPrefix("reading.") }
        #expect(found.map(\.rule) == ["reading.ease-es", "reading.ease-es"])
        let section = try #require(found.first { $0.range.start.line == 18 })
        #expect(section.file.hasSuffix(Self.spanish) && section.range.start.column == 1)
        #expect(section.message.contains("'Cómo es un deseo fuerte'") && section.message.contains("Szigriszt-Pazos") && section.message.contains("floor of 55"))
        #expect(section.severity == .warning)
        #expect(found.contains { $0.range.start.line == 14 && $0.message.contains("handout as a whole") })  // at the # title
    }

    @Test func theFloorIsSetPerLanguageInTheSchema() throws {
        let folder = try Self.hardSpanish(schemaExtra: "  reading-ease-by-language: {es: 5}\n")
        #expect(CheckRun.run(paths: [folder], today: Fixtures.today).diagnostics.filter { $0.rule.hasPrefix("reading.") } == [])
        let strict = try Self.hardSpanish(schemaExtra: "  reading-ease-by-language: {es: 90}\n")
        let found = CheckRun.run(paths: [strict], today: Fixtures.today).diagnostics.filter { $0.rule.hasPrefix("reading.") }
        #expect(found.contains { $0.message.contains("floor of 90") })
        let wrong = try Self.hardSpanish(schemaExtra: "  reading-ease-by-language: {es: easy}\n")
        let setup = CheckRun.run(paths: [wrong], today: Fixtures.today).diagnostics.filter { $0.rule == "schema.invalid" }
        #expect(setup.count == 1 && setup.first?.file.hasSuffix("schema.yaml") == true)
    }

    @Test func plainSpanishAndEnglishModulesAreNotReported() throws {
        #expect(CheckRun.run(paths: [Fixtures.path("stats")], today: Fixtures.today).diagnostics.filter { $0.rule == "reading.ease-es" } == [])
        // An English module with the same hard text gets reading.grade, never reading.ease-es.
        let folder = Fixtures.copy("stats")
        let path = folder + "/modules/cravings.md"
        let hard = try String(contentsOfFile: Fixtures.path("readability/spanish/passages/04-academico.md"), encoding: .utf8)
        try (try String(contentsOfFile: path, encoding: .utf8) + "\n## More\n\n" + hard).write(toFile: path, atomically: true, encoding: .utf8)
        let rules = Set(CheckRun.run(paths: [folder], today: Fixtures.today).diagnostics.map(\.rule))
        #expect(!rules.contains("reading.ease-es"))
    }
}
