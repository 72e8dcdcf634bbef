#if canImport(Glibc)
import Foundation
import Testing
@testable import CurriculumKit

/// The inotify watcher behind `curriculum serve`: saved files are reported (once the writer
/// closes them), new folders are watched with the files already in them, and hidden files,
/// backups and the output folder are not. Each change is made before `next` is called, so the
/// events are already queued: nothing waits on a timer.
@Suite struct InotifyWatcherTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "inotify-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/modules/coping", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/build", withIntermediateDirectories: true)
        try "a\n".write(toFile: folder + "/modules/coping/anger.md", atomically: false, encoding: .utf8)
        return folder
    }

    @Test func aSavedModuleIsReportedAndHiddenFilesAreNot() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(InotifyWatcher(paths: [root], excluding: [root + "/build"]))
        #expect(watcher.watchedFolders == [root, root + "/modules", root + "/modules/coping"])
        try "swap\n".write(toFile: root + "/modules/coping/.anger.md.swp", atomically: false, encoding: .utf8)
        try "backup\n".write(toFile: root + "/modules/coping/anger.md~", atomically: false, encoding: .utf8)
        try "x\n".write(toFile: root + "/build/index.html", atomically: false, encoding: .utf8)
        try "b\n".write(toFile: root + "/modules/coping/anger.md", atomically: false, encoding: .utf8)
        #expect(watcher.next(until: StopSignal()) == [root + "/modules/coping/anger.md"])
    }

    @Test func aSaveByRenameIsReported() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(InotifyWatcher(paths: [root]))
        // Editors that save a temporary file and rename it over the module.
        try "new\n".write(toFile: root + "/modules/coping/anger.md", atomically: true, encoding: .utf8)
        #expect(watcher.next(until: StopSignal())?.contains(root + "/modules/coping/anger.md") == true)
    }

    @Test func aTemporaryFileMadeAndRenamedAwayIsNoChange() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(InotifyWatcher(paths: [root]))
        // What `sed -i` does: a temporary file beside the module, renamed over it.
        try "e\n".write(toFile: root + "/modules/coping/sedAbC123", atomically: false, encoding: .utf8)
        _ = rename(root + "/modules/coping/sedAbC123", root + "/modules/coping/anger.md")
        #expect(watcher.next(until: StopSignal()) == [root + "/modules/coping/anger.md"])
    }

    @Test func aNewFolderIsWatchedWithTheFilesAlreadyInIt() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(InotifyWatcher(paths: [root]))
        try FileManager.default.createDirectory(atPath: root + "/modules/family", withIntermediateDirectories: true)
        try "c\n".write(toFile: root + "/modules/family/roles.md", atomically: false, encoding: .utf8)
        let first = try #require(watcher.next(until: StopSignal()))
        #expect(first.contains(root + "/modules/family/roles.md"), "\(first)")
        #expect(watcher.watchedFolders.contains(root + "/modules/family"))
        try "d\n".write(toFile: root + "/modules/family/roles.md", atomically: false, encoding: .utf8)
        #expect(watcher.next(until: StopSignal()) == [root + "/modules/family/roles.md"])
    }

    @Test func stopEndsTheWait() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(InotifyWatcher(paths: [root]))
        let stop = StopSignal()
        stop.request()
        #expect(watcher.next(until: stop) == nil)
    }
}
#endif
