/// Every worksheet block in a module can be read: a known block name and lines in its syntax.
public struct WidgetRule: ModuleRule {
    public static let descriptors = WidgetParser.descriptors

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var trees = [module.body]
        while let tree = trees.popLast() {
            tree.walk { node in
                guard let (widget, found) = WidgetParser.parse(node, in: module.file) else { return true }
                out += found
                // Blocks written inside a callout or a facilitator note are printed as blocks too.
                switch widget {
                case .callout(_, let content)?, .facilitator(let content)?: trees.append(content)
                default: break
                }
                return true
            }
        }
        return out
    }
}
