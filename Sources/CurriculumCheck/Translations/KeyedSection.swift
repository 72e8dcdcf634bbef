/// A section of a module with the key that matches it to the same section in another language:
/// its role for the well-known sections (`key-points` for `## Key points` and `## Puntos
/// clave`), `opening` for the text before the first level-2 heading, and `section-N` for the
/// module's own sections, counted in order.
public struct KeyedSection: Sendable, Hashable {
    public let key: String
    /// The index in `Module.sections`.
    public let index: Int
    /// The heading as written, or the level-1 title (or "the opening text") for the opening.
    public let title: String
    /// Where the heading is; for the opening, its first line.
    public let range: SourceRange
    /// The first and last line of the section in the file (blank lines before the next
    /// heading included).
    public let lines: ClosedRange<Int>

    /// The sections of `module`, keyed; a stretch of HTML comments before the title is left out.
    public static func sections(of module: Module) -> [KeyedSection] {
        var out: [KeyedSection] = []
        var seen: [String: Int] = [:]
        var ordinary = 0
        let starts = module.sections.map { section in
            section.heading?.range.start.line ?? section.blocks.first?.range.start.line ?? 1
        }
        for (index, section) in module.sections.enumerated() {
            // Text before the `#` title that is only HTML comments (suppressions) is no section a reader sees.
            if section.heading == nil, section.blocks.allSatisfy({ if case .htmlBlock = $0.kind { return true } else { return false } }) {
                continue
            }
            var key: String
            let title: String
            let title1 = section.blocks.first { if case .heading = $0.kind { return true } else { return false } }
            if section.heading == nil {
                key = "opening"
                title = title1.map { $0.plainText.trimmingWhitespace() } ?? "the opening text"
            } else if let role = section.role {
                key = role.rawValue
                title = section.title
            } else {
                ordinary += 1
                key = "section-\(ordinary)"
                title = section.title
            }
            seen[key, default: 0] += 1
            if let count = seen[key], count > 1 { key += "-\(count)" }
            let start = starts[index]
            let end = index + 1 < starts.count ? max(start, starts[index + 1] - 1) : max(start, module.file.lineCount)
            // The opening points at its `#` title when it has one (not at a comment before it).
            let range = section.heading?.range ?? title1?.range ?? section.blocks.first?.range ?? .at(line: start)
            out.append(KeyedSection(key: key, index: index, title: title, range: range, lines: start...end))
        }
        return out
    }

    /// The section's text with every run of whitespace made one space: what its digest is of.
    public func normalizedText(in module: Module) -> String {
        var words: [Substring] = []
        for number in lines where number <= module.file.lineCount {
            words += module.file.line(number).split(whereSeparator: { $0.isWhitespace })
        }
        return words.joined(separator: " ")
    }

    /// The digest of the section's normalized text: 16 hexadecimal digits.
    public func digest(in module: Module) -> String {
        String(ContentHasher.digest(normalizedText(in: module)).prefix(16))
    }
}
