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
