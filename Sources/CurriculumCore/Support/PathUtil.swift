/// Lexical path helpers: no disk access.
public enum PathUtil {
    /// True when a listed name had bytes that are not UTF-8: readdir's names are decoded with
    /// U+FFFD in their place, so such a path cannot be opened by its listed name.
    public static func hasInvalidName(_ path: String) -> Bool {
        path.unicodeScalars.contains("\u{FFFD}")
    }

    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || base.isEmpty || base == "." { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Removes `.` and resolves `..` lexically. Returns nil when `..` climbs above the start.
    public static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The path written for people: no leading "./".
    public static func display(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p.isEmpty ? "." : p
    }
}
