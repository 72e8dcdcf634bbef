/// Produces the complete HTML of each document kind (participant handout, facilitator guide,
/// index) from a module, the curriculum and the templates.
public struct DocumentRenderer: Sendable {
    public let curriculum: Curriculum
    public let templates: TemplateSet
    public let options: PageOptions
    public let programName: String

    public let links: LinkResolver
    /// What the check learned of each module (by path); a module without facts has its prose
    /// read when a document needs it.
    public let facts: [String: ModuleFacts]

    public init(curriculum: Curriculum, templates: TemplateSet, options: PageOptions, programName: String,
                facts: [String: ModuleFacts] = [:]) {
        self.links = LinkResolver(curriculum: curriculum)
        self.facts = facts
        self.curriculum = curriculum
        self.templates = templates
        self.options = options
        self.programName = programName
    }

    /// Layout values every page shares. `depth` is how many folders below the output root the
    /// page is written (handouts/x.html is 1), so links to the assets resolve.
    /// `band`: the "not for participants" line printed at the top of every page of a facilitator document.
    func pageData(title: String, kind: String, kindLabel: String, language: String, depth: Int, band: String? = nil) -> [String: TemplateValue] {
        [
            "facilitatorBand": band.map { .string($0) } ?? .bool(false),
            "lang": .string(language),
            "title": .string(title),
            "programName": .string(programName),
            "kind": .string(kind),
            "kindLabel": .string(kindLabel),
            "paper": .string(options.paper.rawValue),
            "pageSize": .string(options.paper.cssSize),
            "largePrint": .bool(options.largePrint),
            "assets": .string(String(repeating: "../", count: depth) + "assets"),
            "helpLines": helpLines,
            "emergencyNumber": .string(curriculum.schema.emergencyNumber),
        ]
    }

    /// The schema's help lines, for the help-lines partial.
    var helpLines: TemplateValue {
        .objects(curriculum.schema.helpLines.map { ["name": .string($0.name), "number": .string($0.number), "how": .string($0.how)] })
    }

    /// What emergency and Good Samaritan callouts print: the schema's settings.
    var callouts: CalloutSettings { CalloutSettings(curriculum.schema) }

    func topicTitle(_ module: Module) -> String {
        module.topic.flatMap { curriculum.schema.topic($0.value)?.title } ?? ""
    }

    /// The participant handout: title, what you will learn, words to know, body, help lines.
    public func handout(_ module: Module) -> String {
        let title = module.title?.value ?? module.id?.value ?? "Untitled"
        let words = wordsToKnow(module)
        let renderer = ModuleRenderer(audience: .participant, links: links, callouts: callouts)
        // The sources and the disclaimer close the handout as one block (print.css keeps it whole).
        let body = renderer.body(module, excluding: ["sources"], dropDisclaimer: true)
        let sources = renderer.body(module, only: ["sources"], dropDisclaimer: true)
        let data: [String: TemplateValue] = [
            "title": .string(title),
            "topicTitle": .string(topicTitle(module)),
            "outcomes": .strings(module.outcomes.map(\.value)),
            "hasWordsToKnow": .bool(!words.isEmpty),
            "wordsToKnow": .objects(words),
            "body": .string(body),
            "sources": .string(sources),
            // Printed once: not again when the module's own text already says it.
            "disclaimer": .bool(!(body + sources).contains(ModuleRenderer.disclaimerPhrase)),
        ]
        return templates.page("handout", data: data,
                              page: pageData(title: title, kind: "handout", kindLabel: "Participant handout", language: module.languageTag, depth: 1))
    }

    /// The facilitator guide: objectives, outcomes, timing, materials, agenda, notes, and the
    /// participant content with sample answers and facilitator blocks.
    public func guide(_ module: Module) -> String {
        let schema = curriculum.schema
        let title = module.title?.value ?? module.id?.value ?? "Untitled"
        let notes = ModuleRenderer(audience: .facilitator, links: links, callouts: callouts).facilitatorNotes(module)
        let requires = module.requires.map { curriculum.module($0.value)?.title?.value ?? $0.value }
        let data: [String: TemplateValue] = [
            "title": .string(title),
            "topicTitle": .string(topicTitle(module)),
            "groupTitle": .string(module.group.flatMap { schema.group($0.value)?.title } ?? ""),
            "minutes": .int(module.minutes?.value ?? 0),
            "audience": .string((module.audience?.value ?? "adult").capitalizedFirst),
            "materials": .strings(module.materials.map(\.value)),
            "hasMaterials": .bool(!module.materials.isEmpty),
            "requires": .strings(requires),
            "hasRequires": .bool(!requires.isEmpty),
            "objectives": .objects(module.objectives.map { id in
                let objective = schema.objective(id.value)
                return ["title": .string(objective?.title ?? id.value), "core": .bool(objective?.isCore ?? false)]
            }),
            "outcomes": .strings(module.outcomes.map(\.value)),
            "agenda": .objects(Self.agenda(module)),
            "facilitatorNotes": notes.isEmpty ? .bool(false) : .string(notes),
            "reviewNotice": module.reviewStatus.guideNotice.map(TemplateValue.string) ?? .bool(false),
            "status": .string(module.reviewStatus.rawValue),
            "review": .string(Self.reviewLine(module)),
            "body": .string(ModuleRenderer(audience: .facilitator, links: links, callouts: callouts).body(module)),
        ]
        return templates.page("guide", data: data,
                              page: pageData(title: "Facilitator guide: \(title)", kind: "guide", kindLabel: "Facilitator guide", language: module.languageTag, depth: 1,
                                             band: Self.guideBand))
    }

