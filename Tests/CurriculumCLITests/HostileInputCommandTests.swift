import Foundation
import Testing

/// Issue 13, the check side, as a user at a terminal sees it: the text printer's excerpts.
@Suite struct HostileInputCommandTests {
    static func copyOfSample() throws -> (root: String, folder: String) {
        let folder = NSTemporaryDirectory() + "curriculum-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CheckCommandTests.packageRoot + "/curriculum", toPath: folder + "/curriculum")
        return (folder + "/curriculum", folder)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CheckCommandTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CheckCommandTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func aLinkToTheProcessEnvironmentNeverPrintsIt() throws {
        let (root, folder) = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: root + "/modules/env.md", withDestinationPath: "/proc/self/environ")
        let secret = "token-\(UUID().uuidString)"
        let result = try Self.run(["check", root, "--today", "2026-11-29"], environment: ["CURRICULUM_TEST_SECRET": secret])
        #expect(result.status == 1)
        #expect(result.stdout.contains("modules/env.md:1:1: error: the module is a symbolic link to a file outside the curriculum folder"))
        #expect(result.stdout.contains("[file.outside-curriculum]"))
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
    }

    @Test func aHugeModuleIsReportedWithoutPrintingIt() throws {
        let (root, folder) = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = root + "/modules/h.md"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 200 << 20) == 0)  // sparse: no disk used
        let result = try Self.run(["check", root, "--today", "2026-11-29"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("modules/h.md:1:1: error: the module is 204800 KB, more than the limit of 1024 KB, so it was not read [file.too-large]"))
        #expect(result.stdout.utf8.count < 10_000, "printed \(result.stdout.utf8.count) bytes")
    }
}
