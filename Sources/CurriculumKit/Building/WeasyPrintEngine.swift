import Foundation

/// Runs WeasyPrint (Debian package `weasyprint`) through its own Python, several documents per
/// process and one process per job slot, so a build is not dominated by start-up time. Only
/// files inside the output folder may be fetched: no network, nothing outside the build.
public struct WeasyPrintEngine: PDFEngine {
    public static let missing = RuleDescriptor("setup.pdf-engine", .error, "WeasyPrint, the PDF engine, is not installed or cannot start.", setup: true)

    /// The Python interpreter that has the weasyprint module (from the `weasyprint` script's `#!` line).
    public let python: String
    /// Seconds one document may take before it is stopped.
    public let timeoutPerDocument: Double
    /// Stops WeasyPrint when the build is interrupted.
    public var cancellation: Cancellation?

    /// Finds WeasyPrint on PATH; nil when it is not installed.
    public static func locate(timeoutPerDocument: Double = 120) -> WeasyPrintEngine? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/weasyprint"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                  let data = FileManager.default.contents(atPath: candidate) else { continue }
            let firstLine = String(decoding: data.prefix(200), as: UTF8.self).split(separator: "\n").first ?? ""
            if firstLine.hasPrefix("#!") {
                let interpreter = firstLine.dropFirst(2).trimmingWhitespace()
                let parts = interpreter.split(separator: " ")
                if parts.first == "/usr/bin/env", parts.count > 1 { return WeasyPrintEngine(python: String(parts[1]), timeoutPerDocument: timeoutPerDocument) }
                if let first = parts.first { return WeasyPrintEngine(python: String(first), timeoutPerDocument: timeoutPerDocument) }
            }
        }
        return nil
    }

    public init(python: String, timeoutPerDocument: Double = 120) {
        self.python = python
        self.timeoutPerDocument = timeoutPerDocument
    }

    static let script = #"""
