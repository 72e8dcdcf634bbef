/// Module, objective and topic ids: lowercase ASCII letters and digits joined by single hyphens.
public enum Slug {
    /// The longest module id: build file names (id, language, suffix) must stay well inside
    /// the 255 bytes a file name may have.
    public static let maxModuleIDLength = 64

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid slug made from any text: "Mapping Your Triggers!" -> "mapping-your-triggers".
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        if out.count > maxModuleIDLength {
            out = String(out.prefix(maxModuleIDLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "module" : out
    }
}
