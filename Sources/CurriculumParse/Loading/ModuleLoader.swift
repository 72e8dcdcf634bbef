/// Turns the bytes of one module file into a `Module` and the findings about its form:
/// readable UTF-8, front matter present and closed, valid YAML, fields of the right kind.
/// Checks that need the schema or other modules are rules (see `Checker`).
public enum ModuleLoader {
    static let fieldRules = FieldReader.Rules(missingField: FrontMatterRules.missingField, wrongType: FrontMatterRules.wrongType,
                                              invalidDate: FrontMatterRules.invalidDate, emptyList: FrontMatterRules.emptyList)

    /// The fields a module's front matter may have.
    public static let knownFields = ["id", "title", "topic", "group", "objectives", "outcomes", "minutes", "audience",
                                     "requires", "materials", "status", "reviewed", "reviewed-by", "language", "translates", "source-digest"]

    /// The module in `bytes`, with the reserved sections of a language the tool knows named by
    /// their role (`## Tarea` is the Homework), and the findings about its form.
    public static func load(path: String, bytes: [UInt8]) -> (Module?, [Diagnostic]) {
        let (read, found) = read(path: path, bytes: bytes)
        guard var module = read, let pack = LanguagePack.sectionNames(for: module.languageTag) else { return (read, found) }
        module.nameSections(with: pack)
        return (module, found)
    }

