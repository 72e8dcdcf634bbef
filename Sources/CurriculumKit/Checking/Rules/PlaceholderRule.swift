/// Writing hints still waiting to be replaced: `curriculum new module` marks each hint with the
/// word `TODO` in capitals, and this rule points at every one left, front matter included, so a
/// fresh module checks with warnings only and goes quiet once it is written.
public struct PlaceholderRule: ModuleRule {
    public static let placeholder = RuleDescriptor("authoring.placeholder", .warning,
        "A writing hint (the word TODO in capitals, as `curriculum new module` writes them) is still in the module.")
    public static let descriptors = [placeholder]

    /// The word that marks a hint.
    public static let marker = "TODO"

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let file = module.file
        guard file.text.contains(Self.marker) else { return [] }
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
