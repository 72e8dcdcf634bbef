import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// The emergency number and Good Samaritan settings: read from schema.yaml, printed by the
/// emergency and good-samaritan callouts, and looked for by safety.emergency-number.
@Suite struct SafetyRuleTests {
    func rules(_ found: [Diagnostic]) -> [String] { found.map(\.rule.rawValue) }

    static let goodSamaritan = """

        good-samaritan:
          state: Massachusetts
          law: Massachusetts General Laws, chapter 94C, section 34A
          text: If you call {emergency-number} for someone who overdosed, neither of you is charged with having drugs because of it.

        """

    @Test func theNumberComesFromTheSchema() {
        let body = "# T\n\n## Discussion\n\nIf someone overdoses, call 911.\n"
        #expect(rules(ContentCheck.findings(body)) == [])
        // Outside the US the setting changes, and 911 is no longer the number.
        let elsewhere = ContentCheck.schema("\nemergency-number: \"112\"\n")
        #expect(elsewhere.emergencyNumber == "112")
        let found = ContentCheck.findings(body, schema: elsewhere)
        #expect(found.map { "\($0.rule) \($0.range.start)" } == ["safety.emergency-number 15:1"])
        #expect(found.first?.message == "the 'Discussion' section talks about overdose but does not give the emergency number (112)")
        #expect(found.first?.fix?.summary.contains("```{callout} emergency") == true)
        #expect(rules(ContentCheck.findings("# T\n\n## Discussion\n\nIf someone overdoses, call 112.\n", schema: elsewhere)) == [])
    }

    @Test func theFindingIsAtTheSentenceAndOncePerSection() throws {
        let body = "# T\n\n## Discussion\n\nTalk it over. Go to the emergency room if your chest hurts.\nAn overdose can kill.\n\n- Call for help.\n"
        let found = ContentCheck.findings(body)
        #expect(found.map { "\($0.rule) \($0.range.start)" } == ["safety.emergency-number 15:15"])
        let range = try #require(found.first?.range)
        #expect(range.end == SourceLocation(line: 15, column: 59))
    }

    /// Spanish modules are checked too: an overdose or the emergency room in Spanish needs the
    /// number in its section, and a section that gives it is fine.
    @Test func aSpanishSectionAboutOverdoseNeedsTheNumber() throws {
        let front = ContentCheck.frontMatter.replacingOccurrences(of: "reviewed: 2026-10-01\n", with: "reviewed: 2026-10-01\nlanguage: es\n")
        let body = "# T\n\n## Conversación\n\nHablemos. Una sobredosis puede matar.\n\n## Puntos clave\n\nSi alguien no respira, vaya a la sala de emergencias.\n\n## Práctica\n\nEn una sobredosis, llame al 911.\n"
        let found = ContentCheck.findings(body, frontMatter: front).filter { $0.rule == "safety.emergency-number" }
        #expect(found.map { "\($0.range.start.line)" } == ["16", "20"])
        #expect(found.first?.message.contains("talks about overdose") == true)
    }

    @Test func severityIsSettableAndOffSilencesIt() {
        let body = "# T\n\n## Discussion\n\nGet help right away if you cannot breathe.\n"
        #expect(ContentCheck.findings(body).first?.severity == .warning)
        let strict = ContentCheck.schema { $0.replacingAll("rules:\n", with: "rules:\n  safety.emergency-number: error\n") }
        #expect(ContentCheck.findings(body, schema: strict).first?.severity == .error)
        let off = ContentCheck.schema { $0.replacingAll("rules:\n", with: "rules:\n  safety.emergency-number: off\n") }
        #expect(ContentCheck.findings(body, schema: off).isEmpty)
    }