    private static func read(path: String, bytes: [UInt8]) -> (Module?, [Diagnostic]) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (nil, [FileRules.empty.diagnostic(path, .at(line: 1), "the module file is empty",
                fix: Fix(summary: "start it with front matter (id, title, topic, group, ...) between --- lines, or run `curriculum new module`"))])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return (nil, [FileRules.invalidUTF8.diagnostic(path, .at(line: line, column: column),
                "the file is not UTF-8 text (an invalid byte at line \(line), column \(column))",
                fix: Fix(summary: "save the file as UTF-8 in your editor (often 'Save with encoding' or 'Reopen with encoding')"))])
        }
        let file = SourceFile(path: path, text: text)
        // Blank lines above the opening '---': said at line 1, and the module read as meant.
        if let opening = FrontMatterSplitter.openingAfterBlankLines(file), case .success(let parts) = FrontMatterSplitter.split(file, openingLine: opening) {
            let body = CmarkParser.parse(body: parts.body, firstLine: parts.bodyFirstLine, in: file)
            let frontRange = SourceRange(start: SourceLocation(line: opening, column: 1), end: SourceLocation(line: parts.closingLine, column: 4))
            let (module, found) = readFrontMatter(parts, file: file, body: body, frontRange: frontRange)
            let blank = FrontMatterRules.missing.diagnostic(path, .at(line: 1),
                "the front matter must start on the very first line, but \(opening == 2 ? "line 1 is a blank line" : "lines 1 to \(opening - 1) are blank lines") before its '---'",
                fix: Fix(summary: "delete the blank line\(opening == 2 ? "" : "s") above '---'",
                         replacements: [Replacement(range: SourceRange(line: 1, column: 1, endLine: opening, endColumn: 1), text: "")], automatic: true))
            return (module, [blank] + found)
        }
        switch FrontMatterSplitter.split(file) {
        case .failure(.missing):
            let body = CmarkParser.parse(body: file.text, firstLine: 1, in: file)
            let module = Module(file: file, hasFrontMatter: false, frontMatterRange: .at(line: 1), body: body)
            return (module, [FrontMatterRules.missing.diagnostic(path, file.rangeOfLine(1), "the module does not start with front matter",
                fix: Fix(summary: "add a first line '---', then the fields (id, title, topic, group, objectives, outcomes, minutes, reviewed), then a line '---'"))])
        case .failure(.unclosed):
            return (nil, [FrontMatterRules.unclosed.diagnostic(path, file.rangeOfLine(1), "the front matter that starts here is never closed",
                fix: Fix(summary: "add a line '---' after the last front matter field, before the module's text"))])
        case .success(let parts):
            let body = CmarkParser.parse(body: parts.body, firstLine: parts.bodyFirstLine, in: file)
            let frontRange = SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: parts.closingLine, column: 4))
            return readFrontMatter(parts, file: file, body: body, frontRange: frontRange)
        }
    }

    private static func readFrontMatter(_ parts: FrontMatterSplitter.Parts, file: SourceFile, body: MarkdownNode,
                                        frontRange: SourceRange) -> (Module?, [Diagnostic]) {
        let path = file.path
        let root: YAMLNode?
        do {
            root = try YAMLReader(allowAliases: false).read(parts.yaml, firstLine: parts.yamlFirstLine, in: file)
        } catch {
            let rule: RuleDescriptor = switch error.kind {
            case .alias, .tooLarge: FrontMatterRules.alias
            case .duplicateKey: FrontMatterRules.duplicateField
            case .syntax: FrontMatterRules.yamlSyntax
            }
            let module = Module(file: file, hasFrontMatter: false, frontMatterRange: frontRange, body: body)
            return (module, [rule.diagnostic(path, error.range, error.message,
                                             fix: error.fix.map { Fix(summary: $0, replacements: error.replacements, automatic: error.isCertain) })])
        }
        guard let root, root.mapping != nil else {
            let module = Module(file: file, hasFrontMatter: false, frontMatterRange: frontRange, body: body)
            let range = root?.range ?? file.rangeOfLine(1)
            return (module, [FrontMatterRules.notMapping.diagnostic(path, range, "the front matter should be fields written 'name: value', one per line",
                fix: Fix(summary: "write each field on its own line, for example 'title: Mapping Your Triggers'"))])
        }
        var module = Module(file: file, hasFrontMatter: true, frontMatterRange: frontRange, body: body)
        var reader = FieldReader(path: path, rules: fieldRules, missingFieldRange: file.rangeOfLine(1))
        let context = "the front matter"
        module.title = reader.string(root, "title", required: true, context: context, example: "Mapping Your Triggers")
        module.id = reader.string(root, "id", required: true, context: context, example: module.title.map { Slug.make($0.value) } ?? "mapping-your-triggers")
        module.topic = reader.string(root, "topic", required: true, context: context, example: "triggers")
        module.group = reader.string(root, "group", required: true, context: context, example: "skill-building")
        module.objectives = reader.stringList(root, "objectives", required: true, nonEmpty: true, context: context, example: "[triggers, coping]") ?? []
        module.outcomes = reader.stringList(root, "outcomes", required: true, nonEmpty: true, context: context, example: "[Name three personal triggers]") ?? []
        module.minutes = reader.int(root, "minutes", required: true, context: context, example: "50")
        module.audience = reader.string(root, "audience", required: false, context: context, example: "adult")
        module.requires = reader.stringList(root, "requires", required: false, nonEmpty: false, context: context, example: "[brain-and-reward]") ?? []
        module.materials = reader.stringList(root, "materials", required: false, nonEmpty: false, context: context, example: "[worksheet, pens]") ?? []
        if let status = reader.string(root, "status", required: false, context: context, example: "draft") {
            if let value = ReviewStatus(rawValue: status.value.trimmingWhitespace().lowercased()) {
                module.status = Located(value, at: status.range)
            } else {
                let choices = ReviewStatus.allCases.map(\.rawValue)
                let suggestion = closestMatch(to: status.value.lowercased(), in: choices)
                reader.report(FrontMatterRules.wrongType.diagnostic(path, status.range,
                    "'status' should be draft, sample or approved, but it is '\(status.value)'",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "write 'status: draft' until a clinician has reviewed the module",
                             replacements: suggestion.map { [Replacement(range: status.range, text: $0)] } ?? [],
                             automatic: uniqueClosestMatch(to: status.value.lowercased(), in: choices) != nil)))
            }
        }
        // Only an approved module claims a review, so only it must say when it took place.
        let approved = module.status?.value == .approved
        module.reviewed = reader.date(root, "reviewed", required: false, context: context, example: "2026-11-01")
        if approved, module.reviewed == nil, root["reviewed"] == nil || root["reviewed"]?.isNull == true, let status = module.status {
            reader.report(FrontMatterRules.missingField.diagnostic(path, status.range,
                "an approved module needs 'reviewed', the date of its clinical review",
                fix: Fix(summary: "add a line such as 'reviewed: 2026-11-01' with the date the review took place, or write 'status: draft' until there is one")))
        }
        module.reviewedBy = reader.string(root, "reviewed-by", required: false, context: context, example: "\"Name, Credential\"")
        module.language = reader.string(root, "language", required: false, context: context, example: "en")
        module.translates = reader.string(root, "translates", required: false, context: context, example: "triggers-mapping")
        if let digests = reader.mapping(root, "source-digest", required: false, context: context, example: "{opening: 0123456789abcdef}") {
            var entries: [SourceDigest.Entry] = []
            for pair in digests.mapping ?? [] {
                guard let key = pair.key.string, let digest = pair.value.string, !pair.value.isNull else {
                    reader.report(FrontMatterRules.wrongType.diagnostic(path, pair.value.range,
                        "each entry of 'source-digest' should be a section key and a digest, such as 'opening: 0123456789abcdef'",
                        fix: Fix(summary: "run `curriculum translations sync \(module.id?.value ?? "ID")` to write the field again")))
                    continue
                }
                entries.append(SourceDigest.Entry(key: key, digest: digest))
            }
            module.sourceDigest = Located(SourceDigest(entries: entries), at: digests.range)
        }

        var diagnostics = reader.diagnostics + ListIndentCheck.findings(parts, in: file)
        // How many unknown fields suggest each field: a rename is certain only for the one
        // misspelling of a field ('ti[le' and 'titld' both renamed to 'title' would write it twice).
        var suggested: [String: Int] = [:]
        for pair in root.mapping ?? [] {
            guard let key = pair.key.string, !knownFields.contains(key), let suggestion = closestMatch(to: key, in: knownFields) else { continue }
            suggested[suggestion, default: 0] += 1
        }
        for pair in root.mapping ?? [] {
            guard let key = pair.key.string else { continue }
            if !knownFields.contains(key) {
                let suggestion = closestMatch(to: key, in: knownFields)
                let alone = suggestion.map { suggested[$0] == 1 } ?? false
                // A misspelt required field ('objectivs'): one finding at the misspelling, in
                // place of "missing 'objectives'" at line 1.
                if let suggestion, let missing = diagnostics.firstIndex(where: { $0.rule == FrontMatterRules.missingField.id && $0.message.hasSuffix("field '\(suggestion)'") }) {
                    diagnostics[missing] = FrontMatterRules.missingField.diagnostic(path, pair.key.range,
                        "'\(key)' is not a field modules use, and the required field '\(suggestion)' is missing: did you mean '\(suggestion)'?",
                        fix: Fix(summary: "did you mean '\(suggestion)'?", replacements: [Replacement(range: pair.key.range, text: suggestion)], automatic: alone))
                    continue
                }
                // Renamed by --fix only when one field is that close and it is not written already.
                let certain = alone && (uniqueClosestMatch(to: key, in: knownFields).map { root[$0] == nil } ?? false)
                diagnostics.append(FrontMatterRules.unknownField.diagnostic(path, pair.key.range,
                    "the front matter has a field '\(key)' that modules do not use",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "remove it, or check its spelling against the module format in docs/modules.md",
                             replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [], automatic: certain)))
            }
        }
        return (module, diagnostics)
    }

    /// 1-based line and code-point column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
