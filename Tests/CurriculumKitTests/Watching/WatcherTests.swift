import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// A clock that moves only when the watcher pauses, and runs the test's script as time passes.
final class ScriptedClock: WatchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 0
    private var script: [(at: Double, action: () -> Void)]

    init(script: [(Double, () -> Void)]) {
        self.script = script.map { (at: $0.0, action: $0.1) }.sorted { $0.at < $1.at }
    }

    func now() -> Double { lock.withLock { time } }

    func pause(_ seconds: Double, or stop: StopSignal) {
        let due: [() -> Void] = lock.withLock {
            time += seconds
            let ready = script.prefix { $0.at <= time + 1e-9 }.map(\.action)
            script.removeFirst(ready.count)
            return ready
        }
        for action in due { action() }
    }
}

/// Files that exist only in the test.
final class FakeFiles: SnapshotSource, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: FileStamp] = [:]
    private var version = 0.0

    func write(_ path: String, size: Int = 10) {
        lock.withLock { version += 1; files[path] = FileStamp(modified: version, size: size) }
    }

    func remove(_ path: String) { _ = lock.withLock { files.removeValue(forKey: path) } }

    func snapshot() -> FileSnapshot { lock.withLock { FileSnapshot(files: files) } }
}

@Suite struct WatcherTests {
    @Test func snapshotsListAddedModifiedAndRemovedFiles() {
        let old = FileSnapshot(files: ["a.md": FileStamp(modified: 1, size: 3), "b.md": FileStamp(modified: 1, size: 3), "c.md": FileStamp(modified: 1, size: 3)])
        let new = FileSnapshot(files: ["a.md": FileStamp(modified: 1, size: 3), "b.md": FileStamp(modified: 2, size: 3), "d.md": FileStamp(modified: 1, size: 3)])
        #expect(new.changes(since: old) == [FileChange(path: "b.md", kind: .modified), FileChange(path: "c.md", kind: .removed),
                                            FileChange(path: "d.md", kind: .added)])
    }

    @Test func aBurstOfSavesIsReportedOnceWhenItSettles() {
        let a = FileSnapshot(files: ["m.md": FileStamp(modified: 1, size: 1)])
        let b = FileSnapshot(files: ["m.md": FileStamp(modified: 2, size: 5)])
        let c = FileSnapshot(files: ["m.md": FileStamp(modified: 3, size: 9)])
        var debouncer = ChangeDebouncer(baseline: a, quietPeriod: 0.2, maximumDelay: 2)
        #expect(debouncer.step(a, now: 0.0) == nil)
        #expect(debouncer.step(b, now: 0.1) == nil)   // seen, not yet settled
        #expect(debouncer.step(c, now: 0.2) == nil)   // changed again: wait again
        #expect(debouncer.step(c, now: 0.3) == nil)
        #expect(debouncer.step(c, now: 0.4) == [FileChange(path: "m.md", kind: .modified)])
        #expect(debouncer.step(c, now: 0.5) == nil)   // reported once
        #expect(debouncer.baseline == c)
    }

    @Test func aChangeUndoneBeforeItSettlesIsNotReported() {
        let a = FileSnapshot(files: ["m.md": FileStamp(modified: 1, size: 1)])
        let scratch = FileSnapshot(files: ["m.md": FileStamp(modified: 1, size: 1), "4913": FileStamp(modified: 2, size: 0)])
        var debouncer = ChangeDebouncer(baseline: a, quietPeriod: 0.2)
        #expect(debouncer.step(scratch, now: 0.1) == nil)
        #expect(debouncer.step(a, now: 0.2) == nil)
        #expect(debouncer.step(a, now: 1.0) == nil)
    }

    @Test func changesThatNeverSettleAreReportedAfterTheMaximumDelay() {
        var debouncer = ChangeDebouncer(baseline: FileSnapshot(), quietPeriod: 0.2, maximumDelay: 1)
        var reported: [Double] = []
        for tick in 1...30 {
            let now = Double(tick) * 0.1
            if debouncer.step(FileSnapshot(files: ["log.md": FileStamp(modified: now, size: tick)]), now: now) != nil { reported.append(now) }
        }
        #expect(reported.count >= 2)
        #expect(reported.first! <= 1.2)
    }

    @Test func theWatcherCallsBackOncePerSettledChangeAndStops() {
        let files = FakeFiles()
        files.write("curriculum/modules/a.md")
        let stop = StopSignal()
        let clock = ScriptedClock(script: [
            (1.0, { files.write("curriculum/modules/a.md", size: 12) }),
            (1.1, { files.write("curriculum/modules/a.md", size: 14) }),   // the editor's second write
            (3.0, { files.write("curriculum/schema.yaml") }),
            (3.0, { files.remove("curriculum/modules/a.md") }),
            (6.0, { stop.request() }),
        ])
        let watcher = Watcher(source: files, clock: clock, interval: 0.25, quietPeriod: 0.2)
        var started = 0
        var events: [[FileChange]] = []
        watcher.run(until: stop, onStart: { started += 1 }, onChange: { events.append($0) })
        #expect(started == 1)
        #expect(events == [
            [FileChange(path: "curriculum/modules/a.md", kind: .modified)],
            [FileChange(path: "curriculum/modules/a.md", kind: .removed), FileChange(path: "curriculum/schema.yaml", kind: .added)],
        ])
        #expect(clock.now() < 6.5, "stops at the first look after the request")
    }

    @Test func findingsThatOnlyMovedAreNotNew() {
        func finding(_ line: Int, _ rule: String, _ message: String) -> Diagnostic {
            Diagnostic(file: "m.md", range: .at(line: line), severity: .error, rule: rule, message: message)
        }
        let before = [finding(3, "front-matter.unknown-topic", "'copin' is not a topic"), finding(9, "links.broken", "no file x.png")]
        let after = [finding(4, "front-matter.unknown-topic", "'copin' is not a topic"), finding(12, "group.minutes-range", "200 minutes")]
        let diff = FindingsDiff(from: before, to: after)
        #expect(diff.added.map(\.rule) == ["group.minutes-range"])
        #expect(diff.resolved.map(\.rule) == ["links.broken"])
        #expect(FindingsDiff(from: before, to: before).isEmpty)
        // Two identical findings where there was one: one is new.
        #expect(FindingsDiff(from: [before[0]], to: [before[0], before[0]]).added.count == 1)
    }

    @Test func theRecheckPrintsOnlyWhatChanged() {
        let old = CheckReport(diagnostics: [
            Diagnostic(file: "c/modules/a.md", range: .at(line: 6, column: 24), severity: .error, rule: "front-matter.unknown-objective", message: "'copin' is not an objective declared in schema.yaml"),
            Diagnostic(file: "c/modules/b.md", range: .at(line: 2), severity: .warning, rule: "authoring.placeholder", message: "a writing hint is still here"),
        ], fileCount: 3)
        let new = CheckReport(diagnostics: [
            Diagnostic(file: "c/modules/b.md", range: .at(line: 2), severity: .warning, rule: "authoring.placeholder", message: "a writing hint is still here"),
            Diagnostic(file: "c/modules/b.md", range: SourceRange(line: 8, column: 10, endColumn: 13), severity: .error, rule: "group.minutes-range", message: "200 minutes is outside the 30-90 minutes",
                       fix: Fix(summary: "plan between 30 and 90 minutes")),
        ], fileCount: 3)
        let printer = TextPrinter(sourceLine: { _, line in line == 8 ? "minutes: 200" : nil }, color: false)
        let text = CheckWatch.describe(changes: [FileChange(path: "./c/modules/a.md", kind: .modified), FileChange(path: "c/modules/b.md", kind: .modified)],
                                       previous: old, report: new, printer: printer)
        #expect(text == """

            changed: c/modules/a.md, c/modules/b.md
            c/modules/b.md:8:10: error: 200 minutes is outside the 30-90 minutes [group.minutes-range]
                minutes: 200
                         ^~~
              fix: plan between 30 and 90 minutes
            resolved: c/modules/a.md:6:24: error: 'copin' is not an objective declared in schema.yaml [front-matter.unknown-objective]
            1 new, 1 resolved; now 1 error, 1 warning in 3 files

            """)
        let quiet = CheckWatch.describe(changes: [FileChange(path: "c/modules/b.md", kind: .modified)], previous: new, report: new, printer: printer)
        #expect(quiet.hasSuffix("no new or resolved findings; now 1 error, 1 warning in 3 files\n"))
    }

    @Test func aBrokenSchemaShowsOnlyItsOwnFindings() {
        let good = CheckReport(diagnostics: [
            Diagnostic(file: "c/modules/b.md", range: .at(line: 2), severity: .warning, rule: "authoring.placeholder", message: "a hint"),
        ], fileCount: 3)
        let broken = CheckReport(diagnostics: [
            Diagnostic(file: "c/schema.yaml", range: .at(line: 4), severity: .error, rule: "schema.yaml-syntax", message: "YAML syntax: bad"),
        ], fileCount: 1)
        let text = CheckWatch.describe(changes: [FileChange(path: "c/schema.yaml", kind: .modified)], previous: good, report: broken,
                                       printer: TextPrinter(sourceLine: { _, _ in nil }, color: false))
        #expect(text.contains("c/schema.yaml:4:1: error: YAML syntax: bad [schema.yaml-syntax]"))
        #expect(text.contains("the setup cannot be used"))
        #expect(!text.contains("resolved"))
    }

    @Test func theFolderScannerSkipsHiddenFilesBackupsAndExcludedFolders() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        for sub in ["modules/coping", ".git", "build"] { try manager.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true) }
        for file in ["schema.yaml", "modules/coping/a.md", "modules/coping/.a.md.swp", "modules/coping/a.md~", ".git/HEAD", "build/index.html"] {
            try "x".write(toFile: folder + "/" + file, atomically: false, encoding: .utf8)
        }
        let snapshot = FolderScanner(paths: [folder], excluding: [folder + "/build/"]).snapshot()
        #expect(snapshot.files.keys.sorted() == [folder + "/modules/coping/a.md", folder + "/schema.yaml"])
        try "longer text".write(toFile: folder + "/modules/coping/a.md", atomically: false, encoding: .utf8)
        #expect(FolderScanner(paths: [folder]).snapshot().changes(since: snapshot).contains(FileChange(path: folder + "/modules/coping/a.md", kind: .modified)))
    }

    @Test func watchTargetsAreTheCurriculumAndItsTemplates() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/curriculum/modules", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        try "x".write(toFile: folder + "/curriculum/schema.yaml", atomically: false, encoding: .utf8)
        try "x".write(toFile: folder + "/curriculum/modules/a.md", atomically: false, encoding: .utf8)
        #expect(WatchTargets.forCurriculum(paths: [folder + "/curriculum"]) == [folder + "/curriculum", folder + "/templates"])
        #expect(WatchTargets.forCurriculum(paths: [folder + "/curriculum/modules/a.md"]) == [folder + "/curriculum", folder + "/templates"])
        #expect(WatchTargets.forCurriculum(paths: [folder + "/curriculum"], templates: "tpl") == [folder + "/curriculum", "tpl"])
    }
}
