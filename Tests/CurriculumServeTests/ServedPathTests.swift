import Foundation
import Testing
@testable import CurriculumServe

/// Which requests reach a file of the build: only clean paths to files the manifest lists,
/// reached without a symbolic link.
@Suite struct ServedPathTests {
    @Test func cleanPathsNameTheirFile() {
        #expect(ServedPath.relative("/") == "index.html")
        #expect(ServedPath.relative("/handouts/anger.html") == "handouts/anger.html")
        #expect(ServedPath.relative("/packets/evening/") == "packets/evening/index.html")
        #expect(ServedPath.relative("/assets/images/a%20b.png") == "assets/images/a b.png")
    }

    @Test func traversalNamesNothing() {
        for raw in ["/..", "/../etc/passwd", "/handouts/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
                    "/handouts/..%2f..%2fetc%2fpasswd", "/handouts%2f..%2f..%2fetc", "/.%2e/x", "/..%5c..%5cetc",
                    "/./index.html", "//etc/passwd", "/handouts//anger.html", "/.curriculum-manifest.json",
                    "/handouts/anger.html%00.pdf", "handouts/anger.html", "/%", "/a%ZZ"] {
            #expect(ServedPath.relative(raw) == nil, "\(raw)")
        }
    }

    @Test func onlyListedRegularFilesWithoutLinksAreServed() throws {
        let folder = NSTemporaryDirectory() + "served-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/build/handouts", withIntermediateDirectories: true)
        try "<p>ok</p>".write(toFile: folder + "/build/handouts/anger.html", atomically: false, encoding: .utf8)
        try "secret".write(toFile: folder + "/secret.txt", atomically: false, encoding: .utf8)
        try "stray".write(toFile: folder + "/build/handouts/stray.html", atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder + "/build/handouts/link.html", withDestinationPath: folder + "/secret.txt")
        try manager.createSymbolicLink(atPath: folder + "/build/guides", withDestinationPath: folder)
        let listed: Set = ["handouts/anger.html", "handouts/link.html", "guides/secret.txt"]
        let build = folder + "/build"
        #expect(ServedPath.file("handouts/anger.html", in: build, listed: listed) == build + "/handouts/anger.html")
        #expect(ServedPath.file("handouts/stray.html", in: build, listed: listed) == nil)  // not the build's
        #expect(ServedPath.file("handouts/link.html", in: build, listed: listed) == nil)   // a link to a file
        #expect(ServedPath.file("guides/secret.txt", in: build, listed: listed) == nil)    // through a linked folder
        #expect(ServedPath.file("handouts", in: build, listed: ["handouts"]) == nil)       // a folder
    }

    @Test func theToolbarGoesBeforeTheLastBodyEnd() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></body>\n</html>\n".utf8)
        let served = String(decoding: Toolbar.inject(into: page, buildGeneration: 3, page: "index.html"), as: UTF8.self)
        #expect(served == "<html><body><p>&lt;/body&gt;</p><script src=\"_serve/toolbar.js\" data-build=\"3\"></script></body>\n</html>\n")
        // Named relative to the page, so a proxy's path prefix is kept.
        #expect(Toolbar.tag(buildGeneration: 1, page: "packets/evening/week-01.html").hasPrefix("<script src=\"../../_serve/toolbar.js\""))
        let bare = String(decoding: Toolbar.inject(into: Array("<p>x</p>".utf8), buildGeneration: 1, page: "a.html"), as: UTF8.self)
        #expect(bare.hasSuffix("</script>"))
    }

    @Test func aHostOtherThanLoopbackIsWarnedAbout() throws {
        #expect(try HostAddress.resolve("127.0.0.1").warning == nil)
        #expect(try HostAddress.resolve("localhost") == .ip4("127.0.0.1"))
        #expect(try HostAddress.resolve("::1").warning == nil)
        #expect(try HostAddress.resolve("[::1]").urlHost == "[::1]")
        #expect(try HostAddress.resolve("0.0.0.0").warning?.contains("other computers") == true)
        #expect(try HostAddress.resolve("::").warning != nil)
        #expect(throws: HostAddress.Invalid.self) { try HostAddress.resolve("example.org") }
    }

    @Test func onLoopbackOnlyLoopbackNamesAreAnswered() throws {
        let loopback = try HostAddress.resolve("127.0.0.1")
        for header in ["127.0.0.1:8123", "localhost:8123", "LOCALHOST", "[::1]:8123", "127.0.0.2:80"] {
            #expect(loopback.accepts(hostHeader: header), "\(header)")
        }
        // DNS rebinding: another site's name pointed at 127.0.0.1.
        for header in ["evil.example:8123", "127.0.0.1.evil.example", "localhost.evil.example:8123", "", "10.0.0.1:8123"] {
            #expect(!loopback.accepts(hostHeader: header), "\(header)")
        }
        #expect(!loopback.accepts(hostHeader: nil))
        #expect(try HostAddress.resolve("0.0.0.0").accepts(hostHeader: "preview.clinic.example"))
    }

    @Test func eventsAreServerSentEventLines() {
        let bytes = ReloadHub.event("reload", "{\"a\":1}\n{\"b\":2}")
        #expect(String(decoding: bytes, as: UTF8.self) == "event: reload\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n")
    }
}
