/// How much a finding matters. `off` appears only in settings: a rule set to off reports nothing.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case off, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        let order: [Severity] = [.off, .warning, .error]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
