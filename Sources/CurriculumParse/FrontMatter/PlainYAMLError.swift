/// libyaml's messages ("did not find expected ',' or ']'") in the words of someone writing
/// front matter, placed where the mistake is: a list or quote at the line where it opened, a
/// missing space at the field it belongs to, a tab at its line.
enum PlainYAMLError {
    struct Translation {
        let range: SourceRange
        let message: String
        let fix: String
        var replacements: [Replacement] = []
        var isCertain = false
    }

    /// `context` is libyaml's context (its text, and the line and column where it began, in the
    /// file); `line` and `column` are where libyaml stopped.
    static func translate(problem: String, context: (text: String, line: Int, column: Int)?, line: Int, column: Int,
                          file: SourceFile) -> Translation? {
        let stopped = String(file.line(line))
        if problem.contains("tab character") || (problem.contains("cannot start any token") && stopped.contains("\t")) {
            return Translation(range: .at(line: line), message: "this line is indented with a tab, and YAML reads only spaces as indentation",
                               fix: "YAML does not allow tabs: replace the tab at the start of the line with spaces, lined up with the lines around it")
        }
        guard let context else {
            if problem.contains("mapping values are not allowed") { return colonInValue(line: line, column: column, file: file) }
            return nil
        }
        let opened = String(file.line(context.line))
        let openedText = opened.trimmingWhitespace()
        if context.text.contains("flow sequence") || context.text.contains("flow mapping") {
            let (open, close, what) = context.text.contains("sequence") ? ("[", "]", "list") : ("{", "}", "set of fields")
            return Translation(range: .at(line: context.line, column: context.column),
                message: "the \(what) that starts with '\(open)' here is never closed with '\(close)'",
                fix: "add '\(close)' after the last item, and a comma between items: \(closed(openedText, with: close))",
                replacements: endOfValue(line: context.line, file: file).map { [Replacement(range: $0, text: close)] } ?? [])
        }
        if context.text.contains("quoted scalar") {
            let quote = file.line(context.line).unicodeScalars.dropFirst(context.column - 1).first.map { String(Character($0)) } ?? "\""
            return Translation(range: .at(line: context.line, column: context.column),
                message: "the quote (\(quote)) that opens here is never closed, so the rest of the front matter is read as part of it",
                fix: "add \(quote) at the end of the value: \(closed(openedText, with: quote))",
                replacements: endOfValue(line: context.line, file: file).map { [Replacement(range: $0, text: quote)] } ?? [])
        }
        if context.text.contains("simple key"), problem.contains("expected ':'") {
            // "topic:coping": the colon needs a space after it.
            if let colon = openedText.firstIndex(of: ":"), openedText.index(after: colon) < openedText.endIndex,
               !openedText[openedText.index(after: colon)].isWhitespace {
                let name = openedText[..<colon]
                let value = openedText[openedText.index(after: colon)...]
                // The space goes right after the first colon of the line: the only right answer.
                let colonColumn = context.column + openedText[..<colon].unicodeScalars.count + 1
                return Translation(range: .at(line: context.line, column: context.column, width: openedText.unicodeScalars.count),
                    message: "'\(openedText)' has no space after its colon, so it is not read as the field '\(name)'",
                    fix: "write '\(name): \(value)'",
                    replacements: [Replacement(range: SourceRange(line: context.line, column: colonColumn, endColumn: colonColumn), text: " ")],
                    isCertain: true)
            }
            return Translation(range: .at(line: context.line, column: context.column, width: max(openedText.unicodeScalars.count, 1)),
                message: "'\(openedText)' has no ':' after a field name, so it is not a field",
                fix: "write it as 'name: value', or indent it under the field it belongs to")
        }
        if problem.contains("mapping values are not allowed") { return colonInValue(line: line, column: column, file: file) }
        return nil
    }

    /// "title: Urges: Riding Them Out": a second ': ' in a value starts another field.
    private static func colonInValue(line: Int, column: Int, file: SourceFile) -> Translation {
        let text = file.line(line).trimmingWhitespace()
        var fix = "put the value in quotes when it contains ': ' (for example title: \"Coping: a plan\")"
        if let colon = text.range(of: ": ") {
            let name = text[..<colon.lowerBound]
            let value = text[colon.upperBound...].trimmingWhitespace()
            if !value.contains("\"") { fix = "put the value in quotes: \(name): \"\(value)\"" }
        }
        return Translation(range: .at(line: line, column: column),
            message: "this value has ': ' in it, which YAML reads as the start of another field",
            fix: fix)
    }

    /// Where a mark added at the end of a line's value goes: after its last character, before
    /// any trailing spaces; nil when the line has a comment (the end of the value is not sure).
    private static func endOfValue(line: Int, file: SourceFile) -> SourceRange? {
        let text = file.line(line)
        if text.contains(" #") { return nil }
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        let column = trimmed.reduce(0) { $0 + $1.unicodeScalars.count } + 1
        return SourceRange(line: line, column: column, endColumn: column)
    }

    /// The line as it should read, with `mark` added at its end (before a comment).
    private static func closed(_ text: String, with mark: String) -> String {
        var body = text
        if let hash = body.range(of: " #") { body = String(body[..<hash.lowerBound]) }
        return body.trimmingWhitespace() + mark
    }
}
