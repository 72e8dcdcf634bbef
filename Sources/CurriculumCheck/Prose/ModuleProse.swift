/// Every piece of prose in a module, as readers see it, with positions: the title and outcomes
/// from the front matter, then each section's headings, paragraphs, list items, callouts and
/// worksheet prompts. Code blocks, raw HTML and the Sources section are left out; facilitator
/// notes, `{facilitator}` blocks and `answer:` lines are kept but marked for facilitators.
public struct ModuleProse: Sendable {
    public let runs: [ProseRun]
    /// The words and sentences of each run (same order as `runs`).
    public let scans: [WordScan]
    /// Every link in the prose (callouts and facilitator notes included), outside Sources.
    public let links: [Link]

    /// A link's destination and where the link is written.
    public struct Link: Sendable, Hashable {
        public let destination: String
        public let range: SourceRange
    }

    /// Section names (normalized) whose content is citations, never checked as prose.
    public static let sourcesSections: Set<String> = ["sources", "references"]

    public init(runs: [ProseRun], links: [Link] = []) {
        self.init(runs: runs, links: links, shouldStop: { false })
    }

    /// `shouldStop` is asked between runs; once it says yes, the runs not yet scanned are left out.
    init(runs: [ProseRun], links: [Link], shouldStop: () -> Bool) {
        var scans: [WordScan] = []
        scans.reserveCapacity(runs.count)
        for (number, run) in runs.enumerated() {
            if number % 64 == 63, shouldStop() { break }
            scans.append(WordScanner.scan(run))
        }
        self.runs = Array(runs.prefix(scans.count))
        self.scans = scans
        self.links = links
    }

    /// The prose of `module`. `shouldStop` (a cancelled check) is asked between blocks; once it
    /// says yes the rest of the module is left out.
    public init(_ module: Module, shouldStop: () -> Bool = { false }) {
        var extractor = Extractor(file: module.file, blocks: module.blocks)
        if let title = module.title { extractor.frontMatterValue(title, kind: .title) }
        for outcome in module.outcomes { extractor.frontMatterValue(outcome, kind: .outcome) }
        for (index, section) in module.sections.enumerated() {
            if Self.sourcesSections.contains(section.name) { continue }
            let audience: Audience = section.isForFacilitators ? .facilitator : .participant
            if let heading = section.heading {
                extractor.block(heading, audience: audience, section: index)
            }
            for (number, block) in section.blocks.enumerated() {
                if number % 64 == 63, shouldStop() { break }
                extractor.block(block, audience: audience, section: index)
            }
        }
        self.init(runs: extractor.runs, links: extractor.links, shouldStop: shouldStop)
    }

    /// The participant runs that count toward the reading grade.
    public var readingRuns: [ProseRun] { runs.filter(\.countsForReadingGrade) }

    private struct Extractor {
        let file: SourceFile
        /// The module's worksheet blocks, parsed when it was loaded.
        let blocks: [SourceLocation: Module.ParsedBlock]
        var lines: LineCache
        var runs: [ProseRun] = []
        var links: [Link] = []

        init(file: SourceFile, blocks: [SourceLocation: Module.ParsedBlock]) {
            self.file = file
            self.blocks = blocks
            self.lines = LineCache(file: file)
        }

        mutating func frontMatterValue(_ value: Located<String>, kind: ProseRun.Kind) {
            var start = value.range.start
            let line = lines.scalars(start.line)
            if start.column - 1 < line.count, line[start.column - 1] == "\"" || line[start.column - 1] == "'" {
                start.column += 1
            }
            var builder = ProseRunBuilder()
            builder.append(value.value, writtenAt: start, in: &lines)
            if let run = builder.build(kind: kind, audience: .participant, section: nil) { runs.append(run) }
        }

        mutating func block(_ node: MarkdownNode, audience: Audience, section: Int) {
            switch node.kind {
            case .heading(let level):
                inline(node, kind: .heading(level: level), audience: audience, section: section)
            case .paragraph:
                inline(node, kind: .paragraph, audience: audience, section: section)
            case .list, .item, .blockQuote, .document:
                for child in node.children { block(child, audience: audience, section: section) }
            case .codeBlock(let info, let literal, let fenced):
                guard fenced, let (name, title) = WidgetParser.directive(of: info) else { return }
                widget(name, title: title, literal: literal, node: node, audience: audience, section: section)
            default:
                break  // raw HTML, thematic breaks
            }
        }

        /// A paragraph or heading: its inline content flattened into one run; images' alt text
        /// becomes runs of its own.
        mutating func inline(_ node: MarkdownNode, kind: ProseRun.Kind, audience: Audience, section: Int) {
            var builder = ProseRunBuilder()
            var images: [ProseRun] = []
            flatten(node.children, into: &builder, images: &images, audience: audience, section: section)
            if let run = builder.build(kind: kind, audience: audience, section: section) { runs.append(run) }
            runs += images
        }

        mutating func flatten(_ nodes: [MarkdownNode], into builder: inout ProseRunBuilder, images: inout [ProseRun],
                              audience: Audience, section: Int) {
            for node in nodes {
                switch node.kind {
                case .text(let text):
                    builder.append(text, writtenAt: node.range.start, in: &lines)
                case .softBreak, .lineBreak:
                    builder.appendSeparator(" ")
                case .code, .htmlInline:
                    builder.appendSeparator(ProseRun.placeholder, at: node.range.start)
                case .link(let destination, _):
                    links.append(Link(destination: destination, range: node.range))
                    let shown = node.plainText
                    if shown == destination || "mailto:" + shown == destination {
                        builder.appendSeparator(ProseRun.placeholder, at: node.range.start)  // an address written as a link
                    } else {
                        flatten(node.children, into: &builder, images: &images, audience: audience, section: section)
                    }
                case .image:
                    builder.appendSeparator(ProseRun.placeholder, at: node.range.start)
                    var alt = ProseRunBuilder()
                    var nested: [ProseRun] = []
                    flatten(node.children, into: &alt, images: &nested, audience: audience, section: section)
                    if let run = alt.build(kind: .imageDescription, audience: audience, section: section) { images.append(run) }
                    images += nested
                default:
                    flatten(node.children, into: &builder, images: &images, audience: audience, section: section)
                }
            }
        }

