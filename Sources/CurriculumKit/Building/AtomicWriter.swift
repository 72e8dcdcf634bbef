import Foundation

/// Writes files so each is either its old or its new complete version: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
public enum AtomicWriter {
    /// The suffix of temporary files, so an interrupted build can clean them up.
    public static let temporaryMarker = ".tmp-curriculum-"

    public static func temporaryPath(for path: String) -> String {
        let folder = PathUtil.directory(of: path)
        return PathUtil.join(folder, "." + PathUtil.fileName(path) + temporaryMarker + String(getpid()) + "-" + UUID().uuidString.prefix(8))
    }

    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        try FileManager.default.createDirectory(atPath: PathUtil.directory(of: path), withIntermediateDirectories: true)
        let temporary = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        try commit(temporary, to: path)
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Renames a finished temporary file over its target (atomic on one file system).
    public static func commit(_ temporary: String, to path: String) throws {
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }
}
