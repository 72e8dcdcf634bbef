import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// The output folder's contents are untrusted (issue 13): an edited manifest, planted symbolic
/// links and files named like temporary files never make a build remove or write anything
/// outside its own files, and the manifest tells the truth after a crash or a full disk.
@Suite struct OutputSafetyTests {
    let templates = Fixtures.packageRoot + "/templates"

    func options(_ out: String, pdf: Bool = false) -> BuildOptions {
        BuildOptions(out: out, pdf: pdf, jobs: 2, page: PageOptions(), templates: templates, today: Fixtures.today)
    }

    /// The build fixture copied into a fresh folder: (folder, curriculum, out).
    func copy() -> (folder: String, root: String, out: String) {
        let root = Fixtures.copy("build")
        let folder = PathUtil.directory(of: root)
        return (folder, root, folder + "/out")
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: PathUtil.directory(of: path), withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Adds Markdown to the participant part of the fixture's basics module.
    func addToDiscussion(_ root: String, _ markdown: String) throws {
        let module = root + "/modules/basics.md"
        let text = try String(contentsOfFile: module, encoding: .utf8)
        #expect(text.contains("What does recovery mean to you?\n"))
        try text.replacingOccurrences(of: "What does recovery mean to you?\n", with: "What does recovery mean to you?\n\n" + markdown + "\n")
            .write(toFile: module, atomically: true, encoding: .utf8)
    }

    func addToManifest(_ entries: [String: String], in out: String) throws {
        let path = out + "/" + BuildManifest.fileName
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var outputs = try #require(object["outputs"] as? [String: String])
        for (key, value) in entries { outputs[key] = value }
        object["outputs"] = outputs
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    // MARK: Failure 1: an edited manifest deletes anything

    @Test func anEditedManifestRemovesOnlyTheBuildsOwnFiles() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Builder(pdfEngine: nil).build(root: root, options: options(out)).exitCode(strict: false) == 0)
        // Things the manifest must never reach: a folder beside --out, an absolute path, a
        // folder inside --out, a user's file in --out, and files behind symbolic links.
        try write("keep", folder + "/victim/precious.txt")
        try write("keep", folder + "/outside/x.png")
        try write("keep", out + "/assets/folder/inside.png")
        try write("keep", out + "/notes.txt")
        try FileManager.default.createSymbolicLink(atPath: out + "/assets/linked", withDestinationPath: folder + "/outside")
        try FileManager.default.createSymbolicLink(atPath: out + "/handouts/link.html", withDestinationPath: folder + "/outside/x.png")
        // A real output of an earlier build that this one no longer makes.
        try write("old", out + "/handouts/removed-module.html")
        try addToManifest([
            "../victim": "x", "../victim/precious.txt": "x", folder + "/victim/precious.txt": "x", "handouts/../../victim": "x",
            "assets/folder": "x", "notes.txt": "x", "assets/linked/x.png": "x", "handouts/link.html": "x", "./notes.txt": "x",
            "handouts/removed-module.html": "x",
        ], in: out)

        let result = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        for kept in [folder + "/victim/precious.txt", folder + "/outside/x.png", out + "/assets/folder/inside.png", out + "/notes.txt"] {
            #expect(exists(kept), "\(kept) was removed")
        }
        #expect(isSymbolicLink(out + "/assets/linked"))
        #expect(isSymbolicLink(out + "/handouts/link.html"))
        #expect(!exists(out + "/handouts/removed-module.html"), "a stale output of the build itself is still removed")
        // The manifest no longer names anything it does not vouch for.
        let manifest = BuildManifest.read(folder: out)
        #expect(manifest.outputs.keys.allSatisfy { OutputFolder.isOutputPath($0) && exists(out + "/" + $0) })
        #expect(manifest.outputs["notes.txt"] == nil && manifest.outputs["handouts/link.html"] == nil)
    }

    @Test func onlyPlainRelativePathsOfTheBuildsFoldersAreOutputPaths() {
        for good in ["index.html", "coverage.csv", "handouts/a.html", "packets/evening/week-01.pdf", "assets/images/calm lake.png"] {
            #expect(OutputFolder.isOutputPath(good), "\(good)")
        }
        for bad in ["", "/etc/passwd", "../victim", "handouts/../../x", "handouts//a.html", "./index.html", "handouts/./a.html",
                    "notes.txt", ".curriculum-manifest.json", "modules/a.md", "handouts", "handouts/", "assets/a\nb.png", "assets\\..\\x"] {
            #expect(!OutputFolder.isOutputPath(bad), "\(bad)")
        }
    }

