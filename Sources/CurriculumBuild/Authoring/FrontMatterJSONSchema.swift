import Foundation

/// A JSON Schema (draft-07) of module front matter, made from the curriculum's own
/// `schema.yaml`: its objective, topic, group and audience ids become enums, so editors that
/// use the YAML language server (or remark-lint-frontmatter-schema) complete them and underline
/// typos. Draft-07 is the newest draft both of those support fully.
public enum FrontMatterJSONSchema {
    public static let draft = "http://json-schema.org/draft-07/schema#"
    /// A slug: lowercase letters and digits joined by single hyphens (`Slug.isValid`).
    public static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    /// `YYYY-MM-DD`; whether the day exists is left to `curriculum check`.
    public static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    /// The shape of a BCP 47 tag the checker accepts (en, es-US, zh-Hant-TW).
    public static let languagePattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
    /// The fields a module must have (the rest are optional).
    /// (`reviewed` is required of approved modules only, and `reviewed-by` too when the schema
    /// says `review: {require-reviewer: true}`: see the `allOf` conditions.)
    public static let requiredFields = ["id", "title", "topic", "group", "objectives", "outcomes", "minutes"]

    /// The schema as JSON, keys in a fixed order so regenerating it gives the same bytes.
    public static func make(_ schema: Schema) -> JSONValue {
        func text(_ description: String, extra: [(String, JSONValue)] = []) -> JSONValue {
            .object([("description", .string(description)), ("type", .string("string"))] + extra)
        }
        func choices(_ ids: [String]) -> JSONValue { .array(ids.map(JSONValue.string)) }
        func listing(_ pairs: [(String, String)]) -> String {
            pairs.map { $0.0 == $0.1 ? $0.0 : "\($0.0) (\($0.1))" }.joined(separator: "; ")
        }
        let minimum = schema.groups.map(\.minutes.lowerBound).min() ?? 1
        let maximum = schema.groups.map(\.minutes.upperBound).max() ?? 600

        let properties: [(String, JSONValue)] = [
            ("id", text("Stable id of the module, unique in the curriculum; programs and `requires` use it.",
                        extra: [("pattern", .string(slugPattern))])),
            ("title", text("The title printed on the handout.", extra: [("minLength", .int(1))])),
            ("topic", .object([
                ("description", .string("A topic declared in schema.yaml: " + listing(schema.topics.map { ($0.id, $0.title) }))),
                ("type", .string("string")),
                ("enum", choices(schema.topics.map(\.id))),
            ])),
            ("group", .object([
                ("description", .string("The group format, declared in schema.yaml: " + schema.groups.map {
                    "\($0.id) (\($0.title), \($0.minutes.lowerBound)-\($0.minutes.upperBound) min, sections: \($0.requiredSections.joined(separator: ", ")))"
                }.joined(separator: "; "))),
                ("type", .string("string")),
                ("enum", choices(schema.groups.map(\.id))),
            ])),
            ("objectives", .object([
                ("description", .string("One or more objectives declared in schema.yaml: " + listing(schema.objectives.map { ($0.id, $0.title) }))),
                ("type", .string("array")),
                ("minItems", .int(1)),
                ("items", .object([("type", .string("string")), ("enum", choices(schema.objectives.map(\.id)))])),
            ])),
            ("outcomes", .object([
                ("description", .string("Measurable outcomes, each starting with a verb a facilitator can observe (name, list, describe, explain, practice, demonstrate, write, plan, rate, identify).")),
                ("type", .string("array")),
                ("minItems", .int(1)),
                ("items", .object([("type", .string("string")), ("minLength", .int(1))])),
            ])),
            ("minutes", .object([
                ("description", .string("Planned length of the group segment, within the group format's range.")),
                ("type", .string("integer")),
                ("minimum", .int(minimum)),
                ("maximum", .int(maximum)),
            ])),
            ("audience", .object([
                ("description", .string("Who the module is written for; adult when left out.")),
                ("type", .string("string")),
                ("enum", choices(schema.audiences)),
            ])),
            ("requires", .object([
                ("description", .string("Ids of modules that must be taught earlier in a program.")),
                ("type", .string("array")),
                ("items", .object([("type", .string("string")), ("pattern", .string(slugPattern))])),
            ])),
            ("materials", .object([
                ("description", .string("What the facilitator brings.")),
                ("type", .string("array")),
                ("items", .object([("type", .string("string"))])),
            ])),
            ("status", .object([
                ("description", .string("Where the content stands: draft (being written; the default), sample (example content no clinician of yours has reviewed) or approved (reviewed by your clinical team; needs reviewed\(schema.requireReviewer ? " and reviewed-by" : "")).")),
                ("type", .string("string")),
                ("enum", choices(ReviewStatus.allCases.map(\.rawValue))),
            ])),
            ("reviewed", text("Date of the last clinical review, YYYY-MM-DD; required when status is approved.",
                              extra: [("format", .string("date")), ("pattern", .string(datePattern))])),
            ("reviewed-by", text("Who did the clinical review, as one text: \"Name, Credential\". Never name a reviewer for a review that did not take place.",
                                 extra: [("minLength", .int(1))])),
            ("language", text("A BCP 47 language tag such as en or es-US; en when left out.",
                              extra: [("pattern", .string(languagePattern))])),
            ("translates", text("For a translation, the id of the module it translates.",
                                extra: [("pattern", .string(slugPattern))])),
        ]
        // Each group format's own range of minutes.
        let ranges: [JSONValue] = schema.groups.map { format in
            .object([
                ("if", .object([
                    ("properties", .object([("group", .object([("const", .string(format.id))]))])),
                    ("required", .array([.string("group")])),
                ])),
                ("then", .object([
                    ("properties", .object([("minutes", .object([
                        ("minimum", .int(format.minutes.lowerBound)),
                        ("maximum", .int(format.minutes.upperBound)),
                    ]))])),
                ])),
            ])
        }
        // An approved module says when it was reviewed (and by whom, when the schema asks).
        let approvedNeeds = ["reviewed"] + (schema.requireReviewer ? ["reviewed-by"] : [])
        let approval: JSONValue = .object([
            ("if", .object([
                ("properties", .object([("status", .object([("const", .string(ReviewStatus.approved.rawValue))]))])),
                ("required", .array([.string("status")])),
            ])),
            ("then", .object([("required", .array(approvedNeeds.map(JSONValue.string)))])),
        ])
        var root: [(String, JSONValue)] = [
            ("$schema", .string(draft)),
            ("$comment", .string(generatedComment)),
            ("title", .string("Curriculum module front matter")),
            ("description", .string("The fields between the --- lines at the top of a module. See docs/modules.md.")),
            ("type", .string("object")),
            ("required", .array(requiredFields.map(JSONValue.string))),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ]
        root.append(("allOf", .array(ranges + [approval])))
        return .object(root)
    }

    /// The note every generated schema carries; `schema --output` overwrites only files with it.
    static let generatedComment = "Generated from schema.yaml by `curriculum schema --format json-schema`; regenerate it after editing schema.yaml."

    /// True when `bytes` are a JSON object whose `$comment` says this command wrote it, so
    /// `schema --output` may replace it (and never a module, schema.yaml or another file).
    public static func isGenerated(_ bytes: [UInt8]) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return false }
        return (object["$comment"] as? String)?.hasPrefix("Generated from schema.yaml by `curriculum schema") == true
    }

    /// The schema as pretty-printed JSON text with a final newline.
    public static func text(_ schema: Schema) -> String {
        make(schema).serialized(pretty: true) + "\n"
    }
}
