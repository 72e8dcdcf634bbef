import Foundation
import Testing

/// The writer's commands run as a writer would: `new module`, `schema`, `check --watch`.
@Suite struct AuthoringCommandTests {
    typealias CLI = CheckCommandTests

    /// A copy of the sample curriculum in a fresh temporary folder (removed by the caller).
    static func sampleCopy() throws -> (folder: String, root: String) {
        let folder = NSTemporaryDirectory() + "authoring-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.packageRoot + "/curriculum", toPath: folder + "/curriculum")
        return (folder, folder + "/curriculum")
    }

    /// The counts of a text report's summary line: (files, errors, warnings).
    static func summary(_ text: some StringProtocol) -> (files: Int, errors: Int, warnings: Int)? {
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("checked ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).prefix(3).compactMap { Int($0) }
        return numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : nil
    }

    @Test func newModuleForEveryGroupChecksWithHintWarningsOnly() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try CLI.run(["check", root, "--today", "2026-11-29"])
        let counts = try #require(Self.summary(before.stdout))
        for group in ["support", "skill-building", "psychoeducation", "family"] {
            let result = try CLI.run(["new", "module", "--topic", "coping", "--group", group, "Evening Plans: \(group)", root, "--today", "2026-11-29"])
            #expect(result.status == 0, "\(result.stderr)")
            let path = "\(root)/modules/coping/evening-plans-\(group).md"
            #expect(result.stdout.hasPrefix("wrote \(path)\n"))
            #expect(FileManager.default.fileExists(atPath: path))
        }
        let check = try CLI.run(["check", root, "--today", "2026-11-29"])
        #expect(check.status == before.status, "\(check.stdout)")
        // 4 outcomes, 4 introductions and 6 required sections hold a hint.
        #expect(check.stdout.components(separatedBy: "[authoring.placeholder]").count - 1 == 14)
        let after = try #require(Self.summary(check.stdout))
        #expect(after.files == counts.files + 4)
        #expect(after.errors == counts.errors)
        #expect(after.warnings == counts.warnings + 14)
        #expect(try CLI.run(["check", root, "--today", "2026-11-29", "--strict"]).status == 1)
    }

    @Test func newModuleRefusesAnExistingFileOrID() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["new", "module", "--topic", "triggers", "--group", "skill-building", "Payday Plans", root]
        #expect(try CLI.run(arguments).status == 0)
        let again = try CLI.run(arguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("error: a module with the id 'payday-plans' already exists"))
        #expect(again.stdout.isEmpty)

