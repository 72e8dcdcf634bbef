/// Compiled templates by name, so `{{> name}}` can find its partial.
public struct TemplateLibrary: Sendable {
    var templates: [String: CompiledTemplate]

    public init(_ templates: [String: CompiledTemplate] = [:]) {
        self.templates = templates
    }

    public subscript(name: String) -> CompiledTemplate? {
        get { templates[name] }
        set { templates[name] = newValue }
    }

    /// Renders template `name` with `data`, or nil when there is no such template.
    public func render(_ name: String, _ data: [String: TemplateValue]) -> String? {
        templates[name]?.render(data, library: self)
    }
}
