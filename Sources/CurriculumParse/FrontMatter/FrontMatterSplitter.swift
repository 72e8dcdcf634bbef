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

    public static func split(_ file: SourceFile) -> Result<Parts, Problem> {
        guard isDelimiter(file.line(1), allowDots: false) else { return .failure(.missing) }
        var closing: Int?
        var number = 2
        while number <= file.lineCount {
            if isDelimiter(file.line(number), allowDots: true) { closing = number; break }
            number += 1
        }
        guard let closing else { return .failure(.unclosed) }
        let utf8 = file.text.utf8
        let yamlStart = file.lineStarts.count > 1 ? file.lineStarts[1] : utf8.count
        let yamlEnd = file.lineStarts[closing - 1]
        let bodyStart = closing < file.lineCount ? file.lineStarts[closing] : utf8.count
        let text = file.text
        func slice(_ from: Int, _ to: Int) -> String {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            let end = utf8.index(utf8.startIndex, offsetBy: max(from, to))
            return String(text[start..<end])
        }
        return .success(Parts(yaml: slice(yamlStart, yamlEnd), yamlFirstLine: 2,
                              body: slice(bodyStart, utf8.count), bodyFirstLine: closing + 1,
                              closingLine: closing))
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var content = line
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        while let last = content.last, last == " " || last == "\t" { content = content.dropLast() }
        return content == "---" || (allowDots && content == "...")
    }
}
