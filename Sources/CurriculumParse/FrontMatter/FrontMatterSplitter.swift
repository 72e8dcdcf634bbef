/// Splits a module file into its YAML front matter and its Markdown body, keeping track of the
/// lines where each begins so locations stay in the file the user wrote.
public enum FrontMatterSplitter {
    public struct Parts: Sendable {
        /// The YAML between the `---` lines (empty when there is none).
        public let yaml: String
        public let yamlFirstLine: Int
        /// The Markdown after the closing `---`.
        public let body: String
        public let bodyFirstLine: Int
        /// The line of the closing `---`.
        public let closingLine: Int
    }

    public enum Problem: Error, Sendable, Equatable {
        /// The file does not start with a `---` line.
        case missing
        /// The opening `---` has no closing `---` or `...`.
        case unclosed
    }

    /// Splits `file` whose front matter opens on line `first` (1, unless the loader found
    /// blank lines above the `---`).
    public static func split(_ file: SourceFile, openingLine first: Int = 1) -> Result<Parts, Problem> {
        guard first <= file.lineCount, isDelimiter(file.line(first), allowDots: false) else { return .failure(.missing) }
        var closing: Int?
        var number = first + 1
        while number <= file.lineCount {
            if isDelimiter(file.line(number), allowDots: true) { closing = number; break }
            number += 1
        }
        guard let closing else { return .failure(.unclosed) }
        let utf8 = file.text.utf8
        let yamlStart = file.lineStarts.count > first ? file.lineStarts[first] : utf8.count
        let yamlEnd = file.lineStarts[closing - 1]
        let bodyStart = closing < file.lineCount ? file.lineStarts[closing] : utf8.count
        let text = file.text
        func slice(_ from: Int, _ to: Int) -> String {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            let end = utf8.index(utf8.startIndex, offsetBy: max(from, to))
            return String(text[start..<end])
        }
        return .success(Parts(yaml: slice(yamlStart, yamlEnd), yamlFirstLine: first + 1,
                              body: slice(bodyStart, utf8.count), bodyFirstLine: closing + 1,
                              closingLine: closing))
    }

    /// The line of a `---` that only blank lines precede, when it is not the first line.
    public static func openingAfterBlankLines(_ file: SourceFile) -> Int? {
        var number = 1
        while number <= file.lineCount, file.line(number).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }) { number += 1 }
        return number > 1 && number <= file.lineCount && isDelimiter(file.line(number), allowDots: false) ? number : nil
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var content = line
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        while let last = content.last, last == " " || last == "\t" { content = content.dropLast() }
        return content == "---" || (allowDots && content == "...")
    }
}
