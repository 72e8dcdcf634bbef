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

/// `curriculum build` and `packet` as a user runs them, with the real WeasyPrint.
@Suite struct BuildCommandTests {
    static let fixture = CheckCommandTests.fixtures + "/build"

    static func temporary() -> String {
        let path = NSTemporaryDirectory() + "cli-build-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func buildMakesByteIdenticalPDFsWithoutFacilitatorText() throws {
        let folder = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try CheckCommandTests.run(["build", Self.fixture, "--out", folder + "/a", "--today", "2026-11-29"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let second = try CheckCommandTests.run(["build", Self.fixture, "--out", folder + "/b", "--today", "2026-11-29", "--jobs", "1"])
        #expect(second.status == 0)
        for document in ["handouts/skills.pdf", "guides/skills.pdf", "packets/evening/week-01.pdf", "plans/evening/week-01.pdf", "handouts/skills.html"] {
            let a = FileManager.default.contents(atPath: folder + "/a/" + document)
            #expect(a != nil && a == FileManager.default.contents(atPath: folder + "/b/" + document), "\(document) differs between builds")
        }
        let handout = try Self.pdfText(folder + "/a/handouts/skills.pdf")
        #expect(handout.contains("What helps me <most>?"))
        // Script in a title or body prints as text; it is never run or dropped silently.
        #expect(handout.contains("Coping <script>alert(\"x\")</script> &"))
        #expect(handout.contains("Name two <b>ways</b> to cope"))
        #expect(handout.contains("988 Suicide & Crisis Lifeline"))
        #expect(handout.contains("Page 1 of"))
        let packet = try Self.pdfText(folder + "/a/packets/evening/week-01.pdf")
        for marker in ["FACILITATOR-ANSWER-ALPHA", "FACILITATOR-BLOCK-BETA", "FACILITATOR-NOTES-GAMMA", "FACILITATOR-BLOCK-DELTA"] {
            #expect(!handout.contains(marker))
            #expect(!packet.contains(marker))
        }
        #expect(try Self.pdfText(folder + "/a/guides/skills.pdf").contains("FACILITATOR-ANSWER-ALPHA"))

        let again = try CheckCommandTests.run(["build", Self.fixture, "--out", folder + "/a", "--today", "2026-11-29"])
        #expect(again.stdout.contains(": 0 files written,"))
    }

    @Test func buildWithoutWeasyPrintExitsWithTwo() throws {
        let folder = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = ["build", Self.fixture, "--out", folder + "/out", "--today", "2026-11-29"]
        process.environment = ["PATH": "/nonexistent"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(output.contains("[setup.pdf-engine]"))
        #expect(output.contains("apt-get install weasyprint"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/handouts"))
    }

    @Test func aPDFTimeoutMustBeAPositiveNumberOfSeconds() throws {
        let folder = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for value in ["0", "-5", "soon"] {
            let result = try CheckCommandTests.run(["build", Self.fixture, "--out", folder + "/out", "--pdf-timeout", value])
            #expect(result.status == 64, "--pdf-timeout \(value)")
            #expect(result.stderr.contains("--pdf-timeout"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func aBuildStoppedHalfwayLeavesAValidFolder() throws {
        let folder = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        #expect(try CheckCommandTests.run(["build", Self.fixture, "--out", out, "--no-pdf", "--today", "2026-11-29"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = ["build", Self.fixture, "--out", out, "--today", "2026-11-29", "--jobs", "1"]
        process.standardOutput = Pipe()
        try process.run()
        // Stop it while WeasyPrint works (or after it finished: the folder must be valid either way).
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline && !FileManager.default.fileExists(atPath: out + "/handouts/basics.pdf") {
            usleep(50_000)
        }
        process.terminate()
        process.waitUntilExit()
        #expect([0, 130].contains(process.terminationStatus))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/.curriculum-manifest.json"))) as? [String: Any])
        let outputs = try #require(manifest["outputs"] as? [String: String])
        for path in outputs.keys {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "the manifest claims \(path), which is missing")
            if path.hasSuffix(".html") {
                #expect(try String(contentsOfFile: out + "/" + path, encoding: .utf8).hasSuffix("</html>\n"), "\(path) is incomplete")
            }
        }
        let leftovers = (FileManager.default.subpaths(atPath: out) ?? []).filter { $0.contains(".tmp-curriculum-") }
        #expect(leftovers.isEmpty)
        let resumed = try CheckCommandTests.run(["build", Self.fixture, "--out", out, "--today", "2026-11-29"])
        #expect(resumed.status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/guides/skills.pdf"))
    }

    @Test func packetUsageErrorsListTheChoices() throws {
        let track = try CheckCommandTests.run(["packet", "--track", "night", "--week", "1", Self.fixture])
        #expect(track.status == 64)
        #expect(track.stderr.contains("the tracks are: evening"))
        let week = try CheckCommandTests.run(["packet", "--track", "evening", "--week", "9", Self.fixture])
        #expect(week.status == 64)
        #expect(week.stderr.contains("from 1 to 2"))
        let date = try CheckCommandTests.run(["packet", "--track", "evening", "--week", "1", "--start", "2026-02-30", Self.fixture])
        #expect(date.status == 64)
    }

    @Test func packetWithAStartDate() throws {
        let folder = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CheckCommandTests.run(["packet", "--track", "evening", "--week", "1", "--start", "2026-12-21", Self.fixture,
                                                "--out", folder, "--today", "2026-11-29"])
        #expect(result.status == 0, "\(result.stdout)")
        // Named after its first day, beside the build's undated week-01.
        #expect(result.stdout.contains("wrote \(folder)/packets/evening/2026-12-21.pdf"))
        let text = try Self.pdfText(folder + "/packets/evening/2026-12-21.pdf")
        #expect(text.contains("Week of Monday, December 21, 2026"))
        #expect(text.contains("Cancelled: no meeting"))
    }

    @Test func coverageFormats() throws {
        let text = try CheckCommandTests.run(["coverage", Self.fixture])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Evening track"))
        let csv = try CheckCommandTests.run(["coverage", Self.fixture, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("track,objective_id,"))
        let html = try CheckCommandTests.run(["coverage", Self.fixture, "--format", "html"])
        #expect(html.stdout.contains("<table class=\"coverage-table\">"))
    }
}

@Suite struct BuildWatchTests {
    @Test func buildWatchRebuildsOnAnEditAndStopsOnControlC() throws {
        let folder = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: BuildCommandTests.fixture, toPath: folder + "/curriculum")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = ["build", folder + "/curriculum", "--out", folder + "/out", "--no-pdf", "--watch",
                             "--templates", CheckCommandTests.packageRoot + "/templates", "--today", "2026-11-29"]
        let pipe = Pipe()
        process.standardOutput = pipe
        let output = Locked("")
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.withValue { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        func waitFor(_ text: String, count: Int = 1) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if output.current.components(separatedBy: text).count - 1 >= count { return true }
                usleep(50_000)
            }
            return false
        }
        #expect(waitFor("files written"))
        let module = folder + "/curriculum/modules/basics.md"
        try (try String(contentsOfFile: module, encoding: .utf8) + "\nOne more line.\n").write(toFile: module, atomically: true, encoding: .utf8)
        #expect(waitFor("building again"))
        #expect(waitFor("files written", count: 2))
        process.interrupt()
        process.waitUntilExit()
        pipe.fileHandleForReading.readabilityHandler = nil
        // What the handler had not read yet when it was removed (the last lines, on a busy machine).
        let rest = pipe.fileHandleForReading.readDataToEndOfFile()
        output.withValue { $0 += String(decoding: rest, as: UTF8.self) }
        #expect(process.terminationStatus == 0)
        #expect(waitFor("stopped watching"))
        // The line lands in the facilitator notes, so the guide shows it.
        #expect(try String(contentsOfFile: folder + "/out/guides/basics.html", encoding: .utf8).contains("One more line."))
    }
}

/// A value shared with a callback thread.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withValue<T>(_ body: (inout Value) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(&value) }
    var current: Value { withValue { $0 } }
}