    @Test func anEmergencyCalloutGivesTheNumberAndPrintsIt() {
        let body = "# T\n\n## Discussion\n\nAn overdose is an emergency.\n\n```{callout} emergency If someone will not wake up\nStay with them.\n```\n"
        #expect(rules(ContentCheck.findings(body)) == [])
        let schema = ContentCheck.schema("\nemergency-number: \"112\"\n")
        let html = ModuleRenderer(audience: .participant, callouts: CalloutSettings(schema)).body(ContentCheck.module(body))
        #expect(html.contains("<aside class=\"callout callout-emergency\" data-src-line=\"17\">\n<p class=\"callout-title\">If someone will not wake up</p>\n"
            + "<p class=\"emergency-call\">In an emergency, call <strong class=\"emergency-number\">112</strong>.</p>\n<p>Stay with them.</p>\n</aside>"))
        // A title that only starts with a capital "Emergency" is an ordinary callout.
        let plain = ModuleRenderer(audience: .participant).body(ContentCheck.module("# T\n\n## Discussion\n\n```{callout} Emergency plan\nText.\n```\n"))
        #expect(plain.contains("<aside class=\"callout\" data-src-line=\"15\">\n<p class=\"callout-title\">Emergency plan</p>"))
        #expect(!plain.contains("emergency-call"))
    }

    @Test func aGoodSamaritanCalloutPrintsTheStatesLawWithTheNumber() throws {
        let schema = ContentCheck.schema(Self.goodSamaritan + "emergency-number: \"911\"\n")
        let law = try #require(schema.goodSamaritan)
        #expect(law.state == "Massachusetts")
        let body = "# T\n\n## Discussion\n\nIf you see an overdose, call 911.\n\n```{callout} good-samaritan\nAsk your counselor about it.\n```\n"
        #expect(rules(ContentCheck.findings(body, schema: schema)) == [])
        let html = ModuleRenderer(audience: .participant, callouts: CalloutSettings(schema)).body(ContentCheck.module(body))
        #expect(html.contains("<p class=\"callout-title\">The Good Samaritan law in Massachusetts</p>\n"
            + "<p class=\"good-samaritan\">If you call 911 for someone who overdosed, neither of you is charged with having drugs because of it.</p>\n"
            + "<p class=\"good-samaritan-law\">Massachusetts General Laws, chapter 94C, section 34A</p>\n<p>Ask your counselor about it.</p>"))
        // The overdose finding points at the good-samaritan callout when the schema has the law.
        let note = ContentCheck.findings("# T\n\n## Discussion\n\nAn overdose can kill.\n", schema: schema).first?.notes
        #expect(note == ["where overdose is discussed, a ```{callout} good-samaritan block prints the Good Samaritan law of Massachusetts from schema.yaml"])
    }

    /// The law's text may be given per language; a Spanish document prints the Spanish text,
    /// an English one the English text.
    @Test func aGoodSamaritanCalloutPrintsTheTextInTheDocumentsLanguage() throws {
        let schema = ContentCheck.schema("""

            good-samaritan:
              state: Massachusetts
              law: Massachusetts General Laws, chapter 94C, section 34A
              text:
                en: Call {emergency-number}; you are not charged with having drugs.
                es: Llame al {emergency-number}; no le acusarán de tener drogas.

            """)
        let law = try #require(schema.goodSamaritan)
        #expect(law.text(emergencyNumber: "911") == "Call 911; you are not charged with having drugs.")
        #expect(law.text(emergencyNumber: "911", language: "es-US") == "Llame al 911; no le acusarán de tener drogas.")
        let body = "# T\n\n## Discussion\n\n```{callout} good-samaritan\n```\n"
        let spanishPack = LanguagePack.sectionNames(for: "es")!
        let spanish = ModuleRenderer(audience: .participant, callouts: CalloutSettings(schema), text: WidgetText(spanishPack)).body(ContentCheck.module(body))
        #expect(spanish.contains("<p class=\"good-samaritan\">Llame al 911; no le acusarán de tener drogas.</p>"))
        let english = ModuleRenderer(audience: .participant, callouts: CalloutSettings(schema)).body(ContentCheck.module(body))
        #expect(english.contains("<p class=\"good-samaritan\">Call 911; you are not charged with having drugs.</p>"))
    }

    @Test func mistakesInTheSettingsAreSetupFindingsAtTheirLine() {
        let text = (try! String(contentsOfFile: Fixtures.path("rules/schema.yaml"), encoding: .utf8))
            .replacingAll("  require-reviewer: true", with: "  require-reviewers: true")
            + "\nemergency-number: \"call us\"\ngood-samaritan:\n  state: Massachusetts\n  txt: words\n"
        let (schema, diagnostics) = SchemaLoader.load(SourceFile(path: "schema.yaml", text: text), knownRules: RuleCatalog.ids)
        #expect(schema == nil)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) }! + 1 }
        let found = diagnostics.map { "\($0.rule) \($0.range.start.line) \($0.message)" }
        #expect(found.contains("schema.invalid \(line("emergency-number")) 'emergency-number' should be the number people call in an emergency, such as \"911\""))
        #expect(found.contains("schema.unknown-key \(line("  txt")) 'good-samaritan' has no field 'txt'"))
        #expect(diagnostics.contains { $0.message.contains("missing the required field 'text'") })
        #expect(found.contains("schema.unknown-key \(line("  require-reviewers")) 'review' has no setting 'require-reviewers'; it has 'require-reviewer'"))
        #expect(diagnostics.first { $0.message.contains("'txt'") }?.fix?.replacements.first?.text == "text")
    }

    @Test func theSampleSchemaHasTheSettings() throws {
        let schema = try #require(CurriculumLoader().load(root: Fixtures.packageRoot + "/curriculum").curriculum?.schema)
        #expect(schema.emergencyNumber == "911")
        #expect(schema.requireReviewer)
        let law = try #require(schema.goodSamaritan)
        #expect(law.law == "Massachusetts General Laws, chapter 94C, section 34A")
        let text = law.text(emergencyNumber: schema.emergencyNumber)
        // What the law covers (possession, for the caller and the person who overdosed) and what it does not.
        for part in ["Call 911 or get medical help", "because you got help", "having drugs (possession)", "The person who overdosed is protected", "selling drugs (trafficking)", "warrant"] {
            #expect(text.contains(part), "\(part)")
        }
    }
}
