/// Writing hints still waiting to be replaced: `curriculum new module` marks each hint with the
/// word `TODO` in capitals, and this rule points at every one left, front matter included, so a
/// fresh module checks with warnings only and goes quiet once it is written.
public struct PlaceholderRule: ModuleRule {
    public static let placeholder = RuleDescriptor("authoring.placeholder", .warning,
        "A writing hint (the word TODO in capitals, as `curriculum new module` writes them) is still in the module.",
        explanation: """
        `curriculum new module` starts a module with a one-line hint in each place the writer has to fill in: an \
        outcome, the introduction, and each section the group format requires. Every hint starts with the word \
        TODO in capitals, and this rule reports each line that still has one, front matter included, so a new \
        module checks with warnings and no errors, and goes quiet once it is written. The same goes for any other \
        TODO a writer leaves as a reminder.

        Replace the hint with the module's own text. The word counts only in capitals and on its own: "todo" or \
        "TODOS" are not reported. `--strict` makes these warnings fail a check, which keeps unfinished modules out \
        of a release.

        Example:
            ## Discussion

            TODO: Write two to four open questions for the group to talk about.     # reported

            1. What helped you get through last weekend?                          # fine
        """)
    public static let descriptors = [placeholder]

    /// The word that marks a hint.
    public static let marker = "TODO"

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let file = module.file
        guard Self.mentionsMarker(file.text) else { return [] }
        for number in 1...file.lineCount {
            let line = Array(file.line(number).unicodeScalars)
            for column in Self.markerColumns(in: line) {
                var end = line.count
                while end > column, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
                let hint = String(String.UnicodeScalarView(line[(column - 1)..<end]))
                let shown = hint.unicodeScalars.count > 50 ? String(String.UnicodeScalarView(hint.unicodeScalars.prefix(49))) + "…" : hint
                out.append(Self.placeholder.diagnostic(module.path, SourceRange(line: number, column: column, endColumn: column + Self.marker.unicodeScalars.count),
                    "a writing hint is still here: '\(shown)'",
                    fix: Fix(summary: "replace the hint with the module's own text; the warning goes once no TODO is left")))
            }
        }
        return out
    }

    /// True when `TODO` appears anywhere in `text`: a byte search, as almost every module
    /// has none (Foundation's `contains` would cost more than parsing the module).
    static func mentionsMarker(_ text: String) -> Bool {
        let marker = Array(Self.marker.utf8)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= marker.count else { return false }
            for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
                var matched = 1
                while matched < marker.count, bytes[start + matched] == marker[matched] { matched += 1 }
                if matched == marker.count { return true }
            }
            return false
        }
    }

    /// 1-based columns where `TODO` stands as a word of its own (not inside TODOS or xTODO).
    static func markerColumns(in line: [Unicode.Scalar]) -> [Int] {
        let marker = Array(marker.unicodeScalars)
        guard line.count >= marker.count else { return [] }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" }
        var columns: [Int] = []
        for start in 0...(line.count - marker.count) where Array(line[start..<start + marker.count]) == marker {
            let before = start == 0 ? nil : line[start - 1]
            let after = start + marker.count < line.count ? line[start + marker.count] : nil
            if before.map(isWordScalar) != true, after.map(isWordScalar) != true {
                columns.append(start + 1)
            }
        }
        return columns
    }
}
