/// Turns Mustache text into template nodes, on UTF-8 bytes, following the Mustache spec's
/// standalone-line rule: a line holding only whitespace and one section, inverted section,
/// closing, comment, partial or delimiter tag is removed from the output whole (a standalone
/// partial keeps the line's indentation for each of its lines).
struct TemplateParser {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// A section waiting for its closing tag.
    private struct OpenSection {
        let name: String
        let parsed: TemplateName
        let inverted: Bool
        let tagStart: Int
        var outer: [TemplateNode]
    }

    /// Sections open at once; deeper templates are refused (rendering them recurses).
    static let maximumNesting = 100

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var sections: [OpenSection] = []
        var textStart = 0
        var index = 0
        let count = bytes.count

        func addText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            nodes.append(.text(Array(bytes[range])))
        }

        while let tagStart = find(open, from: index) {
            let afterOpen = tagStart + open.count
            let sigil: UInt8? = afterOpen < count ? bytes[afterOpen] : nil
            let kind = TagKind(sigil)
            let contentStart = kind == .variable ? afterOpen : afterOpen + 1
            // The end of the tag: `}` + the closing delimiter for `{{{x}}}`, `=` + it for `{{=a b=}}`.
            let terminator = kind == .triple ? [UInt8(ascii: "}")] + close : kind == .delimiters ? [UInt8(ascii: "=")] + close : close
            guard contentStart <= count, let contentEnd = find(terminator, from: contentStart) else {
                throw error(at: tagStart, "the tag opened here is never closed with \(string(terminator))",
                            fix: "end the tag with \(string(terminator)), or write the text without \(string(open))")
            }
            let tagEnd = contentEnd + terminator.count
            let content = trimmed(contentStart..<contentEnd)

            // A standalone tag takes its whole line with it: text before it ends at the line start.
            var textEnd = tagStart
            var indentation: [UInt8]?
            index = tagEnd
            if kind.canStandAlone, let line = standaloneLine(tagStart: tagStart, tagEnd: tagEnd) {
                textEnd = line.start
                indentation = Array(bytes[line.start..<tagStart])
                index = line.end
            }
            addText(textStart..<textEnd)
            textStart = index

            switch kind {
            case .comment:
                break
            case .delimiters:
                let parts = bytes[content].split(whereSeparator: { isWhitespace($0) })
                guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                    throw error(at: tagStart, "the delimiter tag \(string(tagStart..<tagEnd)) should hold two delimiters separated by a space",
                                fix: "write it as \(string(open))=<% %>=\(string(close)): the new opening and closing delimiters, without = or spaces in them")
                }
                open = Array(parts[0])
                close = Array(parts[1])
            case .partial:
                let name = try self.name(content, tagStart: tagStart)
                nodes.append(.partial(name, indentation: indentation))
            case .variable, .triple, .ampersand:
                let name = try self.name(content, tagStart: tagStart)
                nodes.append(.variable(try parsedName(name, tagStart: tagStart), escaped: kind == .variable))
            case .section, .inverted:
                let name = try self.name(content, tagStart: tagStart)
                guard sections.count < Self.maximumNesting else {
                    throw error(at: tagStart, "sections are nested more than \(Self.maximumNesting) deep here",
                                fix: "close the sections above before opening another; no page needs this many levels")
                }
                sections.append(OpenSection(name: name, parsed: try parsedName(name, tagStart: tagStart), inverted: kind == .inverted,
                                            tagStart: tagStart, outer: nodes))
                nodes = []
            case .closing:
                let name = try self.name(content, tagStart: tagStart)
                guard let section = sections.popLast() else {
                    throw error(at: tagStart, "{{/\(name)}} closes a section that was never opened",
                                fix: "remove it, or open the section with {{#\(name)}} before it")
                }
                guard section.name == name else {
                    let (line, column) = location(of: section.tagStart)
                    throw error(at: tagStart, "{{/\(name)}} does not match the open section {{\(section.inverted ? "^" : "#")\(section.name)}} (line \(line), column \(column))",
                                fix: "close {{\(section.inverted ? "^" : "#")\(section.name)}} with {{/\(section.name)}} first, or correct the name")
                }
                let children = nodes
                nodes = section.outer
                nodes.append(.section(section.parsed, children, inverted: section.inverted))
            case .unsupported(let what):
                throw error(at: tagStart, "\(string(tagStart..<tagEnd)) is \(what), which these templates do not support",
                            fix: "use variables, sections, inverted sections, partials and comments only")
            }
        }
        addText(textStart..<count)
        if let section = sections.last {
            throw error(at: section.tagStart, "the section {{\(section.inverted ? "^" : "#")\(section.name)}} is never closed",
                        fix: "add {{/\(section.name)}} where the section ends")
        }
        return nodes
    }

    // MARK: - Tags

    private enum TagKind: Equatable {
        case variable, triple, ampersand, section, inverted, closing, comment, partial, delimiters
        case unsupported(String)

        init(_ sigil: UInt8?) {
            switch sigil {
            case UInt8(ascii: "{"): self = .triple
            case UInt8(ascii: "&"): self = .ampersand
            case UInt8(ascii: "#"): self = .section
            case UInt8(ascii: "^"): self = .inverted
            case UInt8(ascii: "/"): self = .closing
            case UInt8(ascii: "!"): self = .comment
            case UInt8(ascii: ">"): self = .partial
            case UInt8(ascii: "="): self = .delimiters
            case UInt8(ascii: "%"): self = .unsupported("a pragma")
            case UInt8(ascii: "$"), UInt8(ascii: "<"): self = .unsupported("template inheritance")
            default: self = .variable
            }
        }

        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .closing, .comment, .partial, .delimiters: return true
            default: return false
            }
        }
    }

    /// The line around a tag when nothing but spaces and tabs share it: from the line start to
    /// just after its line break (or the end of the template).
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (start: Int, end: Int)? {
        var start = tagStart
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") {
            guard bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") else { return nil }
            start -= 1
        }
        var end = tagEnd
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        if end == bytes.count { return (start, end) }
        if bytes[end] == UInt8(ascii: "\n") { return (start, end + 1) }
        if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") { return (start, end + 2) }
        return nil
    }

    /// The name in a tag: one word without spaces.
    private func name(_ range: Range<Int>, tagStart: Int) throws(TemplateSyntaxError) -> String {
        let name = string(range)
        guard !range.isEmpty else {
            throw error(at: tagStart, "the tag has no name", fix: "write a name between the braces, for example {{title}}")
        }
        if bytes[range].contains(where: isWhitespace) {
            throw error(at: tagStart, "the tag name '\(name)' has a space in it", fix: "a tag holds one name: remove the space, or close the tag with \(string(close)) earlier")
        }
        if let first = bytes[range].first, "#^/!>{&=%$<".utf8.contains(first) {
            throw error(at: tagStart, "the tag '\(name)' has a space before its '\(String(decoding: [first], as: UTF8.self))'",
                        fix: "write the sign right after the opening braces, for example {{#section}}")
        }
        if bytes[range].contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
            throw error(at: tagStart, "'\(name)' is a transform, which these templates do not support", fix: "use the value's name alone, for example {{title}}")
        }
        return name
    }

    private func parsedName(_ name: String, tagStart: Int) throws(TemplateSyntaxError) -> TemplateName {
        if name == "." { return TemplateName(parts: []) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            throw error(at: tagStart, "the name '\(name)' has an empty part between its dots", fix: "write names as a or a.b, or {{.}} for the current item")
        }
        return TemplateName(parts: parts)
    }

    // MARK: - Bytes

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count - needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// 1-based line, and column in code points, of byte `offset`.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    private func error(at offset: Int, _ message: String, fix: String) -> TemplateSyntaxError {
        let (line, column) = location(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message, fix: fix)
    }
}
