import Foundation

/// Writes files so each is either its old or its new complete version: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
public enum AtomicWriter {
    /// The suffix of temporary files, so an interrupted build can clean them up.
    public static let temporaryMarker = ".tmp-curriculum-"

    /// The process id and a random number, drawn once: with the counter below, a temporary
    /// name is never reused, and no system call is made per file.
    private static let processTag = String(getpid()) + "-" + String(UInt32.random(in: .min ... .max), radix: 16)
    private static let counter = Locked(0)

    public static func temporaryPath(for path: String) -> String {
        let folder = PathUtil.directory(of: path)
        let number = counter.withValue { value -> Int in
            value += 1
            return value
        }
        return PathUtil.join(folder, "." + PathUtil.fileName(path) + temporaryMarker + processTag + "-" + String(number, radix: 16))
    }

    /// Writes `bytes` to `path` through a temporary file. `durable` also flushes each file to
    /// the disk before the rename (an fsync, milliseconds per file); a build writes thousands of
    /// files without it and flushes the folder once with `flush(_:)` before its manifest.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, durable: Bool = true) throws {
        let temporary = temporaryPath(for: path)
        if durable {
            try FileManager.default.createDirectory(atPath: PathUtil.directory(of: path), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw FileError(path: path, code: errno == 0 ? EIO : errno)
            }
        } else {
            try writeWithoutFlush(Array(bytes), to: temporary, for: path)
        }
        try commit(temporary, to: path)
    }

    public static func write(_ text: String, to path: String, durable: Bool = true) throws {
        try write(Array(text.utf8), to: path, durable: durable)
    }

    /// Writes the temporary file with plain system calls, creating its folder only when it is
    /// missing. `O_EXCL | O_NOFOLLOW`: a file or symbolic link already at the temporary name (planted
    /// in a shared output folder, say) makes the write fail instead of being written through.
    private static func writeWithoutFlush(_ bytes: [UInt8], to temporary: String, for path: String) throws {
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if fd < 0 && errno == ENOENT {
            try FileManager.default.createDirectory(atPath: PathUtil.directory(of: path), withIntermediateDirectories: true)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in systemWrite(fd, buffer.baseAddress! + written, buffer.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(temporary)
                throw failure(path, code)
            }
            written += count
        }
    }

    /// Flushes the files written with `durable: false` to the disk at once (one sync(2) for all
    /// of them), so a manifest written after it never names a file a power cut could lose.
    public static func flush() {
        sync()
    }

    private static func failure(_ path: String, _ code: Int32) -> FileError {
        FileError(path: path, code: code)
    }

    /// Replaces the bytes of a file the user wrote (`check --fix`) and keeps the file what it
    /// was: its permissions (and owner, where the system allows) stay, and a symbolic link stays
    /// a link, its target written in place when that lies inside one of `folders` (resolved
    /// paths), else nothing is written.
    public static func replaceContents(of path: String, with bytes: [UInt8], inside folders: [String]) throws {
        var target = path
        var info = stat()
        guard lstat(path, &info) == 0 else { throw FileError(path: path, code: errno) }
        if info.st_mode & S_IFMT == S_IFLNK {
            let real = RealPath.of(path)
            guard let real, RealPath.isInside(real, folders) else {
                throw Refusal(description: "\(PathUtil.display(path)) is a symbolic link to \(real ?? "nothing") outside the curriculum folder, so it was left as it is")
            }
            target = real
            guard stat(real, &info) == 0 else { throw FileError(path: real, code: errno) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Refusal(description: "\(PathUtil.display(path)) is not a regular file") }
        let temporary = temporaryPath(for: target)
        try writeWithoutFlush(bytes, to: temporary, for: target)
        _ = chown(temporary, info.st_uid, info.st_gid)  // allowed for root; a user's own file is theirs already
        guard chmod(temporary, info.st_mode & 0o7777) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(path: target, code: code)
        }
        try commit(temporary, to: target)
    }

    /// A write refused on purpose, with the reason in the user's words.
    public struct Refusal: Error, LocalizedError, CustomStringConvertible {
        public let description: String
        public var errorDescription: String? { description }
    }

    /// Renames a finished temporary file over its target (atomic on one file system).
    public static func commit(_ temporary: String, to path: String) throws {
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileError(path: path, code: code)
        }
    }
}

/// write(2), named apart from `AtomicWriter.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
