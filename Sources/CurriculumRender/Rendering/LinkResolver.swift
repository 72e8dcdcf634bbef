/// Points a module's relative links and images into the build: a link to another module goes
/// to that module's handout, an image or other file goes to its copy under `assets/`.
public struct LinkResolver: Sendable {
    let curriculum: Curriculum
    /// Module path relative to the curriculum folder -> module id.
    let moduleIDs: [String: String]

    public init(curriculum: Curriculum) {
        self.curriculum = curriculum
        var ids: [String: String] = [:]
        for module in curriculum.modules {
            if let id = module.id?.value { ids[curriculum.relativePath(of: module.path)] = id }
        }
        self.moduleIDs = ids
    }

    /// The curriculum-relative file a relative link of `module` points at, and its `#fragment`;
    /// nil for web links, in-page anchors and paths that leave the curriculum.
    public func target(of url: String, from module: Module) -> (path: String, fragment: String)? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || LinkRule.scheme(of: url) != nil { return nil }
        var path = url
        var fragment = ""
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            if path[cut] == "#" { fragment = String(path[cut...]) }
            path = String(path[..<cut])
        }
        let folder = PathUtil.directory(of: curriculum.relativePath(of: module.path))
        guard let resolved = PathUtil.normalize(PathUtil.join(folder == "." ? "" : folder, path.removingPercentEncodingSafely())),
              !resolved.isEmpty else { return nil }
        return (resolved, fragment)
    }

    /// The URL to write in a document `depth` folders below the output root.
    public func rewrite(_ url: String, isImage: Bool, from module: Module, depth: Int) -> String {
        guard let (path, fragment) = target(of: url, from: module) else { return url }
        let up = String(repeating: "../", count: depth)
        if !isImage, let id = moduleIDs[path] { return up + "handouts/\(id).html" + fragment }
        return up + "assets/" + Self.percentEncode(path) + (isImage ? "" : fragment)
    }

    /// Every image the modules show (in callouts and facilitator blocks too) that must be
    /// copied into `assets/`: only files named as an image type a handout can show. Links to
    /// other local files are not copied (`check` reports them, `links.local-file`).
    public func assets(of modules: [Module]) -> [String] {
        var out = Set<String>()
        for module in modules {
            module.walkIncludingBlocks { node in
                if case .image(let source, _) = node.kind, let (path, _) = target(of: source, from: module), ImageFile.kind(ofPath: path) != nil {
                    out.insert(path)
                }
                return true
            }
        }
        return out.sorted()
    }

    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) { out.append(c) } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
