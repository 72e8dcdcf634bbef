import ArgumentParser
import CurriculumKit
import CurriculumServe
import Dispatch
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Live preview: build the HTML, serve it on this computer, and reload open pages after every saved change.",
        discussion: """
        Prints `Serving on http://127.0.0.1:PORT/` first. Pages show a toolbar with the findings \
        count, a link to the page's PDF (made when you click it) and the findings of `check`. \
        While there are errors, the last good build stays on screen under the findings. \
        Ctrl-C stops. See docs/modules.md.
        """
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "The port (0 picks a free one).")
    var port: Int = 8123

    @Option(help: ArgumentHelp("The address to listen on. Anything but loopback lets other computers in, with a warning.", valueName: "ADDRESS"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("Build into this folder (default: a private folder under the system's temporary folder, removed on exit).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("The templates folder (default: templates/ beside the curriculum folder).", valueName: "DIR"))
    var templates: String?

    @Option(help: "Paper size: letter or a4.")
    var paper: Paper = .letter

    @Flag(help: "Larger type and writing space, for people who need it.")
    var largePrint = false

    @Flag(help: "Open the index page in the web browser.")
    var open = false

    @Option(help: ArgumentHelp("Check review dates against this day instead of today (YYYY-MM-DD).", valueName: "DATE"))
    var today: CalendarDate?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        do { _ = try HostAddress.resolve(host) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let address = try HostAddress.resolve(host)
        if let warning = address.warning { Terminal.writeError(warning + "\n") }
        var privateFolders: [String] = []
        defer { for folder in privateFolders { try? FileManager.default.removeItem(atPath: folder) } }
        let buildFolder: String
        if let out {
            buildFolder = out
        } else {
            buildFolder = try Self.privateFolder("curriculum-serve")
            privateFolders.append(buildFolder)
        }
        let engine = WeasyPrintEngine.locate()
        var pdf: PDFPreview?
        if let engine, engine.setupProblem == nil {
            let pdfFolder = try Self.privateFolder("curriculum-serve-pdf")
            privateFolders.append(pdfFolder)
            pdf = PDFPreview(engine: engine, buildFolder: Self.absolute(buildFolder), pdfFolder: pdfFolder)
        }
        let fixedToday = today
        let options = BuildOptions(out: buildFolder, pdf: false, jobs: 1, page: PageOptions(paper: paper, largePrint: largePrint),
                                   templates: templates, today: fixedToday ?? Clock.today())
        let session = PreviewSession(root: path, options: options, canMakePDF: pdf != nil, today: { fixedToday ?? Clock.today() })
        let server = try PreviewServer(session: session, host: host, port: UInt16(port), pdf: pdf)
        let listening: Result<UInt16, any Error> = Self.wait { try await server.start() }
        let boundPort: UInt16
        switch listening {
        case .success(let value): boundPort = value
        case .failure(let error):
            Terminal.writeError("error: cannot listen on \(address.urlHost):\(port): \(error)\n")
            throw ExitCode(2)
        }
        let url = "http://\(address.urlHost):\(boundPort)/"
        Terminal.write("Serving on \(url)\n")
        let stop = StopSignal()
        let interrupts = InterruptHandler(stop: stop)
        defer { interrupts.cancel() }
        let keepAlive = DispatchSource.makeTimerSource(queue: .global())
        keepAlive.schedule(deadline: .now() + 15, repeating: 15)
        keepAlive.setEventHandler { server.keepAlive() }
        keepAlive.resume()
        defer { keepAlive.cancel() }
        if open { Self.openBrowser(url) }
        PreviewWatch(session: session).run(until: stop, output: Terminal.write)
        _ = Self.wait { await server.stop() } as Result<Void, Never>
        Terminal.write("stopped serving\n")
    }

    /// A new folder only this user can read, under the system's temporary folder.
    static func privateFolder(_ name: String) throws -> String {
        var template = Array(PathUtil.join(NSTemporaryDirectory(), "\(name)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ValidationError("cannot make a folder under \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : PathUtil.join(FileManager.default.currentDirectoryPath, path)
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Terminal.writeError("could not open a browser (\(error.localizedDescription)); open \(url) yourself\n") }
    }

    /// Runs async work from this synchronous command and waits for it.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = Locked<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let value = try await work()
                box.withValue { $0 = .success(value) }
            } catch {
                box.withValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return box.current!
    }

    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> Result<T, Never> {
        let box = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            box.withValue { $0 = value }
            done.signal()
        }
        done.wait()
        return .success(box.current!)
    }
}
