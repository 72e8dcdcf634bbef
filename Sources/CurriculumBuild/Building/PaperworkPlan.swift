/// The clinic paperwork a build plans for every track and week (issue 18): the family packet
/// (when the week has a family module), the group-note stubs and the sign-in sheets. Each key
/// holds what the page is made from, so an unchanged page is not made again.
extension Builder {
    /// The paperwork of one track and week, undated (`start` nil) or dated from `start`.
    func paperworkOutputs(_ packets: PacketRenderer, track: Track, week: Int, start: CalendarDate?, baseKey: String) -> [PlannedOutput] {
        let schedule = TrackSchedule.resolve(track, in: packets.program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: packets.program.holidays) }
        let family = packets.modules(of: schedule, week: week, calendar: calendar, family: true)
        let others = packets.modules(of: schedule, week: week, calendar: calendar, family: false)
        var hasher = ContentHasher()
        hasher.add(baseKey)
        hasher.add(track.id)
        hasher.add("\(week) \(start.map(String.init(describing:)) ?? "undated")")
        let sessionKey = hasher.hexDigest
        var familyHasher = ContentHasher()
        familyHasher.add(sessionKey)
        for module in family { familyHasher.add(module.file.text) }
        var notesHasher = ContentHasher()
        notesHasher.add(sessionKey)
        for module in others + family { notesHasher.add(module.file.text) }

        let familyPath = start.map { OutputPaths.datedFamilyPacket(track: track.id, start: $0) } ?? OutputPaths.familyPacket(track: track.id, week: week)
        let notesPath = start.map { OutputPaths.datedGroupNotes(track: track.id, start: $0) } ?? OutputPaths.groupNotes(track: track.id, week: week)
        let signInPath = start.map { OutputPaths.datedSignIn(track: track.id, start: $0) } ?? OutputPaths.signIn(track: track.id, week: week)
        // A templates folder from before these pages (without their templates) gets none of them.
        let templates = packets.documents.templates
        var outputs: [PlannedOutput] = []
        if !family.isEmpty, templates.has("family-packet") {
            outputs.append(PlannedOutput(path: familyPath + ".html", key: ContentHasher.digest(familyHasher.hexDigest, "family-packet")) {
                packets.familyPacket(track: track, week: week, start: start)
            })
        }
        if templates.has("group-note") {
            outputs.append(PlannedOutput(path: notesPath + ".html", key: ContentHasher.digest(notesHasher.hexDigest, "group-notes")) {
                packets.groupNotes(track: track, week: week, start: start)
            })
        }
        if templates.has("sign-in") {
            outputs.append(PlannedOutput(path: signInPath + ".html", key: ContentHasher.digest(sessionKey, "sign-in")) {
                packets.signInSheets(track: track, week: week, start: start)
            })
        }
        return outputs
    }
}
