/// Every worksheet block in a module can be read: a known block name and lines in its syntax.
public struct WidgetRule: ModuleRule {
    public static let descriptors = WidgetParser.descriptors

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        // Blocks written inside a callout or a facilitator note are parsed (and printed) too.
        module.blocks.keys.sorted().flatMap { module.blocks[$0]?.diagnostics ?? [] }
    }
}
