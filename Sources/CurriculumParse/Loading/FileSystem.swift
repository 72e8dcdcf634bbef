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
    /// The bytes of the regular file at `path`, refused unread (`FileTooLarge`) when it holds
    /// more than `maxBytes`: the size is looked at before anything is read.
    func readFile(_ path: String, maxBytes: Int) throws -> [UInt8]
    /// `listRecursively`, and the folders below `path` (relative to it) that could not be read.
    func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String])
}

extension FileSystem {
    public func fileSize(_ path: String) -> Int? { nil }

    public func readFile(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if let size = fileSize(path), size > maxBytes { throw FileTooLarge(size: size) }
        let bytes = try readFile(path)
        if bytes.count > maxBytes { throw FileTooLarge(size: bytes.count) }
        return bytes
    }

    public func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String]) {
        (try listRecursively(path), [])
    }

    /// True when `path`, with every symbolic link resolved, is `root` or lies inside it (also
    /// resolved). A module, program.yaml or glossary.yaml that leads out of the curriculum
    /// folder is never read: a link to /proc/self/environ or /etc/passwd would otherwise show
    /// in findings and handouts.
    public func isInside(_ path: String, root: String) -> Bool {
        let realRoot = resolvingSymlinks(root)
        let real = resolvingSymlinks(path)
        if real == realRoot { return true }
        return real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}

/// A file larger than the reader's limit, refused before it was read.
public struct FileTooLarge: Error, Sendable {
    public let size: Int
}

/// A path that is not a regular file (a FIFO, a device, a socket), refused before it was read:
/// reading one could block forever or never end.
public struct NotARegularFile: Error, Sendable {
    public let path: String
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws -> [UInt8] {
        try readFile(path, maxBytes: Int.max)
    }

    /// Opens the file, looks at its size and kind with fstat(2), and reads it only when it is a
    /// regular file of at most `maxBytes`: a 200 MB module costs a stat, not 200 MB of memory.
    public func readFile(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw NotARegularFile(path: path) }
        let size = Int(info.st_size)
        guard size <= maxBytes else { throw FileTooLarge(size: size) }
        // The file may grow between fstat and read: read at most one byte past the limit.
        let cap = maxBytes < Int.max ? maxBytes + 1 : Int.max
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(size, maxBytes) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < cap {
            let want = min(chunk.count, cap - bytes.count)
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, want) }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, code: errno)
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        guard bytes.count <= maxBytes else { throw FileTooLarge(size: bytes.count) }
        return bytes
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
        try listRecursivelyNotingUnreadable(path).entries
    }

    /// `listRecursively`, and the folders that could not be read. A name that is not UTF-8 is
    /// listed with U+FFFD in place of its bad bytes (`hasInvalidName` tells).
    public func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String]) {
        var unreadable: [String] = []
        var out: [String] = []
        var pending = [""]
        var isTop = true
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let handle = opendir(folder) else {
                if isTop { throw FileError(path: path, code: errno) }
                unreadable.append(relative)
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
        return (out.sorted(), unreadable.sorted())
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
