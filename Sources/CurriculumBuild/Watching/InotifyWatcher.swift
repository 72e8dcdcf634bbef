#if canImport(Glibc)
import Glibc

/// Waits for saved changes under folders with Linux's inotify, so a change is seen as soon as
/// the editor closes the file instead of at the next poll (`Watcher` polls every 250 ms and then
/// waits 200 ms of quiet). New subfolders are watched as they appear. Hidden files and folders
/// (editor swap files, `.git`), backups ending in `~` and anything under `excluding` (the output
/// folder) are left out, as `FolderScanner` leaves them out.
/// Not Sendable: one watch loop owns it, on one thread.
package final class InotifyWatcher {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let excluding: [String]
    /// How long the files must stay quiet after an event before the change is reported:
    /// editors save in bursts (a temporary file, a rename, a second write) within milliseconds.
    package let quietPeriod: Double

    private static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE)
    private static let folderEvents = UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// nil when inotify cannot be used (no watches left, say): the caller falls back to polling.
    package init?(paths: [String], excluding: [String] = [], quietPeriod: Double = 0.03) {
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        descriptor = fd
        self.excluding = excluding.map { Self.trimmed(PathUtil.display($0)) }
        self.quietPeriod = quietPeriod
        var found: [String] = []
        for path in paths where !addTree(path, found: &found) {
            return nil
        }
    }

    deinit { close(descriptor) }

    /// The folders watched now, for tests.
    package var watchedFolders: [String] { folders.values.sorted() }

    /// Blocks until files changed and then stayed quiet for `quietPeriod`; returns the paths
    /// that changed (sorted), or nil once `stop` is requested.
    package func next(until stop: StopSignal) -> [String]? {
        var changed = Set<String>()
        var created = Set<String>()
        while !stop.isRequested {
            // Waits for an event, looking at `stop` ten times a second; once something changed,
            // waits only for the quiet period.
            let timeout = changed.isEmpty ? 100 : Int32(quietPeriod * 1000)
            var pollfd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollfd, 1, timeout)
            if ready < 0 && errno != EINTR { return nil }
            if ready > 0 {
                changed.formUnion(readEvents(created: &created))
                continue
            }
            // A file made and gone within the burst (an editor's or sed's temporary file) is no change.
            changed = changed.filter { !created.contains($0) || access($0, F_OK) == 0 }
            if !changed.isEmpty { return changed.sorted() }
            created = []
        }
        return nil
    }

    /// Reads every pending event; returns the changed paths worth a rebuild, and adds the files
    /// made to `created`.
    private func readEvents(created: inout Set<String>) -> [String] {
        var out: [String] = []
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    out.append(folders.values.sorted().first ?? ".")  // events were lost: rebuild
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 || mask & Self.folderEvents != 0 {
                    folders[wd] = nil
                    out.append(folder)
                    continue
                }
                guard !name.isEmpty, !Self.isIgnored(name) else { continue }
                let path = PathUtil.join(folder, name)
                if isExcluded(path) { continue }
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A folder moved or made here: watched from now on, and the files already in
                    // it count as changed (they may have been written before the watch).
                    if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                        var found: [String] = []
                        _ = addTree(path, found: &found)
                        out += found
                    }
                    out.append(path)
                    continue
                }
                // A new file is reported when it is closed after writing (IN_CLOSE_WRITE), not
                // while it is still empty.
                if mask & UInt32(IN_CREATE) != 0 {
                    created.insert(path)
                    continue
                }
                out.append(path)
            }
        }
        return out
    }

    /// Watches `path` and every folder under it, adding the files under it to `found`; false
    /// when inotify refused a watch.
    private func addTree(_ path: String, found: inout [String]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, !isExcluded(path) else { return true }
        let wd = inotify_add_watch(descriptor, path, Self.fileEvents | Self.folderEvents | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return false }
        folders[wd] = path
        guard let dir = opendir(path) else { return true }
        defer { closedir(dir) }
        var children: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || Self.isIgnored(name) { continue }
            let child = PathUtil.join(path, name)
            if entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) { children.append(child) } else if !isExcluded(child) { found.append(child) }
        }
        for child in children.sorted() where !addTree(child, found: &found) { return false }
        return true
    }

    private func isExcluded(_ path: String) -> Bool {
        let shown = PathUtil.display(path)
        return excluding.contains { shown == $0 || shown.hasPrefix($0 + "/") }
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
#endif