import json, logging, os, signal, sys, urllib.parse
# The build ignores Ctrl-C and SIGTERM itself (it stops cleanly) and starts this process from
# a thread that blocks signals; both are inherited. Take the defaults back, so stopping the
# build stops this process at once.
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_SETMASK, [])
from weasyprint import HTML, default_url_fetcher
root = os.path.realpath(sys.argv[1])
messages = []
class Collect(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())
for name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(name).addHandler(Collect())
# Documents are read under a fixed base URL, so the PDFs do not depend on where the build
# folder is (links in a PDF would otherwise carry its absolute path).
BASE = "file:///curriculum-build/"
def fetcher(url, timeout=10, ssl_context=None):
    if url.startswith(BASE):
        url = "file://" + urllib.parse.quote(root + "/" + urllib.parse.unquote(url[len(BASE):].split("#")[0]))
    if not url.startswith("file://"):
        raise ValueError("blocked a fetch outside the build: " + url)
    path = os.path.realpath(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    if path != root and not path.startswith(root + os.sep):
        raise ValueError("blocked a file outside the build: " + path)
    return default_url_fetcher(url, timeout, ssl_context)
for line in sys.stdin:
    job = json.loads(line)
    del messages[:]
    try:
        relative = os.path.relpath(os.path.realpath(job["html"]), root)
        with open(job["html"], encoding="utf-8") as source:
            html = HTML(string=source.read(), base_url=BASE + urllib.parse.quote(relative), url_fetcher=fetcher)
        html.write_pdf(job["temporary"])
        print(json.dumps({"done": job["pdf"], "warnings": messages[:]}), flush=True)
    except Exception as error:
        print(json.dumps({"failed": job["pdf"], "message": "%s: %s" % (type(error).__name__, error)}), flush=True)
"""#

    /// The fewest documents worth starting another WeasyPrint process for.
    static let documentsPerProcess = 3
    /// Extra seconds the first document of a process may take: Python imports WeasyPrint first.
    static let startUpAllowance: Double = 30

    public func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
        guard !jobs.isEmpty else { return [] }
        // Each process spends about as long importing WeasyPrint as rendering a document, so a
        // process is started only for every few documents: two PDFs share one.
        let slots = max(1, min(jobsInParallel, jobs.count / Self.documentsPerProcess))
        var batches = Array(repeating: [PDFJob](), count: slots)
        for (index, job) in jobs.enumerated() { batches[index % slots].append(job) }
        let failures = Locked([PDFFailure]())
        let work = batches
        DispatchQueue.concurrentPerform(iterations: slots) { slot in
            let found = runBatch(work[slot], root: root, sourceDateEpoch: sourceDateEpoch)
            failures.withValue { $0 += found }
        }
        return failures.current.sorted { ($0.job?.pdf ?? "", $0.isWarning ? 1 : 0) < ($1.job?.pdf ?? "", $1.isWarning ? 1 : 0) }
    }

    /// Renders a batch in one process. A document that takes longer than `timeoutPerDocument`,
    /// or that WeasyPrint crashes on, fails on its own: the process is stopped and a new one
    /// carries on with the documents after it.
    private func runBatch(_ jobs: [PDFJob], root: String, sourceDateEpoch: Int) -> [PDFFailure] {
        var remaining = jobs[...]
        var problems: [PDFFailure] = []
        var silentEnds = 0
        while !remaining.isEmpty {
            if cancellation?.isCancelled == true {
                problems += remaining.map { PDFFailure(job: $0, message: "the build was interrupted") }
                break
            }
            let pass = runProcess(Array(remaining), root: root, sourceDateEpoch: sourceDateEpoch)
            problems += pass.problems
            remaining = remaining.dropFirst(pass.finished)
            // A process that cannot start, or dies twice in a row before answering at all, is not
            // stuck on one document: WeasyPrint itself is broken, so the rest fail with its words.
            silentEnds = pass.finished == 0 && !pass.timedOut ? silentEnds + 1 : 0
            if pass.couldNotStart || silentEnds >= 2 {
                problems += remaining.map { PDFFailure(job: $0, message: pass.stopReason) }
                break
            }
            // The process ended on a document: that one fails, a new process goes on with the rest.
            if let stuck = remaining.first {
                problems.append(PDFFailure(job: stuck, message: pass.stopReason))
                remaining = remaining.dropFirst()
            }
        }
        for problem in problems where !problem.isWarning { if let job = problem.job { unlink(job.temporary) } }
        return problems
    }

    private struct Pass {
        /// Documents the process answered for, in order.
        var finished = 0
        var problems: [PDFFailure] = []
        var stopReason = ""
        var couldNotStart = false
        var timedOut = false
    }

    private func runProcess(_ jobs: [PDFJob], root: String, sourceDateEpoch: Int) -> Pass {
        var pass = Pass()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, root]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceDateEpoch)
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            pass.couldNotStart = true
            pass.stopReason = "WeasyPrint could not start (\(python)): \(FileError.describe(error))"
            return pass
        }
        let watcher = DispatchSource.makeTimerSource()
        let cancellation = self.cancellation
        watcher.schedule(deadline: .now() + 0.2, repeating: 0.2)
        watcher.setEventHandler { if cancellation?.isCancelled == true, process.isRunning { process.terminate() } }
        watcher.resume()
        defer { watcher.cancel() }
        let lines = jobs.map { job in
            JSONValue.object([("html", .string(job.html)), ("pdf", .string(job.pdf)), ("temporary", .string(job.temporary))]).serialized() + "\n"
        }.joined()
        Self.feed(Array(lines.utf8), to: input.fileHandleForWriting)
        let stderrBox = Locked(Data())
        let stderrDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            stderrBox.withValue { $0 = data }
            stderrDone.signal()
        }
        let answers = LineReader(output.fileHandleForReading)
        var deadline = DispatchTime.now() + timeoutPerDocument + Self.startUpAllowance
        reading: while pass.finished < jobs.count {
            switch answers.next(before: deadline) {
            case .line(let line):
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                let job = jobs[pass.finished]
                if let pdf = object["done"] as? String, pdf == job.pdf {
                    let warnings = (object["warnings"] as? [String] ?? []).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    pass.problems += warnings.prefix(5).map { PDFFailure(job: job, message: "WeasyPrint warned: \($0)", isWarning: true) }
                } else if let pdf = object["failed"] as? String, pdf == job.pdf {
                    pass.problems.append(PDFFailure(job: job, message: "WeasyPrint said: \(object["message"] as? String ?? "an error")"))
                } else {
                    continue
                }
                pass.finished += 1
                deadline = .now() + timeoutPerDocument
            case .closed:
                break reading
            case .timedOut:
                pass.timedOut = true
                // Not SIGTERM: a process stuck in C code, or one that ignores it, must still end.
                kill(process.processIdentifier, SIGKILL)
                break reading
            }
        }
        process.waitUntilExit()
        stderrDone.wait()
        let stderrText = String(decoding: stderrBox.current, as: UTF8.self).trimmingWhitespace()
        if pass.timedOut {
            pass.stopReason = "WeasyPrint took longer than \(Self.seconds(timeoutPerDocument)) on this document and was stopped"
        } else {
            let reason = process.terminationReason == .uncaughtSignal ? "WeasyPrint crashed on this document"
                : "WeasyPrint ended without making this PDF"
            pass.stopReason = stderrText.isEmpty ? reason : "\(reason): \(String(stderrText.suffix(600)))"
        }
        return pass
    }

    /// Writes the jobs to WeasyPrint's input on a thread of its own that blocks SIGPIPE: when
    /// WeasyPrint dies before reading them all, the write fails quietly instead of the signal
    /// ending the whole build (the signal stays pending on that thread and ends with it).
    static func feed(_ bytes: [UInt8], to handle: FileHandle) {
        let thread = Thread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(handle.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        break
                    }
                    offset += written
                }
            }
            try? handle.close()
        }
        thread.start()
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Reads a pipe line by line on a thread of its own, so the reader can wait with a deadline.
private final class LineReader: @unchecked Sendable {
    enum Next { case line(Data), closed, timedOut }
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private var lines: [Data] = []
    private var closed = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex..<end]
                    pending = pending[(end + 1)...]
                    push(Data(line))
                }
            }
            if !pending.isEmpty { push(pending) }
            lock.lock(); closed = true; lock.unlock()
            available.signal()
        }
    }

    private func push(_ line: Data) {
        lock.lock(); lines.append(line); lock.unlock()
        available.signal()
    }

    func next(before deadline: DispatchTime) -> Next {
        while true {
            lock.lock()
            if !lines.isEmpty { let line = lines.removeFirst(); lock.unlock(); return .line(line) }
            if closed { lock.unlock(); return .closed }
            lock.unlock()
            if available.wait(timeout: deadline) == .timedOut {
                lock.lock(); defer { lock.unlock() }
                if !lines.isEmpty { let line = lines.removeFirst(); return .line(line) }
                return closed ? .closed : .timedOut
            }
        }
    }
}
