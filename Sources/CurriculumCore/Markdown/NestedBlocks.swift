extension Module {
    /// Visits every node of the body and of the Markdown written inside `{callout}` and
    /// `{facilitator}` blocks (which is printed as Markdown too), in document order within each
    /// tree. `visit` returns false to skip a node's children.
    public func walkIncludingBlocks(_ visit: (MarkdownNode) -> Bool) {
        var trees = [body]
        var index = 0
        while index < trees.count {
            trees[index].walk { node in
                guard visit(node) else { return false }
                if let widget = block(node)?.widget {
                    switch widget {
                    case .callout(_, let content), .facilitator(let content): trees.append(content)
                    default: break
                    }
                }
                return true
            }
            index += 1
        }
    }
}
