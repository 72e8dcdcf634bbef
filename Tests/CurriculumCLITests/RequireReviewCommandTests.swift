import Foundation
import Testing

/// `curriculum build --require-review` as a clinic's CI runs it on the sample, whose modules are
/// all sample content: nothing is built, exit 1, and every module is named.
@Suite struct RequireReviewCommandTests {
    @Test func theSampleIsRefusedModuleByModule() throws {
        let out = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try CheckCommandTests.run(["build", "curriculum", "--require-review", "--no-pdf", "--out", out, "--today", "2026-11-29"])
        #expect(result.status == 1)
        let modules = try FileManager.default.subpathsOfDirectory(atPath: CheckCommandTests.packageRoot + "/curriculum/modules").filter { $0.hasSuffix(".md") }
        let refused = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[build.not-approved]") }
        #expect(refused.count == modules.count)
        for module in modules {
            #expect(refused.contains { $0.hasPrefix("curriculum/modules/\(module):") }, "\(module)")
        }
        #expect(result.stdout.contains("nothing was built: fix the errors above first"))
        #expect(!FileManager.default.fileExists(atPath: out + "/handouts"))
    }
}

/// scripts/mark-sample-modules.sh, which the sample modules were migrated with: a module's
/// `reviewed:` becomes `status: sample`, no reviewer is invented, and a second run changes nothing.
@Suite struct MarkSampleModulesScriptTests {
    func run(_ files: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [CheckCommandTests.packageRoot + "/scripts/mark-sample-modules.sh"] + files
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func reviewedBecomesSampleOnceAndOtherModulesAreLeftAlone() throws {
        let folder = BuildCommandTests.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = folder + "/old.md", approved = folder + "/approved.md", noDate = folder + "/no-date.md"
        try "---\nid: a\ntitle: A\nminutes: 45\nreviewed: 2026-11-01\n---\n\n# A\n\nreviewed: 2026-11-01 in the body stays.\n"
            .write(toFile: old, atomically: true, encoding: .utf8)
        let approvedText = "---\nid: b\nstatus: approved\nreviewed: 2026-10-01\nreviewed-by: \"Jordan Lee, LICSW\"\n---\n\n# B\n"
        try approvedText.write(toFile: approved, atomically: true, encoding: .utf8)
        try "---\nid: c\ntitle: C\n---\n\n# C\n".write(toFile: noDate, atomically: true, encoding: .utf8)

        #expect(try run([old, approved, noDate]) == 0)
        let expected = "---\nid: a\ntitle: A\nminutes: 45\nstatus: sample\n---\n\n# A\n\nreviewed: 2026-11-01 in the body stays.\n"
        #expect(try String(contentsOfFile: old, encoding: .utf8) == expected)
        #expect(try String(contentsOfFile: approved, encoding: .utf8) == approvedText)
        #expect(try String(contentsOfFile: noDate, encoding: .utf8) == "---\nid: c\ntitle: C\nstatus: sample\n---\n\n# C\n")

        #expect(try run([old]) == 0)
        #expect(try String(contentsOfFile: old, encoding: .utf8) == expected)
    }
}
