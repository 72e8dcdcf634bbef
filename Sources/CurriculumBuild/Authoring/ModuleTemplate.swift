/// The Mustache template a new module starts from: `templates/module.md` when the curriculum
/// has one (users edit it), else the built-in copy below, which is the same text.
public struct ModuleTemplate: Sendable {
    /// The file name looked for in the templates folder.
    public static let fileName = "module.md"

    /// A template that cannot be read or parsed: a setup problem (exit 2) at its line.
    public struct Problem: Error, Sendable {
        public let diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }

    /// Where the template came from (a path), or nil for the built-in one.
    public let path: String?
    let template: CompiledTemplate

    /// Parses `text`. Values are inserted as written: a module is Markdown, not HTML, so
    /// nothing is escaped.
    public init(text: String, path: String? = nil) throws(ModuleTemplate.Problem) {
        self.path = path
        do {
            template = try CompiledTemplate(text)
        } catch {
            throw Problem(TemplateSet.missing.diagnostic(PathUtil.display(path ?? Self.fileName), .at(line: error.line, column: error.column),
                "the module template cannot be parsed: \(error.message)", fix: Fix(summary: error.fix)))
        }
    }

    /// The template in `folder` (from `--templates`), or else the one in `templates/` beside the
    /// curriculum folder or inside it (where `build` looks too), or else the built-in one.
    public static func locate(folder: String?, curriculumRoot: String, fileSystem: any FileSystem) throws(ModuleTemplate.Problem) -> ModuleTemplate {
        var candidates: [String] = []
        if let folder {
            candidates = [PathUtil.join(folder, fileName)]
        } else {
            let root = PathUtil.display(curriculumRoot)
            let parent = root == "." ? ".." : PathUtil.directory(of: root)
            candidates = [PathUtil.join(parent == "." ? "" : parent, "templates/" + fileName),
                          PathUtil.join(curriculumRoot, "templates/" + fileName)]
        }
        for candidate in candidates where fileSystem.isDirectory(candidate) == false {
            guard let bytes = try? fileSystem.readFile(candidate), let text = String(validating: bytes, as: UTF8.self) else {
                throw Problem(TemplateSet.missing.diagnostic(PathUtil.display(candidate), .at(line: 1), "the module template cannot be read as UTF-8 text",
                                                     fix: Fix(summary: "check the file's permissions and save it as UTF-8")))
            }
            return try ModuleTemplate(text: text, path: candidate)
        }
        if let folder {
            throw Problem(TemplateSet.missing.diagnostic(PathUtil.display(candidates[0]), .at(line: 1),
                "the templates folder '\(PathUtil.display(folder))' has no \(fileName)",
                fix: Fix(summary: "copy templates/\(fileName) from the project, or leave out --templates to use the built-in template")))
        }
        return try ModuleTemplate(text: defaultText)
    }

    /// Renders the template; the result starts at its first non-empty line and ends with one newline.
    public func render(_ values: [String: TemplateValue]) -> String {
        var text = Substring(template.render(values, escapeHTML: false))
        while let first = text.first, first == "\n" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text) + "\n"
    }

    /// The built-in template: the same text as the project's templates/module.md.
    public static let defaultText = """
{{! The start of every new module: `curriculum new module` fills it in. Edit it to change
    what new modules look like. The values:
      id, title          the new module's id and title
      titleYAML          the title, in quotes when YAML needs them
      topic, group       the topic and group format ids (topicTitle, groupTitle: their names)
      objectives         objective ids separated by commas, e.g. "triggers, coping"
      minutes            the planned length
      today              today's date (YYYY-MM-DD); also as `reviewed`, for older templates
      introHint, outcomeHint
      sections           the sections the group format requires, each with heading and hint
    `curriculum check` warns about every line that still holds the word TODO in capitals
    (rule authoring.placeholder), so keep it in front of each hint. A new module is a draft:
    it gets 'status: approved', 'reviewed' and 'reviewed-by' after a clinician reviews it. }}
---
id: {{id}}
title: {{titleYAML}}
topic: {{topic}}
group: {{group}}
objectives: [{{objectives}}]
outcomes:
  - Name TODO ({{outcomeHint}})
minutes: {{minutes}}
status: draft
---

# {{title}}

TODO: {{introHint}}
{{#sections}}

## {{heading}}

TODO: {{hint}}
{{/sections}}
"""
}