        /// Worksheet blocks: prompts, checklist items and labels as written on their lines;
        /// callouts and facilitator notes as Markdown.
        mutating func widget(_ name: String, title: String?, literal: String, node: MarkdownNode, audience: Audience, section: Int) {
            let openLine = node.range.start.line
            if let title { labelOnLine(openLine, after: "}", audience: audience, section: section, title: title) }
            switch name {
            case "facilitator", "callout":
                // The module parsed the block's Markdown when it was loaded, with the columns of its lines.
                let content: MarkdownNode
                switch blocks[node.range.start]?.widget {
                case .callout(_, let parsed)?, .facilitator(let parsed)?: content = parsed
                default: return
                }
                let inner: Audience = name == "facilitator" ? .facilitator : audience
                for child in content.children { block(child, audience: inner, section: section) }
            case "worksheet":
                for (number, line) in blockLines(literal, openLine: openLine) {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let who: Audience = Self.isAnswer(line[..<colon]) ? .facilitator : audience
                    segment(number, line, from: colon + 1, to: line.count, kind: .prompt, audience: who, section: section)
                }
            case "checklist":
                for (number, line) in blockLines(literal, openLine: openLine) {
                    var start = 0
                    while start < line.count, line[start] == " " || line[start] == "\t" { start += 1 }
                    start += Self.checklistMarkerLength(line[start...])
                    segment(number, line, from: start, to: line.count, kind: .prompt, audience: audience, section: section)
                }
            case "log":
                for (number, line) in blockLines(literal, openLine: openLine) {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    var cellStart = colon + 1
                    for index in (colon + 1)...line.count where index == line.count || line[index] == "|" {
                        segment(number, line, from: cellStart, to: index, kind: .label, audience: audience, section: section)
                        cellStart = index + 1
                    }
                }
            default:
                break
            }
        }

        /// True when the words before a worksheet line's colon are `answer` (any case).
        static func isAnswer(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
            guard head.allSatisfy({ $0.value < 0x80 }) else {
                let keyword = String(String.UnicodeScalarView(head)).trimmingWhitespace().split(separator: " ").first?.lowercased() ?? ""
                return keyword == "answer"
            }
            // ASCII: trim, take the first word, compare without case.
            guard let first = head.firstIndex(where: { !ProseRun.isWhitespace($0) }) else { return false }
            let last = head.lastIndex(where: { !ProseRun.isWhitespace($0) })!
            var end = first
            while end <= last, head[end] != " " { end += 1 }
            guard end - first == 6 else { return false }
            for (offset, letter) in "answer".unicodeScalars.enumerated() {
                let v = head[first + offset].value
                if (v >= 0x41 && v <= 0x5A ? v + 0x20 : v) != letter.value { return false }
            }
            return true
        }

        /// How many scalars of a checklist line's marker (`- [ ] `, `[ ] `, `- `, `* `) start `rest`.
        static func checklistMarkerLength(_ rest: ArraySlice<Unicode.Scalar>) -> Int {
            for marker in ["- [ ] ", "[ ] ", "- ", "* "] {
                let scalars = Array(marker.unicodeScalars)
                guard rest.starts(with: scalars) else { continue }
                let after = rest.index(rest.startIndex, offsetBy: scalars.count)
                // Compared as characters, a mark joined to the marker's last space would break the match.
                if after == rest.endIndex || rest[after].value < 0x80 || String(String.UnicodeScalarView(rest)).hasPrefix(marker) {
                    return scalars.count
                }
            }
            return 0
        }

        /// The file line number and scalars of each line inside a fenced block.
        mutating func blockLines(_ literal: String, openLine: Int) -> [(Int, [Unicode.Scalar])] {
            var count = literal.splitLines().count
            if literal.isEmpty || literal.hasSuffix("\n") { count -= 1 }  // the line break before the closing fence
            var out: [(Int, [Unicode.Scalar])] = []
            for index in 0..<count {
                let number = openLine + 1 + index
                guard number <= file.lineCount else { break }
                out.append((number, lines.scalars(number)))
            }
            return out
        }

        /// The text of `line` between two columns (0-based, end exclusive), trimmed, as a run.
        mutating func segment(_ number: Int, _ line: [Unicode.Scalar], from: Int, to: Int, kind: ProseRun.Kind, audience: Audience, section: Int) {
            var start = from, end = to
            while start < end, ProseRun.isWhitespace(line[start]) { start += 1 }
            while end > start, ProseRun.isWhitespace(line[end - 1]) { end -= 1 }
            guard start < end else { return }
            var builder = ProseRunBuilder()
            for index in start..<end { builder.append(line[index], at: SourceLocation(line: number, column: index + 1)) }
            if let run = builder.build(kind: kind, audience: audience, section: section) { runs.append(run) }
        }

        mutating func labelOnLine(_ number: Int, after marker: Unicode.Scalar, audience: Audience, section: Int, title: String) {
            let line = lines.scalars(number)
            guard let close = line.firstIndex(of: marker) else { return }
            segment(number, line, from: close + 1, to: line.count, kind: .label, audience: audience, section: section)
        }
    }
}