    /// The guide's "Clinical review" line: status, reviewer and date as the front matter says.
    static func reviewLine(_ module: Module) -> String {
        var parts: [String] = [module.reviewStatus.rawValue.capitalizedFirst]
        if let reviewer = module.reviewedBy?.value.trimmingWhitespace(), !reviewer.isEmpty { parts.append("reviewed by \(reviewer)") }
        if let date = module.reviewed?.value { parts.append("last reviewed \(date)") }
        return parts.joined(separator: ", ")
    }

    /// The band on every page of a facilitator guide.
    public static let guideBand = "Facilitator guide - not for participants"

    /// Timed sections as agenda rows with running clock offsets (0:00-0:10, ...).
    static func agenda(_ module: Module) -> [[String: TemplateValue]] {
        let timed = module.sections.filter { $0.minutes != nil }
        func clock(_ minutes: Int) -> String {
            let m = minutes % 60
            return "\(minutes / 60):\(m < 10 ? "0" : "")\(m)"
        }
        guard !timed.isEmpty else {
            let total = module.minutes?.value ?? 0
            return [["start": .string(clock(0)), "end": .string(clock(total)), "title": "Whole session", "minutes": .int(total)]]
        }
        var offset = 0
        return timed.map { section in
            let minutes = section.minutes!
            defer { offset += minutes }
            return ["start": .string(clock(offset)), "end": .string(clock(offset + minutes)), "title": .string(section.title), "minutes": .int(minutes)]
        }
    }

    /// Glossary terms the participant text uses, with their definitions.
    func wordsToKnow(_ module: Module) -> [[String: TemplateValue]] {
        let terms = facts[module.path]?.wordsToKnow ?? curriculum.glossary.terms(usedIn: module)
        return terms.map { ["term": .string($0.term), "definition": .string($0.definition)] }
    }

    /// The coverage report page (objectives x weeks per track).
    public func coveragePage(_ report: CoverageReport) -> String {
        templates.page("coverage", data: report.templateData(),
                       page: pageData(title: "Coverage", kind: "coverage", kindLabel: "Coverage report", language: "en", depth: 0))
    }

    /// The index page listing every handout and guide by topic.
    public func index(modules: [Module], withPDF: Bool) -> String {
        let schema = curriculum.schema
        var topics: [[String: TemplateValue]] = []
        for topic in schema.topics {
            let members = modules.filter { $0.topic?.value == topic.id }
                .sorted { ($0.title?.value ?? "") < ($1.title?.value ?? "") }
            guard !members.isEmpty else { continue }
            topics.append([
                "title": .string(topic.title),
                "modules": .objects(members.map { module in
                    [
                        "id": .string(module.id?.value ?? ""),
                        "title": .string(module.title?.value ?? ""),
                        "group": .string(module.group.flatMap { schema.group($0.value)?.title } ?? ""),
                        "minutes": .int(module.minutes?.value ?? 0),
                        "pdf": .bool(withPDF),
                    ]
                }),
            ])
        }
        var tracks: [[String: TemplateValue]] = []
        if let program = curriculum.program {
            let packets = PacketRenderer(documents: self, program: program)
            tracks = program.tracks.map { track in
                [
                    "name": .string(track.name),
                    "weeks": .objects((1...max(program.weekCount, 1)).map { week in
                        ["n": .int(week), "packet": .string(OutputPaths.packet(track: track.id, week: week)),
                         "plan": .string(OutputPaths.sessionPlan(track: track.id, week: week)),
                         "family": templates.has("family-packet") && packets.hasFamilyPacket(track: track, week: week)
                            ? .string(OutputPaths.familyPacket(track: track.id, week: week)) : .bool(false),
                         "notes": templates.has("group-note") ? .string(OutputPaths.groupNotes(track: track.id, week: week)) : .bool(false),
                         "signIn": templates.has("sign-in") ? .string(OutputPaths.signIn(track: track.id, week: week)) : .bool(false),
                         "pdf": .bool(withPDF)]
                    }),
                ]
            }
        }
        let data: [String: TemplateValue] = ["programName": .string(programName), "topics": .objects(topics), "hasProgram": .bool(!tracks.isEmpty),
                                             "tracks": .objects(tracks)]
        return templates.page("index", data: data,
                              page: pageData(title: "Index", kind: "index", kindLabel: "Index", language: "en", depth: 0))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
