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

    final class LineCache {
        private var files: [String: SourceFile?] = [:]
        /// Excerpts come from files the check read, which are never larger than this.
        static let maxBytes = 64 << 20

        func line(_ path: String, _ number: Int) -> String? {
            if files[path] == nil {
                // Bounded like the loader: only a regular file, looked at with fstat before it is read.
                let bytes = try? LocalFileSystem().readFile(path, maxBytes: Self.maxBytes)
                let text = bytes.flatMap { String(validating: $0, as: UTF8.self) }
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
