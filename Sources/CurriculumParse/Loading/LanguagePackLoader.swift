/// Reads the language packs in a curriculum's `languages/` folder (`es.yaml`, ...): reserved
/// section names, template labels, date formats and person-first terms for each language.
/// Every problem is reported at its line and column; a label missing from a pack is
/// `language.missing-label`, since documents never fall back to English for it.
public enum LanguagePackLoader {
    public static let fields = ["language", "name", "sections", "labels", "dates", "person-first"]
    public static let dateFields = ["months", "weekdays", "weekdays-short", "long", "short", "clock"]

    /// The packs in `root/languages/` by language tag, and the findings about them.
    static func load(root: String, fileSystem: any FileSystem) -> ([String: LanguagePack], [Diagnostic]) {
        let folder = PathUtil.join(root, "languages")
        guard fileSystem.isDirectory(folder) == true,
              let listing = try? fileSystem.listRecursivelyNotingUnreadable(folder) else { return ([:], []) }
        var packs: [String: LanguagePack] = [:]
        var diagnostics: [Diagnostic] = []
        for name in listing.entries.sorted() where name.hasSuffix(".yaml") && !name.contains("/") {
            let path = PathUtil.join(folder, name)
            let display = PathUtil.display(path)
            guard fileSystem.isInside(path, root: root) else {
                diagnostics.append(CurriculumLoader.outsideDiagnostic(display, root: PathUtil.display(root), what: "the language pack", setup: false))
                continue
            }
            guard let bytes = try? fileSystem.readFile(path, maxBytes: CurriculumLoader.maxSettingsBytes),
                  let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(LanguageRules.invalid.diagnostic(display, .at(line: 1), "the language pack cannot be read as UTF-8 text",
                                                                    fix: Fix(summary: "check the file's permissions and save it as UTF-8")))
                continue
            }
            let tag = String(name.dropLast(".yaml".count))
            let (pack, found) = load(SourceFile(path: display, text: text), tag: tag)
            diagnostics += found
            if let pack { packs[tag] = pack }
        }
        return (packs, diagnostics)
    }

    /// The pack in `file` (named `tag`.yaml) and the findings about it.
    public static func load(_ file: SourceFile, tag: String) -> (LanguagePack?, [Diagnostic]) {
        let invalid = LanguageRules.invalid
        let root: YAMLNode?
        do {
            root = try YAMLReader(allowAliases: false).read(file.text, firstLine: 1, in: file)
        } catch {
            return (nil, [invalid.diagnostic(file.path, error.range, error.message, fix: error.fix.map { Fix(summary: $0) })])
        }
        guard let root, root.mapping != nil else {
            return (nil, [invalid.diagnostic(file.path, root?.range ?? .at(line: 1), "a language pack is a set of fields: 'language:', 'sections:', 'labels:' and 'dates:'",
                                             fix: Fix(summary: "copy curriculum/languages/es.yaml and translate its values"))])
        }
        let rules = FieldReader.Rules(missingField: invalid, wrongType: invalid, invalidDate: invalid, emptyList: invalid)
        var reader = FieldReader(path: file.path, rules: rules, missingFieldRange: .at(line: 1))
        unknownKeys(root, fields, "a language pack", invalid, &reader)
        let language = reader.string(root, "language", required: true, context: "the language pack", example: tag)
        if let language, language.value != tag {
            reader.report(invalid.diagnostic(file.path, language.range, "the pack says 'language: \(language.value)' but its file is named \(tag).yaml",
                fix: Fix(summary: "name the file after the language tag, or write 'language: \(tag)'",
                         replacements: [Replacement(range: language.range, text: tag)])))
        }
        let english = LanguagePack.english

        // Reserved sections: every role needs at least one name.
        var sections: [SectionRole: [String]] = [:]
        let sectionsNode = reader.mapping(root, "sections", required: true, context: "the language pack", example: "{homework: [Tarea]}")
        if let sectionsNode {
            unknownKeys(sectionsNode, SectionRole.allCases.map(\.rawValue), "'sections'", invalid, &reader)
            for role in SectionRole.allCases {
                if let names = reader.stringList(sectionsNode, role.rawValue, required: false, nonEmpty: true, context: "sections", example: "[Tarea]") {
                    sections[role] = names.map { $0.value.trimmingWhitespace() }
                }
            }
        }
        for role in SectionRole.allCases where sections[role] == nil && sectionsNode != nil {
            reader.report(LanguageRules.missingLabel.diagnostic(file.path, sectionsNode.map { keyRange(root, "sections") ?? $0.range } ?? .at(line: 1),
                "the language pack '\(tag)' does not name the reserved section '\(role.rawValue)' (English: \(english.sectionTitle(role) ?? role.rawValue))",
                fix: Fix(summary: "add '\(role.rawValue): [...]' under 'sections:' with the heading writers use in this language")))
        }

        // Labels: every key, no unknown ones, the English placeholders kept.
        var labels: [String: String] = [:]
        let labelsNode = reader.mapping(root, "labels", required: true, context: "the language pack", example: "{what-you-will-learn: Lo que va a aprender}")
        if let labelsNode {
            unknownKeys(labelsNode, LanguagePack.labelKeys, "'labels'", invalid, &reader)
            for key in LanguagePack.labelKeys {
                guard let value = reader.string(labelsNode, key, required: false, context: "labels", example: "...") else { continue }
                labels[key] = value.value.trimmingWhitespace()
                let wanted = placeholders(english.labels[key] ?? "")
                let missing = wanted.subtracting(placeholders(value.value))
                if !missing.isEmpty {
                    reader.report(invalid.diagnostic(file.path, value.range,
                        "the label '\(key)' leaves out \(missing.sorted().map { "{\($0)}" }.joined(separator: ", ")), which the English label has, so that value would not print",
                        fix: Fix(summary: "keep each {placeholder} of the English label (\"\(english.labels[key] ?? "")\") in the translation")))
                }
            }
            let at = keyRange(root, "labels") ?? labelsNode.range
            for key in LanguagePack.labelKeys where labels[key] == nil {
                reader.report(LanguageRules.missingLabel.diagnostic(file.path, at,
                    "the language pack '\(tag)' has no label '\(key)' (English: \"\(english.labels[key] ?? "")\"); documents in this language would have nothing to print there",
                    fix: Fix(summary: "add '\(key): ...' under 'labels:' with the text in this language")))
            }
        }

        // Dates.
        var months = english.months, weekdays = english.weekdays, short = english.weekdaysShort
        var longFormat = english.dateFormat, shortFormat = english.shortDateFormat, clock24 = false
        if let dates = reader.mapping(root, "dates", required: true, context: "the language pack", example: "{months: [...], weekdays: [...]}") {
            unknownKeys(dates, dateFields, "'dates'", invalid, &reader)
            func names(_ key: String, _ count: Int) -> [String]? {
                guard let list = reader.stringList(dates, key, required: true, nonEmpty: true, context: "dates", example: "[...]") else { return nil }
                guard list.count == count else {
                    reader.report(invalid.diagnostic(file.path, dates[key]?.range ?? dates.range, "'\(key)' should list \(count) names, but it lists \(list.count)",
                                                     fix: Fix(summary: count == 12 ? "list the months from January to December" : "list the days from Monday to Sunday")))
                    return nil
                }
                return list.map(\.value)
            }
            months = names("months", 12) ?? months
            weekdays = names("weekdays", 7) ?? weekdays
            short = names("weekdays-short", 7) ?? short
            longFormat = reader.string(dates, "long", required: true, context: "dates", example: "\"{weekday} {day} de {month} de {year}\"")?.value ?? longFormat
            shortFormat = reader.string(dates, "short", required: true, context: "dates", example: "\"{weekday-short} {day}/{month-number}\"")?.value ?? shortFormat
            if let clock = reader.string(dates, "clock", required: true, context: "dates", example: "24h") {
                switch clock.value {
                case "24h": clock24 = true
                case "12h": clock24 = false
                default:
                    reader.report(invalid.diagnostic(file.path, clock.range, "'clock' is '12h' (5:30 PM) or '24h' (17:30), not '\(clock.value)'",
                                                     fix: Fix(summary: "write 'clock: 24h' or 'clock: 12h'")))
                }
            }
        }

        // Person-first terms for prose in this language (English keeps the built-in list).
        var terms = tag == "en" ? PreferredTermList.builtIn : PreferredTermList(terms: [], names: [])
        if let node = reader.mapping(root, "person-first", required: false, context: "the language pack", example: "{terms: [...], names: [...]}") {
            terms = ContentSettingsLoader.readPersonFirst(node, base: terms, rule: invalid, reader: &reader)
        }
        let pack = LanguagePack(language: language?.value ?? tag, path: file.path, labels: labels, sections: sections,
                                months: months, weekdays: weekdays, weekdaysShort: short, dateFormat: longFormat,
                                shortDateFormat: shortFormat, clock24: clock24, preferredTerms: terms)
        return (pack, reader.diagnostics)
    }

    /// `{name}` placeholders in a label.
    static func placeholders(_ text: String) -> Set<String> {
        var out = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// Where `key` is written in `map`.
    static func keyRange(_ map: YAMLNode, _ key: String) -> SourceRange? {
        map.mapping?.first { $0.key.string == key }?.key.range
    }

    private static func unknownKeys(_ map: YAMLNode, _ known: [String], _ context: String, _ rule: RuleDescriptor, _ reader: inout FieldReader) {
        for pair in map.mapping ?? [] {
            guard let key = pair.key.string, !known.contains(key) else { continue }
            let suggestion = closestMatch(to: key, in: known)
            reader.report(rule.diagnostic(reader.path, pair.key.range, "\(context) has no field '\(key)'",
                fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "the fields are: \(known.joined(separator: ", "))",
                         replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
        }
    }
}
