import Yams

/// A fast path for the front matter nearly every module has: `key: value` lines, one-line
/// plain values, `[a, b]` lists and `- item` lists. Composing with Yams costs more than
/// parsing the whole Markdown body with cmark, and this shape needs none of YAML's power.
///
/// Double-quoted one-line values without escapes are read too (`title: "Refusal Skills: Saying
/// No"`). It returns nil for anything else (other quotes, comments after a value, multi-line values, nested
/// mappings, anchors, tags, a repeated key, ...), and `YAMLReader` then composes with Yams.
/// What it does return is exactly what the Yams path gives: the same values, ranges and types
/// (the tests compare the two on every fixture and sample module).
enum PlainYAMLReader {
    /// Parses `yaml`, whose first line is line `lineOffset + 1` of the file; nil when the text
    /// is not in the plain shape (or is empty, or has more than `budget` nodes).
    static func read(_ yaml: String, lineOffset: Int, budget: Int) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, lineOffset: lineOffset)
            guard let root = parser.document(), parser.nodes <= budget else { return nil }
            return root
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        /// Start and end (exclusive, without the line break) of each line.
        var lines: [(start: Int, end: Int)] = []
        var nodes = 0

        init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
            self.bytes = bytes
            self.lineOffset = lineOffset
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                lines.append((start, index))
                start = index + 1
            }
            if start < bytes.count { lines.append((start, bytes.count)) }
        }

        mutating func document() -> YAMLNode? {
            var pairs: [YAMLPair] = []
            var keys = Set<String>()
            var index = 0
            while index < lines.count {
                let (start, end) = lines[index]
                if isBlankOrComment(start, end) { index += 1; continue }
                // key: a plain word at the start of the line, then ':'.
                guard isLetter(bytes[start]) else { return nil }
                var colon = start + 1
                while colon < end, isKeyByte(bytes[colon]) { colon += 1 }
                guard colon < end, bytes[colon] == UInt8(ascii: ":") else { return nil }
                let keyText = string(start, colon)
                guard keys.insert(keyText).inserted else { return nil }
                let key = scalar(keyText, line: index, start: start, lineStart: start)
                let value: YAMLNode
                if colon + 1 == end {
                    // `key:` then `- item` lines.
                    guard let (sequence, next) = blockSequence(after: index) else { return nil }
                    value = sequence
                    index = next
                } else {
                    guard bytes[colon + 1] == UInt8(ascii: " ") else { return nil }
                    var valueStart = colon + 1
                    while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                    guard valueStart < end else { return nil }
                    if bytes[valueStart] == UInt8(ascii: "[") {
                        guard let sequence = flowSequence(line: index, open: valueStart, end: end) else { return nil }
                        value = sequence
                    } else if bytes[valueStart] == UInt8(ascii: "\"") {
                        guard let item = doubleQuotedScalar(line: index, from: valueStart, to: end) else { return nil }
                        value = item
                    } else {
                        guard let item = plainScalar(line: index, from: valueStart, to: end, flow: false) else { return nil }
                        value = item
                    }
                    index += 1
                }
                pairs.append(YAMLPair(key: key, value: value))
            }
            guard let first = pairs.first else { return nil }
            nodes += 1
            return YAMLNode(value: .mapping(pairs), range: SourceRange(start: first.key.range.start, end: pairs.last!.value.range.end))
        }

        /// `- item` lines after the key on line `keyLine`, all at one indent; returns the
        /// sequence and the index of the first line after it.
        mutating func blockSequence(after keyLine: Int) -> (YAMLNode, Int)? {
            var items: [YAMLNode] = []
            var listStart: SourceLocation?   // Yams starts the list at its first '-'
            var indent: Int?
            var index = keyLine + 1
            var next = index
            while index < lines.count {
                let (start, end) = lines[index]
                if isBlankOrComment(start, end) { index += 1; continue }
                var dash = start
                while dash < end, bytes[dash] == UInt8(ascii: " ") { dash += 1 }
                guard dash + 1 < end, bytes[dash] == UInt8(ascii: "-"), bytes[dash + 1] == UInt8(ascii: " ") else { break }
                if let indent, indent != dash - start { return nil }
                indent = dash - start
                if items.isEmpty { listStart = location(line: index, offset: dash) }
                var itemStart = dash + 2
                while itemStart < end, bytes[itemStart] == UInt8(ascii: " ") { itemStart += 1 }
                guard itemStart < end else { return nil }
                let quoted = bytes[itemStart] == UInt8(ascii: "\"")
                guard let item = quoted ? doubleQuotedScalar(line: index, from: itemStart, to: end)
                    : plainScalar(line: index, from: itemStart, to: end, flow: false) else { return nil }
                items.append(item)
                index += 1
                next = index
            }
            // A more-indented line after the list would continue its last value: not plain.
            if next < lines.count, !isBlankOrComment(lines[next].start, lines[next].end), bytes[lines[next].start] == UInt8(ascii: " ") {
                return nil
            }
            guard let listStart, let last = items.last else { return nil }
            nodes += 1
            return (YAMLNode(value: .sequence(items), range: SourceRange(start: listStart, end: last.range.end)), next)
        }

        /// `[a, b, c]` on one line.
        mutating func flowSequence(line: Int, open: Int, end: Int) -> YAMLNode? {
            var close = end
            while close > open, bytes[close - 1] == UInt8(ascii: " ") { close -= 1 }
            guard close - 1 > open, bytes[close - 1] == UInt8(ascii: "]") else { return nil }
            close -= 1
            let startLocation = location(line: line, offset: open)
            var items: [YAMLNode] = []
            var position = open + 1
            while position < close, bytes[position] == UInt8(ascii: " ") { position += 1 }
            if position < close {
                while true {
                    var itemEnd = position
                    while itemEnd < close, bytes[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
                    var trimmed = itemEnd
                    while trimmed > position, bytes[trimmed - 1] == UInt8(ascii: " ") { trimmed -= 1 }
                    guard trimmed > position, let item = plainScalar(line: line, from: position, to: trimmed, flow: true) else { return nil }
                    items.append(item)
                    guard itemEnd < close else { break }
                    position = itemEnd + 1
                    while position < close, bytes[position] == UInt8(ascii: " ") { position += 1 }
                    guard position < close else { return nil }   // a trailing comma
                }
            }
            nodes += 1
            let endLocation = items.last?.range.end ?? SourceLocation(line: startLocation.line, column: startLocation.column + 1)
            return YAMLNode(value: .sequence(items), range: SourceRange(start: startLocation, end: endLocation))
        }

        /// A one-line plain scalar between two offsets of line `line`, trailing spaces removed;
        /// nil when YAML would read it as anything else.
        mutating func plainScalar(line: Int, from start: Int, to limit: Int, flow: Bool) -> YAMLNode? {
            var end = limit
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end > start else { return nil }
            switch bytes[start] {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                 UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"), UInt8(ascii: " "):
                return nil
            default:
                break
            }
            for index in start..<end {
                switch bytes[index] {
                case UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x00..<0x20, 0x7F:
                    return nil
                case UInt8(ascii: ":"):
                    // "a: b" would be a mapping; in a flow list any ':' is left to Yams.
                    if flow || index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return nil }
                case UInt8(ascii: "#"):
                    if bytes[index - 1] == UInt8(ascii: " ") { return nil }   // a comment
                case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    if flow { return nil }
                case 0xC2, 0xE2, 0xEF:
                    if breaksYAML(at: index, end: end) { return nil }
                default:
                    break
                }
            }
            return scalar(string(start, end), line: line, start: start, lineStart: lines[line].start)
        }

        /// Whether the character starting at `index` (a 0xC2, 0xE2 or 0xEF lead byte) is one YAML
        /// treats specially inside a scalar: U+0085 and the other C1 controls and U+2028/U+2029
        /// break lines, U+FEFF is a byte order mark. Such text is left to Yams.
        func breaksYAML(at index: Int, end: Int) -> Bool {
            switch bytes[index] {
            case 0xC2: return index + 1 < end && bytes[index + 1] < 0xA0
            case 0xE2: return index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
            case 0xEF: return index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
            default: return false
            }
        }

        /// A one-line double-quoted scalar without escapes (`title: "Refusal Skills: Saying No"`),
        /// with nothing but spaces after its closing quote; nil for anything else.
        mutating func doubleQuotedScalar(line: Int, from start: Int, to limit: Int) -> YAMLNode? {
            var end = limit
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end - start >= 2, bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
            for index in (start + 1)..<(end - 1) {
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00..<0x20, 0x7F:
                    return nil
                case 0xC2, 0xE2, 0xEF:
                    if breaksYAML(at: index, end: end) { return nil }
                default:
                    break
                }
            }
            nodes += 1
            let text = string(start + 1, end - 1)
            let location = location(line: line, offset: start)
            let width = text.unicodeScalars.count + 2
            return YAMLNode(value: .scalar(text), range: SourceRange(start: location, end: SourceLocation(line: location.line, column: location.column + width)),
                            scalarType: .string, isQuoted: true)
        }

        mutating func scalar(_ text: String, line: Int, start: Int, lineStart: Int) -> YAMLNode {
            nodes += 1
            let location = location(line: line, offset: start)
            let width = text.unicodeScalars.count
            return YAMLNode(value: .scalar(text), range: SourceRange(start: location, end: SourceLocation(line: location.line, column: location.column + max(width, 1))),
                            scalarType: PlainYAMLReader.type(of: text), isQuoted: false)
        }

        /// The file location of a byte offset on line `line`: columns count code points.
        func location(line: Int, offset: Int) -> SourceLocation {
            var column = 1
            var index = lines[line].start
            while index < offset {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            return SourceLocation(line: line + 1 + lineOffset, column: column)
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// An empty line, or a comment on a line of its own.
        func isBlankOrComment(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index == end ? end == start : bytes[index] == UInt8(ascii: "#")
        }

        func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// Words YAML 1.1 reads as booleans or null (Yams's default resolver).
    static let reservedWords: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                             "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"]

    /// The type Yams's default resolver gives a plain scalar, without its regular expressions
    /// for the common cases: text that starts with a letter, whole numbers and dates.
    static func type(of text: String) -> YAMLNode.ScalarType {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return resolved(text) }
        if (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) {
            // Only booleans and null start with a letter; every other rule needs a digit, a
            // sign, '.', '<', '=' or '~' first.
            return reservedWords.contains(text) ? resolved(text) : .string
        }
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && (bytes[0] != 0x30 || bytes.count == 1) {
            return .int   // 0 or [1-9][0-9]*
        }
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }) {
            return .timestamp   // YYYY-MM-DD
        }
        return resolved(text)
    }

    /// Yams's own answer (its regular expressions), for everything the shortcuts do not cover.
    static func resolved(_ text: String) -> YAMLNode.ScalarType {
        YAMLNode.ScalarType(Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text))))
    }
}
