/// What changed between two checks: findings that are new and findings that are gone. A
/// finding is the same one when its file, rule, severity and message are, wherever its line
/// moved to (so adding a line at the top of a module does not report everything below anew).
public struct FindingsDiff: Sendable {
    public let added: [Diagnostic]
    public let resolved: [Diagnostic]

    public init(from old: [Diagnostic], to new: [Diagnostic]) {
        added = Self.subtract(old, from: new)
        resolved = Self.subtract(new, from: old)
    }

    public var isEmpty: Bool { added.isEmpty && resolved.isEmpty }

    struct Key: Hashable {
        let file: String
        let rule: String
        let severity: Severity
        let message: String
        init(_ d: Diagnostic) { file = d.file; rule = d.rule; severity = d.severity; message = d.message }
    }

    /// The findings of `list` left once each one in `other` has cancelled one like it.
    private static func subtract(_ other: [Diagnostic], from list: [Diagnostic]) -> [Diagnostic] {
        var counts: [Key: Int] = [:]
        for d in other { counts[Key(d), default: 0] += 1 }
        var out: [Diagnostic] = []
        for d in list {
            let key = Key(d)
            if let n = counts[key], n > 0 { counts[key] = n - 1 } else { out.append(d) }
        }
        return out.sorted(by: Diagnostic.ordered)
    }
}
