import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// `curriculum explain RULE` has a long explanation for every rule, and the wrong examples of
/// the module rules really are findings of their rule (and the fixed ones are not).
@Suite struct RuleExplanationTests {
    @Test func everyRuleHasALongExplanation() {
        let missing = RuleCatalog.all.filter { RuleExplanation.longText(for: $0) == nil }.map(\.id)
        #expect(missing == [])
        for rule in RuleCatalog.all {
            let text = RuleExplanation.text(for: rule.id) ?? ""
            #expect(text.contains(RuleExplanation.wrap(RuleExplanation.longText(for: rule) ?? "?")), "\(rule.id)")
        }
    }

    /// Every rule's long explanation, by id (each written beside its rule).
    static let texts: [String: String] = Dictionary(
        RuleCatalog.all.filter { !$0.explanation.isEmpty }.map { ($0.id, $0.explanation) }, uniquingKeysWith: { a, _ in a })

    /// The catalog is the one place rules are registered: every rule declared in the sources
    /// (a `RuleDescriptor("id", ...)`, in a file of its own or beside its check) is in it, once,
    /// and every module and curriculum rule type is run by it.
    @Test func theCatalogListsEveryRuleDeclaredInTheSources() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardizedFileURL
        var declared: [String: [String]] = [:]
        var ruleTypes: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /RuleDescriptor\("([a-z0-9.-]+)"/) {
                declared[String(match.1), default: []].append(url.lastPathComponent)
            }
            for match in text.matches(of: /struct (\w+): (?:ModuleRule|CurriculumRule)/) { ruleTypes.append(String(match.1)) }
        }
        #expect(declared.count >= 90)
        #expect(Set(declared.keys) == RuleCatalog.ids)
        for (id, files) in declared where files.count > 1 { Issue.record("\(id) is declared in \(files)") }
        let run = Set((RuleCatalog.moduleRules as [Any] + RuleCatalog.curriculumRules as [Any]).map { String(describing: type(of: $0)) })
        #expect(Set(ruleTypes) == run)
    }

    /// Explanations written in another shape (an "Example:", a list of terms), and allowed to
    /// quote the words to avoid: the rule's own subject.
    static let otherShapes: Set<String> = [
        "authoring.placeholder", "build.not-approved", "fix.write-failed", "glossary.invalid", "glossary.yaml-syntax",
        "outcomes.measurable-verb", "person-first.term", "privacy.date-of-birth", "privacy.email", "privacy.phone-number",
        "privacy.record-number", "reading.grade", "review.future", "review.missing-reviewer", "review.stale",
        "safety.emergency-number", "safety.good-samaritan", "suppression.missing-reason", "suppression.unknown-rule",
        "suppression.unused", "text.bidi-control",
    ]

    @Test func everyExplanationHasAWrongAndAFixedExampleAndStaysShort() {
        #expect(Self.texts.count - Self.otherShapes.count >= 70)
        for (id, text) in Self.texts.sorted(by: { $0.key < $1.key }) where !Self.otherShapes.contains(id) {
            #expect(!Self.examples(in: text, label: "Wrong").isEmpty, "\(id) has no wrong example")
            #expect(!Self.examples(in: text, label: "Fixed").isEmpty, "\(id) has no fixed example")
            let lines = RuleExplanation.wrap(text).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 25, "\(id) is \(lines.count) lines long")
            for word in ["addict", "addicts", "clean", "dirty", "abuser", "junkie"] {
                #expect(!Self.words(of: text).contains(word), "\(id) says '\(word)'")
            }
        }
    }

    /// Rules of one module whose examples can be checked by writing them into a module.
    static func isCheckedByExample(_ id: String) -> Bool {
        let prefixes = ["front-matter.", "group.", "sections.", "markdown.", "links.", "images.", "widgets.", "requires."]
        // These need two modules to show.
        let needMoreModules = ["front-matter.duplicate-id", "requires.cycle",
                               "widgets.too-deep"]  // nine nested blocks do not fit an example; HostileInputTests

        return prefixes.contains { id.hasPrefix($0) } && !needMoreModules.contains(id)
    }

    /// Fixed examples that name a file or module the one-module test curriculum does not have.
    static let fixedNeedsOtherFiles: Set<String> = ["links.broken", "images.broken", "requires.unknown"]

    /// Wrong examples that need a file the one-module test curriculum does not have (an SVG
    /// with script, a local non-module file); LinkSafetyTests check these rules on real files.
    static let wrongNeedsOtherFiles: Set<String> = ["images.unsafe-svg", "links.local-file"]

    @Test func wrongExamplesOfModuleRulesAreFindingsOfTheirRule() throws {
        let ids = Self.texts.keys.filter { Self.isCheckedByExample($0) && !Self.wrongNeedsOtherFiles.contains($0) }.sorted()
        #expect(ids.count >= 25)
        for id in ids {
            let text = Self.texts[id]!
            let wrong = Self.examples(in: text, label: "Wrong")
            #expect(!wrong.isEmpty, "\(id)")
            for example in wrong {
                let found = try Self.rulesFound(in: Self.moduleText(example, rule: id))
                #expect(found.contains(id), "the wrong example of \(id) gives \(found.sorted()):\n\(Self.moduleText(example, rule: id))")
            }
            guard !Self.fixedNeedsOtherFiles.contains(id) else { continue }
            for example in Self.examples(in: text, label: "Fixed") {
                let found = try Self.rulesFound(in: Self.moduleText(example, rule: id))
                #expect(!found.contains(id), "the fixed example of \(id) still gives it:\n\(Self.moduleText(example, rule: id))")
            }
        }
    }

    @Test func theBaseModuleOfTheExamplesChecksClean() throws {
        #expect(try Self.rulesFound(in: Self.moduleText("", rule: "markdown.raw-html")) == [])
    }

    // MARK: Reading the examples

    /// The indented blocks under lines that start with `label` and end with ":", without their
    /// four-space indent.
    static func examples(in text: String, label: String) -> [String] {
        var out: [String] = []
        var current: [String]?
        func finish() {
            if var block = current {
                while block.last?.isEmpty == true { block.removeLast() }
                if !block.isEmpty { out.append(block.joined(separator: "\n")) }
            }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current != nil, line.hasPrefix("    ") || line.trimmingCharacters(in: .whitespaces).isEmpty {
                current!.append(line.hasPrefix("    ") ? String(line.dropFirst(4)) : "")
                continue
            }
            finish()
            if line.hasPrefix(label), line.hasSuffix(":") { current = [] }
        }
        finish()
        return out
    }

    static func words(of text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init))
    }

    // MARK: Checking an example as a module

    /// A valid skill-building module of the sample schema; the examples change it.
    static let baseFields: [(String, String)] = [
        ("id", "urge-surfing"), ("title", "Urge Surfing"), ("topic", "coping"), ("group", "skill-building"),
        ("objectives", "[coping]"), ("outcomes", "[Practice urge surfing for five minutes]"), ("minutes", "50"),
        ("reviewed", "2026-11-01"),
    ]
    static let baseBody = """
        # Urge Surfing

        Notice where you feel the urge in your body.

        ## Practice

        Sit, breathe and watch the urge.

        ## Homework

        Try urge surfing once a day this week.

        """

    /// The module file an example stands for. An example that starts with `---` (or any
    /// example of front-matter.missing) is the whole file. Otherwise, lines before a `---` line
    /// are front matter fields and the lines after it the whole body; without `---`, the
    /// example is front matter for front matter rules, else text added to the body. Front
    /// matter fields replace the base module's fields of the same name.
    static func moduleText(_ example: String, rule: String) -> String {
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first == "---" || rule == "front-matter.missing" { return example + "\n" }
        var front: [String] = []
        var body = baseBody
        if let cut = lines.firstIndex(of: "---") {
            front = Array(lines[..<cut])
            body = lines[(cut + 1)...].joined(separator: "\n") + "\n"
        } else if rule.hasPrefix("front-matter.") || rule.hasPrefix("requires.") || rule == "group.minutes-range" {
            front = lines
        } else {
            body = baseBody + "\n" + example + "\n"
        }
        let keys = Set(front.compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        })
        let fields = baseFields.filter { !keys.contains($0.0) }.map { "\($0.0): \($0.1)" }
        return (["---"] + fields + front + ["---", ""]).joined(separator: "\n") + body
    }

    /// The rules `curriculum check` reports for a curriculum of the sample schema and this one module.
    static func rulesFound(in module: String) throws -> Set<String> {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/modules", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/curriculum/schema.yaml", toPath: folder + "/schema.yaml")
        try module.write(toFile: folder + "/modules/urge-surfing.md", atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        return Set(report.diagnostics.map(\.rule))
    }
}
