/// Where a translation stands against its source: current (synced and nothing changed since),
/// stale (a source section changed, or the source gained a section) or unsynced (never synced
/// with `curriculum translations sync`).
public struct TranslationStatus: Sendable {
    public enum State: String, Sendable {
        case current, stale, unsynced
    }

    /// A source section that changed since the sync, and the translation's section it matches.
    public struct Change: Sendable {
        public let source: KeyedSection
        public let translation: KeyedSection
    }

    /// A translation section whose source section is gone since the sync.
    public struct Removed: Sendable {
        public let key: String
        public let translation: KeyedSection
    }

    public let translation: Module
    public let source: Module
    public let changed: [Change]
    public let removed: [Removed]
    /// Source sections the translation has no match for, or that the source gained since the sync.
    public let missing: [KeyedSection]

    public var state: State {
        if !missing.isEmpty || (translation.sourceDigest != nil && (!changed.isEmpty || !removed.isEmpty)) { return .stale }
        return translation.sourceDigest == nil ? .unsynced : .current
    }

    /// Compares `translation` with `source` section by section.
    public init(translation: Module, source: Module) {
        self.translation = translation
        self.source = source
        let sourceSections = KeyedSection.sections(of: source)
        let translated = KeyedSection.sections(of: translation)
        let byKey = Dictionary(translated.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = translation.sourceDigest?.value
        var changed: [Change] = []
        var missing: [KeyedSection] = []
        for section in sourceSections {
            let match = byKey[section.key]
            if let recorded {
                guard let digest = recorded[section.key] else {
                    missing.append(section)
                    continue
                }
                if let match, digest != section.digest(in: source) { changed.append(Change(source: section, translation: match)) }
            }
            if match == nil, !missing.contains(where: { $0.key == section.key }) { missing.append(section) }
        }
        var removed: [Removed] = []
        if let recorded {
            let current = Set(sourceSections.map(\.key))
            for entry in recorded.entries where !current.contains(entry.key) {
                if let section = byKey[entry.key] { removed.append(Removed(key: entry.key, translation: section)) }
            }
        }
        self.changed = changed
        self.missing = missing
        self.removed = removed
    }

    /// The source section digests `translations sync` records.
    public static func digests(of source: Module) -> SourceDigest {
        SourceDigest(entries: KeyedSection.sections(of: source).map { SourceDigest.Entry(key: $0.key, digest: $0.digest(in: source)) })
    }

    /// Every translation of `curriculum` whose source exists, in module order.
    public static func all(in curriculum: Curriculum) -> [TranslationStatus] {
        let sources = TranslationSource.index(curriculum)
        return curriculum.modules.compactMap { module in
            guard let source = TranslationSource.source(of: module, in: sources) else { return nil }
            return TranslationStatus(translation: module, source: source)
        }
    }
}

/// Finds the module a translation names in `translates`.
public enum TranslationSource {
    /// The modules by id (the first of a duplicated id).
    public static func index(_ curriculum: Curriculum) -> [String: Module] {
        var byID: [String: Module] = [:]
        for module in curriculum.modules { if let id = module.id?.value, byID[id] == nil { byID[id] = module } }
        return byID
    }

    /// The source of `module` when it names an existing module in another language.
    public static func source(of module: Module, in byID: [String: Module]) -> Module? {
        guard let id = module.translates?.value.trimmingWhitespace(), let source = byID[id],
              primaryLanguage(source.languageTag) != primaryLanguage(module.languageTag) else { return nil }
        return source
    }

    /// `es` for `es-US`, lowercased.
    public static func primaryLanguage(_ tag: String) -> String {
        String(tag.lowercased().split(separator: "-").first ?? "")
    }
}
