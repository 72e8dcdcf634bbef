/// Reads worksheet blocks (fenced blocks with a `{name}` info string) into `Widget`s, and
/// reports every line it cannot read at that line and column.
public enum WidgetParser {
    public static let descriptors = [unknown, syntax, unclosed, tooDeep]

    /// True for a fenced block whose info string names a worksheet block (`{name}`), known or not.
    public static func isWorksheetBlock(info: String) -> Bool {
        directive(of: info) != nil
    }

    public static let maxLines = 12
    public static let maxRows = 31
    public static let maxColumns = 8

    /// The directive name of a fenced block's info string (`{worksheet} Title` -> "worksheet").
    public static func directive(of info: String) -> (name: String, title: String?)? {
        let trimmed = info.trimmingWhitespace()
        guard trimmed.hasPrefix("{"), let close = trimmed.firstIndex(of: "}") else { return nil }
        let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingWhitespace().lowercased()
        let title = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
        return (name, title.isEmpty ? nil : title)
    }

    /// Per line of a fenced block's content (1-based), the bytes of the file's line before it:
    /// cmark removes the fence's indentation and any quote or list prefix, so the file's line
    /// ends with the content line. Lines where it does not (a tab cmark split) get no shift.
    static func lineShifts(_ lines: [String], firstLine: Int, in file: SourceFile) -> [Int: Int] {
        var shifts: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            let source = file.line(firstLine + index).utf8
            let content = line.utf8
            guard source.count > content.count, source.suffix(content.count).elementsEqual(content) else { continue }
            shifts[index + 1] = source.count - content.count
        }
        return shifts
    }

    /// Parses a code block node. Returns nil (and no findings) for an ordinary code block.
    public static func parse(_ node: MarkdownNode, in file: SourceFile) -> (Widget?, [Diagnostic])? {
        guard case .codeBlock(let info, let literal, true) = node.kind, let (name, title) = directive(of: info) else { return nil }
        var diagnostics: [Diagnostic] = []
        let openLine = node.range.start.line
        let lastLine = node.range.end.line
        // The closing fence may sit in a quote (`> ```) or a list item, like the opening one.
        let closing = file.line(lastLine).drop { $0 == " " || $0 == "\t" || $0 == ">" }
        if lastLine == openLine || !(closing.hasPrefix("```") || closing.hasPrefix("~~~")) || closing.contains("{") {
            // At the top level an unclosed block runs to the end of the file; in a quote or a list
            // item it ends with its container, and what follows is ordinary text.
            let inContainer = lastLine < file.lineCount
                && (lastLine + 1...file.lineCount).contains { !file.line($0).allSatisfy { $0 == " " || $0 == "\t" } }
            diagnostics.append(unclosed.diagnostic(file.path, node.range.start == node.range.end ? .at(line: openLine) : SourceRange.at(line: openLine, column: node.range.start.column, width: 3),
                inContainer
                    ? "this {\(name)} block is never closed inside its quote or list item, so it ends there and the lines after it are printed as ordinary text"
                    : "this {\(name)} block is never closed, so the rest of the module is read as part of it",
                fix: Fix(summary: inContainer ? "close it with ``` written with the same prefix (> or indentation) as its other lines"
                                               : "add a line with ``` where the block ends")))
        }
        let lines = literal.splitLines().map(String.init)
        let shifts = lineShifts(lines, firstLine: openLine + 1, in: file)
        func lineRange(_ index: Int, _ text: String) -> SourceRange {
            let number = openLine + 1 + index
            let fileLine = file.line(number).utf8
            let trimmed = text.trimmingWhitespace()
            let start = (shifts[index + 1] ?? 0) + text.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            let column = fileLine.prefix(start).count { $0 & 0xC0 != 0x80 } + 1
            return SourceRange(line: number, column: column, endColumn: column + max(trimmed.unicodeScalars.count, 1))
        }
        /// Where `cell` is written on the block's line `index`, when it can be found.
        func cellRange(_ index: Int, _ text: String, _ cell: String) -> SourceRange? {
            guard let found = text.range(of: cell) else { return nil }
            let number = openLine + 1 + index
            let fileLine = file.line(number).utf8
            let start = (shifts[index + 1] ?? 0) + text[..<found.lowerBound].utf8.count
            let column = fileLine.prefix(start).count { $0 & 0xC0 != 0x80 } + 1
            return SourceRange(line: number, column: column, endColumn: column + max(cell.unicodeScalars.count, 1))
        }
        switch name {
        case "worksheet":
            var items: [WorksheetItem] = []
            for (index, raw) in lines.enumerated() {
                let text = raw.trimmingWhitespace()
                if text.isEmpty { continue }
                switch parseItem(text) {
                case .success(.ends(let low, let high)):
                    if let last = items.last, case .scale = last.kind, last.ends == nil {
                        items[items.count - 1].ends = (low, high)
                    } else {
                        diagnostics.append(syntax.diagnostic(file.path, lineRange(index, raw), "an 'ends:' line must follow the scale it labels",
                            fix: Fix(summary: "put 'ends: none | strongest' right under a 'scale 0-10:' line")))
                    }
                case .success(.answer(let answer)):
                    if items.isEmpty || items[items.count - 1].answer != nil {
                        diagnostics.append(syntax.diagnostic(file.path, lineRange(index, raw), "an 'answer:' line must follow the item it answers",
                            fix: Fix(summary: "put 'answer:' right under a lines, scale, check or text line")))
                    } else {
                        items[items.count - 1].answer = answer
                    }
                case .success(.item(let kind, let prompt)):
                    items.append(WorksheetItem(kind: kind, prompt: prompt, answer: nil, line: openLine + 1 + index))
                case .failure(let problem):
                    diagnostics.append(syntax.diagnostic(file.path, lineRange(index, raw), problem.message, fix: Fix(summary: problem.fix)))
                }
            }
            if items.isEmpty && diagnostics.isEmpty {
                diagnostics.append(syntax.diagnostic(file.path, node.range, "this worksheet has no items",
                    fix: Fix(summary: "add lines such as 'lines 2: A place that is a trigger for me'")))
            }
            return (.worksheet(title: title, items: items), diagnostics)
        case "checklist":
            let items = lines.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { item -> String in
                var text = Substring(item)
                for marker in ["- [ ]", "[ ]", "-", "*"] where text.hasPrefix(marker + " ") {
                    text = text.dropFirst(marker.count + 1)
                    break
                }
                return text.trimmingWhitespace()
            }
            if items.isEmpty {
                diagnostics.append(syntax.diagnostic(file.path, node.range, "this checklist has no items",
                    fix: Fix(summary: "write one item per line inside the block")))
            }
            return (.checklist(title: title, items: items), diagnostics)
        case "log":
            var columns: [LogColumn] = []
            var rows: LogRows?
            for (index, raw) in lines.enumerated() {
                let text = raw.trimmingWhitespace()
                if text.isEmpty { continue }
                let range = lineRange(index, raw)
                guard let colon = text.firstIndex(of: ":") else {
                    diagnostics.append(syntax.diagnostic(file.path, range, "a log has only 'columns:' and 'rows:' lines",
                        fix: Fix(summary: "write 'columns: Day | What happened | Urge 0-10' and 'rows: 7'")))
                    continue
                }
                let key = text[..<colon].trimmingWhitespace().lowercased()
                let value = text[text.index(after: colon)...].trimmingWhitespace()
                let cells = value.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
                switch key {
                case "columns":
                    let names = cells.filter { !$0.isEmpty }
                    columns = []
                    for name in names {
                        switch parseColumn(name) {
                        case .success(let column): columns.append(column)
                        case .failure(let problem):
                            columns.append(LogColumn(name: name, width: LogColumn.defaultWidth(for: name)))
                            diagnostics.append(syntax.diagnostic(file.path, cellRange(index, raw, name) ?? range, problem.message, fix: Fix(summary: problem.fix)))
                        }
                    }
                    if !columns.isEmpty, columns.count <= maxColumns, !columns.contains(where: { $0.width != .narrow }) {
                        diagnostics.append(syntax.diagnostic(file.path, range, "every column of this log is narrow, so none has room to write in",
                            fix: Fix(summary: "mark the column people write sentences in (wide), or leave its width out")))
                    }
                    if names.isEmpty || names.count > maxColumns {
                        diagnostics.append(syntax.diagnostic(file.path, range, "a log needs 1 to \(maxColumns) columns separated by |",
                            fix: Fix(summary: "write 'columns: Day | What happened | Urge 0-10'")))
                    }
                case "rows":
                    if let n = Int(value) {
                        if (1...maxRows).contains(n) { rows = .count(n) } else {
                            diagnostics.append(syntax.diagnostic(file.path, range, "a log has 1 to \(maxRows) rows, not \(n)",
                                fix: Fix(summary: "write 'rows: 7' for a week")))
                        }
                    } else if cells.count >= 1, cells.count <= maxRows, !cells.contains(where: \.isEmpty) {
                        rows = .labels(cells)
                    } else {
                        diagnostics.append(syntax.diagnostic(file.path, range, "'rows:' should be a number or labels separated by |",
                            fix: Fix(summary: "write 'rows: 7' or 'rows: Mon | Tue | Wed | Thu | Fri | Sat | Sun'")))
                    }
                default:
                    diagnostics.append(syntax.diagnostic(file.path, range, "a log has no '\(key):' line; it knows 'columns:' and 'rows:'",
                        fix: Fix(summary: "write 'columns: ...' and 'rows: ...'")))
                }
            }
            if columns.isEmpty && !diagnostics.contains(where: { $0.rule == syntax.id }) {
                diagnostics.append(syntax.diagnostic(file.path, SourceRange.at(line: openLine, column: node.range.start.column, width: 3), "this log has no 'columns:' line",
                    fix: Fix(summary: "add 'columns: Day | What happened | Urge 0-10'")))
            }
            if rows == nil && !diagnostics.contains(where: { $0.rule == syntax.id }) {
                diagnostics.append(syntax.diagnostic(file.path, SourceRange.at(line: openLine, column: node.range.start.column, width: 3), "this log has no 'rows:' line",
                    fix: Fix(summary: "add 'rows: 7' for a week")))
            }
            return (.log(title: title, columns: columns, rows: rows ?? .count(7)), diagnostics)
        case "facilitator":
            return (.facilitator(CmarkParser.parse(body: literal, firstLine: openLine + 1, in: file, lineShifts: shifts)), diagnostics)
        case "callout":
            return (.callout(title: title, content: CmarkParser.parse(body: literal, firstLine: openLine + 1, in: file, lineShifts: shifts)), diagnostics)
        default:
            let suggestion = closestMatch(to: name, in: Widget.names)
            let infoRange = SourceRange.at(line: openLine, column: node.range.start.column, width: 3 + name.count + 2)
            diagnostics.append(unknown.diagnostic(file.path, infoRange, "there is no {\(name)} block",
                fix: Fix(summary: suggestion.map { "did you mean {\($0)}? The blocks are: \(Widget.names.joined(separator: ", "))" }
                    ?? "use one of: \(Widget.names.map { "{\($0)}" }.joined(separator: ", "))")))
            return (nil, diagnostics)
        }
    }

    private enum Line {
        case item(WorksheetItem.Kind, String)
        case answer(String)
        case ends(String, String)
    }

    /// A log column heading with an optional width at its end: `Urge 0-10 (narrow)`. Other
    /// words in parentheses, such as `(yes/no)`, are part of the heading; a single word there
    /// that looks like a misspelt width is a finding.
    static func parseColumn(_ cell: String) -> Result<LogColumn, Problem> {
        let widths = LogColumn.Width.allCases.map(\.rawValue)
        guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else {
            return .success(LogColumn(name: cell, width: LogColumn.defaultWidth(for: cell)))
        }
        let word = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)].trimmingWhitespace().lowercased()
        let name = cell[..<open].trimmingWhitespace()
        if let width = LogColumn.Width(rawValue: word) {
            if name.isEmpty {
                return .failure(Problem(message: "the column '\(cell)' has a width but no heading",
                                        fix: "write the heading before the width: 'Urge 0-10 (narrow)'"))
            }
            return .success(LogColumn(name: name, width: width, isExplicit: true))
        }
        let isWord = !word.isEmpty && word.allSatisfy(\.isLetter)
        let suggestion = isWord && word.count >= 4 ? closestMatch(to: word, in: widths) : nil
        if suggestion != nil || ["thin", "small", "short", "large", "big", "long", "wider", "narrower"].contains(word) {
            let fix = suggestion.map { "did you mean (\($0))?" } ?? "write (narrow), (medium) or (wide) after the heading"
            return .failure(Problem(message: "'(\(word))' is not a column width; a column is (narrow), (medium) or (wide)", fix: fix))
        }
        return .success(LogColumn(name: cell, width: LogColumn.defaultWidth(for: cell)))
    }

    struct Problem: Error {
        let message: String
        let fix: String
    }

    /// `lines 2: prompt`, `scale 0-10: prompt`, `check: item`, `text: words`, `answer: words`.
    private static func parseItem(_ text: String) -> Result<Line, Problem> {
        guard let colon = text.firstIndex(of: ":") else {
            return .failure(Problem(message: "'\(text)' is not a worksheet line",
                                    fix: "start the line with lines N:, scale 0-10:, ends:, check:, text: or answer:"))
        }
        let head = text[..<colon].split(separator: " ", omittingEmptySubsequences: true)
        let rest = text[text.index(after: colon)...].trimmingWhitespace()
        guard let keyword = head.first?.lowercased() else {
            return .failure(Problem(message: "the line has nothing before ':'", fix: "start the line with lines N:, scale 0-10:, check:, text: or answer:"))
        }
        func needsText() -> Problem {
            Problem(message: "'\(keyword):' needs text after the colon", fix: "write what the participant should answer or do")
        }
        switch keyword {
        case "lines":
            if head.count == 1 {
                return rest.isEmpty ? .failure(needsText()) : .success(.item(.lines(count: WorksheetItem.defaultLines, isDefault: true), rest))
            }
            guard head.count == 2, let n = Int(head[1]), (1...maxLines).contains(n) else {
                return .failure(Problem(message: "'lines' needs a number of writing lines from 1 to \(maxLines), like 'lines 3:'",
                                        fix: "write 'lines 2: A place that is a trigger for me'"))
            }
            return rest.isEmpty ? .failure(needsText()) : .success(.item(.lines(count: n, isDefault: false), rest))
        case "scale":
            let bounds = head.count == 2 ? head[1].split(separator: "-").compactMap { Int($0) } : []
            guard bounds.count == 2, bounds[0] >= 0, bounds[0] < bounds[1], bounds[1] - bounds[0] <= 10 else {
                return .failure(Problem(message: "'scale' needs a range such as 0-10 (at most 11 numbers)", fix: "write 'scale 0-10: How strong is the urge?'"))
            }
            return rest.isEmpty ? .failure(needsText()) : .success(.item(.scale(low: bounds[0], high: bounds[1]), rest))
        case "ends":
            let labels = rest.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard head.count == 1, labels.count == 2, !labels[0].isEmpty, !labels[1].isEmpty else {
                return .failure(Problem(message: "'ends:' needs the meaning of the lowest and the highest number, separated by |",
                                        fix: "write 'ends: none | strongest'"))
            }
            return .success(.ends(labels[0], labels[1]))
        case "check", "text", "answer":
            guard head.count == 1 else {
                return .failure(Problem(message: "'\(keyword)' takes no number", fix: "write '\(keyword): ...'"))
            }
            if rest.isEmpty { return .failure(needsText()) }
            if keyword == "answer" { return .success(.answer(rest)) }
            return .success(.item(keyword == "check" ? .check : .text, rest))
        default:
            let suggestion = closestMatch(to: keyword, in: ["lines", "scale", "ends", "check", "text", "answer"])
            return .failure(Problem(message: "a worksheet has no '\(keyword)' line",
                                    fix: suggestion.map { "did you mean '\($0)'?" } ?? "use lines N:, scale 0-10:, check:, text: or answer:"))
        }
    }
}
