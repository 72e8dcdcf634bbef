import Foundation

/// Plans a new module from the curriculum's own schema: its id (from the title), its path
/// (`modules/TOPIC/ID.md`), and front matter filled with valid choices, then renders it with
/// the module template. Pure: it reads nothing and writes nothing.
public struct ModuleScaffold: Sendable {
    /// What the writer asked for; nil or empty values are chosen from the schema.
    public struct Request: Sendable {
        public var title: String
        public var topic: String
        public var group: String
        public var id: String?
        public var objectives: [String]
        public var minutes: Int?
        /// Today, for templates that print it (passed in so tests never depend on the clock).
        /// New modules are drafts: the built-in template writes no review date.
        public var reviewed: CalendarDate

        public init(title: String, topic: String, group: String, id: String? = nil, objectives: [String] = [],
                    minutes: Int? = nil, reviewed: CalendarDate) {
            self.title = title
            self.topic = topic
            self.group = group
            self.id = id
            self.objectives = objectives
            self.minutes = minutes
            self.reviewed = reviewed
        }
    }

    /// The module to write.
    public struct Draft: Sendable, Equatable {
        public let id: String
        /// Relative to the curriculum folder: `modules/TOPIC/ID.md`.
        public let relativePath: String
        public let objectives: [String]
        public let minutes: Int
        public let sections: [String]
        public let text: String
    }

    /// Why a module cannot be planned.
    public enum Problem: Error, Sendable, Equatable {
        /// An argument names something the schema does not have (a usage error).
        case invalidArgument(String)
        /// The id is taken (content conflict, exit 1).
        case idTaken(String)
    }

    /// The minutes a new module plans when the writer gives none (kept within the format's range).
    public static let usualMinutes = 60

    public let schema: Schema
    /// Modules already in the curriculum (for a unique id and a sensible objective).
    public let modules: [Module]

    public init(schema: Schema, modules: [Module]) {
        self.schema = schema
        self.modules = modules
    }

    public func draft(_ request: Request, template: ModuleTemplate) throws(Problem) -> Draft {
        let (title, topic, format, id) = try validated(request)
        if let existing = modules.first(where: { $0.id?.value == id }) {
            throw .idTaken("a module with the id '\(id)' already exists (\(existing.path)); give the new module another title, or choose an id with --id")
        }
        let objectives = request.objectives.isEmpty ? [suggestedObjective(topic: topic.id)].compactMap { $0 } : Self.unique(request.objectives)
        let minutes = request.minutes ?? min(max(Self.usualMinutes, format.minutes.lowerBound), format.minutes.upperBound)
        let sections = format.requiredSections
        let values: [String: TemplateValue] = [
            "id": .string(id),
            "title": .string(title),
            "titleYAML": .string(YAMLScalar.text(title)),
            "topic": .string(topic.id),
            "topicTitle": .string(topic.title),
            "group": .string(format.id),
            "groupTitle": .string(format.title),
            "objectives": .string(objectives.joined(separator: ", ")),
            "minutes": .int(minutes),
            "today": .string(request.reviewed.description),
            "reviewed": .string(request.reviewed.description),
            "introHint": .string(SectionHints.introduction),
            "outcomeHint": .string(SectionHints.outcome),
            "sections": .objects(sections.map { ["heading": .string($0), "hint": .string(SectionHints.hint(for: $0))] }),
        ]
        return Draft(id: id, relativePath: "modules/\(topic.id)/\(id).md", objectives: objectives, minutes: minutes,
                     sections: sections, text: template.render(values))
    }

    /// Checks the request's arguments against the schema (title, topic, group, objectives,
    /// minutes, the form of the id) and returns the trimmed title, the topic, the format and the id.
    @discardableResult
    public func validated(_ request: Request) throws(Problem) -> (title: String, topic: Topic, format: GroupFormat, id: String) {
        let title = request.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw .invalidArgument("the title is empty: give the module a title, for example \"Mapping Your Triggers\"") }
        guard !title.contains(where: \.isNewline) else { throw .invalidArgument("the title should be one line") }
        guard let topic = schema.topic(request.topic) else {
            throw .invalidArgument(Self.notDeclared("topic", request.topic, schema.topics.map(\.id), option: "--topic"))
        }
        guard let format = schema.group(request.group) else {
            throw .invalidArgument(Self.notDeclared("group format", request.group, schema.groups.map(\.id), option: "--group"))
        }
        for objective in request.objectives where schema.objective(objective) == nil {
            throw .invalidArgument(Self.notDeclared("objective", objective, schema.objectives.map(\.id), option: "--objective"))
        }
        if let minutes = request.minutes, !format.minutes.contains(minutes) {
            throw .invalidArgument("a \(format.id) group takes \(format.minutes.lowerBound) to \(format.minutes.upperBound) minutes, so --minutes \(minutes) is outside its range")
        }
        let id = request.id ?? Self.id(fromTitle: title)
        guard Slug.isValid(id) else {
            throw .invalidArgument("'\(id)' is not a valid id: use lowercase letters, digits and single hyphens, for example '\(Slug.make(id))'")
        }
        guard id.count <= Slug.maxModuleIDLength else {
            throw .invalidArgument("the id is \(id.count) characters long; ids are at most \(Slug.maxModuleIDLength), for example '\(Slug.make(id))'")
        }
        return (title, topic, format, id)
    }

    /// The objective a module of this topic most likely serves: the one named like the topic,
    /// else the one most modules of the topic name, else the first core objective.
    public func suggestedObjective(topic: String) -> String? {
        if schema.objective(topic) != nil { return topic }
        var counts: [String: Int] = [:]
        for module in modules where module.topic?.value == topic {
            for objective in module.objectives where schema.objective(objective.value) != nil { counts[objective.value, default: 0] += 1 }
        }
        // Ties go to the objective declared first in the schema.
        if let top = counts.values.max() {
            return schema.objectives.map(\.id).first { counts[$0] == top }
        }
        return (schema.objectives.first { $0.isCore } ?? schema.objectives.first)?.id
    }

    /// A slug of the title, with accents folded first ("Cómo manejar" -> "como-manejar").
    public static func id(fromTitle title: String) -> String {
        Slug.make(title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")))
    }

    static func notDeclared(_ what: String, _ value: String, _ choices: [String], option: String) -> String {
        let suggestion = closestMatch(to: value, in: choices).map { " Did you mean '\($0)'?" } ?? ""
        let article = "aeiou".contains(what.first ?? "x") ? "an" : "a"
        return "\(option) '\(value)' is not \(article) \(what) declared in schema.yaml.\(suggestion) The choices are: \(choices.joined(separator: ", "))"
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
