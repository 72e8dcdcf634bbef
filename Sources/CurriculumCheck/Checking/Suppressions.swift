/// Inline suppressions: a writer keeps a finding's text on purpose (a participant's own words
/// in a quote) and says why, right where it is.
///
/// In the body, an HTML comment applies to the block that follows it (a paragraph, a list, a
/// quote, a heading, a worksheet):
///
///     <!-- curriculum-ignore person-first.term: quoting a participant's own words -->
///
/// In the front matter, a YAML comment applies to the field (or list item) on the next line:
///
///     # curriculum-ignore outcomes.measurable-verb: the funder's wording, kept on purpose
///
/// Several rules are separated by commas. The reason after the colon is required: without
/// one the suppression does not apply and is itself a finding. A suppression that suppresses
/// nothing warns, so stale ones do not pile up.
public enum Suppressions {
    public static let keyword = "curriculum-ignore"

    static let syntax = """
        In the body, an HTML comment on its own lines applies to the block that follows it (a paragraph, list, quote, \
        heading or worksheet block):

            <!-- curriculum-ignore person-first.term: quoting a participant's own words -->

        In the front matter, a YAML comment applies to the field, or list item, on the next line:

            # curriculum-ignore outcomes.measurable-verb: the funder's required wording

        Name several rules with commas: <!-- curriculum-ignore privacy.phone-number, privacy.email: a fictional clinic's card -->
        """

    public static let descriptors = [missingReason, unknownRule, unused]

    /// One `curriculum-ignore` comment.
    public struct Suppression: Sendable, Hashable {
        /// The rule ids it names, each with where it is written.
        public let rules: [Located<String>]
        /// The reason after the colon; nil when there is none.
        public let reason: String?
        /// The comment itself.
        public let range: SourceRange
        /// The block or front matter field it applies to; nil when nothing follows it.
        public let covers: SourceRange?
    }

