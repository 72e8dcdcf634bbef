/// A Mustache template parsed once into a list of nodes, ready to render many times.
///
/// Supported, per the Mustache spec: `{{name}}` (escaped), `{{{name}}}` and `{{& name}}`
/// (raw), `{{#name}}` sections, `{{^name}}` inverted sections, `{{> partial}}`, `{{! comments}}`,
/// `{{=<% %>=}}` delimiter changes, dotted names, `{{.}}`, and the standalone-line rules.
/// Lambdas, pragmas and template inheritance are not.
public struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    /// Parses `text`; throws a `TemplateSyntaxError` with the line and column of the problem.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
    }

    /// Renders with `data` as the context; partials come from `library`. `escapeHTML` false
    /// inserts every value as written (for Markdown output).
    public func render(_ data: [String: TemplateValue], library: TemplateLibrary = TemplateLibrary(),
                       escapeHTML: Bool = true) -> String {
        var renderer = TemplateRenderer(library: library, escapeHTML: escapeHTML, root: .object(data))
        renderer.render(nodes)
        return renderer.finish()
    }
}

/// One piece of a compiled template.
enum TemplateNode: Sendable {
    /// Literal text, as UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` is the whitespace before a standalone partial tag (its
    /// lines are indented by it), nil when the tag shares its line with other text.
    case partial(String, indentation: [UInt8]?)
}

/// A name as written in a tag, split at its dots once at parse time. `{{.}}` has no parts.
struct TemplateName: Sendable {
    let parts: [String]
    var isImplicitIterator: Bool { parts.isEmpty }
}
