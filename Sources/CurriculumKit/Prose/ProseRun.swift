/// A stretch of text as a reader sees it (a paragraph, a heading, a worksheet prompt, the
/// title), markup removed, with the place in the file of every code point, so a finding
/// about a word lands on its exact line and column.
public struct ProseRun: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The module's `title` field.
        case title
        /// One of the module's `outcomes`.
        case outcome
        case heading(level: Int)
        /// A paragraph, including those in list items, quotes and callouts.
        case paragraph
        /// A worksheet line's prompt (or `answer:`) or a checklist item.
        case prompt
        /// A short label: a log's column or row name, a worksheet block's title.
        case label
        /// An image's alt text.
        case imageDescription
    }

    public let kind: Kind
    /// Who reads it: facilitator notes, `{facilitator}` blocks and `answer:` lines are for
    /// facilitators only.
    public let audience: Audience
    /// The index of the section in `Module.sections`; nil for front matter.
    public let section: Int?
    /// The text. Inline code, raw HTML and bare links stand as U+FFFC, which is not part of
    /// any word; line breaks are spaces.
    public let scalars: [Unicode.Scalar]
    /// Where each scalar is in the file (a line break stands at the end of its line).
    public let locations: [SourceLocation]

    /// Stands for inline code, raw HTML and links written as addresses: never part of a word.
    public static let placeholder: Unicode.Scalar = "\u{FFFC}"

    public init(kind: Kind, audience: Audience, section: Int?, scalars: [Unicode.Scalar], locations: [SourceLocation]) {
        precondition(scalars.count == locations.count)
        self.kind = kind
        self.audience = audience
        self.section = section
        self.scalars = scalars
        self.locations = locations
    }

    /// Counts toward the reading grade: participant sentences, not headings, labels or titles.
    public var countsForReadingGrade: Bool {
        audience == .participant && (kind == .paragraph || kind == .prompt)
    }

    public var text: String { String(scalars: scalars) }

    public func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The file range of the scalars in `range` (end exclusive, like every `SourceRange`).
    public func sourceRange(_ range: Range<Int>) -> SourceRange {
        guard !range.isEmpty else { return .at(line: locations.first?.line ?? 1) }
        let first = locations[range.lowerBound]
        let last = locations[range.upperBound - 1]
        return SourceRange(start: first, end: SourceLocation(line: last.line, column: last.column + 1))
    }

    /// True when the scalars in `range` are written in the file exactly as they read: on one
    /// line, with no markup, escape or line break inside. Only such text can be replaced
    /// without touching anything else.
    public func isVerbatim(_ range: Range<Int>, in file: SourceFile) -> Bool {
        guard !range.isEmpty else { return false }
        let first = locations[range.lowerBound]
        for (offset, index) in range.enumerated() {
            let location = locations[index]
            if location.line != first.line || location.column != first.column + offset { return false }
        }
        let line = Array(file.line(first.line).unicodeScalars)
        let start = first.column - 1
        guard start >= 0, start + range.count <= line.count else { return false }
        for (offset, index) in range.enumerated() where line[start + offset] != scalars[index] { return false }
        return true
    }
}

/// Collects scalars and their locations for a `ProseRun`.
struct ProseRunBuilder {
    var scalars: [Unicode.Scalar] = []
    var locations: [SourceLocation] = []

    mutating func append(_ scalar: Unicode.Scalar, at location: SourceLocation) {
        scalars.append(scalar)
        locations.append(location)
    }

    /// A separator (space or placeholder) at `location`, or just after the last scalar.
    mutating func appendSeparator(_ scalar: Unicode.Scalar, at location: SourceLocation? = nil) {
        let at = location ?? locations.last.map { SourceLocation(line: $0.line, column: $0.column + 1) } ?? SourceLocation(line: 1, column: 1)
        append(scalar, at: at)
    }

    /// Appends `text` as written at `start` in `file`, matching it against the line so that
    /// escapes (`\*`) and entities (`&amp;`) keep every later scalar on its own column.
    mutating func append(_ text: String, writtenAt start: SourceLocation, in lines: inout LineCache) {
        let line = lines.scalars(start.line)
        var j = max(start.column - 1, 0)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                appendSeparator(" ")
                continue
            }
            if j < line.count, line[j] == scalar {
                append(scalar, at: SourceLocation(line: start.line, column: j + 1))
                j += 1
            } else if j + 1 < line.count, line[j] == "\\", line[j + 1] == scalar {
                append(scalar, at: SourceLocation(line: start.line, column: j + 2))
                j += 2
            } else if j < line.count, line[j] == "&", let semicolon = line[(j + 1)..<min(line.count, j + 34)].firstIndex(of: ";") {
                append(scalar, at: SourceLocation(line: start.line, column: j + 1))
                j = semicolon + 1
            } else {
                append(scalar, at: SourceLocation(line: start.line, column: j + 1))
                j += 1
            }
        }
    }

    mutating func build(kind: ProseRun.Kind, audience: Audience, section: Int?) -> ProseRun? {
        guard scalars.contains(where: { !$0.properties.isWhitespace && $0 != ProseRun.placeholder }) else { return nil }
        return ProseRun(kind: kind, audience: audience, section: section, scalars: scalars, locations: locations)
    }
}

/// The scalars of each line of a file, read once.
struct LineCache {
    let file: SourceFile
    private var lines: [Int: [Unicode.Scalar]] = [:]

    init(file: SourceFile) {
        self.file = file
    }

    mutating func scalars(_ number: Int) -> [Unicode.Scalar] {
        if let cached = lines[number] { return cached }
        let scalars = Array(file.line(number).unicodeScalars)
        lines[number] = scalars
        return scalars
    }
}
