import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCore
@testable import CurriculumParse
@testable import CurriculumBuild

/// Language packs (issue 20): every shipped pack gives every label the templates use, a Spanish
/// module's reserved sections are accepted, and its handout, guide and packet print the pack's
/// words with lang="es".
@Suite struct LanguagePackTests {
    let templates = Fixtures.packageRoot + "/templates"
    let shippedPacks = Fixtures.packageRoot + "/curriculum/languages"

    /// The build fixture with the Spanish translation of `skills`, the shipped Spanish pack,
    /// and a schema and program that give Spanish names.
    func spanishFixture() -> String {
        let root = Fixtures.copy("build")
        let fm = FileManager.default
        for file in ["schema.yaml", "program.yaml", "glossary.yaml"] {
            try! fm.removeItem(atPath: root + "/" + file)
            try! fm.copyItem(atPath: Fixtures.path("languages/" + file), toPath: root + "/" + file)
        }
        try! fm.copyItem(atPath: Fixtures.path("languages/modules/skills.es.md"), toPath: root + "/modules/skills.es.md")
        try! fm.createDirectory(atPath: root + "/languages", withIntermediateDirectories: true)
        try! fm.copyItem(atPath: shippedPacks + "/es.yaml", toPath: root + "/languages/es.yaml")
        return root
    }

    func renderer(_ root: String) throws -> (DocumentRenderer, Curriculum) {
        let loaded = CurriculumLoader(fileSystem: LocalFileSystem()).load(root: root)
        let curriculum = try #require(loaded.curriculum)
        guard case .success(let set) = TemplateSet.load(folder: templates, fileSystem: LocalFileSystem()) else {
            Issue.record("templates did not load")
            throw CancellationError()
        }
        let name = curriculum.program?.name ?? Program.defaultName
        return (DocumentRenderer(curriculum: curriculum, templates: set, options: PageOptions(), programName: name), curriculum)
    }

