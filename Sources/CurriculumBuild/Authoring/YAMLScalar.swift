/// Writes a text value for YAML: plain when YAML reads it back as the same text, in double
/// quotes otherwise (a title such as `Stimulants: Cocaine and Meth`, `Yes`, `2026`).
public enum YAMLScalar {
    public static func text(_ value: String) -> String {
        needsQuotes(value) ? quoted(value) : value
    }

    static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" { return true }
        if value.contains(": ") || value.contains(" #") || value.contains("\t") { return true }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{FEFF}" }) { return true }
        // Values YAML resolves to something other than text.
        let lower = value.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".nan", ".inf", "-.inf", "+.inf"].contains(lower) { return true }
        if Double(value) != nil || Int(value) != nil { return true }
        if value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "-_:.+ eE".unicodeScalars.contains($0) }) { return true }
        return false
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{7F}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
