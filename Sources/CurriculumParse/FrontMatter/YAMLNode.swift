/// A YAML value with its place in the file, converted from Yams's nodes so the rest of the
/// code never depends on how Yams represents marks, tags or aliases.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The YAML 1.1 core type a plain scalar resolved to; quoted scalars are always `string`.
    public enum ScalarType: Sendable {
        case string, int, float, bool, null, timestamp
    }

    public let value: Value
    public let range: SourceRange
    public let scalarType: ScalarType
    /// True for a scalar written in quotes or as a block (`|`, `>`).
    public let isQuoted: Bool
    /// False when the source at `range` is not the scalar's text as written (a tag such as
    /// `!!str` before it): a fix must not replace those columns.
    public var isWrittenAsItsText = true

    public init(value: Value, range: SourceRange, scalarType: ScalarType = .string, isQuoted: Bool = false) {
        self.value = value
        self.range = range
        self.scalarType = scalarType
        self.isQuoted = isQuoted
    }

    public var string: String? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    public var isNull: Bool { scalarType == .null && !isQuoted }

    /// The value stored under `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.string == key }?.value
    }

    /// A short name of what the node is, for messages ("a list", "a number").
    public var kindDescription: String {
        switch value {
        case .sequence: return "a list"
        case .mapping: return "a set of fields"
        case .scalar:
            switch scalarType {
            case .null: return "empty"
            case .int, .float: return "a number"
            case .bool: return "yes/no"
            case .timestamp: return "a date"
            case .string: return "text"
            }
        }
    }
}

/// One `key: value` entry of a YAML mapping.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
}
