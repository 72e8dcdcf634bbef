/// What a `{callout}` block is for. An ordinary callout prints the writer's Markdown in a box;
/// two kinds, named by the first word after `{callout}`, also print a setting of schema.yaml
/// beside it, so a clinic changes the wording in one place:
/// - `{callout} emergency` prints "In an emergency, call 911" (the `emergency-number`);
/// - `{callout} good-samaritan` prints the state's Good Samaritan overdose law (`good-samaritan`).
/// Words after the kind are the callout's title: ```` ```{callout} emergency If someone overdoses ````.
public enum CalloutKind: String, Sendable, CaseIterable {
    case plain
    case emergency
    case goodSamaritan = "good-samaritan"

    /// The kind and the title of a callout whose info string after `{callout}` is `title`.
    /// Only the exact lowercase words name a kind: "Emergency plan" stays a title.
    public static func split(_ title: String?) -> (kind: CalloutKind, title: String?) {
        guard let title else { return (.plain, nil) }
        let head = title.prefix { $0 != " " && $0 != "\t" }
        guard let kind = CalloutKind(rawValue: String(head)), kind != .plain else { return (.plain, title) }
        let rest = title.dropFirst(head.count).trimmingWhitespace()
        return (kind, rest.isEmpty ? nil : rest)
    }
}

/// The schema's values that emergency and Good Samaritan callouts print.
public struct CalloutSettings: Sendable, Hashable {
    public var emergencyNumber: String
    public var goodSamaritan: GoodSamaritanLaw?

    public init(emergencyNumber: String = "911", goodSamaritan: GoodSamaritanLaw? = nil) {
        self.emergencyNumber = emergencyNumber
        self.goodSamaritan = goodSamaritan
    }

    public init(_ schema: Schema) {
        self.init(emergencyNumber: schema.emergencyNumber, goodSamaritan: schema.goodSamaritan)
    }
}
