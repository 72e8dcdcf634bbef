/// A text field that may be written once (`name: Evening track`) or per language
/// (`name: {en: Evening track, es: Grupo de la tarde}`): the English (default) value and the
/// others by language tag.
public struct LocalizedField: Sendable {
    /// The default value: the plain string, or the `en` entry.
    public let value: Located<String>
    /// The values in other languages, by tag.
    public let translations: [String: String]
}

extension FieldReader {
    /// Reads `key` as a plain text or a mapping of language tags to texts; a mapping needs `en`.
    public mutating func localized(_ map: YAMLNode, _ key: String, required: Bool, context: String, example: String) -> LocalizedField? {
        guard let node = map[key], !node.isNull, let pairs = node.mapping else {
            return string(map, key, required: required, context: context, example: example).map { LocalizedField(value: $0, translations: [:]) }
        }
        var english: Located<String>?
        var others: [String: String] = [:]
        for pair in pairs {
            guard let tag = pair.key.string, let text = pair.value.string, !pair.value.isNull,
                  LocalizedField.isTag(tag), !text.trimmingWhitespace().isEmpty else {
                report(rules.wrongType.diagnostic(path, pair.key.range,
                    "'\(key)' in \(context) should be a text, or language tags with texts such as {en: \(example), es: ...}",
                    fix: Fix(summary: "write each language as 'tag: text' (en, es, pt-BR ...)")))
                continue
            }
            if tag == "en" { english = Located(text, at: pair.value.range) } else { others[tag] = text }
        }
        guard let english else {
            report(rules.missingField.diagnostic(path, node.range, "'\(key)' in \(context) gives languages but not English ('en'), the default",
                                                 fix: Fix(summary: "add 'en: \(example)'")))
            return nil
        }
        return LocalizedField(value: english, translations: others)
    }
}

extension LocalizedField {
    /// A BCP 47-looking tag: letters, then optional -parts of letters and digits.
    static func isTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
