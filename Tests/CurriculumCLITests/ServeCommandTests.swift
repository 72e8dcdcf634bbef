import Foundation
import Testing

/// `curriculum serve` as a writer uses it (issue 21): a real headless browser on a handout sees
/// an edit without navigating, a finding when the module breaks and none once it is fixed;
/// traversal and symbolic links get 404; it listens on loopback only; Ctrl-C stops it.
@Suite struct ServeCommandTests {
    typealias CLI = CheckCommandTests

    static let script = CLI.packageRoot + "/Tests/CurriculumCLITests/Browser/serve_in_browser.py"

    @Test func aHandoutInTheBrowserFollowsEditsAndShowsFindings() throws {
        // `make deps` installs both; missing, the test fails and says so (it never skips).
        let chromium = ["/usr/bin/chromium", "/usr/local/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #expect(chromium != nil, "Debian's chromium is not installed: run `make deps` (or apt-get install chromium)")
        let websocket = try CLI.runTool("/usr/bin/python3", ["-c", "import websocket"])
        #expect(websocket.status == 0, "Debian's python3-websocket is not installed: run `make deps` (or apt-get install python3-websocket)")
        guard chromium != nil, websocket.status == 0 else { return }

        let (folder, _) = try AuthoringCommandTests.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: CLI.packageRoot + "/templates", toPath: folder + "/templates")
        let result = try CLI.runTool("/usr/bin/python3", [Self.script, CLI.binary, folder, folder + "/screenshot.png"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.hasSuffix("browser checks passed\n"), "\(result.stdout)\n\(result.stderr)")

        // What serve built is what `build --no-pdf` builds, byte for byte (the toolbar is added
        // only to what is sent). The traversal checks replaced coverage.csv with a link.
        let build = try CLI.run(["build", "curriculum", "--no-pdf", "--out", "built", "--today", "2026-11-29"], in: folder)
        #expect(build.status == 0, "\(build.stdout)")
        for page in ["handouts/anger.html", "guides/anger.html", "index.html", "packets/evening/week-01.html", "assets/print.css"] {
            let served = FileManager.default.contents(atPath: folder + "/preview/" + page)
            #expect(served != nil && served == FileManager.default.contents(atPath: folder + "/built/" + page), "\(page) differs from build's")
        }
    }

    @Test func aHostThatIsNotAnAddressIsAUsageError() throws {
        let result = try CLI.run(["serve", "--host", "example.org", "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--host example.org is not an IP address"), "\(result.stderr)")
    }
}

extension CheckCommandTests {
    /// Runs another program (python3) and collects its output.
    static func runTool(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        // Standard error goes to a file, so neither pipe can fill up while the other is read.
        let errorFile = NSTemporaryDirectory() + "serve-test-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = FileManager.default.contents(atPath: errorFile) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
