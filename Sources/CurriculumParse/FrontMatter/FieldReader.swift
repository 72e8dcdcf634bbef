/// Reads typed fields out of a YAML mapping and reports, at the value's own line and column,
/// every field that is missing or of the wrong kind. Shared by the schema, program and module
/// loaders; each passes the rules its findings belong to.
public struct FieldReader {
    public struct Rules: Sendable {
        public var missingField: RuleDescriptor
        public var wrongType: RuleDescriptor
        public var invalidDate: RuleDescriptor
        public var emptyList: RuleDescriptor
    }

    public let path: String
    public let rules: Rules
    /// Where a missing field is reported (the opening --- of front matter, say).
    public let missingFieldRange: SourceRange
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String, rules: Rules, missingFieldRange: SourceRange) {
        self.path = path
        self.rules = rules
        self.missingFieldRange = missingFieldRange
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private mutating func missing(_ key: String, in context: String, example: String) {
        report(rules.missingField.diagnostic(path, missingFieldRange, "\(context) is missing the required field '\(key)'",
                                             fix: Fix(summary: "add a line such as '\(key): \(example)'")))
    }

    private mutating func wrongType(_ key: String, _ node: YAMLNode, expected: String, example: String, replacement: String? = nil) {
        let fix = Fix(summary: replacement.map { "write \(key) as \(expected): '\(key): \($0)'" } ?? "write \(key) as \(expected), for example '\(key): \(example)'",
                      replacements: replacement.map { [Replacement(range: node.range, text: $0)] } ?? [], automatic: replacement != nil)
        report(rules.wrongType.diagnostic(path, node.range, "'\(key)' should be \(expected), but it is \(node.kindDescription)", fix: fix))
    }

    /// A text value. Numbers and dates written plainly are accepted as their text.
    public mutating func string(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> Located<String>? {
        guard let node = map[key], !node.isNull else {
            if required { missing(key, in: context, example: example) }
            return nil
        }
        guard let text = node.string else {
            wrongType(key, node, expected: "text", example: example)
            return nil
        }
        if required && text.trimmingWhitespace().isEmpty {
            missing(key, in: context, example: example)
            return nil
        }
        return Located(text, at: node.range)
    }

    /// A whole number within an optional range of sensible values.
    public mutating func int(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> Located<Int>? {
        guard let node = map[key], !node.isNull else {
            if required { missing(key, in: context, example: example) }
            return nil
        }
        guard let text = node.string, node.scalarType == .int || (node.isQuoted == false && Int(text) != nil),
              let value = Int(text) else {
            wrongType(key, node, expected: "a whole number", example: example)
            return nil
        }
        return Located(value, at: node.range)
    }

    /// A list of text values. A single value written without brackets gets a fix that adds them.
    public mutating func stringList(_ map: YAMLNode, _ key: String, required: Bool, nonEmpty: Bool,
                                    context: String, example: String) -> [Located<String>]? {
        guard let node = map[key], !node.isNull else {
            if required { missing(key, in: context, example: example) }
            return nil
        }
        guard let items = node.sequence else {
            // Brackets around the value make it a list only when it holds no brackets or braces
            // of its own and starts with no YAML sign ('thing]' would become '[thing]]').
            let replacement = node.string.flatMap { text -> String? in
                let signs: Set<Character> = ["#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "-", "?", ":"]
                guard node.isWrittenAsItsText, !text.contains(where: { "[]{}".contains($0) }), let first = text.first, !signs.contains(first),
                      // Written plainly on one line, as its text (not quoted, tagged or folded).
                      node.range.start.line == node.range.end.line,
                      node.range.end.column - node.range.start.column == text.unicodeScalars.count else { return nil }
                return "[\(text)]"
            }
            wrongType(key, node, expected: "a list", example: example, replacement: replacement)
            return nil
        }
        var values: [Located<String>] = []
        for item in items {
            guard let text = item.string, !item.isNull else {
                report(rules.wrongType.diagnostic(path, item.range, "each entry of '\(key)' should be text, but this one is \(item.kindDescription)",
                                                  fix: Fix(summary: "write the entry as plain text on its own '- ' line")))
                continue
            }
            values.append(Located(text, at: item.range))
        }
        if nonEmpty && items.isEmpty {
            report(rules.emptyList.diagnostic(path, node.range, "'\(key)' needs at least one entry",
                                              fix: Fix(summary: "list at least one, for example '\(key): \(example)'")))
        }
        return values
    }

    /// A calendar date written YYYY-MM-DD.
    public mutating func date(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> Located<CalendarDate>? {
        guard let located = string(map, key, required: required, context: context, example: example) else { return nil }
        let text = located.value.trimmingWhitespace()
        guard let date = CalendarDate(text) else {
            report(rules.invalidDate.diagnostic(path, located.range, "'\(text)' is not a date written YYYY-MM-DD (a real day of the calendar)",
                                                fix: Fix(summary: "write the date as year-month-day, for example '\(key): \(example)'")))
            return nil
        }
        return Located(date, at: located.range)
    }

    /// A mapping (a set of named fields).
    public mutating func mapping(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> YAMLNode? {
        guard let node = map[key], !node.isNull else {
            if required { missing(key, in: context, example: example) }
            return nil
        }
        guard node.mapping != nil else {
            wrongType(key, node, expected: "a set of 'name: value' fields", example: example)
            return nil
        }
        return node
    }

    /// A list of mappings or values.
    public mutating func list(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> [YAMLNode]? {
        guard let node = map[key], !node.isNull else {
            if required { missing(key, in: context, example: example) }
            return nil
        }
        guard let items = node.sequence else {
            wrongType(key, node, expected: "a list", example: example)
            return nil
        }
        return items
    }

    /// A yes/no value.
    public mutating func bool(_ map: YAMLNode, _ key: String, context: String) -> Located<Bool>? {
        guard let node = map[key], !node.isNull else { return nil }
        guard node.scalarType == .bool, let text = node.string?.lowercased() else {
            wrongType(key, node, expected: "true or false", example: "true")
            return nil
        }
        return Located(["true", "yes", "on", "y"].contains(text), at: node.range)
    }
}
