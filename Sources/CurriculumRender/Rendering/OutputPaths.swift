/// Where each output goes under `--out`, named in one place (without the `.html`/`.pdf` ending):
/// undated packets and session plans by week (`packets/TRACK/week-04`), dated packets by their
/// first day (`packets/TRACK/2026-12-21`), which a build never replaces or removes.
public enum OutputPaths {
    /// `week-04`: two digits, so the files sort in week order.
    public static func weekName(_ week: Int) -> String {
        "week-\(week < 10 ? "0" : "")\(week)"
    }

    public static func packet(track: String, week: Int) -> String {
        "packets/\(track)/\(weekName(week))"
    }

    public static func sessionPlan(track: String, week: Int) -> String {
        "plans/\(track)/\(weekName(week))"
    }

    /// A packet dated from `start`, the first of the seven days it shows.
    public static func datedPacket(track: String, start: CalendarDate) -> String {
        "packets/\(track)/\(start)"
    }

    /// True for `packets/TRACK/YYYY-MM-DD.html` or `.pdf`: a dated packet, kept by every build.
    public static func isDatedPacket(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "packets", let dot = parts[2].lastIndex(of: ".") else { return false }
        let ending = parts[2][dot...]
        return (ending == ".html" || ending == ".pdf") && CalendarDate(String(parts[2][..<dot])) != nil
    }
}
