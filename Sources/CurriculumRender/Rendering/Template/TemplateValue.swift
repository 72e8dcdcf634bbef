/// A value a Mustache template can show: the typed replacement for `Any` in template data, so
/// a lookup is a dictionary read and a switch, never a cast.
///
/// Sections follow the Mustache spec and the engine we replaced: a missing value, `false` and
/// an empty list are falsy; a list repeats its section once per item; `true` renders the
/// section in the same context; any other value (a string, even an empty one, a number, an
/// object) renders it once with the value pushed on the context stack.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text as UTF-8 bytes, such as another template's output: the same as `.string` without
    /// turning the bytes into a String first.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// A list of strings, the common case of `{{#outcomes}}{{.}}{{/outcomes}}`.
    public static func strings(_ values: [String]) -> TemplateValue { .list(values.map(TemplateValue.string)) }

    /// A list of objects.
    public static func objects(_ values: [[String: TemplateValue]]) -> TemplateValue { .list(values.map(TemplateValue.object)) }

    /// Whether an inverted section `{{^name}}` hides its content for this value.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): return value
        case .list(let items): return !items.isEmpty
        case .string, .utf8, .int, .object: return true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
