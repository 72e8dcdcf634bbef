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

    /// Renders template `name` into a buffer that starts with room for `capacity` bytes.
    func render(_ name: String, _ data: [String: TemplateValue], capacity: Int) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, escapeHTML: true, root: .object(data), capacity: capacity)
        renderer.render(template.nodes)
        return renderer.finish()
    }

    /// Renders template `name` with `data` as UTF-8 bytes, or nil when there is no such template.
    func renderBytes(_ name: String, _ data: [String: TemplateValue]) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, escapeHTML: true, root: .object(data))
        renderer.render(template.nodes)
        return renderer.finishBytes()
    }
}
