/// `#anchor` links, in the same module (`[see](#practice)`) or another (`other.md#practice`),
/// must name a heading of their target: the anchor of a heading is its text in lowercase, with
/// spaces as hyphens and punctuation left out (`## Practice (20 min)` -> `practice-20-min`,
/// or `practice` without the minutes).
public struct AnchorRule: ModuleRule {
    public static let anchor = RuleDescriptor("links.anchor", .error,
        "A link's #anchor names no heading of the module it points at.",
        explanation: """
        A link may point at a heading: '[the practice](#practice)' in the same module, or \
        '[breathing](breathing-basics.md#slow-breathing)' in another. The part after '#' is the \
        heading's text in lowercase, with hyphens for spaces and no punctuation; a section's minutes may \
        be left out ('## Practice (20 min)' is '#practice' or '#practice-20-min'). A misspelt anchor, or \
        one to a heading that was renamed, leads nowhere. The finding is at the link and suggests the \
        closest heading's anchor.

        Wrong:
            Go back to [the practice](#practise) when an urge comes.
        Fixed:
            Go back to [the practice](#practice) when an urge comes.
        """)
    public static let descriptors = [anchor]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        module.walkIncludingBlocks { node in
            guard case .link(let destination, _) = node.kind, let hash = destination.firstIndex(of: "#") else { return true }
            let path = String(destination[..<hash])
            let fragment = String(destination[destination.index(after: hash)...]).removingPercentEncodingSafely()
            if fragment.isEmpty || LinkRule.scheme(of: destination) != nil { return true }
            let target: Module?
            if path.isEmpty {
                target = module
            } else {
                let folder = PathUtil.directory(of: context.curriculum.relativePath(of: module.path))
                target = PathUtil.normalize(PathUtil.join(folder == "." ? "" : folder, path.removingPercentEncodingSafely()))
                    .flatMap { context.curriculum.module(atRelativePath: $0) }
            }
            // A link to a file that is not a module is LinkRule's finding.
            guard let target else { return true }
            let anchors = Self.anchors(of: target)
            if anchors.contains(fragment.lowercased()) { return true }
            let suggestion = closestMatch(to: fragment.lowercased(), in: anchors.sorted())
            let whose = path.isEmpty ? "this module" : "'\(path)'"
            out.append(Self.anchor.diagnostic(module.path, node.range,
                "the link points at '#\(fragment)', but \(whose) has no heading with that anchor",
                fix: Fix(summary: suggestion.map { "did you mean '#\($0)'?" }
                         ?? "use the anchor of one of its headings: \(anchors.sorted().prefix(8).map { "#\($0)" }.joined(separator: ", "))")))
            return true
        }
        return out
    }

    /// The anchors of every heading of `module`: its text as an anchor, and without the minutes.
    static func anchors(of module: Module) -> Set<String> {
        var out = Set<String>()
        module.body.walk { node in
            guard case .heading = node.kind else { return true }
            let text = node.plainText.trimmingWhitespace()
            out.insert(anchor(of: text))
            out.insert(anchor(of: Section.splitMinutes(text).0))
            return false
        }
        return out
    }

    /// A heading's anchor the way GitHub and most Markdown tools make it.
    static func anchor(of text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" { out.append(character) }
            else if character == " " { out.append("-") }
        }
        return out
    }
}
