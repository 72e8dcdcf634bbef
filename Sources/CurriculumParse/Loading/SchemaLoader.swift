/// Reads `schema.yaml`. Every problem is a setup diagnostic (exit 2) at its line and column.
public enum SchemaLoader {
    static let fieldRules = FieldReader.Rules(missingField: SetupRules.schemaInvalid, wrongType: SetupRules.schemaInvalid,
                                              invalidDate: SetupRules.schemaInvalid, emptyList: SetupRules.schemaInvalid)

    /// Returns the schema (nil when it cannot be used) and the findings about it.
    public static func load(_ file: SourceFile, knownRules: Set<String>) -> (Schema?, [Diagnostic]) {
        let parsed: YAMLNode?
        do {
            parsed = try YAMLReader(allowAliases: true, nodeBudget: 50_000).read(file.text, firstLine: 1, in: file)
        } catch {
            return (nil, [SetupRules.schemaSyntax.diagnostic(file.path, error.range, error.message,
                                                             fix: error.fix.map { Fix(summary: $0) })])
        }
        guard let written = parsed, written.mapping != nil else {
            return (nil, [SetupRules.schemaInvalid.diagnostic(file.path, .at(line: 1), "schema.yaml should be a set of fields (objectives, topics, groups, ...)",
                                                              fix: Fix(summary: "start from the sample curriculum's schema.yaml"))])
        }
        var reader = FieldReader(path: file.path, rules: fieldRules, missingFieldRange: .at(line: 1))
        var schema = Schema()
        let context = "schema.yaml"
        func known(_ node: YAMLNode, _ keys: [String], _ what: String) -> YAMLNode {
            KnownKeys.check(node, keys, what: what, rule: SetupRules.schemaUnknownKey, reader: &reader)
        }
        let root = known(written, Keys.schema, "the schema")

        for written in reader.list(root, "objectives", required: true, context: context, example: "[{id: coping, title: Healthy coping, core: true}]") ?? [] {
            let item = known(written, Keys.objective, "an objective")
            guard entryIsMapping(item, "objectives", &reader) else { continue }
            guard let id = idField(item, &reader, context: "an objective") else { continue }
            let localized = reader.localized(item, "title", required: true, context: "objective '\(id.value)'", example: "Healthy coping strategies")
            let title = localized?.value
            let core = reader.bool(item, "core", context: "objective")
            var objective = Objective(id: id.value, title: title?.value ?? id.value, isCore: core?.value ?? false)
            objective.titles = localized?.translations ?? [:]
            schema.objectives.append(objective)
        }
        for written in reader.list(root, "topics", required: true, context: context, example: "[{id: coping, title: Coping skills}]") ?? [] {
            let item = known(written, Keys.topic, "a topic")
            guard entryIsMapping(item, "topics", &reader) else { continue }
            guard let id = idField(item, &reader, context: "a topic") else { continue }
            let localized = reader.localized(item, "title", required: false, context: "topic", example: "Coping skills")
            var topic = Topic(id: id.value, title: localized?.value.value ?? id.value)
            topic.titles = localized?.translations ?? [:]
            schema.topics.append(topic)
        }
        for written in reader.list(root, "groups", required: true, context: context, example: "[{id: support, minutes: [30, 90]}]") ?? [] {
            let item = known(written, Keys.group, "a group format")
            guard entryIsMapping(item, "groups", &reader) else { continue }
            guard let id = idField(item, &reader, context: "a group format") else { continue }
            let localized = reader.localized(item, "title", required: false, context: "group", example: "Support group")
            let title = localized?.value
            var range = 15...240
            if let minutes = reader.list(item, "minutes", required: true, context: "group '\(id.value)'", example: "[30, 90]") {
                let values = minutes.compactMap { $0.string.flatMap(Int.init) }
                if values.count == 2, values[0] > 0, values[0] <= values[1] {
                    range = values[0]...values[1]
                } else {
                    reader.report(SetupRules.schemaInvalid.diagnostic(file.path, item["minutes"]!.range,
                        "'minutes' of group '\(id.value)' should be two whole numbers, shortest then longest",
                        fix: Fix(summary: "write it as 'minutes: [30, 90]'")))
                }
            }
            let sections = reader.stringList(item, "sections", required: false, nonEmpty: false, context: "group", example: "[Practice, Homework]") ?? []
            let homework = reader.bool(item, "homework", context: "group")?.value ?? false
            var required = sections.map(\.value)
            if homework, !required.contains(where: { $0.lowercased() == "homework" }) { required.append("Homework") }
            var format = GroupFormat(id: id.value, title: title?.value ?? id.value, minutes: range,
                                     requiredSections: required, homeworkRequired: homework)
            format.titles = localized?.translations ?? [:]
            schema.groups.append(format)
        }
        if let audiences = reader.stringList(root, "audiences", required: false, nonEmpty: true, context: context, example: "[adult, adolescent, family]") {
            schema.audiences = audiences.map(\.value)
        }
        if let content = reader.mapping(root, "content", required: false, context: context, example: "{reading-grade: 8}") {
            ContentSettingsLoader.readContent(content, audiences: schema.audiences, into: &schema.content, reader: &reader)
        }
        if let personFirst = reader.mapping(root, "person-first", required: false, context: context, example: "{terms: [{avoid: client, use: participant}]}") {
            ContentSettingsLoader.readPersonFirst(personFirst, into: &schema.content, reader: &reader)
        }
        if let rules = reader.mapping(root, "rules", required: false, context: context, example: "{images.remote: error}") {
            for pair in rules.mapping ?? [] {
                guard let id = pair.key.string else { continue }
                guard knownRules.contains(id) else {
                    let suggestion = closestMatch(to: id, in: knownRules.sorted())
                    reader.report(SetupRules.schemaUnknownRule.diagnostic(file.path, pair.key.range, "there is no rule '\(id)'",
                        fix: Fix(summary: suggestion.map { "did you mean '\($0)'? `curriculum rules` lists every rule" } ?? "`curriculum rules` lists every rule",
                                 replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
                    continue
                }
                guard let text = pair.value.string, let severity = Severity(rawValue: text.lowercased()) else {
                    reader.report(SetupRules.schemaInvalid.diagnostic(file.path, pair.value.range, "the severity of '\(id)' should be error, warning or off",
                                                                      fix: Fix(summary: "write '\(id): warning'")))
                    continue
                }
                schema.severities[id] = severity
            }
        }
        if let written = reader.mapping(root, "program-limits", required: false, context: context, example: "{hours-per-week: [9, 20]}") {
            let limits = known(written, Keys.programLimits, "'program-limits'")
            // `most` keeps the limits within what a week holds; the program rules multiply
            // hours into minutes, which would overflow on numbers near Int's limits.
            func range(_ key: String, _ example: String, most: Int) -> ClosedRange<Int>? {
                guard let node = limits[key] else { return nil }
                let values = node.sequence?.compactMap { $0.string.flatMap(Int.init) } ?? []
                guard values.count == 2, values[0] >= 0, values[0] <= values[1], values[1] <= most else {
                    reader.report(SetupRules.schemaInvalid.diagnostic(file.path, node.range,
                        "'\(key)' should be two whole numbers from 0 to \(most), lowest then highest",
                        fix: Fix(summary: "write '\(key): \(example)'")))
                    return nil
                }
                return values[0]...values[1]
            }
            if let r = range("hours-per-week", "[9, 20]", most: 7 * 24) { schema.programLimits.hoursPerWeek = r }
            if let r = range("sessions-per-week", "[3, 5]", most: 7 * 24) { schema.programLimits.sessionsPerWeek = r }
            if let r = range("session-hours", "[3, 4]", most: 24) { schema.programLimits.sessionHours = r }
        }
        for written in reader.list(root, "help-lines", required: true, context: context,
                                example: "[{name: 988 Suicide & Crisis Lifeline, number: \"988\", how: Call or text 988}]") ?? [] {
            let item = known(written, Keys.helpLine, "a help line")
            guard entryIsMapping(item, "help-lines", &reader) else { continue }
            let name = reader.localized(item, "name", required: true, context: "a help line", example: "988 Suicide & Crisis Lifeline")
            let number = reader.string(item, "number", required: true, context: "a help line", example: "\"988\"")
            let how = reader.localized(item, "how", required: false, context: "a help line", example: "Call or text 988")
            if let name, let number {
                var line = HelpLine(name: name.value.value, number: number.value, how: how?.value.value ?? "")
                line.names = name.translations
                line.hows = how?.translations ?? [:]
                schema.helpLines.append(line)
            }
        }
        readSafety(root, into: &schema, reader: &reader)
        checkUnique(schema.objectives.map(\.id), "objective", root["objectives"], &reader)
        checkUnique(schema.topics.map(\.id), "topic", root["topics"], &reader)
        checkUnique(schema.groups.map(\.id), "group", root["groups"], &reader)

        let usable = !reader.diagnostics.contains { $0.severity == .error }
        return (usable ? schema : nil, reader.diagnostics)
    }

    /// `emergency-number`, `good-samaritan` and `review`: the settings of the safety and
    /// review rules and of the emergency and Good Samaritan callouts.
    private static func readSafety(_ root: YAMLNode, into schema: inout Schema, reader: inout FieldReader) {
        let path = reader.path
        if let number = reader.string(root, "emergency-number", required: false, context: "schema.yaml", example: "\"911\"") {
            let text = number.value.trimmingWhitespace()
            if text.isEmpty || text.count > 20 || !text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, number.range, "'emergency-number' should be the number people call in an emergency, such as \"911\"",
                                                                  fix: Fix(summary: "write 'emergency-number: \"911\"' (or your country's number, such as \"112\")")))
            } else {
                schema.emergencyNumber = text
            }
        }
        if let law = reader.mapping(root, "good-samaritan", required: false, context: "schema.yaml",
                                    example: "{state: Massachusetts, law: ..., text: ...}") {
            let keys = ["state", "law", "text"]
            for pair in law.mapping ?? [] {
                guard let key = pair.key.string, !keys.contains(key) else { continue }
                let suggestion = closestMatch(to: key, in: keys)
                reader.report(SetupRules.schemaUnknownKey.diagnostic(path, pair.key.range, "'good-samaritan' has no field '\(key)'",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'? The fields are: state, law, text" } ?? "the fields are: state, law, text",
                             replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
            }
            let state = reader.string(law, "state", required: true, context: "'good-samaritan'", example: "Massachusetts")
            let name = reader.string(law, "law", required: true, context: "'good-samaritan'", example: "Massachusetts General Laws chapter 94C, section 34A")
            let text = reader.localized(law, "text", required: true, context: "'good-samaritan'", example: "If you call {emergency-number} for someone who overdosed, ...")
            if let state, let name, let text {
                var goodSamaritan = GoodSamaritanLaw(state: state.value, law: name.value, text: text.value.value.trimmingWhitespace())
                goodSamaritan.texts = text.translations.mapValues { $0.trimmingWhitespace() }
                schema.goodSamaritan = goodSamaritan
            }
        }
        if let review = reader.mapping(root, "review", required: false, context: "schema.yaml", example: "{require-reviewer: true}") {
            for pair in review.mapping ?? [] {
                guard let key = pair.key.string, key != "require-reviewer" else { continue }
                reader.report(SetupRules.schemaUnknownKey.diagnostic(path, pair.key.range, "'review' has no setting '\(key)'; it has 'require-reviewer'",
                    fix: Fix(summary: "write 'review: {require-reviewer: true}'")))
            }
            if let require = reader.bool(review, "require-reviewer", context: "review") { schema.requireReviewer = require.value }
        }
    }

    /// The fields each part of schema.yaml may have; `content`, `person-first`, `good-samaritan`
    /// and `review` check their own.
    enum Keys {
        static let schema = ["objectives", "topics", "groups", "audiences", "content", "person-first", "rules", "program-limits",
                             "help-lines", "emergency-number", "good-samaritan", "review"]
        static let objective = ["id", "title", "core"]
        static let topic = ["id", "title"]
        static let group = ["id", "title", "minutes", "sections", "homework"]
        static let programLimits = ["hours-per-week", "sessions-per-week", "session-hours"]
        static let helpLine = ["name", "number", "how"]
    }

    private static func entryIsMapping(_ item: YAMLNode, _ list: String, _ reader: inout FieldReader) -> Bool {
        guard item.mapping != nil else {
            reader.report(SetupRules.schemaInvalid.diagnostic(reader.path, item.range, "each entry of '\(list)' should be a set of fields such as 'id: ...'",
                                                              fix: Fix(summary: "write the entry as '- id: name' with its other fields indented below")))
            return false
        }
        return true
    }

    private static func idField(_ item: YAMLNode, _ reader: inout FieldReader, context: String) -> Located<String>? {
        guard let id = reader.string(item, "id", required: true, context: context, example: "coping") else { return nil }
        if !Slug.isValid(id.value) {
            reader.report(SetupRules.schemaInvalid.diagnostic(reader.path, id.range, "'\(id.value)' is not a valid id: use lowercase letters, digits and hyphens",
                                                              fix: Fix(summary: "write it as '\(Slug.make(id.value))'", replacements: [Replacement(range: id.range, text: Slug.make(id.value))])))
        }
        return id
    }

    private static func checkUnique(_ ids: [String], _ what: String, _ node: YAMLNode?, _ reader: inout FieldReader) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            let range = node?.sequence?[safe: index]?["id"]?.range ?? .at(line: 1)
            reader.report(SetupRules.schemaInvalid.diagnostic(reader.path, range, "the \(what) id '\(id)' is declared twice",
                                                              fix: Fix(summary: "give each \(what) its own id")))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
