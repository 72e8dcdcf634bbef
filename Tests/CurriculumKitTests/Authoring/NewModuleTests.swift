import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// `curriculum new module`: what it writes checks clean except for its hints, and it never
/// overwrites a file or reuses an id.
@Suite struct NewModuleTests {
    static let sampleRoot = Fixtures.packageRoot + "/curriculum"
    static let groups = ["support", "skill-building", "psychoeducation", "family"]

    /// A copy of the sample curriculum in a temporary folder, removed by the caller.
    static func sampleCopy() throws -> (folder: String, root: String) {
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: sampleRoot, toPath: folder + "/curriculum")
        return (folder, folder + "/curriculum")
    }

    static func request(_ title: String, topic: String = "coping", group: String = "support") -> ModuleScaffold.Request {
        ModuleScaffold.Request(title: title, topic: topic, group: group, reviewed: Fixtures.today)
    }

    @Test(arguments: groups)
    func newModulePassesCheckExceptItsHints(group: String) throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = CheckRun.run(paths: [root], today: Fixtures.today)
        let created = try NewModule().create(Self.request("Planning for the Weekend", topic: "coping", group: group), root: root)
        #expect(created.path == root + "/modules/coping/planning-for-the-weekend.md")
        #expect(created.templatePath == nil, "the copy has no templates folder beside it, so the built-in template is used")

        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(report.errorCount == before.errorCount, "\(report.diagnostics)")
        let mine = report.diagnostics.filter { $0.file == created.path }
        #expect(!mine.isEmpty)
        #expect(mine.allSatisfy { $0.rule == "authoring.placeholder" && $0.severity == .warning }, "\(mine)")
        #expect(report.diagnostics.count == before.diagnostics.count + mine.count, "the rest of the sample is as it was")
        // One hint for the outcome, one for the introduction, one per required section.
        let format = try #require(CurriculumLoader().load(root: root).curriculum?.schema.group(group))
        #expect(mine.count == 2 + format.requiredSections.count)

        // The module as loaded has what the format needs and values from the schema.
        let module = try #require(CurriculumLoader().load(root: root).curriculum?.module("planning-for-the-weekend"))
        #expect(module.title?.value == "Planning for the Weekend")
        #expect(module.group?.value == group)
        // A new module is a draft: no review date, no reviewer.
        #expect(module.status?.value == .draft)
        #expect(module.reviewed == nil)
        #expect(module.reviewedBy == nil)
        #expect(format.minutes.contains(module.minutes?.value ?? -1))
        #expect(module.objectives.map(\.value) == ["coping"])
        for section in format.requiredSections { #expect(module.section(section) != nil, "\(section)") }
    }

    /// Once every hint is replaced with real text, the module checks without a finding.
    @Test func replacingTheHintsLeavesNoFinding() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = try NewModule().create(Self.request("Asking for Help", topic: "relationships", group: "skill-building"), root: root)
        var text = try String(contentsOfFile: created.path, encoding: .utf8)
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("  - Name TODO") { return "  - Name two people you can ask for help" }
            if line.hasPrefix("TODO:") { return "Asking for help is a skill. We will practice it today." }
            return String(line)
        }.joined(separator: "\n")
        try text.write(toFile: created.path, atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [created.path], today: Fixtures.today)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func refusesToOverwriteAFile() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = root + "/modules/coping/planning-ahead.md"
        try "my notes, not a module yet\n".write(toFile: target, atomically: true, encoding: .utf8)
        #expect {
            try NewModule().create(Self.request("Planning Ahead"), root: root)
        } throws: { error in
            guard case NewModule.Failure.conflict(let message) = error else { return false }
            return message.contains("already exists") && message.contains("nothing was written")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "my notes, not a module yet\n")
    }

    @Test func refusesAnIDInUse() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // urge-surfing exists under modules/coping; a new one under another topic is refused too.
        #expect {
            try NewModule().create(Self.request("Urge Surfing!", topic: "triggers"), root: root)
        } throws: { error in
            guard case NewModule.Failure.conflict(let message) = error else { return false }
            return message.contains("'urge-surfing' already exists") && message.contains("--id")
        }
        #expect(FileManager.default.fileExists(atPath: root + "/modules/triggers/urge-surfing.md") == false)
        // The same title twice: the second is refused, the first is untouched.
        let first = try NewModule().create(Self.request("Quiet Evenings"), root: root)
        let before = try String(contentsOfFile: first.path, encoding: .utf8)
        #expect(throws: NewModule.Failure.self) { try NewModule().create(Self.request("Quiet evenings", group: "family"), root: root) }
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == before)
        // --id gets around it.
        var request = Self.request("Quiet evenings", group: "family")
        request.id = "quiet-evenings-family"
        #expect(try NewModule().create(request, root: root).path.hasSuffix("/modules/coping/quiet-evenings-family.md"))
    }

    @Test(arguments: [
        ("topic", "copin", "did you mean 'coping'"),
        ("group", "suport", "did you mean 'support'"),
        ("objective", "copin", "did you mean 'coping'"),
        ("minutes", "200", "30 to 90 minutes"),
        ("id", "Not_A_Slug", "not a valid id"),
        ("title", "  ", "title is empty"),
    ])
    func invalidChoicesAreArgumentErrors(field: String, value: String, expected: String) throws {
        var request = Self.request("A Fine Title")
        switch field {
        case "topic": request.topic = value
        case "group": request.group = value
        case "objective": request.objectives = [value]
        case "minutes": request.minutes = Int(value)
        case "id": request.id = value
        default: request.title = value
        }
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try NewModule().create(request, root: root)
        } throws: { error in
            guard case NewModule.Failure.invalidArgument(let message) = error else { return false }
            return message.lowercased().contains(expected.lowercased())
        }
    }

    @Test func aFolderWithoutASchemaIsASetupError() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try NewModule().create(Self.request("Anything"), root: folder)
        } throws: { error in
            guard case NewModule.Failure.setup(let diagnostics) = error else { return false }
            return diagnostics.first?.rule == "setup.folder"
        }
    }

    @Test func objectiveFitsTheTopic() throws {
        let curriculum = try #require(CurriculumLoader().load(root: Self.sampleRoot).curriculum)
        let scaffold = ModuleScaffold(schema: curriculum.schema, modules: curriculum.modules)
        #expect(scaffold.suggestedObjective(topic: "triggers") == "triggers")
        // No objective is named like these topics: the one their modules name most.
        for topic in ["psychoeducation", "family", "support"] {
            var counts: [String: Int] = [:]
            for module in curriculum.modules where module.topic?.value == topic {
                for objective in module.objectives { counts[objective.value, default: 0] += 1 }
            }
            let suggested = try #require(scaffold.suggestedObjective(topic: topic))
            #expect(counts[suggested] == counts.values.max(), "\(topic): \(suggested) of \(counts)")
        }
        // A topic no module uses yet: the first core objective.
        #expect(ModuleScaffold(schema: curriculum.schema, modules: []).suggestedObjective(topic: "support") == "chronic-condition")
    }

    @Test(arguments: [
        ("Mapping Your Triggers", "mapping-your-triggers"),
        ("Cómo manejar los antojos", "como-manejar-los-antojos"),
        ("Stimulants: Cocaine & Meth", "stimulants-cocaine-meth"),
        ("12 Steps, 1 Day", "12-steps-1-day"),
    ])
    func idComesFromTheTitle(title: String, id: String) {
        #expect(ModuleScaffold.id(fromTitle: title) == id)
    }

    /// Titles YAML would read as something else, or not at all, are quoted and read back as written.
    @Test(arguments: ["Stimulants: Cocaine and Meth", "Yes", "2026", "#1 rule of recovery", "\"Quoted\" words",
                      "- a list?", "Family & Friends", "Back\\slash", "Colon at the end:", "Sleep, Meals and Moving"])
    func titlesReadBackAsWritten(title: String) throws {
        let template = try ModuleTemplate(text: ModuleTemplate.defaultText)
        let curriculum = try #require(CurriculumLoader().load(root: Self.sampleRoot).curriculum)
        var request = Self.request(title)
        request.id = "title-test"
        let draft = try ModuleScaffold(schema: curriculum.schema, modules: curriculum.modules).draft(request, template: template)
        let (module, diagnostics) = ModuleLoader.load(path: "m.md", bytes: Array(draft.text.utf8))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(module?.title?.value == title)
        #expect(draft.text.contains("\n# \(title)\n"))
    }

    @Test func theProjectTemplateIsTheBuiltInOne() throws {
        let file = try String(contentsOfFile: Fixtures.packageRoot + "/templates/module.md", encoding: .utf8)
        #expect(file == ModuleTemplate.defaultText + "\n", "templates/module.md and ModuleTemplate.defaultText should be the same text")
    }

    @Test func aTemplateBesideTheCurriculumIsUsed() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        let custom = ModuleTemplate.defaultText.replacingOccurrences(of: "# {{title}}", with: "# {{title}}\n\nA {{groupTitle}} about {{topicTitle}}.")
        try custom.write(toFile: folder + "/templates/module.md", atomically: true, encoding: .utf8)
        let created = try NewModule().create(Self.request("Good Days"), root: root)
        #expect(created.templatePath == folder + "/templates/module.md")
        let text = try String(contentsOfFile: created.path, encoding: .utf8)
        #expect(text.contains("\nA Support group about Coping skills.\n"))
        #expect(text.hasPrefix("---\nid: good-days\n"))
    }

    @Test func aBrokenTemplateIsASetupErrorAtItsLine() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        try "---\nid: {{id}}\n---\n\n{{#sections}}\n## {{heading}}\n".write(toFile: folder + "/templates/module.md", atomically: true, encoding: .utf8)
        #expect {
            try NewModule().create(Self.request("Good Days"), root: root, templates: folder + "/templates")
        } throws: { error in
            guard case NewModule.Failure.setup(let diagnostics) = error, let d = diagnostics.first else { return false }
            return d.rule == "setup.templates" && d.file == folder + "/templates/module.md" && d.range.start.line >= 5
        }
        #expect(FileManager.default.fileExists(atPath: root + "/modules/coping/good-days.md") == false)
    }
}
