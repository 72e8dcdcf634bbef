import Foundation
import CurriculumKit

/// The edges of the command line: standard output, the clock, and files read for excerpts.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var stdoutIsColorTerminal: Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    /// Reads lines of files on demand for the text format's excerpts.
    static func sourceLines() -> (String, Int) -> String? {
        let cache = LineCache()
        return { path, line in cache.line(path, line) }
    }

    final class LineCache: @unchecked Sendable {
        private var files: [String: SourceFile?] = [:]

        func line(_ path: String, _ number: Int) -> String? {
            if files[path] == nil {
                let text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
                files[path] = text.map { SourceFile(path: path, text: $0) }
            }
            guard let file = files[path] ?? nil, number >= 1, number <= file.lineCount else { return nil }
            return String(file.line(number))
        }
    }
}

enum Clock {
    /// Today's date in UTC: the one place the tool reads the clock.
    static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int(floor(Date().timeIntervalSince1970 / 86_400)))
    }
}
