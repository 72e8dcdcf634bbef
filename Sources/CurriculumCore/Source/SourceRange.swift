/// A span in a file: `start` is the first code point, `end` the position just after the last
/// (so a one-character span at column 5 ends at column 6).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    public init(line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        let start = SourceLocation(line: line, column: column)
        self.init(start: start, end: SourceLocation(line: endLine ?? line, column: endColumn ?? column + 1))
    }

    /// The whole of line `line` up to `width` code points; used where only a line is known.
    public static func at(line: Int, column: Int = 1, width: Int = 1) -> SourceRange {
        SourceRange(line: line, column: column, endColumn: column + max(width, 1))
    }

    public var description: String { "\(start)-\(end)" }
}
