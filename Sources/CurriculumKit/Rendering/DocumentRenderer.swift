/// Produces the complete HTML of each document kind (participant handout, facilitator guide,
/// index) from a module, the curriculum and the templates.
public struct DocumentRenderer: Sendable {
    public let curriculum: Curriculum
    public let templates: TemplateSet
    public let options: PageOptions
    public let programName: String

    public let links: LinkResolver

    public init(curriculum: Curriculum, templates: TemplateSet, options: PageOptions, programName: String) {
        self.links = LinkResolver(curriculum: curriculum)
        self.curriculum = curriculum
        self.templates = templates
        self.options = options
        self.programName = programName
    }

    /// Layout values every page shares. `depth` is how many folders below the output root the
    /// page is written (handouts/x.html is 1), so links to the assets resolve.
    func pageData(title: String, kind: String, kindLabel: String, language: String, depth: Int) -> [String: Any] {
        [
            "lang": language,
            "title": title,
            "programName": programName,
            "kind": kind,
            "kindLabel": kindLabel,
            "paper": options.paper.rawValue,
            "pageSize": options.paper.cssSize,
            "largePrint": options.largePrint,
            "assets": String(repeating: "../", count: depth) + "assets",
            "helpLines": curriculum.schema.helpLines.map { ["name": $0.name, "number": $0.number, "how": $0.how] as [String: Any] },
        ]
    }

    func topicTitle(_ module: Module) -> String {
        module.topic.flatMap { curriculum.schema.topic($0.value)?.title } ?? ""
    }

    /// The participant handout: title, what you will learn, words to know, body, help lines.
    public func handout(_ module: Module) -> String {
        let title = module.title?.value ?? module.id?.value ?? "Untitled"
        let words = wordsToKnow(module)
        let data: [String: Any] = [
            "title": title,
            "topicTitle": topicTitle(module),
            "outcomes": module.outcomes.map(\.value),
            "hasWordsToKnow": !words.isEmpty,
            "wordsToKnow": words,
            "body": ModuleRenderer(audience: .participant, links: links).body(module),
        ]
        return templates.page("handout", data: data,
                              page: pageData(title: title, kind: "handout", kindLabel: "Participant handout", language: module.languageTag, depth: 1))
    }

    /// The facilitator guide: objectives, outcomes, timing, materials, agenda, notes, and the
    /// participant content with sample answers and facilitator blocks.
    public func guide(_ module: Module) -> String {
        let schema = curriculum.schema
        let title = module.title?.value ?? module.id?.value ?? "Untitled"
        let notes = ModuleRenderer(audience: .facilitator, links: links).facilitatorNotes(module)
        let requires = module.requires.map { curriculum.module($0.value)?.title?.value ?? $0.value }
        let data: [String: Any] = [
            "title": title,
            "topicTitle": topicTitle(module),
            "groupTitle": module.group.flatMap { schema.group($0.value)?.title } ?? "",
            "minutes": module.minutes?.value ?? 0,
            "audience": (module.audience?.value ?? "adult").capitalizedFirst,
            "materials": module.materials.map(\.value),
            "hasMaterials": !module.materials.isEmpty,
            "requires": requires,
            "hasRequires": !requires.isEmpty,
            "objectives": module.objectives.map { id -> [String: Any] in
                let objective = schema.objective(id.value)
                return ["title": objective?.title ?? id.value, "core": objective?.isCore ?? false]
            },
            "outcomes": module.outcomes.map(\.value),
            "agenda": Self.agenda(module),
            "facilitatorNotes": notes.isEmpty ? false : notes as Any,
            "body": ModuleRenderer(audience: .facilitator, links: links).body(module),
        ]
        return templates.page("guide", data: data,
                              page: pageData(title: title, kind: "guide", kindLabel: "Facilitator guide", language: module.languageTag, depth: 1))
    }

    /// Timed sections as agenda rows with running clock offsets (0:00-0:10, ...).
    static func agenda(_ module: Module) -> [[String: Any]] {
        let timed = module.sections.filter { $0.minutes != nil }
        func clock(_ minutes: Int) -> String {
            let m = minutes % 60
            return "\(minutes / 60):\(m < 10 ? "0" : "")\(m)"
        }
        guard !timed.isEmpty else {
            let total = module.minutes?.value ?? 0
            return [["start": clock(0), "end": clock(total), "title": "Whole session", "minutes": total]]
        }
        var offset = 0
        return timed.map { section in
            let minutes = section.minutes!
            defer { offset += minutes }
            return ["start": clock(offset), "end": clock(offset + minutes), "title": section.title, "minutes": minutes]
        }
    }

    /// Glossary terms the participant text uses, with their definitions.
    func wordsToKnow(_ module: Module) -> [[String: Any]] {
        let terms: [Glossary.Term]
        if let known = wordsMemo.withValue({ $0[module.path] }) {
            terms = known
        } else {
            terms = curriculum.glossary.terms(usedIn: module)
            wordsMemo.withValue { $0[module.path] = terms }
        }
        return terms.map { ["term": $0.term, "definition": $0.definition] }
    }

    /// Words to know already worked out elsewhere (by module path), from the same prose.
    func rememberWordsToKnow(_ known: [String: [Glossary.Term]]) {
        wordsMemo.withValue { $0.merge(known) { current, _ in current } }
    }

    /// The words-to-know of each module already worked out (by path): a packet repeats the
    /// handouts of its week, and finding the terms means reading all of a module's prose.
    private let wordsMemo = Locked([String: [Glossary.Term]]())

    /// The coverage report page (objectives x weeks per track).
    public func coveragePage(_ report: CoverageReport) -> String {
        templates.page("coverage", data: report.templateData(),
                       page: pageData(title: "Coverage", kind: "coverage", kindLabel: "Coverage report", language: "en", depth: 0))
    }

    /// The index page listing every handout and guide by topic.
    public func index(modules: [Module], withPDF: Bool) -> String {
        let schema = curriculum.schema
        var topics: [[String: Any]] = []
        for topic in schema.topics {
            let members = modules.filter { $0.topic?.value == topic.id }
                .sorted { ($0.title?.value ?? "") < ($1.title?.value ?? "") }
            guard !members.isEmpty else { continue }
            topics.append([
                "title": topic.title,
                "modules": members.map { module -> [String: Any] in
                    [
                        "id": module.id?.value ?? "",
                        "title": module.title?.value ?? "",
                        "group": module.group.flatMap { schema.group($0.value)?.title } ?? "",
                        "minutes": module.minutes?.value ?? 0,
                        "pdf": withPDF,
                    ]
                },
            ])
        }
        var tracks: [[String: Any]] = []
        if let program = curriculum.program {
            tracks = program.tracks.map { track in
                [
                    "name": track.name,
                    "weeks": (1...max(program.weekCount, 1)).map { week -> [String: Any] in
                        let name = "week-\(week < 10 ? "0" : "")\(week)"
                        return ["n": week, "packet": "packets/\(track.id)/\(name)", "plan": "plans/\(track.id)/\(name)", "pdf": withPDF]
                    },
                ] as [String: Any]
            }
        }
        return templates.page("index", data: ["programName": programName, "topics": topics, "hasProgram": !tracks.isEmpty, "tracks": tracks],
                              page: pageData(title: "Index", kind: "index", kindLabel: "Index", language: "en", depth: 0))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
