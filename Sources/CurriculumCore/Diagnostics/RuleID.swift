/// A rule's id (`front-matter.unknown-field`): the group before the dot, the rule after it.
/// Typed, so a finding cannot carry a message or a path where its rule belongs; written as a
/// string literal where a rule is named in code and tests.
public struct RuleID: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// The group: `front-matter` of `front-matter.unknown-field`.
    public var group: Substring { rawValue.prefix { $0 != "." } }

    public func hasPrefix(_ prefix: String) -> Bool { rawValue.hasPrefix(prefix) }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
