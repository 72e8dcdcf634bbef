import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Translations tied to their source (Fixtures/translations: an English module and its Spanish
/// translation, synced): stale and missing sections, whitespace-only changes, `translations
/// sync`, `translates` validation and the `translations` listing.
@Suite struct TranslationTests {
    static let translation = "modules/es/triggers.es.md"
    static let source = "modules/triggers.md"

    /// A copy of the fixture curriculum, with `edit` applied to the source module's text.
    static func curriculum(editingSource edit: (String) -> String = { $0 }) throws -> String {
        let folder = Fixtures.copy("translations")
        let path = folder + "/" + source
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    static func edit(_ folder: String, _ file: String, _ change: (String) -> String) throws {
        let path = folder + "/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func findings(_ folder: String, prefix: String = "translation.") -> [Diagnostic] {
        CheckRun.run(paths: [folder], today: Fixtures.today).diagnostics.filter { $0.rule.hasPrefix(prefix) }
    }

    @Test func theSyncedFixtureIsCurrent() throws {
        let folder = try Self.curriculum()
        #expect(Self.findings(folder) == [])
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.diagnostics.filter { $0.severity == .error } == [])
        let curriculum = try #require(CurriculumLoader().load(root: folder).curriculum)
        let entry = try #require(TranslationReport(curriculum: curriculum).entries.first)
        #expect(entry.status?.state == .current)
    }

    @Test func aChangedSentenceMakesItsSectionStaleAtTheTranslationsHeading() throws {
        let folder = try Self.curriculum { $0.replacingOccurrences(of: "It is a signal.", with: "It is a signal to slow down.") }
        let found = Self.findings(folder)
        #expect(found.map(\.rule) == ["translation.stale"])
        let stale = try #require(found.first)
        #expect(stale.file.hasSuffix(Self.translation))
        #expect(stale.range.start.line == 30 && stale.range.start.column == 1)  // ## Puntos clave
        #expect(stale.message.contains("'Key points'"))
        #expect(stale.fix?.summary.contains("curriculum translations sync triggers-es") == true)
    }

    @Test func changesInTwoSectionsAreReportedAtEach() throws {
        let folder = try Self.curriculum {
            $0.replacingOccurrences(of: "a street, a friend", with: "a street, an old friend")
              .replacingOccurrences(of: "Say what you did", with: "Say what you felt and did")
        }
        let found = Self.findings(folder)
        #expect(found.map(\.range.start.line) == [25, 35])
        #expect(found.map { $0.message.contains("'Where triggers come from'") } == [true, false])
        #expect(found.map { $0.message.contains("'Practice'") } == [false, true])
    }

    @Test func aWhitespaceOnlyChangeIsNotStale() throws {
        let folder = try Self.curriculum {
            $0.replacingOccurrences(of: "brings on an urge to use.\nKnowing", with: "brings on an   urge\nto use. Knowing")
              .replacingOccurrences(of: "## Key points\n", with: "## Key points   \n\n\n")
              .replacingOccurrences(of: "- You can plan", with: "-   You can plan")
        }
        #expect(try String(contentsOfFile: folder + "/" + Self.source, encoding: .utf8).contains("an   urge\nto use"))
        #expect(Self.findings(folder) == [])
    }

    @Test func aSectionTheSourceGainedIsMissingAtTheFirstLine() throws {
        let folder = try Self.curriculum { $0 + "\n## Homework\n\nNotice one trigger each day.\n" }
        let found = Self.findings(folder)
        #expect(found.map(\.rule) == ["translation.missing-section"])
        #expect(found.first?.range.start.line == 1 && found.first?.range.start.column == 1)
        #expect(found.first?.message.contains("'Homework'") == true)
        let curriculum = try #require(CurriculumLoader().load(root: folder).curriculum)
        #expect(TranslationReport(curriculum: curriculum).entries.first?.status?.missing.map(\.title) == ["Homework"])
    }

    @Test func syncClearsStaleAndTouchesOnlyTheDigest() throws {
        let folder = try Self.curriculum { $0.replacingOccurrences(of: "It is a signal.", with: "It is a signal to slow down.") }
        let path = folder + "/" + Self.translation
        chmod(path, 0o640)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.findings(folder).count == 1)

        let outcome = try TranslationSync.run(id: "triggers-es", root: folder).get()
        #expect(outcome.changed && outcome.sections == 5)
        #expect(Self.findings(folder) == [])
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
        #expect(changed == [15])  // the key-points digest
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)

        // Nothing to do the second time.
        #expect(try TranslationSync.run(id: "triggers-es", root: folder).get().changed == false)
    }

    @Test func syncAddsTheFieldToAnUnsyncedTranslation() throws {
        let folder = try Self.curriculum()
        try Self.edit(folder, Self.translation) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("source-digest") && !$0.hasPrefix("  ") }
                .joined(separator: "\n")
        }
        let curriculum = try #require(CurriculumLoader().load(root: folder).curriculum)
        #expect(TranslationReport(curriculum: curriculum).entries.first?.status?.state == .unsynced)
        #expect(Self.findings(folder) == [])
        _ = try TranslationSync.run(id: "triggers-es", root: folder).get()
        let text = try String(contentsOfFile: folder + "/" + Self.translation, encoding: .utf8)
        #expect(text.contains("translates: triggers\nsource-digest:\n  opening: "))
        let reloaded = try #require(CurriculumLoader().load(root: folder).curriculum)
        #expect(TranslationReport(curriculum: reloaded).entries.first?.status?.state == .current)
    }

    @Test func syncRefusesWhatIsNotATranslation() throws {
        let folder = try Self.curriculum()
        guard case .failure(let unknown) = TranslationSync.run(id: "triggers-fr", root: folder) else { Issue.record("synced"); return }
        #expect(unknown.message?.contains("no module") == true && !unknown.isSetup)
        guard case .failure(let notTranslation) = TranslationSync.run(id: "triggers", root: folder) else { Issue.record("synced"); return }
        #expect(notTranslation.message?.contains("is not a translation") == true)
    }

    @Test func syncNeverWritesThroughALinkToOutsideTheCurriculum() throws {
        let folder = try Self.curriculum { $0.replacingOccurrences(of: "It is a signal.", with: "It is a signal to slow down.") }
        let outside = Fixtures.temporaryFolder() + "/outside.md"
        let path = folder + "/" + Self.translation
        try FileManager.default.moveItem(atPath: path, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        let before = try String(contentsOfFile: outside, encoding: .utf8)
        guard case .failure(let problem) = TranslationSync.run(id: "triggers-es", root: folder) else { Issue.record("synced"); return }
        #expect(problem.message != nil)  // the loader refuses the link (file.outside-curriculum); the writer would too
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == outside)
    }

    @Test func syncWritesThroughALinkInsideTheCurriculumAndKeepsTheLink() throws {
        let folder = try Self.curriculum { $0.replacingOccurrences(of: "It is a signal.", with: "It is a signal to slow down.") }
        let target = folder + "/shared/triggers.es.txt"
        let path = folder + "/" + Self.translation
        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: path, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "../../shared/triggers.es.txt")
        #expect(Self.findings(folder).map(\.rule) == ["translation.stale"])
        _ = try TranslationSync.run(id: "triggers-es", root: folder).get()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "../../shared/triggers.es.txt")
        #expect(Self.findings(folder) == [])
    }

    @Test func translatesMustNameAModuleInAnotherLanguage() throws {
        let folder = try Self.curriculum()
        try Self.edit(folder, Self.translation) { $0.replacingOccurrences(of: "translates: triggers", with: "translates: trigers") }
        let unknown = Self.findings(folder)
        #expect(unknown.map(\.rule) == ["translation.unknown-source"])
        #expect(unknown.first?.range.start.line == 11 && unknown.first?.range.start.column == 13)
        #expect(unknown.first?.fix?.replacements.first?.text == "triggers")
        #expect(unknown.first?.severity == .error)

        try Self.edit(folder, Self.translation) { $0.replacingOccurrences(of: "translates: trigers", with: "translates: triggers")
            .replacingOccurrences(of: "language: es", with: "language: en") }
        let sameLanguage = Self.findings(folder)
        #expect(sameLanguage.map(\.rule) == ["translation.unknown-source"])
        #expect(sameLanguage.first?.message.contains("same language") == true)
    }

    @Test func theListingHasTheDocumentedJSONShape() throws {
        let folder = try Self.curriculum {
            $0.replacingOccurrences(of: "It is a signal.", with: "It is a signal to slow down.") + "\n## Homework\n\nNotice one trigger each day.\n"
        }
        let curriculum = try #require(CurriculumLoader().load(root: folder).curriculum)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(TranslationReport(curriculum: curriculum).json().utf8)) as? [String: Any])
        let items = try #require(json["translations"] as? [[String: Any]])
        #expect(items.count == 1)
        let item = items[0]
        #expect(Set(item.keys) == ["file", "id", "language", "source", "state", "stale", "missing"])
        #expect((item["file"] as? String)?.hasSuffix(Self.translation) == true)
        #expect(item["id"] as? String == "triggers-es" && item["language"] as? String == "es" && item["source"] as? String == "triggers")
        #expect(item["state"] as? String == "stale")
        let stale = try #require(item["stale"] as? [[String: Any]])
        #expect(stale.count == 1 && stale[0]["section"] as? String == "Key points" && stale[0]["line"] as? Int == 30)
        #expect(item["missing"] as? [String] == ["Homework"])
    }

    @Test func sectionsMatchByRoleThenByOrder() throws {
        let (module, _) = Fixtures.module("""
            ---
            id: x
            language: es
            ---

            # Título

            Texto.

            ## Primera

            ## Tarea

            ## Segunda

            ## Puntos clave

            ## Fuentes
            """)
        #expect(KeyedSection.sections(of: try #require(module)).map(\.key) == ["opening", "section-1", "homework", "section-2", "key-points", "sources"])
    }

    @Test func theSpanishReservedSectionsKeepTheirRoles() throws {
        let (module, _) = Fixtures.module("---\nid: x\nlanguage: es\n---\n\n# T\n\n## Notas para el facilitador\n\nSolo para el grupo.\n\n## Fuentes\n\nInstituto Nacional sobre el Abuso de Drogas, 2024.\n")
        let sections = try #require(module).sections
        #expect(sections.map(\.role) == [nil, .facilitatorNotes, .sources])
        #expect(sections[1].isForFacilitators)
        // Never participant prose: the facilitator notes are marked, the sources left out.
        let prose = ModuleProse(try #require(module))
        #expect(!prose.readingRuns.contains { $0.text.contains("Solo para") || $0.text.contains("Instituto") })
    }

    @Test func rewritingTheDigestKeepsEveryOtherLineAndItsEndings() {
        let digests = SourceDigest(entries: [.init(key: "opening", digest: "0123456789abcdef"), .init(key: "practice", digest: "fedcba9876543210")])
        let crlf = "---\r\nid: x-es\r\nsource-digest:\r\n  opening: 1111111111111111\r\ntranslates: x\r\n---\r\n\r\n# T\r\n"
        #expect(TranslationSync.rewrite(crlf, closingLine: 6, digests: digests)
            == "---\r\nid: x-es\r\nsource-digest:\r\n  opening: 0123456789abcdef\r\n  practice: fedcba9876543210\r\ntranslates: x\r\n---\r\n\r\n# T\r\n")
        let plain = "---\nid: x-es\ntranslates: x # the English one\n---\nsource-digest: not front matter\n"
        #expect(TranslationSync.rewrite(plain, closingLine: 4, digests: digests)
            == "---\nid: x-es\ntranslates: x # the English one\nsource-digest:\n  opening: 0123456789abcdef\n  practice: fedcba9876543210\n---\nsource-digest: not front matter\n")
    }
}
