import CurriculumBuild
import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `curriculum serve`, on FlyingFox: the files of the latest good build with the
/// toolbar added to each page, the toolbar's script and status, the reload events, and PDFs on
/// request, all on one port.
package final class PreviewServer: Sendable {
    private let server: HTTPServer
    private let session: PreviewSession

    /// Listens on `host` (an IPv4 or IPv6 address, or `localhost`) and `port` (0: any free one).
    package init(session: PreviewSession, host: String, port: UInt16, pdf: PDFPreview?) throws {
        self.session = session
        let address = try HostAddress.resolve(host)
        let handler = ClosureHTTPHandler { request in
            guard address.accepts(hostHeader: request.headers[.host]) else {
                return Self.text(.forbidden, "this preview answers only to the address it printed (http://127.0.0.1:PORT/)\n")
            }
            return await Self.respond(to: request, session: session, pdf: pdf)
        }
        // A PDF may take a while; a page's event stream is not bound by this (it is a body).
        let timeout: TimeInterval = 600
        switch address {
        case .ip4(let ip):
            server = HTTPServer(address: try sockaddr_in.inet(ip4: ip, port: port), timeout: timeout, logger: .disabled, handler: handler)
        case .ip6(let ip):
            server = HTTPServer(address: try sockaddr_in6.inet6(ip6: ip, port: port), timeout: timeout, logger: .disabled, handler: handler)
        }
    }

    /// Starts listening; returns the port once connections are accepted, or throws at once
    /// when the address cannot be used (a port in use). The server then runs until `stop`.
    package func start() async throws -> UInt16 {
        let server = self.server
        let settled = Locked(false)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            // Whichever comes first: listening, or `run` failing (bind refused).
            func settle(_ outcome: Result<Void, any Error>) {
                let first = settled.withValue { done -> Bool in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: outcome) }
            }
            Task {
                do {
                    try await server.run()
                    settle(.failure(ListenFailure(message: "the server stopped before it listened")))
                } catch {
                    settle(.failure(ListenFailure(message: Self.describe(error))))
                }
            }
            Task {
                do {
                    try await server.waitUntilListening(timeout: 30)
                    settle(.success(()))
                } catch {
                    settle(.failure(ListenFailure(message: "it did not start listening within 30 s")))
                }
            }
        }
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return 0
        }
    }

    /// Why the server could not listen, in words.
    package struct ListenFailure: Error, CustomStringConvertible, Sendable {
        package let message: String
        package var description: String { message }
    }

    static func describe(_ error: any Error) -> String {
        if case SocketError.failed(_, let errno, let message) = error {
            if errno == EADDRINUSE { return "the port is in use (by another preview?); choose another with --port N, or --port 0 for any free one" }
            if errno == EADDRNOTAVAIL { return "this computer has no such address; leave out --host to use 127.0.0.1" }
            if errno == EACCES { return "ports below 1024 need special rights; choose one above with --port N, or --port 0" }
            return message
        }
        return "\(error)"
    }

    /// A comment line to every page listening, so streams of closed pages end.
    package func keepAlive() { session.hub.keepAlive() }

    /// Ends every page's event stream and stops listening.
    package func stop() async {
        session.hub.finishAll()
        await server.stop(timeout: 1)
    }

    static func respond(to request: HTTPRequest, session: PreviewSession, pdf: PDFPreview?) async -> HTTPResponse {
        guard request.method == .GET else { return text(.methodNotAllowed, "only GET\n") }
        let raw = request.target.path(percentEncoded: true)
        switch raw {
        case "/_serve/events":
            return HTTPResponse(statusCode: .ok, headers: [
                .contentType: "text/event-stream", .cacheControl: "no-store", HTTPHeader("X-Accel-Buffering"): "no",
            ], body: session.hub.subscribe(hello: session.status.json))
        case "/_serve/status":
            return bytes(.ok, "application/json", Array(session.status.json.utf8))
        case "/_serve/toolbar.js":
            return bytes(.ok, "text/javascript; charset=utf-8", Array(Toolbar.script.utf8))
        default:
            break
        }
        if raw.hasPrefix("/_serve/pdf/") {
            return await pdfResponse(String(raw.dropFirst("/_serve/pdf".count)), session: session, pdf: pdf)
        }
        guard let relative = ServedPath.relative(raw) else { return notFound }
        let status = session.status
        if !status.hasGoodBuild {
            // Any page asked for before the first good build: what stops it, reloading once built.
            guard relative.hasSuffix(".html") else { return notFound }
            let page = Toolbar.inject(into: Array(FindingsPage.html(status).utf8), buildGeneration: 0, page: relative)
            return bytes(.ok, ServedPath.contentType(relative), page)
        }
        guard let file = ServedPath.file(relative, in: session.options.out, listed: session.servedFiles),
              let data = FileManager.default.contents(atPath: file) else { return notFound }
        var body = Array(data)
        if relative.hasSuffix(".html") { body = Toolbar.inject(into: body, buildGeneration: status.buildGeneration, page: relative) }
        return bytes(.ok, ServedPath.contentType(relative), body)
    }

    /// The PDF of a built page that makes one (handouts, guides, packets, plans).
    static func pdfResponse(_ raw: String, session: PreviewSession, pdf: PDFPreview?) async -> HTTPResponse {
        guard let pdf else { return text(.notFound, "PDFs need WeasyPrint: sudo apt-get install weasyprint (or make deps)\n") }
        guard let relative = ServedPath.relative(raw), relative.hasSuffix(".pdf"),
              ["handouts", "guides", "packets", "plans"].contains(relative.split(separator: "/").first.map(String.init) ?? "") else { return notFound }
        let html = String(relative.dropLast(4)) + ".html"
        guard let file = ServedPath.file(html, in: session.options.out, listed: session.servedFiles) else { return notFound }
        switch await pdf.pdf(of: html, htmlFile: file) {
        case .success(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound }
            return bytes(.ok, "application/pdf", Array(data))
        case .failure(let failure):
            return text(.internalServerError, "the PDF could not be made: \(failure.message)\n")
        }
    }

    static var notFound: HTTPResponse { text(.notFound, "not found\n") }

    static func text(_ code: HTTPStatusCode, _ message: String) -> HTTPResponse {
        bytes(code, "text/plain; charset=utf-8", Array(message.utf8))
    }

    static func bytes(_ code: HTTPStatusCode, _ type: String, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(statusCode: code, headers: [
            .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
        ], body: Data(body))
    }
}
