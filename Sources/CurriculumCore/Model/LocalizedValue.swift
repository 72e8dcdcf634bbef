/// A value the curriculum gives in several languages (`name: {en: Evening track, es: Grupo de
/// la tarde}`): the default (English, or the plain string form) and the others by language tag.
public enum LocalizedValue {
    /// The value for `language` from `values`: the exact tag, else its primary language.
    public static func pick(_ values: [String: String], _ language: String) -> String? {
        if let value = values[language] { return value }
        let primary = String(language.split(separator: "-").first ?? "")
        return values[primary]
    }

    /// True when `language` is the one the plain (default) value is written in: English.
    public static func isDefault(_ language: String, _ values: [String: String]) -> Bool {
        let primary = String(language.lowercased().split(separator: "-").first ?? "")
        return primary == "en" || primary.isEmpty
    }
}
