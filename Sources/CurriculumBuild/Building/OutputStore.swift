import Foundation

/// Where a build's files go. The build works out what to write (`BuildPlan`); the store writes
/// each file whole, reads back what an earlier build left, removes outputs no longer made, and
/// keeps the manifest, written last. `DiskOutputStore` is the output folder; `MemoryOutputStore`
/// keeps the files in memory (tests, a preview).
package protocol OutputStore: Sendable {
    /// The manifest of the last build into this store (empty when there is none).
    func readManifest() -> BuildManifest
    /// The manifest entry `path` would have if the file there was made from `key`; nil when no
    /// such file is there.
    func entryOnDisk(key: String, _ path: String) -> String?
    /// Writes `bytes` to `path` whole (its old version or the new one, never a mix) and returns
    /// its manifest entry.
    func write(_ bytes: [UInt8], to path: String, key: String) throws -> String
    /// Moves a file the PDF engine wrote (`temporary`, an absolute path) to `path` and returns
    /// its manifest entry.
    func commit(_ temporary: String, to path: String, key: String) throws -> String?
    /// True when a file of the build is at `path`.
    func holdsFile(_ path: String) -> Bool
    /// Removes an output the build no longer makes.
    func removeOutput(_ path: String)
    /// Removes what an interrupted build left half-written.
    func removeLeftovers()
    /// Makes every write so far durable, before the manifest names them.
    func flush()
    func writeManifest(_ manifest: BuildManifest) throws
    /// The folder the PDF engine reads the HTML from and writes PDFs to (absolute); nil when the
    /// store is not on disk (then no PDFs are made).
    var pdfFolder: String? { get }
}

/// The output folder on disk (`--out`): atomic writes through a temporary file and a rename,
/// one flush before the manifest, never through a symbolic link, never in a protected folder.
package struct DiskOutputStore: OutputStore {
    package let folder: String
    /// The curriculum and templates folders: nothing in them is ever removed.
    package let protected: [String]
    /// Writes one file atomically; tests replace it to make writes fail.
    package let writeFile: @Sendable ([UInt8], String) throws -> Void

    package init(folder: String, protected: [String],
                 writeFile: @escaping @Sendable ([UInt8], String) throws -> Void = { bytes, path in try AtomicWriter.write(bytes, to: path, durable: false) }) {
        self.folder = folder
        self.protected = protected
        self.writeFile = writeFile
    }

    package func readManifest() -> BuildManifest { BuildManifest.read(folder: folder) }

    package func entryOnDisk(key: String, _ path: String) -> String? {
        OutputFolder.entryOnDisk(key: key, path, in: folder)
    }

    package func write(_ bytes: [UInt8], to path: String, key: String) throws -> String {
        try writeFile(bytes, PathUtil.join(folder, path))
        return OutputFolder.entry(key: key, bytes: bytes)
    }

    package func commit(_ temporary: String, to path: String, key: String) throws -> String? {
        try AtomicWriter.commit(temporary, to: PathUtil.join(RealPath.absolute(folder), path))
        return entryOnDisk(key: key, path)
    }

    package func holdsFile(_ path: String) -> Bool { OutputFolder.holdsFile(path, in: folder) }

    package func removeOutput(_ path: String) {
        OutputFolder.removeOutput(path, in: folder, protected: protected)
    }

    package func removeLeftovers() { OutputFolder.removeLeftovers(in: folder, protected: protected) }

    package func flush() { AtomicWriter.flush() }

    package func writeManifest(_ manifest: BuildManifest) throws { try manifest.write(folder: folder) }

    package var pdfFolder: String? { RealPath.absolute(folder) }
}

/// A build's files kept in memory, by path: the same build without a disk.
package final class MemoryOutputStore: OutputStore {
    private let state: Locked<(files: [String: [UInt8]], manifest: BuildManifest)>

    package init(files: [String: [UInt8]] = [:], manifest: BuildManifest = BuildManifest()) {
        state = Locked((files, manifest))
    }

    /// The files written, by path.
    package var files: [String: [UInt8]] { state.current.files }
    package var manifest: BuildManifest { state.current.manifest }

    package func readManifest() -> BuildManifest { manifest }

    package func entryOnDisk(key: String, _ path: String) -> String? {
        files[path].map { OutputFolder.entry(key: key, bytes: $0) }
    }

    package func write(_ bytes: [UInt8], to path: String, key: String) throws -> String {
        state.withValue { $0.files[path] = bytes }
        return OutputFolder.entry(key: key, bytes: bytes)
    }

    package func commit(_ temporary: String, to path: String, key: String) throws -> String? {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: temporary)))
        unlink(temporary)
        return try write(bytes, to: path, key: key)
    }

    package func holdsFile(_ path: String) -> Bool { files[path] != nil }

    package func removeOutput(_ path: String) {
        state.withValue { _ = $0.files.removeValue(forKey: path) }
    }

    package func removeLeftovers() {}

    package func flush() {}

    package func writeManifest(_ manifest: BuildManifest) throws {
        state.withValue { $0.manifest = manifest }
    }

    package var pdfFolder: String? { nil }
}