    /// The `{{label.KEY}}` names the templates use.
    func templateLabelKeys() throws -> Set<String> {
        var keys = Set<String>()
        let files = try FileManager.default.subpathsOfDirectory(atPath: templates).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let text = try String(contentsOfFile: templates + "/" + file, encoding: .utf8)
            var rest = Substring(text)
            while let range = rest.range(of: "{{label.") {
                let after = rest[range.upperBound...]
                guard let end = after.range(of: "}}") else { break }
                keys.insert(String(after[..<end.lowerBound]))
                rest = after[end.upperBound...]
            }
        }
        return keys
    }

    // MARK: Completeness

    @Test func everyLabelTheTemplatesUseIsAKeyOfEveryShippedPack() throws {
        let used = try templateLabelKeys()
        #expect(used.count > 40)
        #expect(used.subtracting(LanguagePack.labelKeys).isEmpty, "templates use labels the packs do not declare: \(used.subtracting(LanguagePack.labelKeys).sorted())")
        let packs = try FileManager.default.contentsOfDirectory(atPath: shippedPacks).filter { $0.hasSuffix(".yaml") }
        #expect(packs.contains("es.yaml"))
        for file in packs {
            let text = try String(contentsOfFile: shippedPacks + "/" + file, encoding: .utf8)
            let (loaded, found) = LanguagePackLoader.load(SourceFile(path: file, text: text), tag: String(file.dropLast(5)))
            #expect(found.isEmpty, "\(file): \(found.map { "\($0.range.start.line): \($0.rule) \($0.message)" })")
            let pack = try #require(loaded)
            #expect(Set(pack.labels.keys) == Set(LanguagePack.labelKeys), "\(file)")
            for role in SectionRole.allCases { #expect(pack.sectionTitle(role) != nil, "\(file): \(role)") }
        }
    }

    @Test func aLabelMissingFromAPackIsLocatedAtItsLabelsLine() throws {
        let path = Fixtures.path("languages/broken-packs/es.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (_, found) = LanguagePackLoader.load(SourceFile(path: "languages/es.yaml", text: text), tag: "es")
        let missing = found.filter { $0.rule == "language.missing-label" }
        #expect(missing.count == LanguagePack.labelKeys.count - 2)
        let words = try #require(missing.first { $0.message.contains("'words-to-know'") })
        #expect(words.range.start.line == 11 && words.range.start.column == 1)
        #expect(words.severity == .error)
        #expect(words.message.contains("Words to know"))
        #expect(words.fix?.summary.contains("words-to-know:") == true)
        // A label that drops the English label's {placeholder}, and a key no template uses.
        let dropped = try #require(found.first { $0.message.contains("'expect-help'") })
        #expect(dropped.rule == "language.invalid" && dropped.range.start.line == 13 && dropped.message.contains("{emergency-number}"))
        let unknown = try #require(found.first { $0.message.contains("'palabras-clave'") })
        #expect(unknown.rule == "language.invalid" && unknown.range.start.line == 14)
        #expect(RuleCatalog.descriptor("language.missing-label")?.explanation.isEmpty == false)
    }

    @Test func aBrokenPackInACurriculumIsACheckErrorInThePack() throws {
        let root = spanishFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        try FileManager.default.removeItem(atPath: root + "/languages/es.yaml")
        try FileManager.default.copyItem(atPath: Fixtures.path("languages/broken-packs/es.yaml"), toPath: root + "/languages/es.yaml")
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let missing = report.diagnostics.filter { $0.rule == "language.missing-label" }
        #expect(!missing.isEmpty)
        #expect(missing.allSatisfy { $0.file.hasSuffix("languages/es.yaml") && $0.range.start.line == 11 })
        #expect(DiagnosticEngine.exitCode(for: report.diagnostics, strict: false) == 1)
    }

    // MARK: Reserved sections

    @Test func aSpanishModulesReservedSectionsAreAccepted() throws {
        let root = spanishFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let spanish = report.diagnostics.filter { $0.file.hasSuffix("skills.es.md") }
        #expect(!spanish.contains { $0.rule == "group.missing-section" }, "\(spanish.map { "\($0.rule) \($0.message)" })")
        // The Spanish pack lists person-first terms, so that rule runs for the module; the
        // English prose rules are still skipped.
        #expect(report.skipped["person-first.term"] == nil && report.skipped["reading.grade"] == 1)
        // Without the pack, the Spanish names the tool ships are still known (LanguagePack.sectionNames):
        // a curriculum with no pack never prints a Spanish module's facilitator notes in a handout.
        try FileManager.default.removeItem(atPath: root + "/languages/es.yaml")
        let without = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(!without.diagnostics.contains { $0.file.hasSuffix("skills.es.md") && $0.rule == "group.missing-section" })
    }

    @Test func aSpanishModuleMissingASectionIsToldItsSpanishHeading() throws {
        let root = spanishFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        try FileManager.default.copyItem(atPath: Fixtures.path("languages/missing-homework/sin-tarea.es.md"), toPath: root + "/modules/sin-tarea.es.md")
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let missing = report.diagnostics.filter { $0.file.hasSuffix("sin-tarea.es.md") && $0.rule == "group.missing-section" }
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("'## Tarea'") == true && missing.first?.range.start.line == 5)
    }

    // MARK: Spanish documents

    var spanishPack: LanguagePack {
        let text = try! String(contentsOfFile: shippedPacks + "/es.yaml", encoding: .utf8)
        return LanguagePackLoader.load(SourceFile(path: "es.yaml", text: text), tag: "es").0!
    }

    /// Every English label of the built-in pack long enough not to be a Spanish word too
    /// (and not the same word in Spanish, such as "Agenda").
    var englishLabels: [String] {
        let spanish = Set(spanishPack.labels.values)
        return LanguagePack.english.labels.values.filter { $0.count >= 6 && !$0.contains("{") && !spanish.contains($0) }
            .map { $0.replacingOccurrences(of: "'", with: "&#39;") }
    }

    @Test func aSpanishHandoutHasLangEsAndNoEnglishLabels() throws {
        let root = spanishFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let (documents, curriculum) = try renderer(root)
        let module = try #require(curriculum.module("skills-es"))
        let html = documents.handout(module)
        #expect(html.contains("<html lang=\"es\""))
        for label in englishLabels { #expect(!html.contains(label), "English label in the Spanish handout: \(label)") }
        #expect(html.contains("Lo que va a aprender"))
        #expect(html.contains("Hoja para participantes"))
        // Reserved sections are classed by their role, so print.css treats ## Tarea as the homework.
        #expect(html.contains("<section class=\"part part-homework\"") && html.contains("<section class=\"part part-key-points\""))
        #expect(!html.contains("part-tarea") && !html.contains("part-puntos-clave"))
        #expect(html.contains("(encierre uno en un círculo)"))
        #expect(html.contains("0 = nada"))
        #expect(html.contains("En una emergencia, llame al <strong class=\"emergency-number\">911</strong>."))
        #expect(html.contains("content: \"Página \" counter(page) \" de \" counter(pages)"))
        #expect(!html.contains("Page \" counter"))
        // Help lines: Spanish names and descriptions where the schema gives them; a line without
        // a Spanish description prints its (proper) name and number only.
        #expect(html.contains("<strong>Línea Nacional de Ayuda de SAMHSA:</strong> 1-800-662-4357. Gratis, confidencial"))
        #expect(!html.contains("Free, confidential"))
        #expect(!html.contains("Call or text, any time"))
        #expect(html.contains("<strong>Massachusetts Behavioral Health Help Line:</strong> 833-773-2445</li>"))
        // Words to know: the glossary's Spanish term and definition; a term without a Spanish
        // definition is never defined in English.
        #expect(html.contains("<dt>naloxona</dt> <dd>Un medicamento que puede revertir una sobredosis de opioides.</dd>"))
        #expect(!html.contains("A medicine that"))
        // Facilitator material stays out; the headings print as written.
        #expect(!html.contains("NOTAS-GAMMA") && !html.contains("BLOQUE-BETA") && !html.contains("RESPUESTA-ALFA"))
        #expect(html.contains(">Práctica") && html.contains(">Tarea"))
    }

    @Test func aSpanishGuideUsesThePack() throws {
        let root = spanishFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let (documents, curriculum) = try renderer(root)
        let html = documents.guide(try #require(curriculum.module("skills-es")))
        #expect(html.contains("<html lang=\"es\""))
        for label in englishLabels { #expect(!html.contains(label), "English label in the Spanish guide: \(label)") }
        #expect(html.contains("Guía del facilitador - no es para participantes"))
        #expect(html.contains("<td>50 minutos</td>"))
        #expect(html.contains("NOTAS-GAMMA") && html.contains("BLOQUE-BETA") && html.contains("RESPUESTA-ALFA"))
        #expect(html.contains("<p class=\"label\">Nota para el facilitador</p>"))
        #expect(html.contains("Respuesta de ejemplo o pregunta: "))
        // The English guide is unchanged.
        let english = documents.guide(try #require(curriculum.module("skills")))
        #expect(english.contains("<html lang=\"en\"") && english.contains("Facilitator guide - not for participants"))
    }

    @Test func aSpanishPacketIsWrittenBesideTheEnglishOneAndNamesEnglishOnlyHandouts() throws {
        let root = spanishFixture()
        let out = Fixtures.temporaryFolder() + "/out"
        defer {
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root))
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out))
        }
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        let result = Builder(pdfEngine: nil).packet(root: root, track: "evening", week: 1, start: CalendarDate("2026-12-21"),
                                                    options: options, language: "es")
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        // Dated by its first day, as every packet with --start is (docs/program.md), in Spanish.
        #expect(result.written == ["packets/evening/2026-12-21.es.html"])
        let html = try String(contentsOfFile: out + "/packets/evening/2026-12-21.es.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"es\""))
        #expect(html.contains("<h1>Grupo de la tarde: semana 1 de 2</h1>"))
        #expect(html.contains("Semana del lunes 21 de diciembre de 2026"))
        #expect(html.contains("<td>lunes 21 de diciembre de 2026</td><td>17:30 a 20:30</td><td>Sesión de grupo</td>"))
        #expect(html.contains("Cancelada: no hay reunión (Christmas Day)."))
        #expect(html.contains("<th scope=\"row\">dom 27/12</th>"))
        #expect(html.contains("Programa de prueba de la tarde"))
        // The Spanish translation of skills replaces it; basics has none, so the cover says so.
        #expect(html.contains("Maneras de calmarse") && !html.contains("Coping &lt;script&gt;"))
        #expect(html.contains("<p class=\"english-only\">Estas hojas por ahora solo están en inglés: Basics"))
        #expect(html.contains("<section class=\"packet-handout\" lang=\"en\">"))
        #expect(html.contains("<section class=\"packet-handout\" lang=\"es\">"))
        #expect(html.contains("Tarea de esta semana"))
        // A handout only in English is printed whole in English, labels included; nothing else is.
        let englishParts = html.matches(of: /<section class="(?:packet-handout|homework-item)" lang="en">(?s:.*?)<\/section>/).map { String($0.output) }
        #expect(!englishParts.isEmpty && englishParts.contains { $0.contains("What you will learn") })
        var spanishOnly = html
        for part in englishParts { spanishOnly = spanishOnly.replacingOccurrences(of: part, with: "") }
        for label in englishLabels { #expect(!spanishOnly.contains(label), "English label in the Spanish packet: \(label)") }

        // An unknown language is refused, naming the packs there are.
        let refused = Builder(pdfEngine: nil).packet(root: root, track: "evening", week: 1, start: nil, options: options, language: "pt")
        #expect(refused.refused && refused.exitCode(strict: false) == 1)
        #expect(refused.report.diagnostics.contains { $0.rule == "language.missing-label" && $0.message.contains("'pt'") })
    }

    @Test func spanishPersonFirstTermsAreFoundOutsideProperNames() throws {
        let pack = LanguagePack.english
        #expect(pack.role(ofSectionNamed: "  HOMEWORK ") == .homework)
        let text = try String(contentsOfFile: shippedPacks + "/es.yaml", encoding: .utf8)
        let spanish = try #require(LanguagePackLoader.load(SourceFile(path: "es.yaml", text: text), tag: "es").0)
        func ids(_ sentence: String) -> [String] {
            let scan = WordScanner.scan(Array(sentence.unicodeScalars))
            return spanish.preferredTerms.findings(in: scan).map { spanish.preferredTerms.terms[$0.term].id }
        }
        #expect(ids("Mi hermano es adicto y no lo sabe.") == ["adicto"])
        #expect(ids("Los toxicómanos también se recuperan.") == ["adicto"])
        #expect(ids("Soy alcohólico desde hace años.") == ["alcoholico"])
        #expect(ids("La prueba salió limpia.") == ["resultado-limpio"])
        #expect(ids("Tuvo una prueba sucia el lunes.") == ["prueba-sucia"])
        #expect(ids("El abuso de sustancias afecta a la familia.") == ["abuso-de-sustancias"])
        #expect(ids("Llevo tres meses limpio.") == ["persona-limpia"])
        #expect(ids("Vaya a Alcohólicos Anónimos o llame a la Administración de Servicios de Salud Mental y Abuso de Sustancias.").isEmpty)
        #expect(ids("Lea el Instituto Nacional sobre el Abuso de Drogas.").isEmpty)
        #expect(ids("Una bebida alcohólica tiene alcohol.").isEmpty)
    }
}
