/// Where each output goes under `--out`, named in one place (without the `.html`/`.pdf` ending):
/// undated packets and session plans by week (`packets/TRACK/week-04`), dated packets by their
/// first day (`packets/TRACK/2026-12-21`), which a build never replaces or removes.
public enum OutputPaths {
    /// `week-04`: two digits, so the files sort in week order.
    public static func weekName(_ week: Int) -> String {
        "week-\(week < 10 ? "0" : "")\(week)"
    }

    /// A packet in another language than English carries the language before its ending
    /// (`packets/evening/week-04.es`).
    public static func packet(track: String, week: Int, language: String? = nil) -> String {
        "packets/\(track)/\(weekName(week))" + (language.map { ".\($0)" } ?? "")
    }

    public static func sessionPlan(track: String, week: Int) -> String {
        "plans/\(track)/\(weekName(week))"
    }

    /// A packet dated from `start`, the first of the seven days it shows.
    public static func datedPacket(track: String, start: CalendarDate, language: String? = nil) -> String {
        "packets/\(track)/\(start)" + (language.map { ".\($0)" } ?? "")
    }

    /// The family packet of a week: the family session's handouts, never in the client's packet.
    public static func familyPacket(track: String, week: Int) -> String {
        "packets/\(track)/\(weekName(week))-family"
    }

    public static func datedFamilyPacket(track: String, start: CalendarDate) -> String {
        "packets/\(track)/\(start)-family"
    }

    /// The group-note stubs of a week's sessions, for the clinical record.
    public static func groupNotes(track: String, week: Int) -> String {
        "notes/\(track)/\(weekName(week))"
    }

    public static func datedGroupNotes(track: String, start: CalendarDate) -> String {
        "notes/\(track)/\(start)"
    }

    /// The sign-in sheets of a week's sessions.
    public static func signIn(track: String, week: Int) -> String {
        "sign-in/\(track)/\(weekName(week))"
    }

    public static func datedSignIn(track: String, start: CalendarDate) -> String {
        "sign-in/\(track)/\(start)"
    }

    /// A make-up packet, named after the first missed session: `makeup/evening/week-04-wed`.
    public static func makeup(track: String, week: Int, day: Weekday) -> String {
        "makeup/\(track)/\(weekName(week))-\(day.short.lowercased())"
    }

    /// The objectives a person admitted in `week` misses during the minimum stay.
    public static func admittedWeek(track: String, week: Int) -> String {
        "makeup/\(track)/admitted-\(weekName(week))"
    }

    /// The folders whose dated files (`YYYY-MM-DD.*`, `YYYY-MM-DD-family.*`) are a record of what
    /// was handed out or filed: a build never replaces or removes them.
    static let datedFolders: Set<Substring> = ["packets", "notes", "sign-in"]

    /// True for `packets/TRACK/YYYY-MM-DD.html` or `.pdf` (and `-family`), and the dated group
    /// notes and sign-in sheets: dated files, kept by every build.
    public static func isDatedPacket(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, datedFolders.contains(parts[0]), let dot = parts[2].lastIndex(of: ".") else { return false }
        let ending = parts[2][dot...]
        var stem = String(parts[2][..<dot])
        if parts[0] == "packets", stem.hasSuffix("-family") { stem.removeLast("-family".count) }
        return (ending == ".html" || ending == ".pdf") && CalendarDate(stem) != nil
    }
}
