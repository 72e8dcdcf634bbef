import Foundation
@testable import CurriculumKit
@testable import CurriculumBuild

/// Paths of the test fixtures, found from this file so tests run from any folder.
enum Fixtures {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static func path(_ relative: String) -> String { root + "/" + relative }

    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let today = CalendarDate("2026-11-29")!

    /// Parses a module body written inline (front matter included) for position tests.
    static func module(_ text: String, path: String = "m.md") -> (Module?, [Diagnostic]) {
        ModuleLoader.load(path: path, bytes: Array(text.utf8))
    }

    /// A fresh temporary folder, removed by the caller with `remove`.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "curriculum-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies a fixture folder to a temporary folder and returns the copy's path.
    static func copy(_ relative: String) -> String {
        let destination = temporaryFolder() + "/" + URL(fileURLWithPath: relative).lastPathComponent
        try! FileManager.default.copyItem(atPath: path(relative), toPath: destination)
        return destination
    }
}
