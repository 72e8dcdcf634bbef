/// Headings that look like a well-known section but are not read as one: a name followed by
/// something other than minutes in parentheses (`## Homework - 20 min`), or a well-known name at
/// another level than 2 (`### Practice`). Each is reported at its heading, and the checks that
/// count sections (required sections, minutes) leave that section to this rule.
public struct SectionHeadingRule: ModuleRule {
    public static let suffix = RuleDescriptor("sections.heading-suffix", .error,
        "A well-known section heading has words after its name that are not its minutes in parentheses, so it is not read as that section.",
        explanation: """
        A section such as Homework is found by its heading: the name, then optionally its minutes in \
        parentheses, '(20 min)', '(20 mins)', '(20 minutes)' or '(20m)'. Anything else after the name \
        makes it an ordinary heading: the module lacks the section and its homework misses the weekly \
        packet. `curriculum check --fix` writes the heading when the minutes are a number.

        Wrong:
            minutes: 50
            ---
            ## Practice (30 min)

            Sit and watch the urge.

            ## Homework - 20 min

            Try it once a day.
        Fixed:
            minutes: 50
            ---
            ## Practice (30 min)

            Sit and watch the urge.

            ## Homework (20 min)

            Try it once a day.
        """)
    public static let wrongLevel = RuleDescriptor("sections.wrong-level", .error,
        "A well-known section (Practice, Homework, Key points, ...) is written at a heading level other than 2, so it is not read as that section.",
        explanation: """
        Well-known sections are level-2 headings ('## Practice'). Written as '### Practice' or \
        '# Homework', the heading is not read as the section: the module would lack it and, for \
        Homework, the weekly packet would leave it out. The finding is at the heading; \
        `curriculum check --fix` makes it a level-2 heading. A level-3 heading of the same name under a \
        level-2 section of that name is fine.

        Wrong:
            minutes: 50
            ---
            ## Practice

            Sit and watch the urge.

            ### Homework

            Try it once a day.
        Fixed:
            minutes: 50
            ---
            ## Practice

            Sit and watch the urge.

            ## Homework

            Try it once a day.
        """)
    public static let descriptors = [suffix, wrongLevel]

    /// Section names every module may use, besides those the schema's group formats require.
    static let wellKnown = ["key points", "discussion", "practice", "homework", "facilitator notes", "sources"]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        Self.problems(in: module, schema: context.schema).map(\.diagnostic)
    }

    /// Each heading reported, with the well-known section name (lowercased) it was meant to be
    /// and the minutes it gives, if any; `waits` when it may give minutes in words, or none, so
    /// the sum of the section minutes cannot be known until the heading is mended.
    static func problems(in module: Module, schema: Schema) -> [(name: String, minutes: Int?, waits: Bool, diagnostic: Diagnostic)] {
        var names = Set(wellKnown)
        for group in schema.groups { for section in group.requiredSections { names.insert(Section.normalize(section)) } }
        let levelTwo = Set(module.sections.compactMap { $0.heading == nil ? nil : $0.name })
        var out: [(String, Int?, Bool, Diagnostic)] = []
        for node in module.body.children {
            guard case .heading(let level) = node.kind else { continue }
            let text = node.plainText.trimmingWhitespace()
            let (title, minutes) = Section.splitMinutes(text)
            let name = Section.normalize(title)
            if level != 2 {
                guard names.contains(name), !levelTwo.contains(name) else { continue }
                let marks = String(repeating: "#", count: level)
                let range = SourceRange(line: node.range.start.line, column: node.range.start.column, endColumn: node.range.start.column + level)
                out.append((name, minutes, false, wrongLevel.diagnostic(module.path, node.range,
                    "'\(marks) \(text)' is a level-\(level) heading, so it is not read as the \(title) section; sections are level 2 ('## \(text)')",
                    fix: Fix(summary: "write '## \(text)'", replacements: [Replacement(range: range, text: "##")], automatic: true))))
                continue
            }
            if names.contains(name) { continue }
            guard let (known, written, rest) = Self.knownPrefix(of: text, in: names) else { continue }
            var fix = Fix(summary: "write '## \(written)' with nothing after it, or its minutes in parentheses: '## \(written) (20 min)'")
            if let number = Self.minutes(in: rest) {
                fix = Fix(summary: "write '## \(written) (\(number) min)'",
                          replacements: [Replacement(range: node.range, text: "## \(written) (\(number) min)")], automatic: true)
            } else if rest.allSatisfy({ $0 == ":" || $0 == "-" || $0 == " " || $0 == "." }) {
                fix = Fix(summary: "write '## \(written)'", replacements: [Replacement(range: node.range, text: "## \(written)")], automatic: true)
            }
            out.append((known, Self.minutes(in: rest), !rest.contains(where: { $0.isASCII && $0.isNumber }), suffix.diagnostic(module.path, node.range,
                "'## \(text)' is not read as the \(written) section: after a section's name only its minutes may follow, in parentheses",
                fix: fix)))
        }
        return out
    }

    /// The well-known name `text` starts with (longest first), as written, and what follows it.
    private static func knownPrefix(of text: String, in names: Set<String>) -> (String, String, String)? {
        let normalized = Section.normalize(text)
        for name in names.sorted(by: { $0.count > $1.count }) where normalized.hasPrefix(name) {
            let after = normalized.dropFirst(name.count)
            guard let next = after.first, !next.isLetter, !next.isNumber else { continue }
            // The same words in the writer's letter case: as many words as the name has.
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let count = name.split(separator: " ").count
            var written = words.prefix(count).joined(separator: " ")
            var rest = words.dropFirst(count).joined(separator: " ")
            // "Homework:" or "Homework-": the mark sticks to the last word of the name.
            while let last = written.last, !last.isLetter {
                written.removeLast()
                rest = String(last) + rest
            }
            return (name, written, rest.trimmingWhitespace())
        }
        return nil
    }

    /// The minutes in a suffix such as "- 20 min", "20 minutes" or "(20)"; nil without a number.
    private static func minutes(in rest: String) -> Int? {
        let digits = rest.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        guard digits.count == 1, let n = Int(digits[0]), (1...Section.maxMinutes).contains(n) else { return nil }
        // "(-5 min)" is a negative number, not minutes after a dash.
        let start = digits[0].startIndex
        if start > rest.startIndex, rest[rest.index(before: start)] == "-" { return nil }
        let words = rest.lowercased().split(whereSeparator: { !$0.isLetter })
        guard words.allSatisfy({ ["m", "min", "mins", "minute", "minutes"].contains($0) }) else { return nil }
        return n
    }
}
