import Foundation
import Testing

/// What a content writer gets when the path is not a curriculum folder (issue 19): a folder
/// inside one, a single module given to `build`, and files that are not modules.
@Suite struct WriterCommandTests {
    typealias CLI = CheckCommandTests
    static let mistakes = "Tests/CurriculumKitTests/Fixtures/mistakes"

    @Test func checkingAFolderInsideACurriculumReportsOnThatFolder() throws {
        let result = try CLI.run(["check", Self.mistakes + "/modules/coping", "--today", "2026-11-29", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = Set(try #require(object["diagnostics"] as? [[String: Any]]).compactMap { $0["file"] as? String })
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.hasPrefix(Self.mistakes + "/modules/coping/") }, "\(files)")
        let modules = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot + "/" + Self.mistakes + "/modules/coping").filter { $0.hasSuffix(".md") }
        #expect((object["summary"] as? [String: Any])?["files"] as? Int == modules.count)
    }

    @Test func checkingAFolderFromInsideIt() throws {
        let result = try CLI.run(["check", ".", "--today", "2026-11-29"], in: CLI.packageRoot + "/curriculum/modules/coping")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("checked 14 files: 0 errors, 0 warnings\n"))
    }

    @Test func aFileThatIsNotAModuleExitsWithTwoSayingWhatItIs() throws {
        let schema = try CLI.run(["check", "curriculum/schema.yaml"])
        #expect(schema.status == 2)
        #expect(schema.stdout.contains("curriculum/schema.yaml:1:1: error: 'curriculum/schema.yaml' is the curriculum's schema, not a module"))
        let program = try CLI.run(["check", "curriculum/program.yaml"])
        #expect(program.status == 2)
        #expect(program.stdout.contains("is the curriculum's program, not a module"))
    }

    @Test func fixNeverEditsTheSchema() throws {
        let folder = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: CLI.fixtures + "/fix", toPath: folder + "/fix")
        let schema = folder + "/fix/schema.yaml"
        let before = try Data(contentsOf: URL(fileURLWithPath: schema))
        let result = try CLI.run(["check", "--fix", schema])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: schema)) == before)
    }

    @Test func buildGivenAModuleSaysWhatToGiveInstead() throws {
        let result = try CLI.run(["build", "curriculum/modules/coping/anger.md", "--no-pdf", "--out", BuildCommandTests.temporary() + "/out"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("'curriculum/modules/coping/anger.md' is a file; `build` makes every handout of a curriculum"))
        #expect(result.stdout.contains("run `curriculum build curriculum`"))
        let folder = try CLI.run(["build", "curriculum/modules", "--no-pdf", "--out", BuildCommandTests.temporary() + "/out"])
        #expect(folder.status == 2)
        #expect(folder.stdout.contains("is a folder inside the curriculum 'curriculum'"))
    }
}

/// `--sarif FILE` beside any `--format` (issue 19): CI runs `check` once for annotations and a
/// code-scanning upload.
@Suite struct SARIFFileTests {
    typealias CLI = CheckCommandTests

    static func validate(_ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            jsonschema.validators.validator_for(schema)(schema).validate(log)
            """, CLI.fixtures + "/reference/sarif-schema-2.1.0.json", path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func checkPrintsAnnotationsAndWritesSARIFInOneRun() throws {
        let folder = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // An absolute path argument: the log still names files relative to the current folder.
        let result = try CLI.run(["check", CLI.fixtures + "/rules/modules/wrong-type.md", "--format", "github", "--sarif", folder + "/check.sarif"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file="))
        let text = try String(contentsOfFile: folder + "/check.sarif", encoding: .utf8)
        #expect(text.contains("\"uri\": \"Tests/CurriculumKitTests/Fixtures/rules/modules/wrong-type.md\""))
        #expect(text.contains("\"uriBaseId\": \"%SRCROOT%\""))
        #expect(!text.contains(CLI.packageRoot))
        #expect(try Self.validate(folder + "/check.sarif") == 0, "SARIF output is not valid against the 2.1.0 schema")
    }

    @Test func buildWritesSARIFToo() throws {
        let folder = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["build", CLI.fixtures + "/rules", "--no-pdf", "--out", folder + "/out", "--format", "json", "--sarif", folder + "/build.sarif"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("{\"diagnostics\":"))
        let text = try String(contentsOfFile: folder + "/build.sarif", encoding: .utf8)
        #expect(text.contains("\"ruleId\": \"front-matter.wrong-type\""))
        #expect(try Self.validate(folder + "/build.sarif") == 0)
    }

    @Test func anUnwritableSARIFFileExitsWithTwo() throws {
        // A path below a file: no one can create it, root included.
        let blocked = CLI.packageRoot + "/Package.swift/x.sarif"
        let result = try CLI.run(["check", "curriculum", "--today", "2026-11-29", "--sarif", blocked])
        #expect(result.status == 2)
        #expect(result.stderr.contains("could not write the SARIF log to '\(blocked)'"))
    }
}
