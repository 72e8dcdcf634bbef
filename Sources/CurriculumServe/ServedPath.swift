import CurriculumBuild
import Foundation

/// Which file of the build a request names, if any. Only files the build's manifest lists are
/// served, each only when it is a regular file reached without a symbolic link; a request
/// path with `..` or `.` segments (percent-encoded or not), an encoded slash, a backslash or a
/// NUL names nothing. Everything else gets the same 404 as an unknown path, so a request cannot
/// tell a forbidden file from a missing one.
package enum ServedPath {
    /// The output path (as the manifest spells it, e.g. `handouts/x.html`) that the raw,
    /// percent-encoded request path names; nil when it is not a clean path. `/` and a folder
    /// ending in `/` name their `index.html`.
    package static func relative(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // Only a trailing slash is allowed ("/handouts/"), not "//".
                guard index == parts.count - 1 else { return nil }
                segments.append("index.html")
                continue
            }
            guard let decoded = part.removingPercentEncoding, !decoded.isEmpty,
                  decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0"),
                  !decoded.hasPrefix(".") else { return nil }
            segments.append(decoded)
        }
        if segments.isEmpty { segments = ["index.html"] }
        return segments.joined(separator: "/")
    }

    /// The file on disk for `relative` under `folder`, when the build made it (`listed`) and it is
    /// a regular file whose every component is a real folder or file, not a symbolic link.
    package static func file(_ relative: String, in folder: String, listed: Set<String>) -> String? {
        guard listed.contains(relative) else { return nil }
        var path = folder
        let components = relative.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() {
            path = PathUtil.join(path, component)
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            let type = info.st_mode & S_IFMT
            guard type == (index == components.count - 1 ? S_IFREG : S_IFDIR) else { return nil }
        }
        return path
    }

    /// The content type a browser needs for a built file.
    package static func contentType(_ relative: String) -> String {
        switch relative.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        // SVG copied into a build carries no script (ImageFile), and the sandbox below keeps it so.
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
