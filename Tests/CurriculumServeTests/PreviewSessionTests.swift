import CurriculumKit
import FlyingFox
import Foundation
import Testing
@testable import CurriculumServe

/// What the preview serves through a writing session, asked of its request handler directly:
/// the findings page before any good build, the build's pages with the toolbar after, the last
/// good page with the findings while the module is broken.
@Suite struct PreviewSessionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A copy of the build fixture, and a session building it into `out`.
    static func session() throws -> (folder: String, session: PreviewSession) {
        let folder = NSTemporaryDirectory() + "preview-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/CurriculumKitTests/Fixtures/build", toPath: folder + "/curriculum")
        let today = CalendarDate("2026-11-29")!
        let options = BuildOptions(out: folder + "/out", pdf: false, jobs: 1, page: PageOptions(),
                                   templates: packageRoot + "/templates", today: today)
        return (folder, PreviewSession(root: folder + "/curriculum", options: options, canMakePDF: false, today: { today }))
    }

    static func get(_ path: String, _ session: PreviewSession) async throws -> (status: Int, body: String) {
        let request = HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [:], body: Data())
        var raw = request
        raw.target = HTTPRequest.Target(path: path, query: "")
        let response = await PreviewServer.respond(to: raw, session: session, pdf: nil)
        return (response.statusCode.code, String(decoding: try await response.bodyData, as: UTF8.self))
    }

    @Test func aBrokenModuleKeepsTheLastGoodPageUnderItsFindings() async throws {
        let (folder, session) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let module = folder + "/curriculum/modules/basics.md"
        let good = try String(contentsOfFile: module, encoding: .utf8)

        // Broken before the first build: every page is the list of what stops it.
        try good.replacingOccurrences(of: "topic: psychoeducation", with: "topic: psychoeducatio").write(toFile: module, atomically: true, encoding: .utf8)
        session.rebuild()
        let first = try await Self.get("/handouts/basics.html", session)
        #expect(first.status == 200)
        #expect(first.body.contains("Nothing is built yet"))
        #expect(first.body.contains("modules/basics.md</code>") || first.body.contains("modules/basics.md:4:8"), "\(first.body)")
        #expect(first.body.contains("[front-matter.unknown-topic]"))
        #expect(first.body.contains("<script src=\"../_serve/toolbar.js\""))
        #expect(try await Self.get("/assets/print.css", session).status == 404)

        // Fixed: the built pages, with the toolbar added only to what is sent.
        try good.write(toFile: module, atomically: true, encoding: .utf8)
        session.rebuild()
        #expect(session.status.hasGoodBuild && session.status.errorCount == 0 && session.status.buildGeneration == 1)
        let page = try await Self.get("/handouts/basics.html", session)
        #expect(page.status == 200)
        #expect(page.body.contains("Basics of Recovery"))
        #expect(page.body.contains("<script src=\"../_serve/toolbar.js\" data-build=\"1\"></script></body>"))
        let onDisk = try String(contentsOfFile: folder + "/out/handouts/basics.html", encoding: .utf8)
        #expect(!onDisk.contains("_serve"))
        #expect(try await Self.get("/", session).body.contains("basics"))
        #expect(try await Self.get("/.curriculum-manifest.json", session).status == 404)

        // Broken again: the same page stays, the status carries the finding.
        try good.replacingOccurrences(of: "Basics of Recovery", with: "Basics Changed")
            .replacingOccurrences(of: "topic: psychoeducation", with: "topic: psychoeducatio").write(toFile: module, atomically: true, encoding: .utf8)
        session.rebuild()
        #expect(session.status.showingLastGoodBuild && session.status.errorCount == 1 && session.status.buildGeneration == 1)
        #expect(try await Self.get("/handouts/basics.html", session).body.contains("Basics of Recovery"))
        let status = try await Self.get("/_serve/status", session)
        #expect(status.body.contains("\"rule\":\"front-matter.unknown-topic\""), "\(status.body)")
        #expect(status.body.contains("\"line\":4"), "\(status.body)")
        #expect(status.body.contains("\"stale\":true"))

        // Fixed again: a new build generation, so open pages reload.
        try good.replacingOccurrences(of: "Basics of Recovery", with: "Basics Changed").write(toFile: module, atomically: true, encoding: .utf8)
        session.rebuild()
        #expect(!session.status.showingLastGoodBuild && session.status.errorCount == 0 && session.status.buildGeneration == 2)
        #expect(try await Self.get("/handouts/basics.html", session).body.contains("Basics Changed"))
    }
}
