/// The well-known level-2 sections of a module, by what they are for rather than by what they
/// are called, so a translation's `## Práctica` is the source's `## Practice`.
public enum SectionRole: String, Sendable, CaseIterable {
    case keyPoints = "key-points"
    case discussion
    case practice
    case homework
    case facilitatorNotes = "facilitator-notes"
    case sources

    /// The names of each role, by language (primary subtag), as `Section.normalize` writes
    /// them. The one place the reserved names are listed: the English ones are what the code
    /// always used (group formats, the renderer, `new module`), the Spanish ones stand in until
    /// the language packs (`curriculum/languages/*.yaml`) define them, and should then be read
    /// from there.
    public static let namesByLanguage: [String: [SectionRole: [String]]] = [
        "en": [
            .keyPoints: ["key points"],
            .discussion: ["discussion"],
            .practice: ["practice"],
            .homework: ["homework"],
            .facilitatorNotes: ["facilitator notes", "facilitator note", "notes for facilitators"],
            .sources: ["sources", "references"],
        ],
        "es": [
            .keyPoints: ["puntos clave"],
            .discussion: ["conversación", "diálogo"],
            .practice: ["práctica"],
            .homework: ["tarea"],
            .facilitatorNotes: ["notas para el facilitador", "notas para la facilitadora", "notas para facilitadores"],
            .sources: ["fuentes", "referencias"],
        ],
    ]

    /// The role of a section called `name` (normalized) in any language, nil for a section of
    /// the module's own.
    public static func role(ofName name: String) -> SectionRole? {
        byName[name]
    }

    /// Every normalized name of `role`, in every language.
    public static func names(of role: SectionRole) -> Set<String> {
        Set(namesByLanguage.values.flatMap { $0[role] ?? [] })
    }

    private static let byName: [String: SectionRole] = {
        var out: [String: SectionRole] = [:]
        for language in namesByLanguage.keys.sorted() {
            for (role, names) in namesByLanguage[language]! {
                for name in names where out[name] == nil { out[name] = role }
            }
        }
        return out
    }()
}

extension Section {
    /// The section's well-known role (`## Homework`, `## Tarea`), nil for the module's own sections.
    public var role: SectionRole? { SectionRole.role(ofName: name) }
}
