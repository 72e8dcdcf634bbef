import Foundation

/// The file system as the loader and the link rules see it, so tests can swap it.
public protocol FileSystem: Sendable {
    func readFile(_ path: String) throws -> [UInt8]
    /// nil when nothing exists at `path`; true for a folder.
    func isDirectory(_ path: String) -> Bool?
    /// Paths of every regular file or folder under `path`, relative to it, sorted.
    func listRecursively(_ path: String) throws -> [String]
    /// The path with symbolic links resolved.
    func resolvingSymlinks(_ path: String) -> String
    /// The size in bytes of the file at `path`, when known without reading it.
    func fileSize(_ path: String) -> Int?
}

extension FileSystem {
    public func fileSize(_ path: String) -> Int? { nil }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoPermission)
        }
        return [UInt8](data)
    }

    public func isDirectory(_ path: String) -> Bool? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        return isDir.boolValue
    }

    /// Every file and folder below `path`, relative to it and sorted; symbolic links are listed
    /// but not followed, and folders that cannot be read are passed over. Reads the folders
    /// with readdir(3): Foundation's enumerator cost about 60,000 instructions a file.
    public func listRecursively(_ path: String) throws -> [String] {
        var out: [String] = []
        var pending = [""]
        var isTop = true
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let handle = opendir(folder) else {
                if isTop { throw FileError(path: path, code: errno) }
                continue
            }
            isTop = false
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                out.append(child)
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { pending.append(child) }
            }
            closedir(handle)
        }
        return out.sorted()
    }

    public func resolvingSymlinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    public func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}

/// Lexical path helpers: no disk access.
public enum PathUtil {
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
