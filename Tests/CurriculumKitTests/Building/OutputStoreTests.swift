import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// The build writes through an `OutputStore`: the output folder on disk, or memory. The same
/// plan gives the same files in both, and the in-memory store follows the manifest's rules
/// (unchanged pages are not written again, outputs no longer made are removed).
@Suite struct OutputStoreTests {
    let templates = Fixtures.packageRoot + "/templates"

    func options(_ out: String) -> BuildOptions {
        BuildOptions(out: out, pdf: false, jobs: 2, page: PageOptions(), templates: templates, today: Fixtures.today)
    }

    @Test func aBuildInMemoryHasTheFilesOfABuildOnDisk() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let onDisk = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out))
        #expect(onDisk.exitCode(strict: false) == 0, "\(onDisk.report.diagnostics)")
        let store = MemoryOutputStore()
        let inMemory = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out), into: store)
        #expect(inMemory.exitCode(strict: false) == 0)
        #expect(inMemory.written.sorted() == onDisk.written.sorted())
        #expect(store.files.count >= 6)
        for (path, bytes) in store.files {
            #expect(FileManager.default.contents(atPath: PathUtil.join(out, path)).map { [UInt8]($0) } == bytes, "\(path) differs")
        }
        // The manifest is the one the disk build wrote.
        #expect(store.manifest == BuildManifest.read(folder: out))
    }

    @Test func theMemoryStoreKeepsUnchangedPagesAndRemovesWhatIsNoLongerMade() throws {
        let store = MemoryOutputStore()
        let builder = Builder(pdfEngine: nil)
        let first = builder.build(root: Fixtures.path("build"), options: options("out"), into: store)
        #expect(first.unchanged == 0 && !first.written.isEmpty)
        let again = builder.build(root: Fixtures.path("build"), options: options("out"), into: store)
        #expect(again.written.isEmpty)
        #expect(again.unchanged == first.written.count)
        // A page the plan no longer makes (as when its module is removed) goes.
        var manifest = store.manifest
        manifest.outputs["handouts/removed.html"] = "0"
        try store.writeManifest(manifest)
        _ = try store.write(Array("old".utf8), to: "handouts/removed.html", key: "k")
        _ = builder.build(root: Fixtures.path("build"), options: options("out"), into: store)
        #expect(store.files["handouts/removed.html"] == nil)
        #expect(store.manifest.outputs["handouts/removed.html"] == nil)
    }
}
