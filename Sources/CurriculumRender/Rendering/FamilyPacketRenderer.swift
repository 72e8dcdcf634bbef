/// The family packet of a week: the handouts of the family session (modules whose group format
/// or audience is family), with a cover of its own for the family members who come. The client's
/// packet never holds them; its cover still lists the family session.
extension PacketRenderer {
    /// The week's family sessions: those filled by family modules (by their segment's group).
    func familySessions(_ sessions: [WeekSession]) -> [WeekSession] {
        sessions.filter { item in item.session.segments.contains { $0.segment.group?.lowercased() == "family" } }
    }

    /// True when the week has a family module to hand out (a family packet is written only then).
    public func hasFamilyPacket(track: Track, week: Int, start: CalendarDate? = nil) -> Bool {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        return !modules(of: schedule, week: week, calendar: calendar, family: true).isEmpty
    }

    public func familyPacket(track: Track, week: Int, start: CalendarDate?) -> String {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        let sessions = familySessions(sessions(of: schedule, week: week, calendar: calendar))
        let modules = modules(of: schedule, week: week, calendar: calendar, family: true)
        let (handouts, homework) = handoutItems(modules)
        let data: [String: TemplateValue] = weekHeader(track: track, week: week, start: start).merging([
            "sessions": .objects(sessionRows(sessions, track: track)),
            "hasSessions": .bool(!sessions.isEmpty),
            "handouts": .objects(handouts),
            "hasHomework": .bool(!homework.isEmpty),
            "homework": .objects(homework),
            "helpLines": documents.helpLines(),
        ]) { first, _ in first }
        return documents.templates.page("family-packet", data: data,
                                        page: documents.pageData(title: "\(track.name), week \(week): family packet", kind: "packet",
                                                                 kindLabel: "\(track.name) · week \(week) · family", language: "en", depth: 2))
    }
}
