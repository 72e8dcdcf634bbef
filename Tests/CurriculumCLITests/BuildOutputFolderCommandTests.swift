import Foundation
import Testing

/// `curriculum build --out` as a user runs it: folders a build must not write in are refused
/// with exit status 2 and the reason (issue 13).
@Suite struct BuildOutputFolderCommandTests {
    typealias CLI = CheckCommandTests

    @Test func anOutputFolderInsideTheCurriculumIsRefused() throws {
        let (folder, root) = try AuthoringCommandTests.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        for out in ["curriculum", "curriculum/", "curriculum/build", "./curriculum/modules/../handouts"] {
            let result = try CLI.run(["build", "curriculum", "--no-pdf", "--out", out, "--templates", CLI.packageRoot + "/templates",
                                      "--today", "2026-11-29"], in: folder)
            #expect(result.status == 2, "--out \(out): \(result.stdout)")
            #expect(result.stdout.contains("[build.output-folder]"), "\(result.stdout)")
            #expect(result.stdout.contains("the curriculum folder"), "\(result.stdout)")
            #expect(result.stdout.contains("--out build"), "\(result.stdout)")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before, "--out \(out) wrote into the curriculum")
        }
        // The folder that holds the curriculum is fine, and the curriculum stays as it was.
        let ok = try CLI.run(["build", "curriculum", "--no-pdf", "--out", ".", "--templates", CLI.packageRoot + "/templates",
                              "--today", "2026-11-29"], in: folder)
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder + "/index.html"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before)
    }
}
