import Foundation
import Testing

/// The content rules from the command line: the sample passes --strict, `explain`, `--fix`,
/// and the summary for modules not in English.
@Suite struct ContentRulesCommandTests {
    typealias CLI = CheckCommandTests

    func temporaryCopy(_ fixture: String) throws -> String {
        let folder = NSTemporaryDirectory() + "content-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.fixtures + "/" + fixture, toPath: folder + "/" + fixture)
        return folder + "/" + fixture
    }

    @Test func sampleCurriculumPassesStrictWithNoFindings() throws {
        let result = try CLI.run(["check", "--strict", "curriculum", "--today", "2026-11-29"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("checked "))
        // One line, no findings (the sample's Spanish modules add which English rules they skip).
        #expect(result.stdout.split(separator: "\n").count == 1 && result.stdout.contains(": 0 errors, 0 warnings"))
    }

    @Test func explainPrintsTheLongExplanation() throws {
        let result = try CLI.run(["explain", "person-first.term"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("person-first.term (default severity error, English modules only)\n"))
        #expect(result.stdout.contains("Example:"))
        #expect(result.stdout.contains("clean-test: "))
        #expect(result.stdout.contains("<!-- curriculum-ignore person-first.term: "))
        let reading = try CLI.run(["explain", "reading.grade"])
        #expect(reading.stdout.contains("0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59"))
    }

    @Test func explainAnUnknownRuleSuggestsOne() throws {
        let result = try CLI.run(["explain", "person-first.trem"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Did you mean 'person-first.term'?"))
    }

    @Test func fixAppliesCertainReplacementsInPlace() throws {
        let folder = try temporaryCopy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(folder)) }
        let result = try CLI.run(["check", "--fix", folder, "--today", "2026-11-29"])
        #expect(result.status == 1)   // advice-only findings remain
        #expect(result.stdout.hasPrefix("fixed 10 findings in 1 file\n"))
        #expect(try String(contentsOfFile: folder + "/modules/terms.md", encoding: .utf8)
                == String(contentsOfFile: folder + "/expected/terms.md", encoding: .utf8))
        let json = try CLI.run(["check", "--fix", folder, "--today", "2026-11-29", "--format", "json"])
        #expect(json.stdout.hasPrefix("{\"diagnostics\":["))   // machine-readable output stays pure
        #expect(try CLI.run(["check", "--fix", "--watch", folder]).status == 64)
    }

    @Test func jsonCarriesTheFixOfAPersonFirstTerm() throws {
        let result = try CLI.run(["check", CLI.fixtures + "/fix/modules/terms.md", "--today", "2026-11-29", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first { $0["rule"] as? String == "person-first.term" })
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 20)
        let fix = try #require(first["fix"] as? [String: Any])
        let replacement = try #require((fix["replacements"] as? [[String: Any]])?.first)
        #expect(replacement["text"] as? String == "People with substance use disorders")
        #expect(replacement["endColumn"] as? Int == 27)
    }

    @Test func skippedRulesAreNamedInTheSummary() throws {
        let folder = try temporaryCopy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(folder)) }
        let module = try String(contentsOfFile: folder + "/modules/terms.md", encoding: .utf8)
            .replacingOccurrences(of: "reviewed:", with: "language: pt-BR\nreviewed:")
        try module.write(toFile: folder + "/modules/terms.md", atomically: true, encoding: .utf8)
        let text = try CLI.run(["check", folder, "--today", "2026-11-29"])
        #expect(text.stdout.hasSuffix("; skipped for 1 module not in English: outcomes.measurable-verb, person-first.term, reading.grade, safety.emergency-number\n"))
        let json = try CLI.run(["check", folder, "--today", "2026-11-29", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["skipped"] as? [String: Int] == ["outcomes.measurable-verb": 1, "person-first.term": 1, "reading.grade": 1, "safety.emergency-number": 1])
    }

    @Test func rulesListsTheContentRules() throws {
        let result = try CLI.run(["rules"])
        for id in ["reading.grade", "person-first.term", "outcomes.measurable-verb", "review.stale", "review.future",
                   "privacy.phone-number", "privacy.email", "privacy.date-of-birth", "privacy.record-number",
                   "suppression.missing-reason", "suppression.unknown-rule", "suppression.unused"] {
            #expect(result.stdout.contains(id + " "), "\(id)")
        }
    }
}

enum PathUtil {
    static func directory(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
}
