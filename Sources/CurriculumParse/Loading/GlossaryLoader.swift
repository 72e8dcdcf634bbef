/// Reads `glossary.yaml`: a `terms:` list of `term`, optional `forms`, and `definition`.
/// A glossary that cannot be read is a setup problem (exit 2) reported at its line and
/// column; the entries that can be read are still used.
public enum GlossaryLoader {

    public static let fields = ["term", "forms", "definition"]

    /// The glossary in `file` and the findings about it.
    public static func load(_ file: SourceFile) -> (Glossary, [Diagnostic]) {
        let root: YAMLNode?
        do {
            root = try YAMLReader(allowAliases: false).read(file.text, firstLine: 1, in: file)
        } catch {
            return (.empty, [syntax.diagnostic(file.path, error.range, error.message, fix: error.fix.map { Fix(summary: $0) })])
        }
        guard let root else { return (.empty, []) }  // an empty file: no terms yet
        let rules = FieldReader.Rules(missingField: invalid, wrongType: invalid, invalidDate: invalid, emptyList: invalid)
        var reader = FieldReader(path: file.path, rules: rules, missingFieldRange: .at(line: 1))
        guard root.mapping != nil else {
            return (.empty, [invalid.diagnostic(file.path, root.range, "glossary.yaml should have a 'terms:' list",
                                                fix: Fix(summary: "write 'terms:' and below it entries such as '- term: craving' with a 'definition:'"))])
        }
        var terms: [Glossary.Term] = []
        var seen: [String: Int] = [:]
        for item in reader.list(root, "terms", required: true, context: "glossary.yaml", example: "[{term: craving, definition: A strong urge to use.}]") ?? [] {
            guard item.mapping != nil else {
                reader.report(invalid.diagnostic(file.path, item.range, "each glossary entry should be fields: 'term:' and 'definition:'",
                                                 fix: Fix(summary: "write '- term: craving' with 'definition: ...' indented below it")))
                continue
            }
            for pair in item.mapping ?? [] {
                guard let key = pair.key.string, !fields.contains(key) else { continue }
                let suggestion = closestMatch(to: key, in: fields)
                reader.report(invalid.diagnostic(file.path, pair.key.range, "a glossary entry has no field '\(key)'",
                    fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "the fields are term, forms and definition",
                             replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
            }
            let term = reader.string(item, "term", required: true, context: "a glossary entry", example: "craving")
            let definition = reader.string(item, "definition", required: true, context: "glossary entry '\(term?.value ?? "")'",
                                           example: "A strong urge to use alcohol or drugs.")
            let forms = reader.stringList(item, "forms", required: false, nonEmpty: false, context: "glossary entry", example: "[intensive outpatient program]") ?? []
            guard let term, let definition else { continue }
            let key = term.value.lowercased()
            if let earlier = seen[key] {
                reader.report(invalid.diagnostic(file.path, term.range, "the term '\(term.value)' is already defined at line \(earlier)",
                                                 fix: Fix(summary: "keep one entry and merge the definitions")))
                continue
            }
            seen[key] = term.range.start.line
            terms.append(Glossary.Term(term: term.value.trimmingWhitespace(), forms: forms.map { $0.value.trimmingWhitespace() },
                                       definition: definition.value.trimmingWhitespace(), range: term.range))
        }
        return (Glossary(terms: terms), reader.diagnostics)
    }

    /// Reads `glossary.yaml` in `root` when there is one; a curriculum without one has an empty glossary.
    static func load(root: String, fileSystem: any FileSystem) -> (Glossary, [Diagnostic], read: Bool) {
        let path = PathUtil.join(root, "glossary.yaml")
        guard fileSystem.isDirectory(path) == false else { return (.empty, [], false) }
        let display = PathUtil.display(path)
        guard fileSystem.isInside(path, root: root) else {
            return (.empty, [CurriculumLoader.outsideDiagnostic(display, root: PathUtil.display(root), what: "glossary.yaml", setup: false)], true)
        }
        guard let bytes = try? fileSystem.readFile(path, maxBytes: CurriculumLoader.maxSettingsBytes) else {
            return (.empty, [syntax.diagnostic(display, .at(line: 1), "glossary.yaml cannot be read",
                                               fix: Fix(summary: "check the file's permissions (chmod a+r)"))], true)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = ModuleLoader.firstInvalidUTF8(bytes)
            return (.empty, [syntax.diagnostic(display, .at(line: line, column: column), "glossary.yaml is not UTF-8 text",
                                               fix: Fix(summary: "save it as UTF-8"))], true)
        }
        let (glossary, found) = load(SourceFile(path: display, text: text))
        return (glossary, found, true)
    }
}
