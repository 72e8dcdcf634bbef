import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// The JSON Schema of front matter made from schema.yaml, validated by an independent
/// implementation (Python's jsonschema, with PyYAML reading the front matter).
@Suite struct FrontMatterJSONSchemaTests {
    static let sampleRoot = Fixtures.packageRoot + "/curriculum"

    static func sampleSchema() throws -> Schema {
        let loaded = CurriculumLoader().load(root: sampleRoot)
        return try #require(loaded.curriculum?.schema)
    }

    static func sampleModules() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: sampleRoot + "/modules")
            .filter { $0.hasSuffix(".md") }.sorted().map { sampleRoot + "/modules/" + $0 }
    }

    @Test func acceptsEverySampleModule() throws {
        let modules = try Self.sampleModules()
        #expect(modules.count > 30)
        let result = try FrontMatterValidator.validate(schema: FrontMatterJSONSchema.text(Self.sampleSchema()), modules: modules)
        #expect(result.count == modules.count)
        for module in modules {
            #expect(result[module] == [], "\(module) should be valid")
        }
    }

    /// Each broken fixture is rejected at the field that is wrong, for the reason it is wrong,
    /// and `curriculum check` reports the same mistake.
    @Test(arguments: [
        ("unknown-objective", "objectives/1", "enum", "front-matter.unknown-objective"),
        ("unknown-topic", "topic", "enum", "front-matter.unknown-topic"),
        ("unknown-group", "group", "enum", "front-matter.unknown-group"),
        ("wrong-type-minutes", "minutes", "type", "front-matter.wrong-type"),
        ("wrong-type-objectives", "objectives", "type", "front-matter.wrong-type"),
        ("empty-objectives", "objectives", "minItems", "front-matter.empty-list"),
        ("missing-field", "", "required", "front-matter.missing-field"),
        ("unknown-field", "", "additionalProperties", "front-matter.unknown-field"),
        ("invalid-id", "id", "pattern", "front-matter.invalid-id"),
        ("invalid-date", "reviewed", "pattern", "front-matter.invalid-date"),
        ("minutes-outside-group-range", "minutes", "minimum", "group.minutes-range"),
    ])
    func rejectsBrokenFrontMatter(name: String, path: String, keyword: String, rule: String) throws {
        let file = Fixtures.path("json-schema/broken/\(name).md")
        let result = try FrontMatterValidator.validate(schema: FrontMatterJSONSchema.text(Self.sampleSchema()), modules: [file])
        let violations = try #require(result[file])
        #expect(violations.contains { $0.path.map(\.description).joined(separator: "/") == path && $0.keyword == keyword },
                "expected \(keyword) at '\(path)', got \(violations)")

        // The checker agrees: the same module in a copy of the sample curriculum has the finding.
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/modules", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sampleRoot + "/schema.yaml", toPath: folder + "/schema.yaml")
        try FileManager.default.copyItem(atPath: file, toPath: folder + "/modules/\(name).md")
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.diagnostics.contains { $0.rule == rule }, "check should report \(rule): \(report.diagnostics.map(\.rule))")
    }

    @Test func enumsAndRangesComeFromTheSchema() throws {
        var schema = try Self.sampleSchema()
        schema.topics.append(Topic(id: "grief", title: "Grief and loss"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(FrontMatterJSONSchema.text(schema).utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(json["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == Set(ModuleLoader.knownFields))
        #expect(properties["topic"]?["enum"] as? [String] == schema.topics.map(\.id))
        #expect(properties["group"]?["enum"] as? [String] == schema.groups.map(\.id))
        #expect(properties["audience"]?["enum"] as? [String] == schema.audiences)
        let items = try #require(properties["objectives"]?["items"] as? [String: Any])
        #expect(items["enum"] as? [String] == schema.objectives.map(\.id))
        #expect(json["required"] as? [String] == FrontMatterJSONSchema.requiredFields)
        let ranges = try #require(json["allOf"] as? [[String: Any]])
        // One range per group format, and what an approved module needs.
        #expect(ranges.count == schema.groups.count + 1)
    }

    @Test func generatingTwiceGivesTheSameBytes() throws {
        let schema = try Self.sampleSchema()
        #expect(FrontMatterJSONSchema.text(schema) == FrontMatterJSONSchema.text(schema))
    }

    /// The copy kept beside the sample schema (for editors) is what the tool generates now; after
    /// editing schema.yaml, regenerate it as docs/editor-setup.md says.
    @Test func sampleSchemaFileIsUpToDate() throws {
        let onDisk = try String(contentsOfFile: Self.sampleRoot + "/module.schema.json", encoding: .utf8)
        #expect(onDisk == FrontMatterJSONSchema.text(try Self.sampleSchema()),
                "run: swift run curriculum schema --format json-schema curriculum --output curriculum/module.schema.json")
    }
}
