/// `translates` must name an existing module in another language.
public struct TranslationSourceRule: CurriculumRule {
    public static let unknownSource = RuleDescriptor("translation.unknown-source", .error,
        "A translation's 'translates' names no module, or a module in its own language.",
        explanation: """
        A translation says which module it translates with 'translates: ID', so the check can tell when the source \
        changes after the translation was made (translation.stale) and a Spanish packet can take the translation in \
        place of the English handout. The id must be that of an existing module written in another language: an id \
        no module has is usually a typo or a renamed module, and a module in the translation's own language is not \
        its source. The finding suggests the closest id; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            language: es
            translates: triggers-maping
        Fixed:
            language: es
            translates: triggers-mapping

        To fix it, write the id of the module this one translates, or remove 'translates' if it is not a \
        translation. Then run `curriculum translations sync ID` to record what it was made from.
        """)
    public static let descriptors = [unknownSource]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let byID = TranslationSource.index(context.curriculum)
        let ids = byID.keys.sorted()
        var out: [Diagnostic] = []
        for module in context.curriculum.modules {
            guard let translates = module.translates else { continue }
            let id = translates.value.trimmingWhitespace()
            let language = module.languageTag
            if let source = byID[id] {
                guard TranslationSource.primaryLanguage(source.languageTag) == TranslationSource.primaryLanguage(language) else { continue }
                let what = source.path == module.path ? "this module itself" : "\(source.path), which is"
                out.append(Self.unknownSource.diagnostic(module.path, translates.range,
                    "'translates' names \(what) in the same language ('\(language)'); a translation names the module it was translated from",
                    fix: Fix(summary: "write the id of the module in another language that this one translates, or set 'language' to this module's language")))
                continue
            }
            let candidates = ids.filter { byID[$0].map { TranslationSource.primaryLanguage($0.languageTag) != TranslationSource.primaryLanguage(language) } ?? false }
            let suggestion = closestMatch(to: id, in: candidates)
            out.append(Self.unknownSource.diagnostic(module.path, translates.range,
                "no module has the id '\(id)', so this translation has no source",
                fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "write the id of the module this one translates, or remove 'translates'",
                         replacements: suggestion.map { [Replacement(range: translates.range, text: $0)] } ?? [],
                         automatic: uniqueClosestMatch(to: id, in: candidates) != nil)))
        }
        return out
    }
}
