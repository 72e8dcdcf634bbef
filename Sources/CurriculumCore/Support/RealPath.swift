import Foundation

/// Paths as the file system resolves them: absolute, symbolic links followed. Whatever decides
/// where a write may land (the build's output folder, `check --fix`, the atomic writer) asks here,
/// so the answer is the same everywhere.
package enum RealPath {
    /// `path` made absolute against the current folder and normalized (no `.`, `..` or `//`).
    package static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : PathUtil.join(FileManager.default.currentDirectoryPath, path)
        return "/" + (PathUtil.normalize(joined) ?? joined)
    }

    /// The real path of an existing file or folder (`realpath(3)`), nil when it does not exist.
    package static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute with its symbolic links resolved, for the part of it that exists.
    package static func resolve(_ path: String) -> String {
        let absolute = absolute(path)
        var existing = absolute
        var rest: [String] = []
        while existing != "/" {
            if let real = of(existing) {
                return rest.isEmpty ? real : PathUtil.join(real == "/" ? "" : real, rest.reversed().joined(separator: "/")).withLeadingSlash
            }
            rest.append(PathUtil.fileName(existing))
            existing = PathUtil.directory(of: existing)
        }
        return absolute
    }

    /// True when `path` is one of `folders` or inside one of them (paths already resolved).
    package static func isInside(_ path: String, _ folders: [String]) -> Bool {
        folders.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
}

extension String {
    fileprivate var withLeadingSlash: String { hasPrefix("/") ? self : "/" + self }
}
