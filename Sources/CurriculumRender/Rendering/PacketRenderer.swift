/// The weekly packet a counselor hands out (cover, the week's handouts in session order, the
/// week's homework, between-session pages, help lines) and the facilitator's session plan.
public struct PacketRenderer: Sendable {
    public let documents: DocumentRenderer
    public let program: Program

    public init(documents: DocumentRenderer, program: Program) {
        self.documents = documents
        self.program = program
    }

    var curriculum: Curriculum { documents.curriculum }

    /// What the packet and the session plan print at their top. An undated packet leaves the
    /// week's first day blank to fill in.
    func weekHeader(track: Track, week: Int, start: CalendarDate?, pack: LanguagePack = .english) -> [String: TemplateValue] {
        let trackName = track.name(in: pack.language)
        return [
            "programName": .string(documents.programName(in: pack.language)),
            "trackName": .string(trackName),
            "week": .int(week),
            "weekCount": .int(program.weekCount),
            "packetHeading": .string(pack.label("packet-heading", ["track": trackName, "week": String(week), "weeks": String(program.weekCount)])),
            "startLabel": .string(pack.label("week-of", ["date": start.map(pack.longDate) ?? "________"])),
            "hasStart": .bool(start != nil),
            "emergencyNumber": .string(curriculum.schema.emergencyNumber),
        ]
    }

    /// A session of the week as the packet shows it: on its date when the week is dated, and
    /// cancelled when that date is one of the program's holidays.
    public struct WeekSession: Sendable {
        public let session: ScheduledSession
        public let date: CalendarDate?
        /// The holiday that cancels the session (it is left out, not moved).
        public let holiday: Holiday?
    }

