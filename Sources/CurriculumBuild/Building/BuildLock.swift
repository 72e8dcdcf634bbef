import Foundation

/// One build at a time per output folder: a second build into the same folder fails fast
/// instead of interleaving its writes with the first.
public final class BuildLock {
    public static let fileName = ".curriculum-build.lock"
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock of `folder` (creating the folder), or returns nil when another build holds it.
    /// A symbolic link planted at the lock file's name is not followed (ELOOP).
    public static func acquire(folder: String) throws -> BuildLock? {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = PathUtil.join(folder, fileName)
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw FileError(path: path, code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return nil
        }
        return BuildLock(descriptor: fd)
    }

    private var released = false

    /// Lets the next build in; also done when the lock goes away.
    public func release() {
        guard !released else { return }
        released = true
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    deinit { release() }
}

extension AtomicWriter {
    /// Removes temporary files an interrupted build left in the output folder `folder`: only
    /// files named as this tool names them, in the folders a build writes (`OutputFolder`).
    public static func removeLeftovers(in folder: String) {
        OutputFolder.removeLeftovers(in: folder, protected: [])
    }
}
