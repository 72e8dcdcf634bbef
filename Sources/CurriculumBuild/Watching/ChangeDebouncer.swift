/// Turns a stream of snapshots into a few "these files changed" events. Editors save in bursts
/// (a temporary file, a rename, a second write), so a change is reported only once the files
/// have stayed the same for `quietPeriod` seconds, or at the latest `maximumDelay` seconds
/// after it was first seen. A change undone before it settles is not reported at all.
public struct ChangeDebouncer: Sendable {
    public let quietPeriod: Double
    public let maximumDelay: Double
    /// The files as the last reported change left them.
    public private(set) var baseline: FileSnapshot
    private var pending: FileSnapshot?
    private var pendingSince: Double = 0
    private var firstSeen: Double = 0

    public init(baseline: FileSnapshot, quietPeriod: Double = 0.2, maximumDelay: Double = 2) {
        self.baseline = baseline
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Feeds the snapshot taken at `now`; returns the changes when it is time to act on them.
    public mutating func step(_ snapshot: FileSnapshot, now: Double) -> [FileChange]? {
        guard snapshot != baseline else {
            pending = nil
            return nil
        }
        if pending == nil { firstSeen = now }
        if snapshot != pending {
            pending = snapshot
            pendingSince = now
        }
        guard now - pendingSince >= quietPeriod || now - firstSeen >= maximumDelay else { return nil }
        let changes = snapshot.changes(since: baseline)
        baseline = snapshot
        pending = nil
        return changes
    }
}
