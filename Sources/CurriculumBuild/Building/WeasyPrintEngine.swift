import Foundation

/// Runs WeasyPrint (Debian package `weasyprint`) through its own Python, several documents per
/// process and one process per job slot, so a build is not dominated by start-up time. Only
/// files inside the output folder may be fetched: no network, nothing outside the build.
public struct WeasyPrintEngine: PDFEngine {
    public static let missing = BuildRules.pdfEngine

    /// The Python interpreter that has the weasyprint module (from the `weasyprint` script's `#!` line).
    public let python: String
    /// Seconds one document may take before it is stopped.
    public let timeoutPerDocument: Double
    /// Stops WeasyPrint when the build is interrupted.
    public var cancellation: Cancellation?
    /// Why WeasyPrint cannot be used as installed (a `weasyprint` that is not a Python script),
    /// with what to do; nil when it can.
    public var setupProblem: String?

    /// The variable that names WeasyPrint's Python when the `weasyprint` command is a wrapper.
    public static let pythonVariable = "CURRICULUM_WEASYPRINT_PYTHON"

    /// Finds WeasyPrint on PATH; nil when it is not installed. The engine runs WeasyPrint's own
    /// Python, read from the `weasyprint` script's `#!` line; a `weasyprint` that is not a Python
    /// script (a shell wrapper, say) gives an engine with a `setupProblem`, unless
    /// CURRICULUM_WEASYPRINT_PYTHON names the Python to use.
    public static func locate(timeoutPerDocument: Double = 120,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> WeasyPrintEngine? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        if let chosen = environment[pythonVariable], !chosen.isEmpty {
            var engine = WeasyPrintEngine(python: chosen, timeoutPerDocument: timeoutPerDocument)
            if resolve(chosen, path: path) == nil {
                engine.setupProblem = "\(pythonVariable) names '\(chosen)', which is not an executable file"
            }
            return engine
        }
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/weasyprint"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                  let data = FileManager.default.contents(atPath: candidate) else { continue }
            let firstLine = String(decoding: data.prefix(200), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            if let python = interpreter(ofShebang: firstLine, path: path) {
                return WeasyPrintEngine(python: python, timeoutPerDocument: timeoutPerDocument)
            }
            var engine = WeasyPrintEngine(python: candidate, timeoutPerDocument: timeoutPerDocument)
            let shown = firstLine.hasPrefix("#!") ? "it starts with `\(firstLine.prefix(80))`" : "it is not a script"
            let what = runsPython(firstLine) ? "names a Python that is not installed (\(shown))" : "is not a Python script (\(shown))"
            engine.setupProblem = "the `weasyprint` command at \(candidate) \(what), so the Python "
                + "that has WeasyPrint cannot be found from it; set \(pythonVariable) to that Python "
                + "(for example /usr/bin/python3 for Debian's package), or put Debian's `weasyprint` first on PATH"
            return engine
        }
        return nil
    }

    /// The Python interpreter a `#!` line runs, as an executable path; nil when the line does not
    /// run Python (`#!/bin/sh`, say). `#!/usr/bin/env [-S] [NAME=value ...] python3` is followed.
    static func interpreter(ofShebang line: String, path: String) -> String? {
        guard line.hasPrefix("#!") else { return nil }
        var parts = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !parts.isEmpty else { return nil }
        if PathUtil.fileName(parts[0]) == "env" {
            parts.removeFirst()
            while let first = parts.first, first.hasPrefix("-") || first.contains("=") { parts.removeFirst() }
        }
        guard let command = parts.first, isPythonName(PathUtil.fileName(command)) else { return nil }
        return resolve(command, path: path)
    }

    /// Whether a `#!` line names a Python interpreter, installed or not.
    static func runsPython(_ line: String) -> Bool {
        line.hasPrefix("#!") && line.dropFirst(2).split(separator: " ").contains { isPythonName(PathUtil.fileName(String($0))) }
    }