    // MARK: Failure 2: stale outputs reported as unchanged after kill -9

    /// A build killed after writing files but before its manifest leaves the new files under
    /// the old manifest entries. The next build must see that and make them again.
    @Test func filesWrittenByAKilledBuildAreMadeAgain() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let engine = CopyingPDFEngine()
        #expect(Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true)).exitCode(strict: false) == 0)
        let first = try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8)
        // What the killed build had written: the handout and guide of an edited module, and a PDF.
        let edited = folder + "/edited"
        try FileManager.default.copyItem(atPath: root, toPath: edited)
        let module = edited + "/modules/basics.md"
        try (try String(contentsOfFile: module, encoding: .utf8).replacingOccurrences(of: "Treatment works.", with: "Treatment works well."))
            .write(toFile: module, atomically: true, encoding: .utf8)
        _ = Builder(pdfEngine: nil).build(root: edited, options: options(folder + "/killed"))
        for path in ["handouts/basics.html", "guides/basics.html"] {
            try Data(contentsOf: URL(fileURLWithPath: folder + "/killed/" + path)).write(to: URL(fileURLWithPath: out + "/" + path))
        }
        try write("%PDF half of another build", out + "/handouts/skills.pdf")
        #expect(try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8) != first)
        unlink(out + "/.curriculum-stamp.json")  // a build removes its stamp before writing

        let next = Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true))
        #expect(next.exitCode(strict: false) == 0)
        #expect(Set(next.written).isSuperset(of: ["handouts/basics.html", "guides/basics.html", "handouts/skills.pdf"]), "\(next.written)")
        #expect(try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8) == first)
        #expect(next.summaryLine.contains("\(next.written.count) files written"))
        // And then everything is unchanged again.
        unlink(out + "/.curriculum-stamp.json")
        let again = Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true))
        #expect(again.written == [])
    }

    /// An undated `packet` (here on A4 paper, into the same folder) replaces the build's undated
    /// packet and then updates the manifest; killed in between, the next build must still put
    /// the build's packet back.
    @Test func aPacketKilledBeforeItsManifestIsMadeGoodByTheNextBuild() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Builder(pdfEngine: nil).build(root: root, options: options(out)).exitCode(strict: false) == 0)
        let undated = try String(contentsOfFile: out + "/packets/evening/week-01.html", encoding: .utf8)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: out + "/" + BuildManifest.fileName))
        var a4 = options(out)
        a4.page = PageOptions(paper: .a4, largePrint: false)
        let packet = Builder(pdfEngine: nil).packet(root: root, track: "evening", week: 1, start: nil, options: a4)
        #expect(packet.exitCode(strict: false) == 0)
        #expect(try String(contentsOfFile: out + "/packets/evening/week-01.html", encoding: .utf8) != undated)
        try manifest.write(to: URL(fileURLWithPath: out + "/" + BuildManifest.fileName))  // as the kill left it

        let next = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(next.written.contains("packets/evening/week-01.html"), "\(next.written)")
        #expect(try String(contentsOfFile: out + "/packets/evening/week-01.html", encoding: .utf8) == undated)
    }

    // MARK: Disk full during HTML writes

    @Test func aFullDiskKeepsEveryEarlierEntryWhoseFileIsThere() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Builder(pdfEngine: CopyingPDFEngine()).build(root: root, options: options(out, pdf: true)).exitCode(strict: false) == 0)
        let before = BuildManifest.read(folder: out)
        #expect(before.outputs.count == 29)

        // A4 changes every page; no HTML file can be written.
        var a4 = options(out, pdf: true)
        a4.page = PageOptions(paper: .a4, largePrint: false)
        var full = Builder(pdfEngine: CopyingPDFEngine())
        full.writeFile = { _, path in throw FileError(path: path, code: ENOSPC) }
        let failed = full.build(root: root, options: a4)
        #expect(failed.exitCode(strict: false) == 2)
        #expect(failed.report.diagnostics.contains { $0.rule == "build.write-failed" && $0.message.contains("No space left on device") })
        #expect(BuildManifest.read(folder: out) == before, "the manifest lost entries of files that are still there")

        // With space again, every page is made for A4 and reported as written.
        let fixed = Builder(pdfEngine: CopyingPDFEngine()).build(root: root, options: a4)
        #expect(fixed.exitCode(strict: false) == 0)
        #expect(fixed.written.count == 27)
    }

    // MARK: Failure 10: --out and the leftover sweep

    @Test func outputFoldersThatMustNotBeUsedAreRefused() throws {
        let (folder, root, _) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let home = folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        func problem(_ out: String) -> String? {
            OutputFolder.problem(out: out, root: root, templates: templates, home: home)?.message
        }
        #expect(problem("/")?.contains("root of the file system") == true)
        #expect(problem(home)?.contains("home folder") == true)
        #expect(problem(home + "/")?.contains("home folder") == true)
        #expect(problem(root)?.contains("is the curriculum folder") == true)
        #expect(problem(root + "/handouts")?.contains("inside the curriculum folder") == true)
        #expect(problem(root + "/modules/../new/out")?.contains("inside the curriculum folder") == true)
        #expect(problem(templates)?.contains("is the templates folder") == true)
        #expect(problem(templates + "/out")?.contains("inside the templates folder") == true)
        // A symbolic link into the curriculum is the curriculum.
        try FileManager.default.createSymbolicLink(atPath: folder + "/sneaky", withDestinationPath: root + "/modules")
        #expect(problem(folder + "/sneaky/out")?.contains("inside the curriculum folder") == true)
        // A folder of its own, and a folder that holds the curriculum, are fine.
        #expect(problem(folder + "/out") == nil)
        #expect(problem(folder) == nil)
        #expect(problem(home + "/build") == nil)
        // ...unless the build would write its own folders into the curriculum there.
        try FileManager.default.createSymbolicLink(atPath: folder + "/assets", withDestinationPath: root + "/images")
        #expect(problem(folder)?.contains("as assets/") == true)

        // The build says so, exits 2, and leaves nothing in the curriculum (not even a lock).
        let before = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        let result = Builder(pdfEngine: nil).build(root: root, options: options(root + "/handouts"))
        #expect(result.exitCode(strict: false) == 2)
        let finding = try #require(result.report.diagnostics.first)
        #expect(finding.rule == "build.output-folder")
        #expect(finding.fix?.summary.contains("--out build") == true)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before)
        let packet = Builder(pdfEngine: nil).packet(root: root, track: "evening", week: 1, start: nil, options: options(root))
        #expect(packet.exitCode(strict: false) == 2)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before)
    }

    /// --out is the folder that holds the curriculum: the sweep of unfinished temporary files
    /// stays in the build's own folders and removes only names this tool gives them.
    @Test func theLeftoverSweepRemovesOnlyItsOwnTemporaryFiles() throws {
        let (folder, root, _) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ours = folder + "/handouts/." + "a.html" + AtomicWriter.temporaryMarker + "123-1f-2"
        let keep = [
            root + "/images/.calm.png" + AtomicWriter.temporaryMarker + "123-1f-2",   // in the curriculum
            root + "/peer.tmp-curriculum-draft.txt",                                 // a user's file named like one
            folder + "/drafts/.plan.txt" + AtomicWriter.temporaryMarker + "123-1f-2", // another folder of --out
            folder + "/handouts/peer" + AtomicWriter.temporaryMarker + "draft.html",  // not a name this tool gives
        ]
        for path in keep + [ours] { try write("x", path) }
        let result = Builder(pdfEngine: nil).build(root: root, options: options(folder))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        for path in keep { #expect(exists(path), "\(path) was removed") }
        #expect(!exists(ours))
        #expect(exists(folder + "/handouts/basics.html"))
    }

    @Test func temporaryNamesAreRecognisedExactly() {
        let made = PathUtil.fileName(AtomicWriter.temporaryPath(for: "/x/handouts/a b.html"))
        #expect(AtomicWriter.isTemporaryName(made))
        for name in ["peer.tmp-curriculum-draft.md", ".a.tmp-curriculum-", ".a.tmp-curriculum-1-2", "a.tmp-curriculum-1-2-3", ".a.tmp-curriculum-1-zz-3"] {
            #expect(!AtomicWriter.isTemporaryName(name), "\(name)")
        }
    }

    // MARK: Symbolic links in the output folder

    @Test func aPlantedLockFileLinkIsNotFollowed() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/" + BuildLock.fileName, withDestinationPath: folder + "/planted-target")
        let result = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(result.exitCode(strict: false) == 2)
        let finding = try #require(result.report.diagnostics.first { $0.rule == "build.output-folder" })
        #expect(finding.file == out + "/" + BuildLock.fileName)
        #expect(finding.message.contains("symbolic link"))
        #expect(!exists(folder + "/planted-target"), "the lock was created through the link")
        #expect(!exists(out + "/index.html"))
    }

    @Test func aSymlinkedOutputFolderIsNotWrittenThrough() throws {
        for name in ["handouts", "assets", "packets"] {
            let (folder, root, out) = copy()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: out + "/" + name, withDestinationPath: folder + "/elsewhere")
            let result = Builder(pdfEngine: nil).build(root: root, options: options(out))
            #expect(result.exitCode(strict: false) == 2)
            let finding = try #require(result.report.diagnostics.first { $0.rule == "build.output-folder" })
            #expect(finding.file == out + "/" + name)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/elsewhere") == [], "\(name): written through the link")
            #expect(!exists(out + "/index.html"))
        }
    }

    // MARK: Failure 7: only images a handout needs are copied

    @Test func onlySafeImagesAreCopiedEvenWithTheirRulesOff() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n", root + "/images/evil.svg")
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>\n", root + "/images/plain.svg")
        try write("<html><script>alert(1)</script></html>\n", root + "/images/evil.html")
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n", root + "/images/disguised.png")
        try addToDiscussion(root, """
            ![A drawing](../images/evil.svg) ![A plain drawing](../images/plain.svg) ![A page](../images/evil.html)
            ![Not a PNG](../images/disguised.png) and [a page](../images/evil.html).
            """)
        let refused = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(refused.refused)
        #expect(Set(refused.report.diagnostics.filter { $0.severity == .error }.map(\.rule)) == ["images.unsafe-svg", "links.local-file"])
        #expect(refused.report.diagnostics.filter { $0.rule == "links.local-file" }.count == 3)

        // With both rules switched off the build runs, but copies only the plain images.
        let schema = root + "/schema.yaml"
        try (try String(contentsOfFile: schema, encoding: .utf8).replacingOccurrences(of: "\nrules:\n", with: "\nrules:\n  images.unsafe-svg: off\n  links.local-file: off\n"))
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let built = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(built.exitCode(strict: false) == 0, "\(built.report.diagnostics)")
        let assets = Set(try FileManager.default.subpathsOfDirectory(atPath: out + "/assets"))
        #expect(assets.contains("images/plain.svg") && assets.contains("images/calm lake.png"))
        for unsafe in ["images/evil.svg", "images/evil.html", "images/disguised.png"] { #expect(!assets.contains(unsafe), "\(unsafe) was copied") }
    }

    @Test func unsafeSVGsAreRecognised() {
        let unsafe = [
            "<svg><script>x</script></svg>", "<svg><svg:script>x</svg:script></svg>", "<svg><SCRIPT/></svg>",
            "<svg onload=\"x()\"/>", "<svg><rect ONCLICK = 'x'/></svg>", "<svg><a xlink:href=\"https://example.org\">a</a></svg>",
            "<svg><image href=\"/etc/passwd\"/></svg>", "<svg><use href='other.svg#a'/></svg>", "<svg><image src=x.png /></svg>",
            "<svg><style>@import 'https://example.org/a.css';</style></svg>", "<svg><rect style=\"fill: url(https://example.org/p)\"/></svg>",
            "<svg><rect fill=\"url( 'file:///etc/passwd' )\"/></svg>", "<svg><foreignObject><div>x</div></foreignObject></svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>",
            "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<?xml-stylesheet href=\"https://example.org/a.css\"?><svg/>",
            "<svg><style>&#64;import 'https://example.org/a.css';</style></svg>", "<svg><a href=\"&#x68;ttps://example.org\">a</a></svg>",
            "<svg><rect style=\"fill: \\75 rl(https://example.org/p)\"/></svg>", "<svg><scr&#105;pt>x</script></svg>",
        ]
        for text in unsafe { #expect(ImageFile.svgProblem(Array(text.utf8)) != nil, "\(text)") }
        #expect(ImageFile.svgProblem([0x3C, 0x73, 0x76, 0x67, 0xFF]) != nil)
        let safe = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#a\"/></svg>",
            "<svg><rect fill=\"url(#g)\" style=\"fill:url( '#g' )\"/><text>Turn on the light &#8212; &#xA0;slowly</text></svg>",
        ]
        for text in safe { #expect(ImageFile.svgProblem(Array(text.utf8)) == nil, "\(text)") }
    }

    // MARK: An image inside a {callout}

    @Test func anImageInACalloutIsCopied() throws {
        let (folder, root, out) = copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: root + "/images/calm lake.png", toPath: root + "/images/boxed.png")
        try addToDiscussion(root, "```{callout} Remember\n![A calm lake in a box](../images/boxed.png)\n```")
        let result = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        #expect(exists(out + "/assets/images/boxed.png"))
        #expect(try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8).contains("../assets/images/boxed.png"))
    }
}
