/// The curriculum's own rules: its objectives, topics and group formats, content settings,
/// rule severities and help lines. Read from `schema.yaml`.
public struct Schema: Sendable {
    public var objectives: [Objective] = []
    public var topics: [Topic] = []
    public var groups: [GroupFormat] = []
    public var audiences: [String] = ["adult", "adolescent", "family"]
    public var content = ContentSettings()
    /// Severities set in the schema, by rule id.
    public var severities: [String: Severity] = [:]
    public var helpLines: [HelpLine] = []
    /// The number to call in an emergency (`emergency-number`, 911 by default): printed by
    /// emergency callouts and the packet cover, and looked for by `safety.emergency-number`.
    public var emergencyNumber: String = "911"
    /// The state's Good Samaritan overdose protection in plain words (`good-samaritan`),
    /// printed by `{callout} good-samaritan`; nil when the schema gives none.
    public var goodSamaritan: GoodSamaritanLaw?
    /// Whether an approved module must name its reviewer (`review: {require-reviewer: true}`).
    public var requireReviewer = false
    /// Limits the program checks hold each track to (IOP norms by default).
    public var programLimits = ProgramLimits()

    public init() {}

    public func objective(_ id: String) -> Objective? { objectives.first { $0.id == id } }
    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
    public func group(_ id: String) -> GroupFormat? { groups.first { $0.id == id } }
}

/// A learning objective of the program; the core ones must be covered.
public struct Objective: Sendable, Hashable {
    public let id: String
    public let title: String
    /// The title in other languages, by tag (`title: {en: ..., es: ...}`).
    public var titles: [String: String] = [:]

    /// The title in `language`; nil when the schema gives none in a language other than English.
    public func title(in language: String) -> String? {
        LocalizedValue.value(title, titles, in: language)
    }
    public let isCore: Bool

    package init(id: String, title: String, isCore: Bool) {
        self.id = id
        self.title = title
        self.isCore = isCore
    }
}

/// A subject area a module belongs to (triggers, coping, ...).
public struct Topic: Sendable, Hashable {
    public let id: String
    public let title: String
    /// The title in other languages, by tag (`title: {en: ..., es: ...}`).
    public var titles: [String: String] = [:]

    /// The title in `language`; nil when the schema gives none in a language other than English.
    public func title(in language: String) -> String? {
        LocalizedValue.value(title, titles, in: language)
    }

    package init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// A kind of group session and what a module of that kind must contain.
public struct GroupFormat: Sendable, Hashable {
    public let id: String
    public let title: String
    /// The title in other languages, by tag (`title: {en: ..., es: ...}`).
    public var titles: [String: String] = [:]

    /// The title in `language`; nil when the schema gives none in a language other than English.
    public func title(in language: String) -> String? {
        LocalizedValue.value(title, titles, in: language)
    }
    public let minutes: ClosedRange<Int>
    /// Level-2 section titles a module of this format must have (matched case-insensitively).
    public let requiredSections: [String]
    public let homeworkRequired: Bool

    package init(id: String, title: String, minutes: ClosedRange<Int>, requiredSections: [String], homeworkRequired: Bool) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.requiredSections = requiredSections
        self.homeworkRequired = homeworkRequired
    }
}

/// Settings of the content rules.
public struct ContentSettings: Sendable, Hashable {
    /// Highest Flesch-Kincaid grade allowed for participant text.
    public var readingGrade: Double = 8
    /// How many months a clinical review stays fresh.
    public var reviewMonths: Int = 12
    /// Module files larger than this many kilobytes are refused unread (`max-module-kb`).
    public var maxModuleKB: Int = 1024
    /// Reading-grade ceilings for some audiences (`family: 9`), over `readingGrade`.
    public var readingGradeByAudience: [String: Double] = [:]
    /// The lowest reading ease allowed for participant text, by language (primary subtag), on
    /// that language's own scale: Szigriszt-Pazos (INFLESZ) for Spanish (`reading-ease-by-language`).
    public var readingEaseByLanguage: [String: Double] = ["es": 55]
    /// Verbs an outcome may start with: suggested when it starts with a vague one.
    public var measurableVerbs: [String] = OutcomeVerbs.defaultMeasurable
    /// Verbs (and phrases) a facilitator cannot observe: understand, know, learn, ...
    public var vagueVerbs: [String] = OutcomeVerbs.defaultVague
    /// Stigmatizing terms and their person-first replacements (`person-first:`).
    public var preferredTerms: PreferredTermList = .builtIn

    /// The reading-ease floor for modules in the language `tag` (`es-US` uses `es`), if any.
    public func readingEaseFloor(forLanguage tag: String) -> Double? {
        readingEaseByLanguage[String(tag.lowercased().split(separator: "-").first ?? "")]
    }

    /// The reading-grade ceiling for modules written for `audience` (adult by default).
    public func readingGrade(for audience: String?) -> Double {
        readingGradeByAudience[audience ?? "adult"] ?? readingGrade
    }
}

/// A crisis or help line printed on every handout.
public struct HelpLine: Sendable, Hashable {
    public let name: String
    public let number: String
    public let how: String
    /// The name in other languages, by tag (`name: {en: ..., es: ...}` in the schema).
    public var names: [String: String] = [:]
    /// The description in other languages, by tag.
    public var hows: [String: String] = [:]

    /// The name in `language`; the default name (a proper name) when the schema gives none.
    public func name(in language: String) -> String {
        LocalizedValue.pick(names, language) ?? name
    }

    /// The description in `language`; nil when the schema does not give it in that language
    /// (a document in that language then prints the name and number only).
    public func how(in language: String) -> String? {
        LocalizedValue.value(how, hows, in: language)
    }

    package init(name: String, number: String, how: String) {
        self.name = name
        self.number = number
        self.how = how
    }
}

/// A state's Good Samaritan overdose law, as a clinic states it for participants.
public struct GoodSamaritanLaw: Sendable, Hashable {
    /// The state (or place) the law belongs to: "Massachusetts".
    public let state: String
    /// The law's citation, printed after the text: "Massachusetts General Laws chapter 94C, section 34A".
    public let law: String
    /// What it protects, in plain words. `{emergency-number}` stands for the schema's number.
    public let text: String
    /// The same in other languages, by tag (`text: {en: ..., es: ...}`).
    public var texts: [String: String] = [:]

    package init(state: String, law: String, text: String) {
        self.state = state
        self.law = law
        self.text = text
    }

    /// The text with the emergency number filled in.
    /// The text in `language` (English when it has none there), with the number filled in.
    public func text(emergencyNumber: String, language: String = "en") -> String {
        (LocalizedValue.pick(texts, language) ?? text).replacingAll("{emergency-number}", emergencyNumber)
    }
}

/// IOP intensity limits for `program.yaml`, set in the schema's `program-limits`.
public struct ProgramLimits: Sendable, Hashable {
    /// Contact hours per week: group sessions plus family and individual sessions.
    public var hoursPerWeek: ClosedRange<Int> = 9...20
    /// Group sessions per week.
    public var sessionsPerWeek: ClosedRange<Int> = 3...5
    /// Length of one group session, in hours.
    public var sessionHours: ClosedRange<Int> = 3...4
}
