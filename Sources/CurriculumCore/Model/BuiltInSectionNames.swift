extension LanguagePack {
    /// The reserved section names of the languages the tool ships a pack for (the sample's
    /// `curriculum/languages/es.yaml`), known when a module is read, before and without any
    /// pack: a Spanish module's `## Notas para el facilitador` never reaches a participant
    /// handout, nor its `## Fuentes` the reading checks, because a curriculum has no pack for
    /// Spanish. A curriculum's own pack names the sections again when the curriculum is loaded.
    static let builtInSections: [String: [SectionRole: [String]]] = [
        "es": [
            .keyPoints: ["Puntos clave"],
            .discussion: ["Conversación", "Diálogo", "Discusión"],
            .practice: ["Práctica"],
            .homework: ["Tarea", "Tareas"],
            .facilitatorNotes: ["Notas para el facilitador", "Notas para la facilitadora", "Notas para la persona facilitadora", "Notas para facilitadores"],
            .sources: ["Fuentes", "Referencias"],
        ],
    ]

    /// A pack that only names the reserved sections of `tag`'s language (its labels are the
    /// English ones, never printed from it), nil for English or a language the tool does not know.
    package static func sectionNames(for tag: String) -> LanguagePack? {
        sectionPacks[String(tag.lowercased().split(separator: "-").first ?? "")]
    }

    /// Made once: every module in one of these languages is named with its pack when read.
    private static let sectionPacks: [String: LanguagePack] = {
        let english = LanguagePack.english
        return Dictionary(uniqueKeysWithValues: builtInSections.map { language, sections in
            (language, LanguagePack(language: language, path: nil, labels: english.labels, sections: sections, months: english.months,
                                    weekdays: english.weekdays, weekdaysShort: english.weekdaysShort, dateFormat: english.dateFormat,
                                    shortDateFormat: english.shortDateFormat, clock24: english.clock24, preferredTerms: english.preferredTerms))
        })
    }()
}
