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
    /// `pack`: the language pack of the document (its labels, `lang`, page numbers).
    func pageData(title: String, kind: String, kindLabel: String, language: String, depth: Int, band: String? = nil,
                  pack: LanguagePack = .english) -> [String: TemplateValue] {
        [
            "facilitatorBand": band.map { .string($0) } ?? .bool(false),
            "lang": .string(language),
            "label": labels(pack),
            "pageCSS": .string(Self.pageCSS(pack)),
            "title": .string(title),
            "programName": .string(programName(in: pack.language)),
            "kind": .string(kind),
            "kindLabel": .string(kindLabel),
            "paper": .string(options.paper.rawValue),
            "pageSize": .string(options.paper.cssSize),
            "largePrint": .bool(options.largePrint),
            "assets": .string(String(repeating: "../", count: depth) + "assets"),
            "helpLines": helpLines(in: pack.language),
            "emergencyNumber": .string(curriculum.schema.emergencyNumber),
        ]
    }

    /// The schema's help lines, for the help-lines partial, in `language`: a name or description
    /// the schema does not give in that language is left out (a name is a proper name and stays).
    func helpLines(in language: String = "en") -> TemplateValue {
        .objects(curriculum.schema.helpLines.map { line in
            let how = line.how(in: language) ?? ""
            return ["name": .string(line.name(in: language)), "number": .string(line.number), "how": how.isEmpty ? .bool(false) : .string(how)]
        })
    }

    /// The program's name in `language` (program.yaml's `name: {en: ..., es: ...}`).
    public func programName(in language: String) -> String {
        guard let program = curriculum.program, program.name == programName else { return programName }
        return program.name(in: language)
    }

    /// The language pack a module's documents use: its language's pack, else English.
    public func pack(for module: Module) -> LanguagePack {
        curriculum.pack(for: module.languageTag) ?? .english
    }

    /// The pack's labels for the templates (`{{label.what-you-will-learn}}`), with the
    /// curriculum's emergency number filled in.
    func labels(_ pack: LanguagePack) -> TemplateValue {
        let number = curriculum.schema.emergencyNumber
        return .object(pack.labels.mapValues { .string($0.replacingAll("{emergency-number}", number)) })
    }

    /// CSS the page template adds for a language pack read from a file: the page numbers and
    /// the guide's sample-answer label in the pack's words (print.css has the English ones).
    static func pageCSS(_ pack: LanguagePack) -> String {
        guard pack.path != nil else { return "" }
        let parts = pack.label("page-number").split(separator: "{", omittingEmptySubsequences: false)
        var content: [String] = []
        for (index, part) in parts.enumerated() {
            var text = Substring(part)
            if index > 0, let close = text.firstIndex(of: "}") {
                let name = text[..<close]
                content.append(name == "pages" ? "counter(pages)" : "counter(page)")
                text = text[text.index(after: close)...]
            }
            if !text.isEmpty { content.append(cssString(String(text))) }
        }
        return " @page { @bottom-right { content: \(content.joined(separator: " ")); } }"
            + " .answer::before { content: \(cssString(pack.label("sample-answer") + " ")); }"
    }

    /// `text` as a CSS string literal that cannot end the style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// What emergency and Good Samaritan callouts print: the schema's settings.
    var callouts: CalloutSettings { CalloutSettings(curriculum.schema) }



    /// The module's topic in its language; false (nothing printed) when the schema does not
    /// give the topic's title in that language.
    func topicTitle(_ module: Module) -> TemplateValue {
        let title = module.topic.flatMap { curriculum.schema.topic($0.value)?.title(in: module.languageTag) } ?? ""
        return title.isEmpty ? .bool(false) : .string(title)
    }

    /// The participant handout: title, what you will learn, words to know, body, help lines.
    public func handout(_ module: Module) -> String {
        let pack = pack(for: module)
        let title = module.title?.value ?? module.id?.value ?? pack.label("untitled")
        let words = wordsToKnow(module)
        let renderer = ModuleRenderer(audience: .participant, links: links, callouts: callouts, text: WidgetText(pack))
        // The sources and the disclaimer close the handout as one block (print.css keeps it whole).
        let body = renderer.body(module, excluding: ["sources"], dropDisclaimer: true)
        let sources = renderer.body(module, only: ["sources"], dropDisclaimer: true)
        let data: [String: TemplateValue] = [
            "title": .string(title),
            "topicTitle": topicTitle(module),
            "outcomes": .strings(module.outcomes.map(\.value)),
            "hasWordsToKnow": .bool(!words.isEmpty),
            "wordsToKnow": .objects(words),
            "body": .string(body),
            "sources": .string(sources),
            // Printed once: not again when the module's own text already says it.
            "disclaimer": .bool(!(body + sources).contains(ModuleRenderer.disclaimerPhrase)),
        ]
        return templates.page("handout", data: data,
                              page: pageData(title: title, kind: "handout", kindLabel: pack.label("participant-handout"), language: module.languageTag, depth: 1,
                                             pack: pack))
    }

    /// The facilitator guide: objectives, outcomes, timing, materials, agenda, notes, and the
    /// participant content with sample answers and facilitator blocks.
    public func guide(_ module: Module) -> String {
        let schema = curriculum.schema
        let pack = pack(for: module)
        let title = module.title?.value ?? module.id?.value ?? pack.label("untitled")
        let facilitator = ModuleRenderer(audience: .facilitator, links: links, callouts: callouts, text: WidgetText(pack))
        let notes = facilitator.facilitatorNotes(module)
        let requires = module.requires.map { curriculum.module($0.value)?.title?.value ?? $0.value }
        let data: [String: TemplateValue] = [
            "title": .string(title),
            "topicTitle": topicTitle(module),
            // The guide is for staff: a title the schema does not give in the language is printed as written.
            "groupTitle": .string(module.group.flatMap { schema.group($0.value).map { $0.title(in: module.languageTag) ?? $0.title } } ?? ""),
            "minutes": .int(module.minutes?.value ?? 0),
            "minutesLabel": .string(pack.label("minutes-value", ["minutes": String(module.minutes?.value ?? 0)])),
            "audience": .string(Self.audienceLabel(module.audience?.value ?? "adult", pack)),
            "materials": .strings(module.materials.map(\.value)),
            "hasMaterials": .bool(!module.materials.isEmpty),
            "requires": .strings(requires),
            "hasRequires": .bool(!requires.isEmpty),
            "objectives": .objects(module.objectives.map { id in
                let objective = schema.objective(id.value)
                return ["title": .string(objective.map { $0.title(in: module.languageTag) ?? $0.title } ?? id.value), "core": .bool(objective?.isCore ?? false)]
            }),
            "outcomes": .strings(module.outcomes.map(\.value)),
            "agenda": .objects(Self.agenda(module, pack: pack)),
            "facilitatorNotes": notes.isEmpty ? .bool(false) : .string(notes),
            "reviewNotice": module.reviewStatus == .approved ? .bool(false) : .string(pack.label("notice-\(module.reviewStatus.rawValue)")),
            "status": .string(module.reviewStatus.rawValue),
            "review": .string(Self.reviewLine(module, pack: pack)),
            "body": .string(facilitator.body(module)),
        ]
        return templates.page("guide", data: data,
                              page: pageData(title: pack.label("guide-title", ["title": title]), kind: "guide", kindLabel: pack.label("facilitator-guide"),
                                             language: module.languageTag, depth: 1, band: pack.label("guide-band"), pack: pack))
    }

    /// The guide's "Clinical review" line: status, reviewer and date as the front matter says.
    static func reviewLine(_ module: Module, pack: LanguagePack = .english) -> String {
        var parts: [String] = [pack.label("status-\(module.reviewStatus.rawValue)")]
        if let reviewer = module.reviewedBy?.value.trimmingWhitespace(), !reviewer.isEmpty { parts.append(pack.label("reviewed-by", ["name": reviewer])) }
        if let date = module.reviewed?.value { parts.append(pack.label("last-reviewed", ["date": "\(date)"])) }
        return parts.joined(separator: ", ")
    }

    /// The band on every page of a facilitator guide (in English; other languages from their pack).
    public static var guideBand: String { LanguagePack.english.label("guide-band") }

    /// The audience as the guide prints it: the pack's word for the schema's three, else as written.
    static func audienceLabel(_ audience: String, _ pack: LanguagePack) -> String {
        let key = "audience-\(audience.lowercased())"
        return pack.labels[key] ?? audience.capitalizedFirst
    }

    /// Timed sections as agenda rows with running clock offsets (0:00-0:10, ...).
    static func agenda(_ module: Module, pack: LanguagePack = .english) -> [[String: TemplateValue]] {
        let timed = module.sections.filter { $0.minutes != nil }
        func clock(_ minutes: Int) -> String {
            let m = minutes % 60
            return "\(minutes / 60):\(m < 10 ? "0" : "")\(m)"
        }
        guard !timed.isEmpty else {
            let total = module.minutes?.value ?? 0
            return [["start": .string(clock(0)), "end": .string(clock(total)), "title": .string(pack.label("whole-session")), "minutes": .int(total)]]
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
        let language = module.languageTag
        // A term without a definition in the module's language is left out rather than defined in English.
        return terms.compactMap { term in
            term.definition(in: language).map { ["term": .string(term.term(in: language)), "definition": .string($0)] }
        }
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
