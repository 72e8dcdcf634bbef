import CurriculumKit
import Foundation

/// A curriculum folder held in memory, so a fuzzer can run `CheckRun` end to end (loader, size
/// limit, glossary, every rule) without touching the disk.
public struct MemoryFileSystem: FileSystem {
    /// File path -> bytes; folders are the paths' parents.
    public let files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool? {
        if files[path] != nil { return false }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? true : nil
    }

    public func listRecursively(_ path: String) throws -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var out = Set<String>()
        for file in files.keys where file.hasPrefix(prefix) {
            let relative = String(file.dropFirst(prefix.count))
            out.insert(relative)
            var folder = relative
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                out.insert(folder)
            }
        }
        return out.sorted()
    }

    public func resolvingSymlinks(_ path: String) -> String { path }

    public func fileSize(_ path: String) -> Int? { files[path]?.count }
}
