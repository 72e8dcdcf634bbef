/// A value the curriculum gives in several languages (`name: {en: Evening track, es: Grupo de
/// la tarde}`): the default (English, or the plain string form) and the others by language tag.
public enum LocalizedValue {
    /// The value for `language` from `values`: the exact tag, else its primary language.
    public static func pick(_ values: [String: String], _ language: String) -> String? {
        if let value = values[language] { return value }
        let primary = String(language.split(separator: "-").first ?? "")
        return values[primary]
    }

    /// The value for `language`: its own from `translations`, else `english` when `language` is
    /// English; nil when the curriculum gives none in that language.
    public static func value(_ english: String, _ translations: [String: String], in language: String) -> String? {
        if let value = pick(translations, language) { return value }
        return isDefault(language) ? english : nil
    }

    /// True when `language` is the one the plain (default) value is written in: English.
    public static func isDefault(_ language: String) -> Bool {
        let primary = String(language.lowercased().split(separator: "-").first ?? "")
        return primary == "en" || primary.isEmpty
    }
}
