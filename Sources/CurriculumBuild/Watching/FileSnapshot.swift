/// What a watcher compares between two looks at the disk: every watched file with its
/// modification time and size.
public struct FileSnapshot: Sendable, Equatable {
    public var files: [String: FileStamp]

    public init(files: [String: FileStamp] = [:]) {
        self.files = files
    }

    /// The files added, removed or modified since `old`, sorted by path.
    public func changes(since old: FileSnapshot) -> [FileChange] {
        var out: [FileChange] = []
        for (path, stamp) in files {
            if let before = old.files[path] {
                if before != stamp { out.append(FileChange(path: path, kind: .modified)) }
            } else {
                out.append(FileChange(path: path, kind: .added))
            }
        }
        for path in old.files.keys where files[path] == nil {
            out.append(FileChange(path: path, kind: .removed))
        }
        return out.sorted { $0.path < $1.path }
    }
}

/// When a file was last modified and how long it is.
public struct FileStamp: Sendable, Hashable {
    /// Seconds since 1970.
    public var modified: Double
    public var size: Int

    public init(modified: Double, size: Int) {
        self.modified = modified
        self.size = size
    }
}

/// One file that changed between two snapshots.
public struct FileChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case added, modified, removed }

    public let path: String
    public let kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}
