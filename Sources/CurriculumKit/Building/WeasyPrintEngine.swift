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
import json, logging, os, sys, urllib.parse
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
        return failures.current.sorted { ($0.job?.pdf ?? "") < ($1.job?.pdf ?? "") }
    }

    private func runBatch(_ jobs: [PDFJob], root: String, sourceDateEpoch: Int) -> [PDFFailure] {
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
            return [PDFFailure(job: nil, message: "WeasyPrint could not start (\(python)): \(error.localizedDescription)")]
        }
        // Feed the jobs and close stdin; stop the process if it exceeds its total time budget.
        let lines = jobs.map { job in
            JSONValue.object([("html", .string(job.html)), ("pdf", .string(job.pdf)), ("temporary", .string(job.temporary))]).serialized() + "\n"
        }.joined()
        let deadline = DispatchTime.now() + timeoutPerDocument * Double(jobs.count) + 30
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        let watcher = DispatchSource.makeTimerSource()
        let cancellation = self.cancellation
        watcher.schedule(deadline: .now() + 0.2, repeating: 0.2)
        watcher.setEventHandler { if cancellation?.isCancelled == true, process.isRunning { process.terminate() } }
        watcher.resume()
        defer { watcher.cancel() }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(Data(lines.utf8))
            try? input.fileHandleForWriting.close()
        }
        let stderrBox = Locked(Data())
        let stderrDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            stderrBox.withValue { $0 = data }
            stderrDone.signal()
        }
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        stderrDone.wait()
        let stderrData = stderrBox.current
        timer.cancel()

        var done = Set<String>()
        var failures: [PDFFailure] = []
        let byPDF = Dictionary(uniqueKeysWithValues: jobs.map { ($0.pdf, $0) })
        for line in stdoutData.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            if let pdf = object["done"] as? String { done.insert(pdf) }
            if let pdf = object["failed"] as? String {
                done.insert(pdf)
                failures.append(PDFFailure(job: byPDF[pdf], message: "WeasyPrint said: \(object["message"] as? String ?? "an error")"))
            }
        }
        let stderrText = String(decoding: stderrData, as: UTF8.self).trimmingWhitespace()
        for job in jobs where !done.contains(job.pdf) {
            let reason = process.terminationReason == .uncaughtSignal ? "WeasyPrint was stopped (it took too long or crashed)"
                : "WeasyPrint ended without making this PDF"
            failures.append(PDFFailure(job: job, message: stderrText.isEmpty ? reason : "\(reason): \(String(stderrText.suffix(600)))"))
        }
        for failure in failures { if let job = failure.job { unlink(job.temporary) } }
        return failures
    }
}
