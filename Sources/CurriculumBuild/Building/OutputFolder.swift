import Foundation

/// The output folder as a build treats it. Its contents are untrusted (the manifest may be
/// edited, a symbolic link or a file named like a temporary file may be planted): a build
/// writes, reads back and removes only its own files, in its own folders, never through a
/// symbolic link, and never inside the curriculum or templates folder.
public enum OutputFolder {
    public static let unusable = BuildRules.outputFolder

    /// The files a build writes at the top of the output folder, and the folders it writes in.
    static let topFiles: Set<String> = ["index.html", "coverage.html", "coverage.csv"]
    static let folders: Set<String> = ["handouts", "guides", "packets", "plans", "notes", "sign-in", "makeup", "assets"]

    // MARK: Which folder

    /// Why `out` cannot be the output folder of a build of the curriculum `root` with the
    /// templates in `templates`; nil when it can. A folder that holds the curriculum (the
    /// repository's root, say) is allowed.
    public static func problem(out: String, root: String, templates: String, home: String = NSHomeDirectory()) -> Diagnostic? {
        let resolved = RealPath.resolve(out)
        func refuse(_ why: String) -> Diagnostic {
            unusable.diagnostic(PathUtil.display(out), .at(line: 1), "--out \(out) \(why)",
                fix: Fix(summary: "build into a folder of its own, for example --out build (the default)"))
        }
        if resolved == "/" { return refuse("is the root of the file system; a build writes and cleans up in its output folder") }
        if !home.isEmpty, resolved == RealPath.resolve(home) { return refuse("is your home folder; a build writes and cleans up in its output folder") }
        for (folder, name) in [(root, "curriculum"), (templates, "templates")] {
            let inside = RealPath.resolve(folder)
            if resolved == inside { return refuse("is the \(name) folder; the build would mix its files with yours") }
            if resolved.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/") {
                return refuse("lies inside the \(name) folder (\(PathUtil.display(folder))); the build would mix its files with yours")
            }
            // A folder that holds the curriculum is fine, unless the build would write into it
            // there (a curriculum folder named handouts/ or assets/, say).
            for own in folders.sorted() where RealPath.isInside(RealPath.resolve(PathUtil.join(out, own)), [inside]) {
                return refuse("holds the \(name) folder as \(own)/, where the build writes its \(own); the build would mix its files with yours")
            }
        }
        return nil
    }

    /// The curriculum and templates folders, resolved: a build never removes anything in them.
    static func protected(root: String, templates: String) -> [String] {
        [RealPath.resolve(root), RealPath.resolve(templates)]
    }

    // MARK: Paths the manifest may name

    /// True for a plain relative path of a file a build writes: not absolute, no empty, `.` or
    /// `..` part, no control character or backslash, at the top (index.html, coverage.*) or in
    /// one of the build's folders. Manifest entries that are not are ignored.
    public static func isOutputPath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), path.utf8.count <= 4096,
              !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return false }
        return parts.count == 1 ? topFiles.contains(path) : folders.contains(String(parts[0]))
    }

    /// The first part of `relative` in `out` that is a symbolic link: a folder on the way, or
    /// the file itself when `includingFile`; nil when there is none (or the rest is not there).
    static func symbolicLink(on relative: String, in out: String, includingFile: Bool) -> String? {
        var parts = relative.split(separator: "/").map(String.init)
        if !includingFile, !parts.isEmpty { parts.removeLast() }
        var prefix = ""
        for part in parts {
            prefix = prefix.isEmpty ? part : prefix + "/" + part
            var info = stat()
            guard lstat(PathUtil.join(out, prefix), &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFLNK { return prefix }
        }
        return nil
    }

    /// A setup error for the first folder on the way to `outputs` (paths relative to `out`)
    /// that is a symbolic link, so a build never writes through one; nil when there is none.
    static func symbolicLinkProblem(_ outputs: [String], in out: String) -> Diagnostic? {
        var folders = Set<String>()
        for output in outputs { folders.insert(PathUtil.directory(of: output)) }
        for folder in folders.sorted() where folder != "." {
            if let link = symbolicLink(on: folder, in: out, includingFile: true) {
                let path = PathUtil.join(out, link)
                return unusable.diagnostic(PathUtil.display(path), .at(line: 1),
                    "'\(PathUtil.display(path))' is a symbolic link (to \(RealPath.of(path) ?? "nothing")); a build writes only into real folders of --out",
                    fix: Fix(summary: "remove the link (rm \(PathUtil.display(path))), or build into another folder with --out"))
            }
        }
        return nil
    }

    // MARK: Reading back and removing outputs

    /// The bytes of the regular file `relative` in `out`, read without following a symbolic
    /// link; nil when it is not there, not a regular file, or reached through a link.
    static func readOutput(_ relative: String, in out: String) -> [UInt8]? {
        guard symbolicLink(on: relative, in: out, includingFile: false) == nil else { return nil }
        let fd = open(PathUtil.join(out, relative), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        return count == bytes.count ? bytes : nil
    }

    /// A manifest entry: the output's key (what it is made from) joined with a digest of its
    /// bytes, so an entry vouches only for the file as it was written. A build killed after
    /// writing files but before its manifest leaves entries that no longer match the files,
    /// and those outputs are made again.
    static func entry(key: String, bytes: some Sequence<UInt8>) -> String {
        var content = ContentHasher()
        content.add(bytes)
        return ContentHasher.digest(key, content.hexDigest)
    }

    /// The entry the file at `relative` would have if it was made from `key`; nil when no
    /// regular file is there.
    static func entryOnDisk(key: String, _ relative: String, in out: String) -> String? {
        readOutput(relative, in: out).map { entry(key: key, bytes: $0) }
    }

    /// True when a regular file is at `relative` in `out`, reached through no symbolic link.
    static func holdsFile(_ relative: String, in out: String) -> Bool {
        guard symbolicLink(on: relative, in: out, includingFile: false) == nil else { return false }
        var info = stat()
        return lstat(PathUtil.join(out, relative), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Removes an output a build no longer makes: only an output path, only a regular file
    /// reached through no symbolic link, never in a protected folder, never a folder.
    @discardableResult
    static func removeOutput(_ relative: String, in out: String, protected: [String]) -> Bool {
        guard isOutputPath(relative), holdsFile(relative, in: out) else { return false }
        let path = PathUtil.join(out, relative)
        guard let folder = RealPath.of(PathUtil.directory(of: path)), !RealPath.isInside(folder, protected) else { return false }
        return unlink(path) == 0
    }

    /// Removes the temporary files an interrupted build left: regular files named as
    /// `AtomicWriter` names them, at the top of `out` and in the build's own folders below it,
    /// never through a symbolic link nor in a protected folder.
    static func removeLeftovers(in out: String, protected: [String]) {
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? out : PathUtil.join(out, relative)
            guard let real = RealPath.of(folder), !RealPath.isInside(real, protected), let handle = opendir(folder) else { continue }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(handle)
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(PathUtil.join(out, child), &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG where AtomicWriter.isTemporaryName(name):
                    unlink(PathUtil.join(out, child))
                case S_IFDIR where !relative.isEmpty || folders.contains(name):
                    pending.append(child)
                default:
                    break
                }
            }
        }
    }
}

extension AtomicWriter {
    /// True for a name `temporaryPath(for:)` gives: `.NAME.tmp-curriculum-PID-HEX-HEX`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return false }
        let tail = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 3, !tail[0].isEmpty, tail[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return tail[1...].allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) } }
    }
}
