import Foundation
import Testing

/// `curriculum translations`, `translations sync` and `stats` as a user runs them.
@Suite struct TranslationsCommandTests {
    static let fixtures = CheckCommandTests.fixtures

    static func copy(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "curriculum-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: folder + "/" + name)
        return folder
    }

    @Test func listsSyncsAndChecksATranslation() throws {
        let folder = try Self.copy("translations")
        let source = folder + "/translations/modules/triggers.md"
        try (try String(contentsOfFile: source, encoding: .utf8)).replacingOccurrences(of: "It is a signal.", with: "It is a signal to stop.")
            .write(toFile: source, atomically: true, encoding: .utf8)

        let listed = try CheckCommandTests.run(["translations", "translations", "--format", "json"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\"file\": \"translations/modules/es/triggers.es.md\""))
        #expect(listed.stdout.contains("\"state\": \"stale\""))

        let checked = try CheckCommandTests.run(["check", "translations", "--today", "2026-11-29", "--strict"], in: folder)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("translations/modules/es/triggers.es.md:30:1: warning: the source's section 'Key points' (translations/modules/triggers.md:22) changed since this translation was synced [translation.stale]"))

        let synced = try CheckCommandTests.run(["translations", "sync", "triggers-es", "translations"], in: folder)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout == "translations/modules/es/triggers.es.md: synced with translations/modules/triggers.md (5 sections)\n")
        let clean = try CheckCommandTests.run(["check", "translations", "--today", "2026-11-29", "--strict"], in: folder)
        #expect(clean.status == 0, "\(clean.stdout)")
        let text = try CheckCommandTests.run(["translations", "translations"], in: folder)
        #expect(text.stdout.contains("triggers-es (es) translates triggers: current"))
    }

    @Test func syncOfAnUnknownIdExitsWithOne() throws {
        let folder = try Self.copy("translations")
        let result = try CheckCommandTests.run(["translations", "sync", "triggers-e", "translations"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no module in translations has the id 'triggers-e'; did you mean 'triggers-es'?"))
        let missing = try CheckCommandTests.run(["translations", "sync", "x", "no-such-folder"], in: folder)
        #expect(missing.status == 2)
    }

    @Test func statsPrintsJSONAndCSV() throws {
        let json = try CheckCommandTests.run(["stats", "Tests/CurriculumKitTests/Fixtures/stats", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\n  \"modules\": ["))
        #expect(json.stdout.contains("\"measure\": \"szigriszt-pazos\""))
        let csv = try CheckCommandTests.run(["stats", "Tests/CurriculumKitTests/Fixtures/stats", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("file,id,language,section,line,words,sentences,measure,value\n"))
        #expect(try CheckCommandTests.run(["stats", "no-such-folder"]).status == 2)
    }
}
