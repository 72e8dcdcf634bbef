/// Unicode's bidirectional controls (embeddings, overrides and isolates) reorder how text is
/// shown without changing what it says: in a title or a sentence they can make a handout read
/// differently from the file a reviewer approved ("Trojan Source"). Each one is reported where
/// it is, as compilers do.
public struct BidiControlRule: ModuleRule {
    public static let bidiControl = RuleDescriptor("text.bidi-control", .warning,
        "A module holds an invisible bidirectional control character (U+202A-U+202E, U+2066-U+2069) that reorders how text is shown.",
        explanation: """
        Unicode has invisible characters that change the direction text is shown in: embeddings and overrides \
        (U+202A to U+202E) and isolates (U+2066 to U+2069). Pasted from a web page or planted on purpose, they \
        make a title, a sentence or a phone number read differently in the handout than in the file a reviewer \
        approved ("Trojan Source"), and no one sees them in an editor. Every one in a module is reported at its \
        line and column, in the front matter and the text alike.

        Wrong:
            title: Coping \\u{202E}sllikS\\u{202C}     # shows as "Coping Skills", the file says otherwise
        Fixed:
            title: Coping Skills

        To fix it, delete the character (the finding's column points at it; `curriculum check --format json` shows \
        the exact place). Arabic or Hebrew text does not need these controls: the build sets the text direction.
        """)
    public static let descriptors = [bidiControl]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        let file = module.file
        // Most files have none: one pass over the bytes for the lead bytes of U+202x and U+206x.
        guard file.text.utf8.contains(0xE2) else { return [] }
        var out: [Diagnostic] = []
        for number in 1...max(file.lineCount, 1) {
            for (offset, scalar) in file.line(number).unicodeScalars.enumerated() where Self.isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(Self.bidiControl.diagnostic(module.path, SourceRange(line: number, column: offset + 1, endColumn: offset + 2),
                    "an invisible bidirectional control character (U+\(hex)) changes the order in which the text around it is shown",
                    fix: Fix(summary: "delete the character", replacements: [Replacement(
                        range: SourceRange(line: number, column: offset + 1, endColumn: offset + 2), text: "")])))
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
