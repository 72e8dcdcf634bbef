/// Reads `program.yaml`, reporting every wrong value at its line and column.
public enum ProgramLoader {
    static let fieldRules = FieldReader.Rules(missingField: ProgramFileRules.invalid, wrongType: ProgramFileRules.invalid,
                                              invalidDate: ProgramFileRules.invalid, emptyList: ProgramFileRules.invalid)

    public static func load(_ file: SourceFile) -> (Program?, [Diagnostic]) {
        let parsed: YAMLNode?
        do {
            parsed = try YAMLReader(allowAliases: true, nodeBudget: 200_000).read(file.text, firstLine: 1, in: file)
        } catch {
            return (nil, [ProgramFileRules.yamlSyntax.diagnostic(file.path, error.range, error.message, fix: error.fix.map { Fix(summary: $0) })])
        }
        guard let written = parsed, written.mapping != nil else {
            return (nil, [ProgramFileRules.invalid.diagnostic(file.path, .at(line: 1), "program.yaml should be a set of fields (name, weeks, enrollment, tracks, ...)",
                                                              fix: Fix(summary: "start from the sample curriculum's program.yaml"))])
        }
        var reader = FieldReader(path: file.path, rules: fieldRules, missingFieldRange: .at(line: 1))
        var program = Program(file: file)
        let context = "program.yaml"
        func invalid(_ range: SourceRange, _ message: String, _ fix: String) {
            reader.report(ProgramFileRules.invalid.diagnostic(file.path, range, message, fix: Fix(summary: fix)))
        }
        func known(_ node: YAMLNode, _ keys: [String], _ what: String) -> YAMLNode {
            KnownKeys.check(node, keys, what: what, rule: ProgramFileRules.unknownKey, reader: &reader)
        }
        let root = known(written, Keys.program, "the program")

        let programName = reader.localized(root, "name", required: true, context: context, example: "Sample Intensive Outpatient Program")
        program.name = programName?.value.value ?? ProgramInfo.defaultName
        program.names = programName?.translations ?? [:]
        if let weeks = reader.int(root, "weeks", required: true, context: context, example: "12") {
            if (1...52).contains(weeks.value) { program.weeks = weeks } else {
                invalid(weeks.range, "a program runs 1 to 52 weeks, not \(weeks.value)", "write the program's length in weeks, such as 'weeks: 12'")
            }
        }
        if let enrollment = reader.string(root, "enrollment", required: true, context: context, example: "rolling") {
            program.enrollmentRange = enrollment.range
            if let value = Enrollment(rawValue: enrollment.value.lowercased()) { program.enrollment = value } else {
                invalid(enrollment.range, "enrollment is 'rolling' (people join any week) or 'cohort' (everyone starts together), not '\(enrollment.value)'",
                        "write 'enrollment: rolling' or 'enrollment: cohort'")
            }
        }
        if let stay = reader.int(root, "minimum-stay", required: program.enrollment == .rolling, context: context, example: "8") {
            if stay.value >= 1, stay.value <= max(program.weekCount, 1) { program.minimumStay = stay } else {
                invalid(stay.range, "the minimum stay is \(stay.value) weeks, but the program has \(program.weekCount)", "give a number of weeks from 1 to the program's length")
            }
        }
        if let start = reader.date(root, "cycle-start", required: false, context: context, example: "2027-01-04") {
            if start.value.weekdayIndex == 0 { program.cycleStart = start } else {
                let before = start.value.adding(days: -start.value.weekdayIndex), after = before.adding(days: 7)
                reader.report(ProgramFileRules.cycleStart.diagnostic(file.path, start.range,
                    "cycle-start \(start.value) is a \(Weekday(rawValue: start.value.weekdayIndex)!.name); it should be the Monday that began a week 1 (\(before) or \(after))",
                    fix: Fix(summary: "write the Monday of week 1, such as 'cycle-start: \(before)'", replacements: [Replacement(range: start.range, text: before.description)])))
            }
        }
        for written in reader.list(root, "holidays", required: false, context: context, example: "[{date: 2026-12-25, name: Christmas Day}]") ?? [] {
            let item = known(written, Keys.holiday, "a holiday")
            if item.mapping != nil {
                if let date = reader.date(item, "date", required: true, context: "a holiday", example: "2026-12-25") {
                    let localized = reader.localized(item, "name", required: false, context: "a holiday", example: "Christmas Day")
                    var holiday = Holiday(date: date.value, name: localized?.value.value ?? "Holiday")
                    holiday.names = localized?.translations ?? [:]
                    program.holidays.append(holiday)
                }
            } else if let text = item.string, let date = CalendarDate(text) {
                program.holidays.append(Holiday(date: date, name: "Holiday"))
            } else {
                invalid(item.range, "a holiday is a date written YYYY-MM-DD, or 'date:' and 'name:'", "write '- {date: 2026-12-25, name: Christmas Day}'")
            }
        }
        if let signIn = reader.mapping(root, "sign-in", required: false, context: context, example: "{columns: [Initials, Time in, Time out, Signature]}") {
            let item = known(signIn, Keys.signIn, "the sign-in sheet")
            if let columns = reader.stringList(item, "columns", required: true, nonEmpty: true, context: "sign-in",
                                               example: "[Initials, Time in, Time out, Signature]") {
                let names = columns.map { $0.value.trimmingWhitespace() }.filter { !$0.isEmpty }
                if !names.isEmpty { program.signInColumns = names }
            }
        }
        for written in reader.list(root, "agendas", required: true, context: context, example: "[{id: three-hour, segments: [...]}]") ?? [] {
            let item = known(written, Keys.agenda, "an agenda")
            guard item.mapping != nil, let id = reader.string(item, "id", required: true, context: "an agenda", example: "three-hour") else {
                if item.mapping == nil { invalid(item.range, "each agenda is a set of fields: id and segments", "write '- id: three-hour' with 'segments:' below it") }
                continue
            }
            var segments: [Segment] = []
            for written in reader.list(item, "segments", required: true, context: "agenda '\(id.value)'", example: "[{title: Check-in, minutes: 15}]") ?? [] {
                let segment = known(written, Keys.segment, "a segment")
                guard segment.mapping != nil else {
                    invalid(segment.range, "each segment is a set of fields: title, minutes and optionally group", "write '- {title: Check-in, minutes: 15}'")
                    continue
                }
                let localizedTitle = reader.localized(segment, "title", required: true, context: "a segment", example: "Check-in")
                let title = localizedTitle?.value
                let minutes = reader.int(segment, "minutes", required: true, context: "a segment", example: "15")
                let group = reader.string(segment, "group", required: false, context: "a segment", example: "support")
                if let title, let minutes {
                    // A segment outside a day is reported and left out: the sums of the agenda
                    // and the session clock would overflow on numbers near Int's limits.
                    if minutes.value <= 0 {
                        invalid(minutes.range, "a segment needs a positive number of minutes", "write the segment's length, such as 'minutes: 15'")
                    } else if minutes.value > Self.minutesPerDay {
                        invalid(minutes.range, "a segment of \(minutes.value) minutes is longer than a day", "write the segment's length, such as 'minutes: 15'")
                    } else {
                        var made = Segment(title: title.value, minutes: minutes.value, group: group?.value, range: segment.range, groupRange: group?.range)
                        made.titles = localizedTitle?.translations ?? [:]
                        segments.append(made)
                    }
                }
            }
            program.agendas.append(Agenda(id: id.value, segments: segments, range: id.range))
        }
        for written in reader.list(root, "tracks", required: true, context: context, example: "[{id: evening, name: Evening track, meetings: [...]}]") ?? [] {
            let item = known(written, Keys.track, "a track")
            guard item.mapping != nil, let id = reader.string(item, "id", required: true, context: "a track", example: "evening") else {
                if item.mapping == nil { invalid(item.range, "each track is a set of fields: id, name, meetings, rotation", "write '- id: evening' with the track's fields below it") }
                continue
            }
            let findingsBefore = reader.diagnostics.count
            if !Slug.isValid(id.value) {
                invalid(id.range, "the track id '\(id.value)' should use lowercase letters, digits and hyphens", "use '\(Slug.make(id.value))'")
            }
            let localizedName = reader.localized(item, "name", required: false, context: "a track", example: "Evening track")
            let name = localizedName?.value.value ?? id.value
            var meetings: [Meeting] = []
            // Every day written for a meeting or another session, also of one left out for a
            // mistake reported already: a week plan for that day is not a second finding.
            var sessionDays = Set<Weekday>()
            for written in reader.list(item, "meetings", required: true, context: "track '\(id.value)'", example: "[{days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}]") ?? [] {
                let meeting = known(written, Keys.meeting, "a meeting")
                guard meeting.mapping != nil else {
                    invalid(meeting.range, "each meeting is a set of fields: days, time and agenda", "write '- {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}'")
                    continue
                }
                var days: [Weekday] = []
                for day in reader.stringList(meeting, "days", required: true, nonEmpty: true, context: "a meeting", example: "[Mon, Wed, Fri]") ?? [] {
                    guard let weekday = Weekday.parse(day.value) else {
                        invalid(day.range, "'\(day.value)' is not a day of the week", "write Mon, Tue, Wed, Thu, Fri, Sat or Sun")
                        continue
                    }
                    // Counted once: a second Friday would add a session at the same time.
                    guard !days.contains(weekday) else {
                        reader.report(ProgramFileRules.duplicateDay.diagnostic(file.path, day.range, "\(weekday.name) is listed twice in this meeting's days",
                            fix: Fix(summary: "list each day once; a second session on \(weekday.name) needs a meeting of its own with its own time")))
                        continue
                    }
                    days.append(weekday)
                    sessionDays.insert(weekday)
                }
                let agenda = reader.string(meeting, "agenda", required: true, context: "a meeting", example: "three-hour")
                guard let time = reader.string(meeting, "time", required: true, context: "a meeting", example: "17:30-20:30") else { continue }
                guard let (start, end) = parseTimeRange(time.value), start < end else {
                    invalid(time.range, "'\(time.value)' is not a time range such as 17:30-20:30 (24-hour clock, end after start)", "write 'time: 17:30-20:30'")
                    continue
                }
                if let agenda { meetings.append(Meeting(days: days, start: start, end: end, agenda: agenda.value, range: meeting.range, timeRange: time.range)) }
            }
            var others: [OtherSession] = []
            for written in reader.list(item, "other-sessions", required: false, context: "track '\(id.value)'", example: "[{title: Individual counseling, minutes: 60}]") ?? [] {
                let other = known(written, Keys.otherSession, "another session")
                guard other.mapping != nil, let localizedTitle = reader.localized(other, "title", required: true, context: "another session", example: "Family session") else { continue }
                let title = localizedTitle.value
                let group = reader.string(other, "group", required: false, context: "another session", example: "family")?.value
                var day: Weekday?
                if let text = reader.string(other, "day", required: false, context: "another session", example: "Tue") {
                    day = Weekday.parse(text.value)
                    if let day { sessionDays.insert(day) }
                    if day == nil { invalid(text.range, "'\(text.value)' is not a day of the week", "write Mon, Tue, Wed, Thu, Fri, Sat or Sun") }
                }
                var start: TimeOfDay?
                var minutes = reader.int(other, "minutes", required: false, context: "another session", example: "60")?.value
                if let time = reader.string(other, "time", required: false, context: "another session", example: "18:00-19:00") {
                    if let (s, e) = parseTimeRange(time.value), s < e {
                        start = s
                        minutes = minutes ?? (e.minutes - s.minutes)
                    } else {
                        invalid(time.range, "'\(time.value)' is not a time range such as 18:00-19:00", "write 'time: 18:00-19:00'")
                    }
                }
                guard let minutes, minutes > 0 else {
                    invalid(title.range, "the session '\(title.value)' needs its length: 'minutes:' or 'time:'", "add 'minutes: 60' (per week)")
                    continue
                }
                guard minutes <= 7 * Self.minutesPerDay else {
                    invalid(title.range, "the session '\(title.value)' lasts \(minutes) minutes a week, more than a week has", "give its minutes per week, such as 'minutes: 60'")
                    continue
                }
                var session = OtherSession(title: title.value, minutesPerWeek: minutes, group: group, day: day, start: start, range: other.range)
                session.titles = localizedTitle.translations
                others.append(session)
            }
            var rotation: [String: [Located<String>]] = [:]
            if let node = reader.mapping(item, "rotation", required: false, context: "track '\(id.value)'", example: "{support: [group-agreements]}") {
                for pair in node.mapping ?? [] {
                    guard let group = pair.key.string else { continue }
                    rotation[group] = reader.stringList(node, group, required: false, nonEmpty: true, context: "rotation", example: "[module-id, open]")
                }
            }
            var plan: [Int: [Weekday: [String: Located<String>]]] = [:]
            if let node = reader.mapping(item, "weeks", required: false, context: "track '\(id.value)'", example: "{1: {Mon: {support: group-agreements}}}") {
                for weekPair in node.mapping ?? [] {
                    guard let week = weekPair.key.string.flatMap({ Int($0) }), week >= 1, week <= max(program.weekCount, 1) else {
                        invalid(weekPair.key.range, "'\(weekPair.key.string ?? "")' is not a week of the program (1 to \(program.weekCount))", "use a week number from 1 to \(program.weekCount)")
                        continue
                    }
                    for dayPair in weekPair.value.mapping ?? [] {
                        guard let day = dayPair.key.string.flatMap(Weekday.parse) else {
                            invalid(dayPair.key.range, "'\(dayPair.key.string ?? "")' is not a day of the week", "write Mon, Tue, Wed, Thu, Fri, Sat or Sun")
                            continue
                        }
                        guard sessionDays.contains(day) else {
                            let days = Weekday.allCases.filter(sessionDays.contains).map(\.short)
                            reader.report(ProgramFileRules.planDay.diagnostic(file.path, dayPair.key.range,
                                "the \(name) does not meet on \(day.name), so week \(week)'s plan for it fills no session",
                                fix: Fix(summary: days.isEmpty ? "give the track its meetings first" : "plan one of the days the track meets: \(days.joined(separator: ", "))")))
                            continue
                        }
                        for slot in dayPair.value.mapping ?? [] {
                            guard let group = slot.key.string, let module = slot.value.string else {
                                invalid(slot.value.range, "each entry names a group format and a module id, such as 'support: group-agreements'", "write 'support: group-agreements'")
                                continue
                            }
                            plan[week, default: [:]][day, default: [:]][group] = Located(module, at: slot.value.range)
                        }
                    }
                }
            }
            var track = Track(id: id.value, name: name, meetings: meetings, otherSessions: others, rotation: rotation, plan: plan, range: id.range,
                                        hasFileErrors: reader.diagnostics.count > findingsBefore)
            track.names = localizedName?.translations ?? [:]
            program.tracks.append(track)
        }
        return (program, reader.diagnostics)
    }

    /// The fields each part of program.yaml may have (docs/program.md).
    enum Keys {
        static let program = ["name", "weeks", "enrollment", "minimum-stay", "cycle-start", "holidays", "agendas", "tracks", "sign-in"]
        static let signIn = ["columns"]
        static let holiday = ["date", "name"]
        static let agenda = ["id", "segments"]
        static let segment = ["title", "minutes", "group"]
        static let track = ["id", "name", "meetings", "other-sessions", "rotation", "weeks"]
        static let meeting = ["days", "time", "agenda"]
        static let otherSession = ["title", "group", "day", "time", "minutes"]
    }

    /// The longest a segment may last; sessions outside the group meetings get a week of them.
    static let minutesPerDay = 1440

    /// "17:30-20:30" -> (17:30, 20:30).
    static func parseTimeRange(_ text: String) -> (TimeOfDay, TimeOfDay)? {
        let parts = text.split(separator: "-").map { $0.trimmingWhitespace() }
        guard parts.count == 2, let start = TimeOfDay(parts[0]), let end = TimeOfDay(parts[1]) else { return nil }
        return (start, end)
    }
}
