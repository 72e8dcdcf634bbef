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
    /// Where the scalars are in the file, as stretches written one column after another (a
    /// line break stands at the end of its line): a run of text needs a few, not one a scalar.
    let positions: [Stretch]

    /// Scalars from `start` on are written from `line`:`column`, one column each, up to the
    /// next stretch.
    struct Stretch: Sendable, Hashable {
        let start: Int32
        let line: Int32
        let column: Int32
    }

    /// Stands for inline code, raw HTML and links written as addresses: never part of a word.
    public static let placeholder: Unicode.Scalar = WordScanner.placeholder

    public init(kind: Kind, audience: Audience, section: Int?, scalars: [Unicode.Scalar], locations: [SourceLocation]) {
        precondition(scalars.count == locations.count)
        var builder = ProseRunBuilder()
        for (scalar, location) in zip(scalars, locations) { builder.append(scalar, at: location) }
        self.init(kind: kind, audience: audience, section: section, scalars: scalars, positions: builder.positions)
    }

    init(kind: Kind, audience: Audience, section: Int?, scalars: [Unicode.Scalar], positions: [Stretch]) {
        self.kind = kind
        self.audience = audience
        self.section = section
        self.scalars = scalars
        self.positions = positions
    }

    /// Where the scalar at `index` is in the file.
    public func location(at index: Int) -> SourceLocation {
        var low = 0, high = positions.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(positions[mid].start) <= index { low = mid } else { high = mid - 1 }
        }
        let stretch = positions[low]
        return SourceLocation(line: Int(stretch.line), column: Int(stretch.column) + index - Int(stretch.start))
    }

    /// Where each scalar is in the file.
    public var locations: [SourceLocation] { scalars.indices.map(location(at:)) }

    /// The first scalar written at `location`, if any.
    public func firstIndex(of location: SourceLocation) -> Int? {
        for (number, stretch) in positions.enumerated() {
            let end = number + 1 < positions.count ? Int(positions[number + 1].start) : scalars.count
            let offset = location.column - Int(stretch.column)
            if location.line == Int(stretch.line), offset >= 0, offset < end - Int(stretch.start) { return Int(stretch.start) + offset }
        }
        return nil
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
        guard !range.isEmpty else { return .at(line: scalars.isEmpty ? 1 : location(at: 0).line) }
        let first = location(at: range.lowerBound)
        let last = location(at: range.upperBound - 1)
        return SourceRange(start: first, end: SourceLocation(line: last.line, column: last.column + 1))
    }

    /// True when the scalars in `range` are written in the file exactly as they read: on one
    /// line, with no markup, escape or line break inside. Only such text can be replaced
    /// without touching anything else.
    public func isVerbatim(_ range: Range<Int>, in file: SourceFile) -> Bool {
        guard !range.isEmpty else { return false }
        let first = location(at: range.lowerBound)
        for (offset, index) in range.enumerated() {
            let location = location(at: index)
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
    var positions: [ProseRun.Stretch] = []
    /// Where the next scalar goes if it continues the last stretch.
    private var nextLine = 0, nextColumn = 0

    mutating func append(_ scalar: Unicode.Scalar, at location: SourceLocation) {
        append(scalar, line: location.line, column: location.column)
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, line: Int, column: Int) {
        if line != nextLine || column != nextColumn || positions.isEmpty {
            positions.append(ProseRun.Stretch(start: Int32(truncatingIfNeeded: scalars.count), line: Int32(truncatingIfNeeded: line),
                                              column: Int32(truncatingIfNeeded: column)))
        }
        scalars.append(scalar)
        nextLine = line
        nextColumn = column + 1
    }

    /// A separator (space or placeholder) at `location`, or just after the last scalar.
    mutating func appendSeparator(_ scalar: Unicode.Scalar, at location: SourceLocation? = nil) {
        if let location {
            append(scalar, at: location)
        } else if positions.isEmpty {
            append(scalar, line: 1, column: 1)
        } else {
            append(scalar, line: nextLine, column: nextColumn)
        }
    }

    /// Appends `text` as written at `start` in `file`, matching it against the line so that
    /// escapes (`\*`) and entities (`&amp;`) keep every later scalar on its own column.
    mutating func append(_ text: String, writtenAt start: SourceLocation, in lines: inout LineCache) {
        let line = lines.scalars(start.line)
        let number = start.line
        var j = max(start.column - 1, 0)
        // Most text is written exactly as it reads, on one line: then it is one stretch.
        if let count = Self.verbatimCount(text, line, from: j), count > 0 {
            append(line[j], line: number, column: j + 1)
            scalars.append(contentsOf: line[(j + 1)..<(j + count)])
            nextColumn = j + count + 1
            return
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                appendSeparator(" ")
                continue
            }
            if j < line.count, line[j] == scalar {
                append(scalar, line: number, column: j + 1)
                j += 1
            } else if j + 1 < line.count, line[j] == "\\", line[j + 1] == scalar {
                append(scalar, line: number, column: j + 2)
                j += 2
            } else if j < line.count, line[j] == "&", let semicolon = line[(j + 1)..<min(line.count, j + 34)].firstIndex(of: ";") {
                append(scalar, line: number, column: j + 1)
                j = semicolon + 1
            } else {
                append(scalar, line: number, column: j + 1)
                j += 1
            }
        }
    }

    /// How many scalars `text` has when `line` holds exactly them from index `start` on (no
    /// line break, escape or entity in between); nil otherwise.
    static func verbatimCount(_ text: String, _ line: [Unicode.Scalar], from start: Int) -> Int? {
        // ASCII text (nearly all): compare its bytes, one a scalar.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard start + bytes.count <= line.count else { return -1 }
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 { return -1 }
                if byte == UInt8(ascii: "\n") || line[start + offset].value != UInt32(byte) { return nil }
            }
            return bytes.count
        }
        if let ascii, ascii != -1 { return ascii }
        var j = start
        for scalar in text.unicodeScalars {
            guard j < line.count, line[j] == scalar, scalar != "\n" else { return nil }
            j += 1
        }
        return j - start
    }

    mutating func build(kind: ProseRun.Kind, audience: Audience, section: Int?) -> ProseRun? {
        guard scalars.contains(where: { !ProseRun.isWhitespace($0) && $0 != ProseRun.placeholder }) else { return nil }
        return ProseRun(kind: kind, audience: audience, section: section, scalars: scalars, positions: positions)
    }
}

extension ProseRun {
    /// `Unicode.Scalar.Properties.isWhitespace`, without the property lookup for ASCII.
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return c.properties.isWhitespace
    }
}

/// The scalars of each line of a file, read once.
struct LineCache {
    let file: SourceFile
    private var lines: [[Unicode.Scalar]?]

    init(file: SourceFile) {
        self.file = file
        self.lines = Array(repeating: nil, count: file.lineCount + 1)
    }

    mutating func scalars(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1, number < lines.count else { return Array(file.line(number).unicodeScalars) }
        if let cached = lines[number] { return cached }
        let text = file.line(number)
        let scalars = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            var ascii = true
            let decoded = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    if byte >= 0x80 { ascii = false; break }
                    buffer[index] = Unicode.Scalar(byte)
                }
                count = ascii ? bytes.count : 0
            }
            return ascii ? decoded : nil
        } ?? nil
        let result = scalars ?? Array(text.unicodeScalars)
        lines[number] = result
        return result
    }
}

extension WordScanner {
    public static func scan(_ run: ProseRun) -> WordScan {
        scan(run.scalars)
    }
}
