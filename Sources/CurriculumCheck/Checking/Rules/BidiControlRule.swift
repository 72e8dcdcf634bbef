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
        the exact place). Text written right to left, such as Arabic or Hebrew, is shown in its order without them.
        """)
    public static let descriptors = [bidiControl]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        let file = module.file
        // One pass over the bytes: U+202A-U+202E are E2 80 AA-AE in UTF-8, U+2066-U+2069 are
        // E2 81 A6-A9; only a hit is located (a binary search over the line starts).
        var offsets: [Int] = []
        var text = file.text
        text.withUTF8 { bytes in
            var i = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0xE2, (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
                    || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2])) {
                    offsets.append(i)
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        return offsets.map { offset in
            let at = file.location(ofByteOffset: offset)
            let scalar = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...].prefix(3)
            let hex = String(String(decoding: scalar, as: UTF8.self).unicodeScalars.first!.value, radix: 16, uppercase: true)
            let range = SourceRange(line: at.line, column: at.column, endColumn: at.column + 1)
            return Self.bidiControl.diagnostic(module.path, range,
                "an invisible bidirectional control character (U+\(hex)) changes the order in which the text around it is shown",
                fix: Fix(summary: "delete the character", replacements: [Replacement(range: range, text: "")]))
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
