/// Every worksheet block in a module can be read: a known block name and lines in its syntax.
public struct WidgetRule: ModuleRule {
    public static let descriptors = WidgetParser.descriptors

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        module.body.walk { node in
            if let (_, found) = WidgetParser.parse(node, in: module.file) { out += found }
            return true
        }
        return out
    }
}
