import Foundation

/// The image files a handout may show: PNG, JPEG, GIF and WebP, and SVG without script or
/// references to other files. `check` reports any other image (`links.local-file`,
/// `images.unsafe-svg`), and `build` copies only these into `assets/`, whatever the settings.
public enum ImageFile {
    public enum Kind: String, Sendable {
        case png = "PNG", jpeg = "JPEG", gif = "GIF", webp = "WebP", svg = "SVG"
    }

    /// The largest image a handout may show (far above any picture printed on a page); larger
    /// files are not read whole to be checked, nor copied.
    public static let maxBytes = 16 << 20

    /// The image type a file name promises; nil for any other file.
    public static func kind(ofPath path: String) -> Kind? {
        let name = PathUtil.fileName(path)
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "png": return .png
        case "jpg", "jpeg": return .jpeg
        case "gif": return .gif
        case "webp": return .webp
        case "svg": return .svg
        default: return nil
        }
    }

    /// True when `bytes` begin as a file of `kind` does (an HTML page or an SVG named `.png`
    /// is not a PNG).
    public static func contentMatches(_ kind: Kind, _ bytes: [UInt8]) -> Bool {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        switch kind {
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: return starts([0xFF, 0xD8, 0xFF])
        case .gif: return starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
        case .webp: return starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8)
        case .svg: return String(validating: bytes, as: UTF8.self)?.lowercased().contains("<svg") == true
        }
    }

    /// Why an SVG file is unsafe to print: script, event attributes (`onload=`), embedded HTML,
    /// entity declarations, or a reference to anything but a place in the same file (`href`,
    /// `xlink:href` or `src` other than `#...`, `@import`, `url(...)` other than `url(#...)`);
    /// nil when it holds none of these.
    public static func svgProblem(_ bytes: [UInt8]) -> String? {
        guard let raw = String(validating: bytes, as: UTF8.self) else { return "it is not UTF-8 text" }
        // An XML parser reads `&#64;import` as `@import`: numeric references are read first.
        let text = decodingCharacterReferences(raw).lowercased()
        let name = "([a-z0-9_.-]+:)?"
        let checks: [(String, String)] = [
            ("<\\s*\(name)script[\\s/>]", "a <script> element"),
            ("<\\s*\(name)foreignobject[\\s/>]", "embedded HTML (<foreignObject>)"),
            ("<!entity", "an entity declaration, which can pull in other files"),
            ("[\\s\"'/]\(name)on[a-z]+\\s*=", "an event attribute (such as onload=) that runs script"),
            ("@import", "a style rule that loads another file (@import)"),
            ("\\\\[0-9a-f]", "a CSS escape, which can hide a reference to another file"),
            ("attributename\\s*=\\s*[\"']?\\s*\(name)(href|src|on[a-z]+)", "an animation that changes a link or an event attribute"),
        ]
        for (pattern, what) in checks where text.range(of: pattern, options: .regularExpression) != nil {
            return "it holds \(what)"
        }
        // References: only a place in the same file (#id) is allowed.
        if let reference = externalReference(in: text, attribute: "[\\s\"'/]\(name)(href|src)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]*)") {
            return "it refers to another file or address (\(reference.trimmingCharacters(in: .whitespacesAndNewlines).prefix(80)))"
        }
        var rest = Substring(text)
        while let open = rest.range(of: "url(") {
            let inside = rest[open.upperBound...].drop { " \t\r\n\"'".contains($0) }
            if !inside.hasPrefix("#") { return "it loads another file or address with url(...)" }
            rest = rest[open.upperBound...]
        }
        return nil
    }

    /// `text` with numeric character references (`&#64;`, `&#x40;`) replaced by their characters.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&#") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "&#") {
            out += rest[..<start.lowerBound]
            var digits = rest[start.upperBound...]
            let hex = digits.first == "x" || digits.first == "X"
            if hex { digits = digits.dropFirst() }
            let number = digits.prefix { hex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }
            if !number.isEmpty, number.count <= 8, let value = UInt32(number, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = digits[number.endIndex...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                out += "&#"
                rest = rest[start.upperBound...]
            }
        }
        return out + rest
    }

    /// The first `attribute` match whose value is not empty and not a `#` fragment.
    private static func externalReference(in text: String, attribute pattern: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        for match in expression.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            let found = String(text[range])
            let value = found.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")) } ?? ""
            if !value.isEmpty && !value.hasPrefix("#") { return found }
        }
        return nil
    }

    /// Why the file at `path` with these bytes is not an image a handout may show; nil when it is.
    public static func problem(_ path: String, _ bytes: [UInt8]) -> (unsafeSVG: Bool, reason: String)? {
        guard let kind = kind(ofPath: path) else {
            return (false, "it is not an image a handout can show (PNG, JPEG, GIF, WebP or SVG)")
        }
        guard bytes.count <= maxBytes else { return (false, "it is over \(maxBytes >> 20) MB, too large for a handout") }
        guard contentMatches(kind, bytes) else { return (false, "it is named as a \(kind.rawValue) image, but it is not one") }
        if kind == .svg, let why = svgProblem(bytes) { return (true, why) }
        return nil
    }

    /// True when `build` may copy this file into `assets/`.
    public static func mayCopy(_ path: String, _ bytes: [UInt8]) -> Bool {
        problem(path, bytes) == nil
    }
}