    /// The week's sessions in the order they take place: by date when `calendar` dates the week
    /// (so a week that starts on a Wednesday lists Wednesday, Friday, then Monday), else by
    /// weekday; sessions with no fixed day come last.
    public func sessions(of schedule: TrackSchedule, week: Int, calendar: WeekCalendar?) -> [WeekSession] {
        let listed = schedule.sessions(week: week).map { session -> WeekSession in
            guard let calendar, let day = session.day else { return WeekSession(session: session, date: nil, holiday: nil) }
            let date = calendar.date(of: day)
            return WeekSession(session: session, date: date, holiday: calendar.holiday(on: date))
        }
        guard calendar != nil else { return listed }
        // A stable sort: sessions on the same day keep their order by start time.
        return listed.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Modules of the week in session order, each once, leaving out the sessions a holiday
    /// cancels (their handouts and homework are not in that week's packet).
    /// The client's packet has no family module (`family: false`); the family packet has only
    /// those (`family: true`).
    public func modules(of schedule: TrackSchedule, week: Int, calendar: WeekCalendar? = nil, family: Bool = false) -> [Module] {
        var seen = Set<String>()
        var out: [Module] = []
        for item in sessions(of: schedule, week: week, calendar: calendar) where item.holiday == nil {
            for id in item.session.modules where seen.insert(id.value).inserted {
                if let module = curriculum.module(id.value), Self.isForFamilies(module) == family { out.append(module) }
            }
        }
        return out
    }

    /// True for a module whose group format or audience is family: it goes into the family
    /// packet, never into the client's.
    public static func isForFamilies(_ module: Module) -> Bool {
        module.group?.value.lowercased() == "family" || module.audience?.value.lowercased() == "family"
    }

    func sessionRows(_ sessions: [WeekSession], track: Track, pack: LanguagePack = .english) -> [[String: TemplateValue]] {
        let language = pack.language
        return sessions.map { item in
            let session = item.session
            var title = session.title
            if session.isGroupSession {
                title = pack.label("group-session")
            } else if let other = track.otherSessions.first(where: { $0.title == session.title }) {
                title = LocalizedValue.pick(other.titles, language) ?? other.title
            }
            var row: [String: TemplateValue] = ["title": .string(title)]
            if let day = session.day {
                row["when"] = .string(item.date.map(pack.longDate) ?? pack.weekdays[day.rawValue])
                if let holiday = item.holiday {
                    row["holiday"] = .string(holiday.name(in: language))
                    row["cancelled"] = .string(pack.label("cancelled", ["holiday": holiday.name(in: language)]))
                }
            } else {
                row["when"] = .string(pack.label("session-anytime"))
            }
            if let start = session.start, let end = session.end {
                row["time"] = .string(pack.label("time-range", ["start": pack.time(minutes: start.minutes), "end": pack.time(minutes: end.minutes)]))
            }
            let topics = session.modules.compactMap { id in curriculum.module(id.value).map { version(of: $0, in: language) }?.title?.value }
            row["topics"] = .strings(topics)
            row["hasTopics"] = .bool(!topics.isEmpty)
            return row
        }
    }

    /// Labels for the rows of the between-session logs: dates when known, else weekdays.
    func dayLabels(calendar: WeekCalendar?, pack: LanguagePack = .english) -> [[String: TemplateValue]] {
        if let calendar {
            return (0..<7).map { offset in
                ["label": .string(pack.shortDate(calendar.start.adding(days: offset)))]
            }
        }
        return pack.weekdaysShort.map { ["label": .string($0)] }
    }

    /// The module to print for `module` in a packet in `language`: its translation into that
    /// language (a module with `translates:` its id and that `language:`) where one exists.
    public func version(of module: Module, in language: String) -> Module {
        guard !LocalizedValue.isDefault(language), module.languageTag != language, let id = module.id?.value else { return module }
        return curriculum.modules.first { $0.translates?.value == id && Self.sameLanguage($0.languageTag, language) } ?? module
    }

    static func sameLanguage(_ a: String, _ b: String) -> Bool {
        a.lowercased().split(separator: "-").first == b.lowercased().split(separator: "-").first
    }

    /// `language`: the packet's language (`packet --language es`); its pack prints every label,
    /// each module is printed in its translation into that language where there is one, and the
    /// cover names the handouts that are only in English.
    public func packet(track: Track, week: Int, start: CalendarDate?, language: String = "en") -> String {
        let pack = curriculum.pack(for: language) ?? .english
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        let weekSessions = sessions(of: schedule, week: week, calendar: calendar)
        let modules = modules(of: schedule, week: week, calendar: calendar).map { version(of: $0, in: language) }
        let englishOnly = modules.filter { !Self.sameLanguage($0.languageTag, language) }.compactMap { $0.title?.value }
        let (handouts, homework) = handoutItems(modules)
        let trackName = track.name(in: language)
        let title = pack.label("packet-title", ["track": trackName, "week": String(week)])
        func continued(_ key: String) -> TemplateValue { .string(pack.label("continued", ["title": pack.label(key)])) }
        let data: [String: TemplateValue] = weekHeader(track: track, week: week, start: start, pack: pack).merging([
            "hasDates": .bool(start != nil),
            "englishOnly": englishOnly.isEmpty || LocalizedValue.isDefault(language) ? .bool(false)
                : .string(pack.label("english-only", ["titles": englishOnly.joined(separator: "; ")])),
            "continued": .object(["meetings": continued("meetings-log"), "sleep": continued("sleep-log"),
                                  "people": continued("people-log"), "cravings": continued("cravings-log")]),
            "sessions": .objects(sessionRows(weekSessions, track: track, pack: pack)),
            "handouts": .objects(handouts),
            "hasHomework": .bool(!homework.isEmpty),
            "homework": .objects(homework),
            "days": .objects(dayLabels(calendar: calendar, pack: pack)),
            "helpLines": documents.helpLines(in: language),
        ]) { first, _ in first }
        return documents.templates.page("packet", data: data,
                                        page: documents.pageData(title: title, kind: "packet",
                                                                 kindLabel: pack.label("packet-kind", ["track": trackName, "week": String(week)]),
                                                                 language: language, depth: 2, pack: pack))
    }

    /// The handouts (without their homework) and the homework of `modules`, in that order, as
    /// the packets print them. Each is printed whole in its own language, labels and worksheet
    /// words included: a handout only in English stays English in a Spanish packet.
    func handoutItems(_ modules: [Module]) -> (handouts: [[String: TemplateValue]], homework: [[String: TemplateValue]]) {
        func pack(_ module: Module) -> LanguagePack { curriculum.pack(for: module.languageTag) ?? .english }
        func participant(_ module: Module) -> ModuleRenderer {
            ModuleRenderer(audience: .participant, links: documents.links, depth: 2, callouts: documents.callouts, text: WidgetText(pack(module)))
        }
        let handouts: [[String: TemplateValue]] = modules.map { module in
            let words = documents.wordsToKnow(module)
            return [
                "label": documents.labels(pack(module)),
                "lang": .string(module.languageTag),
                "title": .string(module.title?.value ?? ""),
                "topicTitle": documents.topicTitle(module),
                "outcomes": .strings(module.outcomes.map(\.value)),
                "hasWordsToKnow": .bool(!words.isEmpty),
                "wordsToKnow": .objects(words),
                "hasHomework": .bool(module.section("homework") != nil),
                "body": .string(participant(module).body(module, excluding: ["homework"], headingLevel: 3, dropDisclaimer: true)),
            ]
        }
        // The part title goes inside the first item, so it never stays alone at the foot of a page.
        let homework: [[String: TemplateValue]] = modules.filter { $0.section("homework") != nil }.enumerated().map { index, module in
            ["title": .string(module.title?.value ?? ""), "body": .string(participant(module).body(module, only: ["homework"], headingLevel: 3)),
             "lang": .string(module.languageTag), "first": .bool(index == 0)]
        }
        return (handouts, homework)
    }

    /// The facilitator's plan of the week: each session's segments with clock times, the
    /// modules and what to bring.
    public func sessionPlan(track: Track, week: Int, start: CalendarDate?) -> String {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        let weekSessions = sessions(of: schedule, week: week, calendar: calendar)
        var rows = sessionRows(weekSessions, track: track)
        for (index, session) in weekSessions.map(\.session).enumerated() {
            rows[index]["hasSegments"] = .bool(!session.segments.isEmpty)
            rows[index]["segments"] = .objects(session.segments.map { segment in
                let module = segment.module.flatMap { curriculum.module($0.value) }
                return [
                    "time": .string(segment.start?.spoken ?? ""),
                    "title": .string(segment.segment.title),
                    "minutes": .int(segment.segment.minutes),
                    "module": .string(module?.title?.value ?? (segment.segment.group != nil ? "Open group" : "")),
                    "moduleID": .string(module?.id?.value ?? ""),
                    "hasModule": .bool(module != nil),
                    "materials": .string(module?.materials.map(\.value).joined(separator: ", ") ?? ""),
                ]
            })
        }
        var data = weekHeader(track: track, week: week, start: start)
        data["sessions"] = .objects(rows)
        return documents.templates.page("session-plan", data: data,
                                        page: documents.pageData(title: "Session plan: \(track.name), week \(week)", kind: "plan",
                                                                 kindLabel: "Facilitator session plan", language: "en", depth: 2,
                                                                 band: "Facilitator session plan - not for participants"))
    }
}