    /// Every suppression in `module`, front matter first.
    public static func find(in module: Module) -> [Suppression] {
        var out: [Suppression] = []
        let file = module.file
        // Front matter: lines 2 up to the closing ---.
        if module.frontMatterRange.end.line > 1 {
            let closing = module.frontMatterRange.end.line
            var number = 2
            while number < closing {
                // Only a line whose first visible character is '#' can hold a suppression.
                guard file.line(number).utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: "#") else {
                    number += 1
                    continue
                }
                let line = Array(file.line(number).unicodeScalars)
                var k = 0
                while k < line.count, line[k] == " " || line[k] == "\t" { k += 1 }
                if k < line.count, line[k] == "#", let parsed = parse(line, from: k + 1, lineNumber: number, closing: nil) {
                    out.append(Suppression(rules: parsed.rules, reason: parsed.reason,
                                           range: SourceRange(line: number, column: k + 1, endColumn: line.count + 1),
                                           covers: frontMatterField(after: number, before: closing, in: file)))
                }
                number += 1
            }
        }
        // Body: HTML comments before blocks, in any container.
        var stack: [MarkdownNode] = [module.body]
        while let container = stack.popLast() {
            let children = container.children
            for (index, child) in children.enumerated() {
                if !child.children.isEmpty, child.isBlock { stack.append(child) }
                guard let suppression = bodySuppression(child, in: file) else { continue }
                let next = children[(index + 1)...].first { bodySuppression($0, in: file) == nil && !isExpectationMarker($0) }
                out.append(Suppression(rules: suppression.rules, reason: suppression.reason, range: child.range, covers: next?.range))
            }
        }
        return out
    }

    /// Fixture markers (`<!-- expect: ... -->`) are not blocks a suppression applies to.
    static func isExpectationMarker(_ node: MarkdownNode) -> Bool {
        if case .htmlBlock(let html) = node.kind { return html.hasPrefix("<!-- expect:") }
        return false
    }

    private static func bodySuppression(_ node: MarkdownNode, in file: SourceFile) -> (rules: [Located<String>], reason: String?)? {
        guard case .htmlBlock(let html) = node.kind, html.hasPrefix("<!--"), html.contains(keyword) else { return nil }
        let first = node.range.start
        let line = Array(file.line(first.line).unicodeScalars)
        var k = first.column - 1 + 4   // after <!--
        guard k <= line.count else { return nil }
        // The reason may go on over later lines, up to -->.
        let htmlLines = html.split(separator: "\n", omittingEmptySubsequences: false)
        let closesOnFirstLine = htmlLines.first?.contains("-->") ?? true
        let rest = closesOnFirstLine ? [] : Array(htmlLines.dropFirst().joined(separator: " ").unicodeScalars)
        while k < line.count, line[k] == " " { k += 1 }
        return parse(line, from: k, lineNumber: first.line, closing: "-->", continuation: rest)
    }

    /// Reads `curriculum-ignore RULE[, RULE]: reason` starting at `start` of `line`.
    static func parse(_ line: [Unicode.Scalar], from start: Int, lineNumber: Int, closing: String?,
                      continuation: [Unicode.Scalar] = []) -> (rules: [Located<String>], reason: String?)? {
        var k = start
        while k < line.count, line[k] == " " || line[k] == "\t" { k += 1 }
        let word = Array(keyword.unicodeScalars)
        guard k + word.count <= line.count, Array(line[k..<(k + word.count)]) == word else { return nil }
        k += word.count
        guard k == line.count || line[k] == " " || line[k] == "\t" || line[k] == ":" else { return nil }
        var rules: [Located<String>] = []
        var reason: String?
        func isIDScalar(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) || WordScanner.isDigit(c) || c == "." || c == "-" || c == "_"
        }
        while k < line.count {
            let c = line[k]
            if c == ":" {
                var text = String(String.UnicodeScalarView(line[(k + 1)...]))
                if !continuation.isEmpty { text += " " + String(String.UnicodeScalarView(continuation)) }
                if let closing, let cut = text.firstRange(of: closing) { text = String(text[..<cut.lowerBound]) }
                let trimmed = text.trimmingWhitespace()
                reason = trimmed.isEmpty ? nil : trimmed
                break
            }
            if isIDScalar(c) {
                let begin = k
                while k < line.count, isIDScalar(line[k]) { k += 1 }
                // "-->" right after an id belongs to the comment's end.
                var end = k
                while end > begin, line[end - 1] == "-" { end -= 1 }
                if end > begin {
                    rules.append(Located(String(String.UnicodeScalarView(line[begin..<end])),
                                         at: SourceRange(line: lineNumber, column: begin + 1, endColumn: end + 1)))
                }
                continue
            }
            if c == ">" { break }
            k += 1
        }
        return (rules, reason)
    }

    /// The field or list item that starts on the first line after `line` that is not blank
    /// or a comment, with its continuation lines.
    static func frontMatterField(after line: Int, before closing: Int, in file: SourceFile) -> SourceRange? {
        func indent(_ number: Int) -> Int? {
            let scalars = file.line(number).unicodeScalars
            let spaces = scalars.prefix { $0 == " " || $0 == "\t" }.count
            let rest = scalars.dropFirst(spaces)
            if rest.isEmpty || rest.first == "#" { return nil }
            return spaces
        }
        var first = line + 1
        while first < closing, indent(first) == nil { first += 1 }
        guard first < closing, let base = indent(first) else { return nil }
        let isListItem = file.line(first).unicodeScalars.dropFirst(base).first == "-"
        var last = first
        var number = first + 1
        while number < closing {
            if let level = indent(number) {
                let item = file.line(number).unicodeScalars.dropFirst(level).first == "-"
                guard level > base || (!isListItem && level == base && item) else { break }
                last = number
            }
            number += 1
        }
        return SourceRange(start: SourceLocation(line: first, column: base + 1),
                           end: SourceLocation(line: last, column: file.lineLength(last) + 1))
    }

    /// The findings left once suppressions apply, plus findings about the suppressions
    /// themselves. `curriculum` gives each module and the schema's severities.
    public static func apply(_ diagnostics: [Diagnostic], in curriculum: Curriculum) -> [Diagnostic] {
        let byPath = Dictionary(curriculum.modules.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var suppressions: [String: [Suppression]] = [:]
        // Each module's comments are found on every core; the results are joined in module order.
        for (module, found) in zip(curriculum.modules, Parallel.map(curriculum.modules) { find(in: $0) }) where !found.isEmpty {
            suppressions[module.path] = found
        }
        guard !suppressions.isEmpty else { return diagnostics }
        var used = Set<String>()   // "path line:col rule" of each rule id that suppressed something
        func usable(_ s: Suppression) -> Bool { s.reason != nil && s.covers != nil }
        var out: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard let list = suppressions[diagnostic.file], RuleCatalog.descriptor(diagnostic.rule).map { !$0.isSetup } ?? false,
                  !descriptors.contains(where: { $0.id == diagnostic.rule }) else {
                out.append(diagnostic)
                continue
            }
            let start = diagnostic.range.start
            var suppressed = false
            for s in list where usable(s) {
                guard let covers = s.covers, start >= covers.start, start < covers.end || start == covers.end else { continue }
                for rule in s.rules where rule.value == diagnostic.rule {
                    used.insert("\(diagnostic.file) \(rule.range.start) \(rule.value)")
                    suppressed = true
                }
            }
            if !suppressed { out.append(diagnostic) }
        }
        let engine = DiagnosticEngine(schema: curriculum.schema)
        for (path, list) in suppressions.sorted(by: { $0.key < $1.key }) {
            let module = byPath[path]
            for s in list {
                if s.rules.isEmpty {
                    out.append(unknownRule.diagnostic(path, s.range, "this curriculum-ignore comment names no rule",
                        fix: Fix(summary: "name the rule before the colon: <!-- curriculum-ignore person-first.term: why -->")))
                    continue
                }
                if s.reason == nil {
                    out.append(missingReason.diagnostic(path, s.range, "this suppression gives no reason, so it does not apply",
                        fix: Fix(summary: "say why after a colon, for example '\(keyword) \(s.rules.map(\.value).joined(separator: ", ")): quoting a participant's own words'")))
                }
                for rule in s.rules {
                    guard let descriptor = RuleCatalog.descriptor(rule.value) else {
                        let suggestion = closestMatch(to: rule.value, in: RuleCatalog.all.map(\.id))
                        out.append(unknownRule.diagnostic(path, rule.range, "there is no rule '\(rule.value)'",
                            fix: Fix(summary: suggestion.map { "did you mean '\($0)'? `curriculum rules` lists every rule" } ?? "`curriculum rules` lists every rule",
                                     replacements: suggestion.map { [Replacement(range: rule.range, text: $0)] } ?? [])))
                        continue
                    }
                    guard usable(s), !used.contains("\(path) \(rule.range.start) \(rule.value)") else {
                        if s.reason != nil && s.covers == nil {
                            out.append(unused.diagnostic(path, rule.range, "this suppression of '\(rule.value)' has no block after it to apply to",
                                fix: Fix(summary: "put the comment right before the block with the finding, or remove it")))
                        }
                        continue
                    }
                    if !engine.isEnabled(descriptor, for: module) { continue }
                    out.append(unused.diagnostic(path, rule.range, "'\(rule.value)' finds nothing in the block this comment applies to",
                        fix: Fix(summary: "remove the comment, or move it right before the block with the finding")))
                }
            }
        }
        return out
    }
}
