/// Finds the first YAML anchor (`&name`) or alias (`*name`) by scanning the text, before Yams
/// composes it. Yams resolves aliases silently (and forgets anchors), so this is where untrusted
/// front matter is refused before an alias bomb can expand.
enum YAMLAliasScanner {
    struct Finding {
        let line: Int      // 1-based within the scanned text
        let column: Int    // 1-based, code points
        let isAlias: Bool
        let name: String
    }

    static func firstAnchorOrAlias(in yaml: String) -> Finding? {
        var quote: Character?
        var blockScalarIndent: Int?
        for (lineIndex, rawLine) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.unicodeScalars)
            let indent = line.prefix { $0 == " " }.count
            if let block = blockScalarIndent {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) || indent > block { continue }
                blockScalarIndent = nil
            }
            var atNodeStart = quote == nil
            var flowDepth = 0
            var index = 0
            while index < line.count {
                let c = line[index]
                let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
                let nextIsBlank = next == nil || next == " " || next == "\t" || next == "\r"
                if let open = quote {
                    if open == "\"" && c == "\\" { index += 2; continue }
                    if c == open.unicodeScalars.first! {
                        if open == "'" && next == "'" { index += 2; continue }
                        quote = nil
                    }
                    index += 1
                    continue
                }
                if c == " " || c == "\t" { index += 1; continue }
                if c == "#" && (index == 0 || line[index - 1] == " " || line[index - 1] == "\t") { break }
                if atNodeStart {
                    if c == "&" || c == "*" {
                        let name = String(String.UnicodeScalarView(line[(index + 1)...].prefix { $0 != " " && $0 != "," && $0 != "]" && $0 != "}" && $0 != "\r" }))
                        return Finding(line: lineIndex + 1, column: index + 1, isAlias: c == "*", name: name)
                    }
                    if c == "'" || c == "\"" { quote = Character(c); atNodeStart = false; index += 1; continue }
                    if (c == "-" || c == "?") && nextIsBlank { index += 1; continue }
                    if c == "[" || c == "{" { flowDepth += 1; index += 1; continue }
                    atNodeStart = false
                }
                if c == ":" && nextIsBlank { atNodeStart = true }
                else if flowDepth > 0 && (c == "," || c == "[" || c == "{") {
                    if c != "," { flowDepth += 1 }
                    atNodeStart = true
                } else if flowDepth > 0 && (c == "]" || c == "}") {
                    flowDepth -= 1
                }
                index += 1
            }
            // A block scalar (`|`, `>`, with optional indicators) makes the more-indented lines
            // after it plain text.
            if quote == nil {
                let content = String(rawLine).trimmingWhitespace()
                let withoutComment = content.split(separator: "#", maxSplits: 1).first.map { $0.trimmingWhitespace() } ?? content
                if let last = withoutComment.split(separator: " ").last,
                   let first = last.first, first == "|" || first == ">",
                   last.dropFirst().allSatisfy({ $0 == "+" || $0 == "-" || $0.isNumber }) {
                    blockScalarIndent = indent
                }
            }
        }
        return nil
    }
}