    /// python, python3, python3.11 (and pypy3): the names of a Python interpreter.
    static func isPythonName(_ name: String) -> Bool {
        for stem in ["python", "pypy"] where name.hasPrefix(stem) {
            let rest = name.dropFirst(stem.count)
            if rest.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        }
        return false
    }

    /// `command` as an executable path (searched on PATH when it has no slash); nil when none.
    static func resolve(_ command: String, path: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(command)") {
            return "\(folder)/\(command)"
        }
        return nil
    }

    public init(python: String, timeoutPerDocument: Double = 120) {
        self.python = python
        self.timeoutPerDocument = timeoutPerDocument
    }

    static var script: String { WeasyPrintScript.source }

    /// The fewest documents worth starting another WeasyPrint process for.
    static let documentsPerProcess = 3
    /// Extra seconds the first document of a process may take: Python imports WeasyPrint first.
    static let startUpAllowance: Double = 30

    public func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
        guard !jobs.isEmpty else { return [] }
        if let setupProblem { return jobs.map { PDFFailure(job: $0, message: setupProblem) } }
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

    /// Seconds the build still waits for WeasyPrint's error output once the process has ended:
    /// a process it started that outlives it (and holds the pipe) must not hold up the build.
    static let errorOutputGrace: Double = 2

    private func runProcess(_ jobs: [PDFJob], root: String, sourceDateEpoch: Int) -> Pass {
        var pass = Pass()
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceDateEpoch)
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let child: ChildProcess
        switch ChildProcess.spawn(python, arguments: ["-c", Self.script, root], environment: environment) {
        case .success(let started): child = started
        case .failure(let error):
            pass.couldNotStart = true
            pass.stopReason = "WeasyPrint could not start (\(python)): \(error.message)"
            return pass
        }
        // WeasyPrint runs in a process group of its own: stopping it stops whatever it started.
        let watcher = DispatchSource.makeTimerSource()
        let cancellation = self.cancellation
        watcher.schedule(deadline: .now() + 0.2, repeating: 0.2)
        watcher.setEventHandler { if cancellation?.isCancelled == true { child.killGroup() } }
        watcher.resume()
        defer { watcher.cancel() }
        let lines = jobs.map { job in
            JSONValue.object([("html", .string(job.html)), ("pdf", .string(job.pdf)), ("temporary", .string(job.temporary))]).serialized() + "\n"
        }.joined()
        Self.feed(Array(lines.utf8), to: FileHandle(fileDescriptor: child.input, closeOnDealloc: false))
        let stderrBox = Locked(Data())
        let stderrDone = DispatchSemaphore(value: 0)
        let errorOutput = child.errors
        Thread.detachNewThread {
            let handle = FileHandle(fileDescriptor: errorOutput, closeOnDealloc: true)
            let data = handle.readDataToEndOfFile()
            stderrBox.withValue { $0 = data }
            stderrDone.signal()
        }
        let answers = LineReader(FileHandle(fileDescriptor: child.output, closeOnDealloc: true))
        // Until the script says it is ready, importing WeasyPrint may take a while longer.
        var deadline = DispatchTime.now() + timeoutPerDocument + Self.startUpAllowance
        reading: while pass.finished < jobs.count {
            switch answers.next(before: deadline) {
            case .line(let line):
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                if object["ready"] != nil {
                    deadline = .now() + timeoutPerDocument
                    continue
                }
                let job = jobs[pass.finished]
                if let pdf = object["done"] as? String, pdf == job.pdf {
                    let warnings = (object["warnings"] as? [String] ?? []).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    pass.problems += warnings.prefix(5).map { PDFFailure(job: job, message: "WeasyPrint warned: \($0)", isWarning: true) }
                    for item in (object["layout"] as? [[String: Any]] ?? []).prefix(Self.layoutFindingsPerDocument) {
                        if let finding = LayoutFinding(json: item) {
                            pass.problems.append(PDFFailure(job: job, message: finding.message, isWarning: true, layout: finding))
                        }
                    }
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
                child.killGroup()
                break reading
            }
        }
        // The process answered for every document it will, or is stuck, or has died: the whole
        // group is stopped (a process it started could otherwise hold its pipes open for ever),
        // and its error output is read only briefly after that.
        child.killGroup()
        let crashed = child.wait()
        let stderrText = stderrDone.wait(timeout: .now() + Self.errorOutputGrace) == .success
            ? String(decoding: stderrBox.current, as: UTF8.self).trimmingWhitespace() : ""
        if pass.timedOut {
            pass.stopReason = "WeasyPrint took longer than \(Self.seconds(timeoutPerDocument)) on this document and was stopped"
        } else {
            let reason = crashed ? "WeasyPrint crashed on this document" : "WeasyPrint ended without making this PDF"
            pass.stopReason = stderrText.isEmpty ? reason : "\(reason): \(String(stderrText.suffix(600)))"
        }
        return pass
    }

    /// The most layout findings kept for one document.
    static let layoutFindingsPerDocument = 20

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

