/// Worksheet blocks that Markdown does not read as blocks: a fence indented four spaces or more
/// (Markdown's indented code, printed as it is) and a fence whose block name has no braces
/// (```` ```checklist ````, printed as code). Also tells the rules that count sections when a
/// block's fences leave the body's structure broken, so they wait until it is fixed.
public struct FenceRule: ModuleRule {
    public static let indented = RuleDescriptor("widgets.indented", .error,
        "A worksheet block's opening fence is indented four spaces or more, so Markdown reads it as plain code.",
        explanation: """
        In Markdown, a line indented four spaces or more (outside a list) is code, printed exactly as \
        typed. A worksheet block whose ``` line is indented that far is not a worksheet, checklist or \
        log at all; when only its opening line is indented, its closing ``` opens a code block that \
        swallows the rest of the module. The finding is at the indented fence. Until it is fixed, the \
        checks that count sections and their minutes wait.

        Wrong:
                ```{checklist} Things I can do
                Take a walk
                ```
        Fixed:
            ```{checklist} Things I can do
            Take a walk
            ```

        To fix it, remove the spaces before ``` and before the lines inside the block (inside a \
        numbered step, indent the block like the step's text: two or three spaces).
        """)
    public static let noBraces = RuleDescriptor("widgets.no-braces", .warning,
        "A fenced block is named like a worksheet block but without braces (```checklist), so it prints as code.",
        explanation: """
        Worksheet blocks are named in braces: ```{checklist}. Without the braces, ```checklist is an \
        ordinary code block, printed as typed in a code font, with no boxes to tick or lines to write \
        on. The finding is at the fence and says which block was meant; `curriculum check --fix` adds \
        the braces. If the words really are meant to print as code, suppress the finding with a reason.

        Wrong:
            ```checklist Things I can do
            Take a walk
            ```
        Fixed:
            ```{checklist} Things I can do
            Take a walk
            ```
        """)
    public static let descriptors = [indented, noBraces]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Inside callouts and facilitator blocks too: their Markdown prints like the body's.
        module.walkIncludingBlocks { node in
            guard case .codeBlock(let info, let literal, let fenced) = node.kind else { return true }
            // An indented code block's first line is the fence itself; cmark gives it no info string.
            if info.isEmpty, let name = Self.indentedFence(literal) {
                out.append(Self.indented.diagnostic(module.path, .at(line: node.range.start.line, column: node.range.start.column, width: 3),
                    "this {\(name)} block is indented four spaces or more, so Markdown prints its lines as plain code instead of a \(name)",
                    fix: Fix(summary: "remove the spaces before ``` (and before the lines inside the block)")))
            } else if fenced, let word = Self.bareBlockName(info) {
                let line = module.file.line(node.range.start.line)
                let column = node.range.start.column
                let prefix = line.unicodeScalars.dropFirst(column - 1).prefix { $0 == "`" || $0 == "~" || $0 == " " }.count
                let start = column + prefix
                out.append(Self.noBraces.diagnostic(module.path, .at(line: node.range.start.line, column: column, width: prefix + word.unicodeScalars.count),
                    "a block named '\(word)' without braces prints as plain code; did you mean ```{\(word.lowercased())}?",
                    fix: Fix(summary: "write ```{\(word.lowercased())}",
                             replacements: [Replacement(range: SourceRange(line: node.range.start.line, column: start, endColumn: start + word.unicodeScalars.count),
                                                        text: "{\(word.lowercased())}")], automatic: true)))
            }
            return true
        }
        return out
    }

    /// True when a worksheet block's fences leave the body's structure in doubt: a block never
    /// closed, or an indented opening fence (its closing fence then opens a block of its own).
    /// Rules that count sections wait until it is fixed.
    public static func breaksStructure(_ module: Module) -> Bool {
        if module.blocks.values.contains(where: { $0.diagnostics.contains { $0.rule == WidgetParser.unclosed.id } }) { return true }
        var found = false
        module.body.walk { node in
            if found { return false }
            if case .codeBlock("", let literal, _) = node.kind, indentedFence(literal) != nil { found = true }
            return !found
        }
        return found
    }

    /// The block name of an indented code block whose first line is a worksheet fence.
    static func indentedFence(_ literal: String) -> String? {
        guard let first = literal.split(separator: "\n", maxSplits: 1).first else { return nil }
        let trimmed = first.trimmingWhitespace()
        guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else { return nil }
        return WidgetParser.directive(of: String(trimmed.drop { $0 == "`" || $0 == "~" }))?.name
    }

    /// The first word of a fence's info string when it is a block name written without braces.
    static func bareBlockName(_ info: String) -> String? {
        guard let word = info.split(separator: " ").first, !word.hasPrefix("{") else { return nil }
        return Widget.names.contains(word.lowercased()) ? String(word) : nil
    }
}
