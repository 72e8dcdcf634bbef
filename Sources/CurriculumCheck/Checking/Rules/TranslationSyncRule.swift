/// A translation whose source changed since it was synced: each changed source section at the
/// translation's matching heading, and each section the source gained at its first line.
public struct TranslationSyncRule: CurriculumRule {
    public static let stale = RuleDescriptor("translation.stale", .warning,
        "A section of a translation's source changed since the translation was synced.",
        explanation: """
        Clinically reviewed modules are translated whole, and an English module keeps changing after: a corrected \
        number, a new warning, a rewritten paragraph. A translation that still says what the old text said can \
        give a Spanish-speaking participant outdated advice. `curriculum translations sync ID` records in the \
        translation's front matter a digest of each section of the source ('source-digest:'); when a source \
        section's text changes after that (a change of spaces or line breaks alone does not count), the finding \
        names the source section at the translation's matching section heading. Sections match by their role \
        (Key points = Puntos clave, Practice = Práctica, Homework = Tarea, Facilitator notes = Notas para el \
        facilitador, Sources = Fuentes), the others by their order.

        Wrong:
            source-digest: {opening: 0f3c2a9b1d4e5f60, key-points: 9a8b7c6d5e4f3a2b}
            (recorded before the source's Key points changed)
        Fixed:
            source-digest: {opening: 0f3c2a9b1d4e5f60, key-points: 1b2c3d4e5f6a7b8c}
            (written by `curriculum translations sync ID` after the section was translated again)

        To fix it, compare the source section with the translation (`git diff` of the source shows what changed), \
        update the translation, then run `curriculum translations sync ID`.
        """)
    public static let missingSection = RuleDescriptor("translation.missing-section", .warning,
        "A translation has no section for a section of its source, or the source gained a section since the sync.",
        explanation: """
        A translation should carry every section of the module it translates: a participant reading the Spanish \
        handout should not miss the homework or a warning the English one has. Sections match by their role (Key \
        points = Puntos clave, Practice = Práctica, Homework = Tarea, Facilitator notes = Notas para el \
        facilitador, Sources = Fuentes) and the others by their order. The finding is at the translation's first \
        line and names the source section, also when the source gained the section after the translation was \
        synced.

        Wrong:
            source: ## Key points, ## Practice, ## Homework
            translation: ## Puntos clave, ## Práctica
        Fixed:
            source: ## Key points, ## Practice, ## Homework
            translation: ## Puntos clave, ## Práctica, ## Tarea

        To fix it, translate the section, then run `curriculum translations sync ID`.
        """)
    public static let descriptors = [stale, missingSection]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for status in TranslationStatus.all(in: context.curriculum) {
            if context.isCancelled { break }
            out += Self.diagnostics(status)
        }
        return out
    }

    static func diagnostics(_ status: TranslationStatus) -> [Diagnostic] {
        let translation = status.translation, source = status.source
        let id = translation.id?.value ?? "ID"
        let sync = "then run `curriculum translations sync \(id)`"
        var out: [Diagnostic] = []
        for change in status.changed {
            out.append(stale.diagnostic(translation.path, change.translation.range,
                "the source's section '\(change.source.title)' (\(source.path):\(change.source.range.start.line)) changed since this translation was synced",
                fix: Fix(summary: "update the translation of that section to match the source, \(sync)")))
        }
        for removed in status.removed {
            out.append(stale.diagnostic(translation.path, removed.translation.range,
                "the source (\(source.path)) no longer has the section this one translates ('\(removed.key)' when the translation was synced)",
                fix: Fix(summary: "remove or rework this section to match the source, \(sync)")))
        }
        for section in status.missing {
            out.append(missingSection.diagnostic(translation.path, translation.file.rangeOfLine(1),
                "the source's section '\(section.title)' (\(source.path):\(section.range.start.line)) has no translation here",
                fix: Fix(summary: "translate that section into this module, \(sync)")))
        }
        return out
    }
}
