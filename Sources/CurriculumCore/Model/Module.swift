/// One group-session topic: its front matter fields (each with where it was written) and its
/// Markdown body split into sections.
public struct Module: Sendable {
    public let file: SourceFile
    /// False when the front matter could not be read at all; field rules then stay quiet.
    public let hasFrontMatter: Bool
    /// Lines 1 to the closing `---`.
    public let frontMatterRange: SourceRange
    public var id: Located<String>?
    public var title: Located<String>?
    public var topic: Located<String>?
    public var group: Located<String>?
    public var objectives: [Located<String>] = []
    public var outcomes: [Located<String>] = []
    public var minutes: Located<Int>?
    public var audience: Located<String>?
    public var requires: [Located<String>] = []
    public var materials: [Located<String>] = []
    public var reviewed: Located<CalendarDate>?
    /// Who did the clinical review, as one "Name, Credential" string (`reviewed-by`).
    public var reviewedBy: Located<String>?
    /// Where the content stands (`status`); nil when the front matter does not say, which
    /// counts as a draft (see `reviewStatus`).
    public var status: Located<ReviewStatus>?
    public var language: Located<String>?
    public var translates: Located<String>?
    public let body: MarkdownNode
    public let sections: [Section]
    /// Every worksheet block (`{worksheet}`, `{callout}`, ...), those inside callouts and
    /// facilitator blocks included, parsed once when the module is made, by where its fence starts.
    public let blocks: [SourceLocation: ParsedBlock]

    /// A worksheet block as parsed: the widget (nil when its syntax is wrong) and the findings.
    public struct ParsedBlock: Sendable {
        public let widget: Widget?
        public let diagnostics: [Diagnostic]

        package init(widget: Widget?, diagnostics: [Diagnostic]) {
            self.widget = widget
            self.diagnostics = diagnostics
        }
    }

    /// A module whose worksheet blocks were parsed already (by `Module.parseBlocks` in the parse
    /// stage, which reads them as Markdown again): the model holds values and calls no parser.
    package init(file: SourceFile, hasFrontMatter: Bool, frontMatterRange: SourceRange, body: MarkdownNode,
                 blocks: [SourceLocation: ParsedBlock]) {
        self.file = file
        self.hasFrontMatter = hasFrontMatter
        self.frontMatterRange = frontMatterRange
        self.body = body
        self.sections = Section.split(body)
        self.blocks = blocks
    }

    /// The parsed block for a fenced code block node of this module; nil for ordinary code.
    public func block(_ node: MarkdownNode) -> ParsedBlock? {
        guard case .codeBlock(_, _, true) = node.kind else { return nil }
        return blocks[node.range.start]
    }

    /// How deep worksheet blocks may sit inside callouts and facilitator blocks. Each level's
    /// Markdown is parsed again and rendered by a call inside the one around it, so a deeper
    /// block is refused (`widgets.too-deep`) and never parsed: a thousand nested callouts cost
    /// neither minutes nor the stack.
    public static let maxBlockDepth = 8

    public var path: String { file.path }

    /// The module's review status: draft unless the front matter says otherwise.
    public var reviewStatus: ReviewStatus { status?.value ?? .draft }

    /// Approved by a named reviewer: what `build --require-review` accepts.
    public var isApprovedWithReviewer: Bool {
        reviewStatus == .approved && !(reviewedBy?.value.trimmingWhitespace().isEmpty ?? true)
    }

    /// The module's language, `en` unless the front matter says otherwise.
    public var languageTag: String { language?.value ?? "en" }

    /// The first section whose name matches `name` case-insensitively.
    public func section(_ name: String) -> Section? {
        let key = Section.normalize(name)
        return sections.first { $0.name == key }
    }
}

/// Where a module's content stands: a writer's draft, sample content shipped with the tool
/// (never reviewed by the clinic), or approved by the clinic's own reviewer.
public enum ReviewStatus: String, Sendable, CaseIterable {
    case draft
    case sample
    case approved

    /// What the facilitator guide prints about the module, or nil for approved content.
    public var guideNotice: String? {
        switch self {
        case .draft: return "Draft: this module is still being written and has not had a clinical review. Do not use it with a group yet."
        case .sample: return "Sample content: have your clinical team review it before use."
        case .approved: return nil
        }
    }
}

/// A level-2 section of a module body (`## Homework`), with the blocks under it.
public struct Section: Sendable {
    /// The heading as written, without a trailing minutes note.
    public let title: String
    /// The heading lowercased with spaces collapsed, for matching well-known sections.
    public let name: String
    /// Planned minutes written in the heading as `(20 min)`, if any.
    public let minutes: Int?
    public let heading: MarkdownNode?
    public let blocks: [MarkdownNode]

    /// Section names (as `name`) that never reach a participant document: the facilitator's
    /// own notes. The check reads them as facilitator prose, the renderer leaves them out.
    public static let facilitatorNames: Set<String> = ["facilitator notes", "facilitator note", "notes for facilitators"]

    /// True for a section only facilitators read.
    public var isForFacilitators: Bool { Self.facilitatorNames.contains(name) }

    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Splits the document at level-1 and level-2 headings; the text before the first level-2
    /// heading is an untitled section.
    static func split(_ document: MarkdownNode) -> [Section] {
        var sections: [Section] = []
        var heading: MarkdownNode?
        var blocks: [MarkdownNode] = []
        func flush() {
            if heading != nil || !blocks.isEmpty {
                sections.append(Section(heading: heading, blocks: blocks))
            }
        }
        for block in document.children {
            if case .heading(let level) = block.kind, level <= 2 {
                flush()
                heading = level == 2 ? block : nil
                blocks = level == 2 ? [] : [block]
                continue
            }
            blocks.append(block)
        }
        flush()
        return sections
    }

    init(heading: MarkdownNode?, blocks: [MarkdownNode]) {
        self.heading = heading
        self.blocks = blocks
        let raw = heading?.plainText.trimmingWhitespace() ?? ""
        let (title, minutes) = Section.splitMinutes(raw)
        self.title = title
        self.minutes = minutes
        self.name = Section.normalize(title)
    }

    /// The most minutes a section heading may give: a day. A larger or negative number is not a
    /// plan (and would overflow the sums of the agenda), so the heading keeps it as text.
    static let maxMinutes = 1440

    /// "Practice (20 min)" -> ("Practice", 20).
    static func splitMinutes(_ text: String) -> (String, Int?) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let words = inside.split(separator: " ")
        guard words.count == 2, let n = Int(words[0]), (0...maxMinutes).contains(n),
              ["min", "mins", "minutes", "minute"].contains(words[1].lowercased()) else {
            return (text, nil)
        }
        return (String(text[..<open]).trimmingWhitespace(), n)
    }
}
