/// Text from files and file names made safe to print: control characters (C0, DEL, C1), which
/// could move the cursor, recolour the terminal or start a fake line of output, and the Unicode
/// bidirectional controls, which could reorder what a reader sees, are shown as visible escapes.
enum PrintableText {
    /// The characters that reorder text (Trojan Source): embeddings, overrides, isolates and marks.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// How `scalar` is printed: itself, or an escape such as `\n`, `\x1B` or `\u{202E}`.
    /// `tabs` prints a tab as four spaces (in excerpts, so the caret lines up).
    static func cell(_ scalar: Unicode.Scalar, tabs: Bool = false) -> String {
        switch scalar.value {
        case 0x09: return tabs ? "    " : "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        case 0x80...0x9F: return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default: return isBidiControl(scalar) ? "\\u{" + hex(scalar.value, digits: 4) + "}" : String(Character(scalar))
        }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isBidiControl(scalar)
    }

    /// `text` with every control character escaped; text without any is returned as it is.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += cell(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
