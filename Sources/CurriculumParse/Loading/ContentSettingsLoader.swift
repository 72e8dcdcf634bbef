/// Reads the settings of the content rules from schema.yaml: `content:` (reading-grade
/// ceilings, review freshness, outcome verbs) and `person-first:` (terms to avoid and names
/// where their words are fine). Every problem is a setup diagnostic at its line and column.
enum ContentSettingsLoader {
    static let contentKeys = ["reading-grade", "reading-grade-by-audience", "review-months", "max-module-kb", "measurable-verbs", "vague-verbs"]
    static let termKeys = ["id", "avoid", "use", "plural", "why", "unless-followed-by", "noun-only", "off"]

    /// Reads `content:` into `settings`; `audiences` are the schema's, for the per-audience ceilings.
    static func readContent(_ content: YAMLNode, audiences: [String], into settings: inout ContentSettings, reader: inout FieldReader) {
        let path = reader.path
        for pair in content.mapping ?? [] {
            guard let key = pair.key.string, !contentKeys.contains(key) else { continue }
            let suggestion = closestMatch(to: key, in: contentKeys)
            reader.report(SetupRules.schemaUnknownKey.diagnostic(path, pair.key.range, "'content' has no setting '\(key)'",
                fix: Fix(summary: suggestion.map { "did you mean '\($0)'? The settings are: \(contentKeys.joined(separator: ", "))" }
                         ?? "the settings are: \(contentKeys.joined(separator: ", "))",
                         replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
        }
        if let node = content["reading-grade"] {
            if let grade = gradeValue(node) { settings.readingGrade = grade } else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, node.range, "'reading-grade' should be a grade level such as 8",
                                                                  fix: Fix(summary: "write 'reading-grade: 8'")))
            }
        }
        if let byAudience = reader.mapping(content, "reading-grade-by-audience", required: false, context: "content", example: "{family: 9}") {
            for pair in byAudience.mapping ?? [] {
                guard let audience = pair.key.string else { continue }
                guard audiences.contains(audience) else {
                    let suggestion = closestMatch(to: audience, in: audiences)
                    reader.report(SetupRules.schemaInvalid.diagnostic(path, pair.key.range, "'\(audience)' is not one of the schema's audiences",
                        fix: Fix(summary: suggestion.map { "did you mean '\($0)'? The audiences are: \(audiences.joined(separator: ", "))" }
                                 ?? "use one of: \(audiences.joined(separator: ", "))",
                                 replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
                    continue
                }
                guard let grade = gradeValue(pair.value) else {
                    reader.report(SetupRules.schemaInvalid.diagnostic(path, pair.value.range, "the reading grade for '\(audience)' should be a grade level such as 8",
                                                                      fix: Fix(summary: "write '\(audience): 8'")))
                    continue
                }
                settings.readingGradeByAudience[audience] = grade
            }
        }
        // The ceilings keep date and size arithmetic (months added to a date, kilobytes to bytes)
        // far from Int's limits.
        if let months = reader.int(content, "review-months", required: false, context: "content", example: "12") {
            if (1...1200).contains(months.value) { settings.reviewMonths = months.value } else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, months.range, "'review-months' should be a number of months from 1 to 1200",
                                                                  fix: Fix(summary: "write 'review-months: 12'")))
            }
        }
        if let size = reader.int(content, "max-module-kb", required: false, context: "content", example: "1024") {
            if (1...1_048_576).contains(size.value) { settings.maxModuleKB = size.value } else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, size.range, "'max-module-kb' should be a size in kilobytes from 1 to 1048576 (1 GB)",
                                                                  fix: Fix(summary: "write 'max-module-kb: 1024'")))
            }
        }
        if let verbs = reader.stringList(content, "measurable-verbs", required: false, nonEmpty: true, context: "content", example: "[name, list, describe]") {
            settings.measurableVerbs = verbs.map { $0.value.lowercased().trimmingWhitespace() }
        }
        if let verbs = reader.stringList(content, "vague-verbs", required: false, nonEmpty: false, context: "content", example: "[understand, know, learn]") {
            settings.vagueVerbs = verbs.map { $0.value.lowercased().trimmingWhitespace() }
        }
    }

    /// Reads `person-first:` and merges it into the built-in term list.
    static func readPersonFirst(_ node: YAMLNode, into settings: inout ContentSettings, reader: inout FieldReader) {
        let path = reader.path
        for pair in node.mapping ?? [] {
            guard let key = pair.key.string, key != "terms", key != "names" else { continue }
            reader.report(SetupRules.schemaUnknownKey.diagnostic(path, pair.key.range, "'person-first' has no field '\(key)'; it has 'terms' and 'names'",
                                                              fix: Fix(summary: "move the entry under 'terms:' or 'names:'")))
        }
        var added: [PreferredTerm] = []
        var off = Set<String>()
        let builtInIDs = PreferredTermList.builtIn.terms.map(\.id)
        for item in reader.list(node, "terms", required: false, context: "person-first", example: "[{avoid: client, use: participant}]") ?? [] {
            guard item.mapping != nil else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, item.range, "each entry of 'terms' should be fields such as 'avoid:' and 'use:'",
                                                                  fix: Fix(summary: "write '- avoid: client' with 'use: participant' indented below it")))
                continue
            }
            for pair in item.mapping ?? [] {
                guard let key = pair.key.string, !termKeys.contains(key) else { continue }
                let suggestion = closestMatch(to: key, in: termKeys)
                reader.report(SetupRules.schemaUnknownKey.diagnostic(path, pair.key.range, "a person-first term has no field '\(key)'",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "the fields are: \(termKeys.joined(separator: ", "))",
                             replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
            }
            let id = reader.string(item, "id", required: false, context: "a person-first term", example: "clean-test")
            if reader.bool(item, "off", context: "a person-first term")?.value == true {
                guard let id else {
                    reader.report(SetupRules.schemaInvalid.diagnostic(path, item.range, "'off: true' needs the id of the built-in term to switch off",
                        fix: Fix(summary: "add 'id: ...' with one of: \(builtInIDs.joined(separator: ", "))")))
                    continue
                }
                guard builtInIDs.contains(id.value) else {
                    let suggestion = closestMatch(to: id.value, in: builtInIDs)
                    reader.report(SetupRules.schemaInvalid.diagnostic(path, id.range, "there is no built-in person-first term '\(id.value)'",
                        fix: Fix(summary: suggestion.map { "did you mean '\($0)'? `curriculum explain person-first.term` lists them" }
                                 ?? "`curriculum explain person-first.term` lists the built-in terms and their ids",
                                 replacements: suggestion.map { [Replacement(range: id.range, text: $0)] } ?? [])))
                    continue
                }
                off.insert(id.value)
                continue
            }
            guard let avoidNode = item["avoid"], let avoid = texts(avoidNode), !avoid.isEmpty else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, item["avoid"]?.range ?? item.range,
                    "a person-first term needs 'avoid:', the phrase or phrases to flag", fix: Fix(summary: "write 'avoid: [client, clients]'")))
                continue
            }
            var patterns: [WordPattern] = []
            for phrase in avoid {
                switch WordPattern.parse(phrase.value) {
                case .success(let pattern): patterns.append(pattern)
                case .failure(let problem):
                    reader.report(SetupRules.schemaInvalid.diagnostic(path, phrase.range, "the phrase '\(phrase.value)' cannot be used: \(problem.message)",
                        fix: Fix(summary: "write words separated by spaces; a|b for either word, word? for an optional word, [brackets] around the part to replace")))
                }
            }
            guard let useNode = item["use"], let use = texts(useNode), !use.isEmpty else {
                reader.report(SetupRules.schemaInvalid.diagnostic(path, item["use"]?.range ?? item.range,
                    "a person-first term needs 'use:', what to write instead", fix: Fix(summary: "write 'use: participant' (or a list of choices)")))
                continue
            }
            let plural = reader.string(item, "plural", required: false, context: "a person-first term", example: "participants")
            let why = reader.string(item, "why", required: false, context: "a person-first term", example: "Our program says participant.")
            let unless = reader.stringList(item, "unless-followed-by", required: false, nonEmpty: false, context: "a person-first term", example: "[drink, drinks]") ?? []
            let nounOnly = reader.bool(item, "noun-only", context: "a person-first term")?.value ?? false
            guard !patterns.isEmpty else { continue }
            added.append(PreferredTerm(id: id?.value ?? Slug.make(avoid[0].value), avoid: patterns, use: use.map(\.value),
                                       plural: plural?.value, why: why?.value ?? "The curriculum's term list asks for '\(use[0].value)' instead.",
                                       unlessFollowedBy: Set(unless.map { WordPattern.normalize($0.value) }), nounOnly: nounOnly))
        }
        let names = reader.stringList(node, "names", required: false, nonEmpty: false, context: "person-first", example: "[Alcoholics Anonymous]") ?? []
        settings.preferredTerms = settings.preferredTerms.merging(added, off: off, names: names.map(\.value))
    }

    /// A text or a list of texts, with where each is written.
    private static func texts(_ node: YAMLNode) -> [Located<String>]? {
        if let text = node.string, !node.isNull { return [Located(text, at: node.range)] }
        guard let items = node.sequence else { return nil }
        let values = items.compactMap { item in item.string.map { Located($0, at: item.range) } }
        return values.count == items.count ? values : nil
    }

    private static func gradeValue(_ node: YAMLNode) -> Double? {
        guard let text = node.string, let grade = Double(text), grade > 0, grade < 30 else { return nil }
        return grade
    }
}
