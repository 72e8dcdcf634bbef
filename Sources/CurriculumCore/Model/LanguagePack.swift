/// What a curriculum's documents print in one language (`curriculum/languages/<lang>.yaml`):
/// the names of the reserved sections, every label and sentence of the templates, the date and
/// time formats, and the person-first terms for prose in that language. English is built in
/// (`LanguagePack.english`); a pack for another language must give every label
/// (`LanguagePack.labelKeys`): a missing one is an error in the pack, never an English fallback.
public struct LanguagePack: Sendable {
    /// The BCP 47 tag the pack is for (`es`).
    public let language: String
    /// Where the pack was read (nil for the built-in English one).
    public let path: String?
    /// Template labels by key (`what-you-will-learn`). Values may hold `{placeholders}` the
    /// renderer fills (see `LanguagePack.labelKeys`).
    public let labels: [String: String]
    /// Reserved section roles (`homework`) -> the headings that play them in this language,
    /// normalized (`Section.normalize`).
    public let sections: [SectionRole: [String]]
    /// January first.
    public let months: [String]
    /// Monday first.
    public let weekdays: [String]
    /// Monday first.
    public let weekdaysShort: [String]
    /// A full date: `{weekday}`, `{day}`, `{month}`, `{month-number}`, `{year}`.
    public let dateFormat: String
    /// A day row of the between-session logs: `{weekday-short}`, `{day}`, `{month-number}`.
    public let shortDateFormat: String
    /// True for a 24-hour clock (17:30); false for 5:30 PM with the pack's `am`/`pm` labels.
    public let clock24: Bool
    /// Person-first terms for prose in this language, and the names whose words are fine.
    public let preferredTerms: PreferredTermList

    public init(language: String, path: String?, labels: [String: String], sections: [SectionRole: [String]],
                months: [String], weekdays: [String], weekdaysShort: [String], dateFormat: String, shortDateFormat: String,
                clock24: Bool, preferredTerms: PreferredTermList) {
        self.language = language
        self.path = path
        self.labels = labels
        self.sections = sections.mapValues { $0.map(Section.normalize) }
        self.months = months
        self.weekdays = weekdays
        self.weekdaysShort = weekdaysShort
        self.dateFormat = dateFormat
        self.shortDateFormat = shortDateFormat
        self.clock24 = clock24
        self.preferredTerms = preferredTerms
    }

    /// The label `key` with `values` filled in for its `{placeholders}`; the key itself when the
    /// pack lacks it (the loader reports that as `language.missing-label`, so it never prints).
    public func label(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = labels[key] ?? key
        for (name, value) in values { text = text.replacingAll("{\(name)}", value) }
        return text
    }

    /// The role a section heading plays in this language, if it names a reserved section.
    public func role(ofSectionNamed name: String) -> SectionRole? {
        let key = Section.normalize(name)
        return SectionRole.allCases.first { sections[$0]?.contains(key) ?? false }
    }

    /// The heading a writer uses for `role` in this language (the first name the pack gives).
    public func sectionTitle(_ role: SectionRole) -> String? {
        sections[role]?.first.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }

    /// "Tuesday, December 8, 2026" in this language.
    public func longDate(_ date: CalendarDate) -> String {
        fill(dateFormat, date)
    }

    /// "Tue 12/8" in this language.
    public func shortDate(_ date: CalendarDate) -> String {
        fill(shortDateFormat, date)
    }

    private func fill(_ format: String, _ date: CalendarDate) -> String {
        format.replacingAll("{weekday-short}", weekdaysShort[date.weekdayIndex])
            .replacingAll("{weekday}", weekdays[date.weekdayIndex])
            .replacingAll("{month-number}", String(date.month))
            .replacingAll("{month}", months[date.month - 1])
            .replacingAll("{day}", String(date.day))
            .replacingAll("{year}", String(date.year))
    }

    /// A clock time as this language prints it (5:30 PM, 17:30).
    public func time(minutes: Int) -> String {
        let h = (minutes / 60) % 24, m = minutes % 60
        let mm = "\(m < 10 ? "0" : "")\(m)"
        if clock24 { return "\(h):\(mm)" }
        let hour12 = h % 12 == 0 ? 12 : h % 12
        return "\(hour12):\(mm) \(h < 12 ? label("am") : label("pm"))"
    }
}

/// The reserved level-2 sections of a module, by the part they play (the English names are
/// what the schema's group formats and the renderers ask for).
public enum SectionRole: String, Sendable, CaseIterable, Hashable {
    case keyPoints = "key-points"
    case discussion
    case practice
    case homework
    case facilitatorNotes = "facilitator-notes"
    case sources

    /// The section name (as `Section.name`) every stage uses for the role: the English one.
    public var canonicalName: String {
        switch self {
        case .keyPoints: return "key points"
        case .discussion: return "discussion"
        case .practice: return "practice"
        case .homework: return "homework"
        case .facilitatorNotes: return "facilitator notes"
        case .sources: return "sources"
        }
    }

    /// Every English name of `role`, as `Section.name` holds it (a reserved section in another
    /// language takes the English name of its role when its module is read).
    public static func names(of role: SectionRole) -> Set<String> {
        Set(LanguagePack.english.sections[role] ?? [])
    }

    /// The role whose English name (or one of its English spellings) is `name`.
    public static func english(_ name: String) -> SectionRole? {
        let key = Section.normalize(name)
        return allCases.first { LanguagePack.english.sections[$0]?.contains(key) ?? false }
    }
}
