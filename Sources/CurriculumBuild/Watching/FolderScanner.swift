import Foundation

/// Takes snapshots of the files a watcher looks at, so tests can give their own.
public protocol SnapshotSource: Sendable {
    func snapshot() -> FileSnapshot
}

/// Snapshots folders on disk by polling: every file under each folder, with its modification
/// time and size. Portable (no inotify or FSEvents) and cheap for a curriculum of a few hundred
/// files. Hidden files and folders (editor swap files, `.git`) and backups ending in `~` are
/// left out, as is anything under `excluding` (a build's output folder, say).
public struct FolderScanner: SnapshotSource {
    public let paths: [String]
    public let excluding: [String]

    public init(paths: [String], excluding: [String] = []) {
        self.paths = paths
        self.excluding = excluding.map { Self.withoutTrailingSlash(PathUtil.display($0)) }
    }

    public func snapshot() -> FileSnapshot {
        var files: [String: FileStamp] = [:]
        let manager = FileManager.default
        for root in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                if let stamp = Self.stamp(root) { files[root] = stamp }
                continue
            }
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = PathUtil.fileName(relative)
                let path = PathUtil.join(root, relative)
                if name.hasPrefix(".") || name.hasSuffix("~") || isExcluded(path) {
                    enumerator.skipDescendants()
                    continue
                }
                if let type = enumerator.fileAttributes?[.type] as? FileAttributeType, type == .typeDirectory { continue }
                if let stamp = Self.stamp(path) { files[path] = stamp }
            }
        }
        return FileSnapshot(files: files)
    }

    private func isExcluded(_ path: String) -> Bool {
        let shown = PathUtil.display(path)
        return excluding.contains { shown == $0 || shown.hasPrefix($0 + "/") }
    }

    private static func stamp(_ path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) != .typeDirectory else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return FileStamp(modified: modified, size: size)
    }

    private static func withoutTrailingSlash(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