        let taken = try CLI.run(["new", "module", "--topic", "coping", "--group", "support", "Urge surfing", root])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("'urge-surfing' already exists (\(root)/modules/coping/urge-surfing.md)"))

        try "draft\n".write(toFile: root + "/modules/coping/my-draft.md", atomically: true, encoding: .utf8)
        let file = try CLI.run(["new", "module", "--topic", "coping", "--group", "support", "My Draft", root])
        #expect(file.status == 1)
        #expect(file.stderr.contains("\(root)/modules/coping/my-draft.md already exists; nothing was written"))
        #expect(try String(contentsOfFile: root + "/modules/coping/my-draft.md", encoding: .utf8) == "draft\n")
    }

    @Test func newModuleArgumentErrorsKeepTheParserCode() throws {
        let topic = try CLI.run(["new", "module", "--topic", "copin", "--group", "support", "A Title"])
        #expect(topic.status == 64)
        #expect(topic.stderr.contains("--topic 'copin' is not a topic declared in schema.yaml. Did you mean 'coping'? The choices are: psychoeducation, triggers, coping,"))
        #expect(topic.stderr.contains("curriculum new module"), "the usage shown is the subcommand's")
        let group = try CLI.run(["new", "module", "--topic", "coping", "--group", "lecture", "A Title"])
        #expect(group.status == 64)
        #expect(group.stderr.contains("The choices are: support, skill-building, psychoeducation, family"))
        #expect(try CLI.run(["new", "module", "--group", "support", "A Title"]).status == 64)
        #expect(try CLI.run(["new", "module", "--topic", "coping", "--group", "support", "A Title", "--minutes", "ten"]).status == 64)
        #expect(try CLI.run(["new", "module", "--topic", "coping", "--group", "support", "A Title", "--today", "2026-02-30"]).status == 64)
        let missing = try CLI.run(["new", "module", "--topic", "coping", "--group", "support", "A Title", "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-folder:1:1: error: there is no curriculum folder 'no-such-folder' [setup.folder]"))
    }

    @Test func schemaPrintsAJSONSchemaOfTheFrontMatter() throws {
        let result = try CLI.run(["schema", "--format", "json-schema", "curriculum"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(json["properties"] as? [String: [String: Any]])
        #expect((properties["topic"]?["enum"] as? [String])?.contains("relapse-prevention") == true)
        // The default format and folder give the same; the copy kept for editors is current.
        #expect(try CLI.run(["schema"]).stdout == result.stdout)
        let kept = try String(contentsOfFile: CLI.packageRoot + "/curriculum/module.schema.json", encoding: .utf8)
        #expect(kept == result.stdout)

        let folder = NSTemporaryDirectory() + "schema-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try CLI.run(["schema", "curriculum", "--output", folder + "/module.schema.json"])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: folder + "/module.schema.json", encoding: .utf8) == result.stdout)

        #expect(try CLI.run(["schema", "--format", "xml"]).status == 64)
        let missing = try CLI.run(["schema", "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("[setup.folder]"))
    }

    /// `schema --output` replaces only a schema it wrote: never schema.yaml, a module or
    /// another file given by mistake (issue 13).
    @Test func schemaOutputNeverOverwritesASourceFile() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for source in [root + "/schema.yaml", root + "/program.yaml", root + "/modules/coping/daily-routine.md"] {
            let before = try String(contentsOfFile: source, encoding: .utf8)
            let result = try CLI.run(["schema", root, "--output", source])
            #expect(result.status == 2, "\(source)")
            #expect(result.stderr.contains("already exists and is not a schema this command wrote"), "\(result.stderr)")
            #expect(try String(contentsOfFile: source, encoding: .utf8) == before)
        }
        // A schema the command wrote is replaced (regenerating after editing schema.yaml).
        let kept = root + "/module.schema.json"
        try "{\"$comment\": \"Generated from schema.yaml by `curriculum schema --format json-schema`; regenerate it after editing schema.yaml.\"}\n"
            .write(toFile: kept, atomically: true, encoding: .utf8)
        let again = try CLI.run(["schema", root, "--output", kept])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("\"properties\""))
    }

    @Test func watchRejectsMachineFormats() throws {
        let result = try CLI.run(["check", "--watch", "--format", "json"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--watch"))
    }

    /// Starts `check --watch`, edits a module, waits (bounded) for the re-check, then stops it
    /// with Ctrl-C (SIGINT) and expects a clean exit.
    @Test func watchChecksAgainOnAnEditAndStopsOnControlC() throws {
        let (folder, root) = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let module = root + "/modules/triggers/triggers-mapping.md"
        let original = try String(contentsOfFile: module, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["check", "--watch", root, "--today", "2026-11-29"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let output = StreamLog()
        out.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let first = try #require(output.wait { $0.contains("watching for changes") }, "no first report: \(output.text)")
        let counts = try #require(Self.summary(first))

        var offset = output.text.count
        try original.replacingOccurrences(of: "objectives: [triggers, coping]", with: "objectives: [triggers, copin]")
            .write(toFile: module, atomically: true, encoding: .utf8)
        let changed = try #require(output.wait(from: offset) { $0.contains(" resolved; now") }, "no re-check: \(output.text)")
        #expect(changed.hasPrefix("\nchanged: \(module)\n"))
        #expect(changed.contains("\(module):6:24: error: 'copin' is not an objective declared in schema.yaml [front-matter.unknown-objective]"))
        #expect(changed.contains(" new, 0 resolved; now "))
        #expect(!changed.contains("checked "), "only the change is printed, not the whole report")

        offset = output.text.count
        try original.write(toFile: module, atomically: true, encoding: .utf8)
        let fixed = try #require(output.wait(from: offset) { $0.contains(" resolved; now") }, "no re-check after the fix: \(output.text)")
        #expect(fixed.contains("resolved: \(module):6:24: error: 'copin' is not an objective"))
        #expect(fixed.contains("0 new, ") && fixed.contains(" resolved; now \(counts.errors) errors, \(counts.warnings) warning"))

        process.interrupt()  // SIGINT, as Ctrl-C sends
        #expect(exited.wait(timeout: .now() + 20) == .success, "the watch did not stop on SIGINT")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(output.wait { $0.hasSuffix("stopped watching\n") } != nil, "\(output.text)")
        out.fileHandleForReading.readabilityHandler = nil
    }
}

/// Bytes arriving from a child process, and a bounded wait for expected text.
final class StreamLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()

    func append(_ more: Data) {
        condition.lock()
        data.append(more)
        condition.broadcast()
        condition.unlock()
    }

    var text: String { condition.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits at most `timeout` seconds for `predicate` to hold on the text from `offset` on.
    func wait(from offset: Int = 0, timeout: Double = 30, until predicate: (Substring) -> Bool) -> Substring? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let tail = String(decoding: data, as: UTF8.self).dropFirst(offset)
            if predicate(tail) { return tail }
            if !condition.wait(until: deadline) { return nil }
        }
    }
}