/// A process started in a process group of its own (posix_spawn), with pipes for its standard
/// input, output and error. Foundation's Process cannot start one, and stopping only the direct
/// child leaves what it started running, holding the pipes open.
final class ChildProcess: Sendable {
    struct Failure: Error { let message: String }

    let pid: pid_t
    let input: Int32
    let output: Int32
    let errors: Int32
    private let reaped = Locked(false)

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    private static let spawning = NSLock()

    static func spawn(_ executable: String, arguments: [String], environment: [String: String]) -> Result<ChildProcess, Failure> {
        // Pipes are made close-on-exec under a lock that every start takes, so no other
        // process this one starts inherits them (and holds them open).
        spawning.lock(); defer { spawning.unlock() }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0, fcntl(ends[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(ends[1], F_SETFD, FD_CLOEXEC) == 0 else {
                let message = String(cString: strerror(errno))
                for pair in pipes { close(pair[0]); close(pair[1]) }
                return .failure(Failure(message: message))
            }
            pipes.append(ends)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new process group (its id is the child's pid), no blocked signals, and the default
        // action for the signals the build itself ignores.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.keys.sorted().map { strdup("\($0)=\(environment[$0]!)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(pipes[0][0]); close(pipes[1][1]); close(pipes[2][1])
        guard status == 0 else {
            close(pipes[0][1]); close(pipes[1][0]); close(pipes[2][0])
            return .failure(Failure(message: String(cString: strerror(status))))
        }
        return .success(ChildProcess(pid: pid, input: pipes[0][1], output: pipes[1][0], errors: pipes[2][0]))
    }

    /// SIGKILL to the whole process group: the child and everything it started (unless that
    /// left the group). Only before the child is reaped: until then its pid, the group's id,
    /// cannot name another process.
    func killGroup() {
        reaped.withValue { reaped in
            if !reaped { kill(-pid, SIGKILL) }
        }
    }

    /// Waits for the child to end; true when a signal ended it.
    func wait() -> Bool {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped.withValue { $0 = true }
        let signal = status & 0x7f
        return signal != 0 && signal != 0x7f
    }
}

/// Reads a pipe line by line on a thread of its own, so the reader can wait with a deadline.
private final class LineReader: Sendable {
    enum Next { case line(Data), closed, timedOut }
    private let available = DispatchSemaphore(value: 0)
    /// The lines read and not yet taken, and whether the pipe has closed.
    private let state = Locked((lines: [Data](), closed: false))

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
            state.withValue { $0.closed = true }
            available.signal()
        }
    }

    private func push(_ line: Data) {
        state.withValue { $0.lines.append(line) }
        available.signal()
    }

    /// The next line, `.closed` once every line was taken and the pipe closed.
    private func take() -> Next? {
        state.withValue { state -> Next? in
            if !state.lines.isEmpty { return .line(state.lines.removeFirst()) }
            return state.closed ? .closed : nil
        }
    }

    func next(before deadline: DispatchTime) -> Next {
        while true {
            if let next = take() { return next }
            if available.wait(timeout: deadline) == .timedOut {
                return take() ?? .timedOut
            }
        }
    }
}
