/// The text `curriculum explain RULE` prints: the rule's id, severity and summary, its long
/// explanation (declared beside the rule, in its `RuleDescriptor`),
/// and for person-first.term the term list in force by default.
public enum RuleExplanation {
    /// The rule's long explanation, declared beside the rule; nil when the summary says it all.
    public static func longText(for rule: RuleDescriptor) -> String? {
        rule.explanation.isEmpty ? nil : rule.explanation
    }

    public static func text(for id: String) -> String? {
        guard let rule = RuleCatalog.descriptor(id) else { return nil }
        var qualifiers = ["default severity \(rule.defaultSeverity.rawValue)"]
        if rule.isSetup { qualifiers.append("setup: exits with 2") }
        if rule.isEnglishOnly {
            qualifiers.append("English modules only")
        } else if let languages = rule.languages {
            qualifiers.append("modules in " + languages.sorted().map { ["en": "English", "es": "Spanish"][$0] ?? $0 }.joined(separator: " and "))
        }
        var out = "\(rule.id) (\(qualifiers.joined(separator: ", ")))\n\n\(wrap(rule.summary))\n"
        if let explanation = longText(for: rule) {
            out += "\n\(wrap(explanation))\n"
        }
        if rule.id == PersonFirstRule.term.id {
            out += "\nBuilt-in terms (id: phrases to avoid -> what to write):\n"
            for term in PreferredTermList.builtIn.terms {
                out += "  \(term.id): \(term.avoid.map(\.source).joined(separator: "; ")) -> \(term.use.joined(separator: " / "))\n"
            }
            out += "\nNames whose words are fine:\n"
            for name in PreferredTermList.builtIn.names { out += "  \(name)\n" }
        }
        if rule == BuildRules.notApproved {
            out += "\nSeverity: fixed, and its findings cannot be suppressed: approve the module, or build without --require-review.\n"
        } else if !rule.isSetup {
            if rule.id.hasPrefix("build.") && rule != BuildRules.pdfWarning {
                out += "\nSeverity: fixed; a build cannot go on without its outputs.\n"
            } else {
                out += "\nSeverity: set it in schema.yaml, for example\n    rules:\n      \(rule.id): \(rule.defaultSeverity == .error ? "warning" : "error")   # or off\n"
            }
            out += suppressionHint(for: rule)
        }
        return out
    }

    /// Rules whose findings are never in a module file: only their severity can change.
    static let outsideModules = ["program.", "schema.", "glossary.", "build.", "fix."]
    /// Rules whose findings are always in a module's front matter.
    static let frontMatterOnly = ["front-matter.", "requires.", "review."]

    /// How to suppress one finding of `rule`, where that is possible.
    static func suppressionHint(for rule: RuleDescriptor) -> String {
        if Suppressions.descriptors.contains(rule) { return "" }
        if rule.id.hasPrefix("layout.") {
            return "Its findings come from the laid-out PDF, after the checks, so they cannot be suppressed one by one.\n"
        }
        if outsideModules.contains(where: rule.id.hasPrefix) {
            return "Its findings are not in a module, so they cannot be suppressed one by one.\n"
        }
        let yaml = "    # \(Suppressions.keyword) \(rule.id): why this stays\n"
        if frontMatterOnly.contains(where: rule.id.hasPrefix) {
            return "Suppress one finding, with a reason, in a YAML comment on the line before its field:\n" + yaml
        }
        return "Suppress one finding, with a reason, in a comment before its block in the body:\n"
            + "    <!-- \(Suppressions.keyword) \(rule.id): why this text stays -->\n"
            + "or, for a finding in the front matter, in a YAML comment on the line before its field:\n" + yaml
    }

    /// Prose lines wrapped at `width` columns; indented lines (examples) stay as written.
    static func wrap(_ text: String, width: Int = 100) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !line.hasPrefix(" "), line.count > width else { out.append(String(line)); continue }
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty && current.count + 1 + word.count > width {
                    out.append(current)
                    current = ""
                }
                current += (current.isEmpty ? "" : " ") + word
            }
            if !current.isEmpty { out.append(current) }
        }
        return out.joined(separator: "\n")
    }

    /// The closest rule id to a misspelt one.
    public static func suggestion(for id: String) -> String? {
        closestMatch(to: id, in: RuleCatalog.all.map(\.id.rawValue))
    }
}
