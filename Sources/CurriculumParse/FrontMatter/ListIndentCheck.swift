/// A front matter list item indented more than the item above it (`  - Name two\n    - Rate`):
/// YAML reads it as more words of the item above, so the outcome silently joins the previous
/// one. Reported at the over-indented line.
public enum ListIndentCheck {
    public static let rule = RuleDescriptor("front-matter.list-indent", .error,
        "A '- ' list item in the front matter is indented more than the item above it, so it is read as part of that item.",
        explanation: """
        In YAML, a line indented further than the list item above it continues that item: the two \
        outcomes below are read as one, 'Name two triggers - Rate each one', so the handout's "what you \
        will learn" and the measurable-verb check both see one. The finding is at the over-indented \
        line; `curriculum check --fix` indents it like the item above.

        Wrong:
            outcomes:
              - Name two triggers
                - Rate each one
        Fixed:
            outcomes:
              - Name two triggers
              - Rate each one
        """)

    public static let descriptors = [rule]

    /// Findings for the front matter in `parts` of `file`.
    static func findings(_ parts: FrontMatterSplitter.Parts, in file: SourceFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var previous: (indent: Int, text: Substring)?
        for number in parts.yamlFirstLine..<parts.closingLine {
            let line = file.line(number)
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) || content.hasPrefix("#") { continue }
            guard content.hasPrefix("- ") else { previous = nil; continue }
            let item = content.dropFirst(2).trimmingWhitespace()
            if let above = previous, indent > above.indent, Self.continues(above.text) {
                out.append(rule.diagnostic(file.path, SourceRange(line: number, column: indent + 1, endColumn: indent + 2),
                    "this item is indented more than the one above it, so it is read as part of it ('\(above.text) - \(item)') instead of as an item of its own",
                    fix: Fix(summary: "indent it by \(above.indent) spaces, like the item above",
                             replacements: [Replacement(range: SourceRange(line: number, column: 1, endColumn: indent + 1), text: String(repeating: " ", count: above.indent))],
                             automatic: true)))
                continue
            }
            previous = (indent, Substring(item))
        }
        return out
    }

    /// True when an item's text is a plain value that a deeper line would continue (not a
    /// quoted value, a bracketed list or a `name: value` pair).
    private static func continues(_ text: Substring) -> Bool {
        guard let first = text.first, !"\"'[{&*!|>".contains(first) else { return false }
        return !text.hasSuffix(":") && !text.contains(": ")
    }
}
