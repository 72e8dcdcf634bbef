import Foundation
import Testing

/// Runs the built `curriculum` binary as a user or CI would and pins exit codes and output.
@Suite struct CheckCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = packageRoot + "/Tests/CurriculumKitTests/Fixtures"

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary next to the test bundle (swift test builds it), else the default debug build.
    static let binary: String = {
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("curriculum").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return packageRoot + "/.build/debug/curriculum"
    }()

    static func run(_ arguments: [String], in directory: String = packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func sampleCurriculumPasses() throws {
        let result = try Self.run(["check", "curriculum", "--today", "2026-11-29"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test func defaultPathIsTheCurriculumFolder() throws {
        let result = try Self.run(["check", "--today", "2026-11-29"])
        #expect(result.status == 0)
    }

    @Test func contentErrorsExitWithOne() throws {
        let result = try Self.run(["check", "Tests/CurriculumKitTests/Fixtures/rules", "--today", "2026-11-29"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Tests/CurriculumKitTests/Fixtures/rules/modules/unknown-values.md:4:8: error: 'copin' is not a topic declared in schema.yaml [front-matter.unknown-topic]\n    topic: copin\n           ^~~~~\n  fix: did you mean 'coping'?"))
    }

    @Test func setupErrorsExitWithTwo() throws {
        let missing = try Self.run(["check", "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no-such-folder:1:1: error: there is no curriculum folder 'no-such-folder' [setup.folder]"))
        let noSchema = try Self.run(["check", "Tests"])
        #expect(noSchema.status == 2)
    }

    @Test func usageErrorsKeepTheParserCode() throws {
        let result = try Self.run(["check", "--today", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("2026-02-30"))
        let format = try Self.run(["check", "--format", "xml"])
        #expect(format.status == 64)
    }

    @Test func jsonOutput() throws {
        let result = try Self.run(["check", "Tests/CurriculumKitTests/Fixtures/rules/modules/wrong-type.md", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        let first = diagnostics[0]
        #expect(first["file"] as? String == "Tests/CurriculumKitTests/Fixtures/rules/modules/wrong-type.md")
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 13)
        #expect(first["rule"] as? String == "front-matter.wrong-type")
        #expect((first["fix"] as? [String: Any])?["replacements"] as? [[String: Any]] != nil)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 2, "warnings": 0])
    }

    @Test func sarifOutputIsValid() throws {
        let result = try Self.run(["check", "Tests/CurriculumKitTests/Fixtures/rules", "--format", "sarif"])
        #expect(result.status == 1)
        let folder = NSTemporaryDirectory() + "sarif-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try result.stdout.write(toFile: folder + "/out.sarif", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            jsonschema.validators.validator_for(schema)(schema).validate(log)
            assert len(log["runs"][0]["results"]) > 30, "expected the fixture's findings"
            """, Self.fixtures + "/reference/sarif-schema-2.1.0.json", folder + "/out.sarif"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF output is not valid against the 2.1.0 schema (make deps installs jsonschema)")
    }

    @Test func githubAnnotations() throws {
        let result = try Self.run(["check", "Tests/CurriculumKitTests/Fixtures/rules/modules/wrong-type.md", "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::error file=Tests/CurriculumKitTests/Fixtures/rules/modules/wrong-type.md,line=6,col=13,"))
    }

    @Test func strictFailsOnWarnings() throws {
        let folder = NSTemporaryDirectory() + "strict-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/modules", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.fixtures + "/rules/schema.yaml", toPath: folder + "/schema.yaml")
        let module = try String(contentsOfFile: Self.fixtures + "/rules/modules/valid-support.md", encoding: .utf8)
            .replacingOccurrences(of: "reviewed:", with: "colour: blue\nreviewed:")
        try module.write(toFile: folder + "/modules/m.md", atomically: true, encoding: .utf8)
        #expect(try Self.run(["check", folder]).status == 0)
        #expect(try Self.run(["check", folder, "--strict"]).status == 1)
    }

    @Test func relativeFileFromInsideTheModulesFolder() throws {
        let result = try Self.run(["check", "wrong-type.md", "valid-support.md"], in: Self.fixtures + "/rules/modules")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("wrong-type.md:6:13: error:"))
        #expect(!result.stdout.contains("duplicate-id"))
        #expect(result.stdout.hasSuffix("checked 2 files: 2 errors, 0 warnings\n"))
    }

    @Test func rulesListsEveryRule() throws {
        let result = try Self.run(["rules"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("front-matter.unknown-objective"))
        #expect(result.stdout.contains("widgets.syntax"))
    }
}
