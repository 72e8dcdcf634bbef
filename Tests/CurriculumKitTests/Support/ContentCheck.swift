import Foundation
@testable import CurriculumKit
@testable import CurriculumBuild

/// Runs every module rule on one module written inline, the way `CheckRun` does after
/// loading: rules, then suppressions, then the schema's severities.
enum ContentCheck {
    static let frontMatter = """
        ---
        id: inline
        title: Inline module
        topic: coping
        group: support
        objectives: [coping]
        outcomes: [Name two ways to cope]
        minutes: 45
        reviewed: 2026-10-01
        ---

        """

    /// The schema of the rule fixtures, optionally with more YAML appended.
    static func schema(_ extra: String = "", edit: (String) -> String = { $0 }) -> Schema {
        let text = edit(try! String(contentsOfFile: Fixtures.path("rules/schema.yaml"), encoding: .utf8)) + extra
        let (schema, diagnostics) = SchemaLoader.load(SourceFile(path: "schema.yaml", text: text), knownRules: RuleCatalog.ids)
        precondition(schema != nil, "fixture schema does not load: \(diagnostics)")
        return schema!
    }

    static func module(_ body: String, frontMatter: String = frontMatter) -> Module {
        ModuleLoader.load(path: "m.md", bytes: Array((frontMatter + body).utf8)).0!
    }

    static func findings(_ body: String, frontMatter: String = frontMatter, schema: Schema = schema(),
                         glossary: Glossary = .empty, today: CalendarDate = Fixtures.today) -> [Diagnostic] {
        findings(module(body, frontMatter: frontMatter), schema: schema, glossary: glossary, today: today)
    }

    static func findings(_ module: Module, schema: Schema = schema(), glossary: Glossary = .empty,
                         today: CalendarDate = Fixtures.today) -> [Diagnostic] {
        var curriculum = Curriculum(root: ".", schema: schema, modules: [module])
        curriculum.glossary = glossary
        let context = CheckContext(curriculum: curriculum, fileSystem: LocalFileSystem(), today: today, rootPath: ".")
        var found = Checker().check(context)
        found = Suppressions.apply(found, in: curriculum)
        return DiagnosticEngine(schema: schema).applyingSeverities(to: found).sorted(by: Diagnostic.ordered)
    }
}
