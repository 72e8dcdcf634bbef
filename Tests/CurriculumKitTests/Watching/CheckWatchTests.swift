import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// Text written from another thread, and a bounded wait for what a test expects to see in it.
final class OutputLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var text = ""

    func append(_ more: String) {
        condition.lock()
        text += more
        condition.broadcast()
        condition.unlock()
    }

    var current: String { condition.withLock { text } }

    /// Waits until `predicate` holds for the text written so far, at most `timeout` seconds.
    /// Returns the text from `offset` on, or nil on timeout.
    func wait(from offset: Int = 0, timeout: Double = 20, until predicate: (Substring) -> Bool) -> Substring? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let tail = text.dropFirst(offset)
            if predicate(tail) { return tail }
            if !condition.wait(until: deadline) { return nil }
        }
    }
}

/// `check --watch` on real files with the real clock: an edit makes it check again and print
/// only what changed. Every wait is bounded and ends as soon as the output is there.
@Suite struct CheckWatchTests {
    @Test func anEditIsCheckedAgainAndOnlyTheChangeIsPrinted() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = folder + "/curriculum"
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/curriculum", toPath: root)
        let module = root + "/modules/coping/urge-surfing.md"
        let original = try String(contentsOfFile: module, encoding: .utf8)

        let log = OutputLog()
        let stop = StopSignal()
        let finished = DispatchSemaphore(value: 0)
        let watch = CheckWatch(paths: [root], today: { Fixtures.today },
                               watcher: Watcher(source: FolderScanner(paths: WatchTargets.forCurriculum(paths: [root])),
                                                interval: 0.05, quietPeriod: 0.1))
        Thread.detachNewThread {
            watch.run(until: stop, output: log.append)
            finished.signal()
        }
        defer { stop.request(); _ = finished.wait(timeout: .now() + 20) }

        let start = try #require(log.wait { $0.contains("watching for changes") }, "the first check never finished: \(log.current)")
        let first = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(start.contains("checked \(first.fileCount) files: "))

        // A typo in an objective: one new finding.
        var offset = log.current.count
        try original.replacingOccurrences(of: "objectives: [coping", with: "objectives: [copin").write(toFile: module, atomically: true, encoding: .utf8)
        let broken = try #require(log.wait(from: offset) { $0.contains(" resolved; now") || $0.contains("no new or resolved") },
                                  "no re-check after the edit: \(log.current)")
        #expect(broken.contains("changed: \(module)"))
        #expect(broken.contains("error: 'copin' is not an objective declared in schema.yaml [front-matter.unknown-objective]"))
        #expect(broken.contains(" new, 0 resolved; now "))
        #expect(!broken.contains("checked "), "only the change is printed, not the whole report")

        // Fixed again: the finding is resolved.
        offset = log.current.count
        try original.write(toFile: module, atomically: true, encoding: .utf8)
        let fixed = try #require(log.wait(from: offset) { $0.contains(" resolved; now") }, "no re-check after the fix: \(log.current)")
        #expect(fixed.contains("resolved: \(module):"))
        #expect(fixed.contains("0 new, ") && fixed.contains(" resolved; now \(first.errorCount) error"))
        #expect(fixed.contains(" \(first.warningCount) warning"))

        stop.request()
        #expect(finished.wait(timeout: .now() + 20) == .success, "the watch did not stop")
        finished.signal()  // for the deferred wait
    }
}
