/// What must hold for any HTML the renderers produce from untrusted modules: every `<` opens
/// a comment or a tag the renderer itself writes, no attribute is an event handler, and no
/// link or image target runs script or reads local files.
public struct HTMLInvariants: Sendable {
    /// Tags the body renderer, the widget renderer and the templates write.
    public static let bodyTags: Set<String> = [
        "a", "aside", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li",
        "ol", "p", "pre", "section", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
    ]
    public static let pageTags: Set<String> = bodyTags.union([
        "article", "body", "footer", "head", "header", "html", "link", "main", "meta", "nav", "small", "style", "title",
        "figure", "figcaption", "dl", "dt", "dd", "b", "i",
    ])
    /// Tags a module must never add to a page: only the template may write them.
    public static let templateOnlyTags: Set<String> = ["link", "meta", "style", "title", "html", "head", "body"]
    public static let attributes: Set<String> = [
        "alt", "charset", "class", "colspan", "content", "href", "id", "lang", "name", "rel", "rowspan", "scope", "src",
        "start", "title", "aria-label", "role",
        // Where an element was written (the layout check) and the title a page repeats when a
        // worksheet goes on to it: values the renderer writes itself, escaped like any text.
        "data-module", "data-src-line", "data-continued",
    ]

    public struct Tag: Sendable {
        public let name: String
        public let attributes: [(name: String, value: String)]
    }

    /// The tags of `html` in order; stops the fuzzer at anything that is not a tag, a comment,
    /// the doctype or escaped text.
    public static func tags(_ html: String, _ what: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var i = 0
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        // Compared in place: the fuzzers call this for every '<' of every page, under ASan.
        func starts(_ prefix: StaticString, at index: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return prefix.withUTF8Buffer { p in
                for k in 0..<count where bytes[index + k] != p[k] { return false }
                return true
            }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<!--", at: i) {
                var j = i + 4
                while j < bytes.count && !starts("-->", at: j) { j += 1 }
                FuzzFailure.require(j < bytes.count, "\(what): an HTML comment is never closed")
                i = j + 3
                continue
            }
            if starts("<!DOCTYPE html>", at: i) { i += 15; continue }
            var j = i + 1
            if j < bytes.count && bytes[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < bytes.count && isNameByte(bytes[j]) { j += 1 }
            FuzzFailure.require(j > nameStart, "\(what): a '<' that does not open a tag (unescaped text): \(excerpt(bytes, i))")
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            var attributes: [(name: String, value: String)] = []
            while true {
                while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                FuzzFailure.require(j < bytes.count, "\(what): the tag <\(name) is never closed")
                if bytes[j] == UInt8(ascii: ">") { j += 1; break }
                if bytes[j] == UInt8(ascii: "/") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: ">") { j += 2; break }
                let attributeStart = j
                while j < bytes.count && !isSpace(bytes[j]) && bytes[j] != UInt8(ascii: "=") && bytes[j] != UInt8(ascii: ">")
                    && bytes[j] != UInt8(ascii: "/") { j += 1 }
                FuzzFailure.require(j > attributeStart, "\(what): a malformed tag <\(name): \(excerpt(bytes, i))")
                let attribute = String(decoding: bytes[attributeStart..<j], as: UTF8.self).lowercased()
                var value = ""
                if j < bytes.count && bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    FuzzFailure.require(j < bytes.count && bytes[j] == UInt8(ascii: "\""),
                                        "\(what): the attribute \(attribute) of <\(name) is not in double quotes: \(excerpt(bytes, i))")
                    let valueStart = j + 1
                    j = valueStart
                    while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                    FuzzFailure.require(j < bytes.count, "\(what): an attribute value of <\(name) is never closed")
                    value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    j += 1
                }
                attributes.append((attribute, value))
            }
            tags.append(Tag(name: name, attributes: attributes))
            i = j
        }
        return tags
    }

    /// Checks `html` (a body fragment when `page` is false, else a whole page whose template
    /// wrote `baseline` of each template-only tag).
    public static func check(_ html: String, _ what: String, page: Bool = false, baseline: [String: Int] = [:]) {
        let allowed = page ? pageTags : bodyTags
        var counts: [String: Int] = [:]
        for tag in tags(html, what) {
            FuzzFailure.require(allowed.contains(tag.name), "\(what): a <\(tag.name)> tag reached the output")
            counts[tag.name, default: 0] += 1
            for (name, value) in tag.attributes {
                FuzzFailure.require(!name.hasPrefix("on"), "\(what): an event handler attribute \(name) on <\(tag.name)>")
                FuzzFailure.require(attributes.contains(name), "\(what): an unexpected attribute \(name) on <\(tag.name)>")
                if name == "href" || name == "src" {
                    let target = value.lowercased().filter { !$0.isWhitespace && $0 != "\0" }
                    for scheme in ["javascript:", "vbscript:", "file:"] {
                        FuzzFailure.require(!target.hasPrefix(scheme), "\(what): a \(scheme) URL in \(name) of <\(tag.name)>: \(value)")
                    }
                    if target.hasPrefix("data:") {
                        FuzzFailure.require(["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { target.hasPrefix($0) },
                                            "\(what): a data: URL that is not an image in \(name) of <\(tag.name)>: \(value)")
                    }
                }
            }
        }
        if page {
            for name in templateOnlyTags {
                FuzzFailure.require(counts[name, default: 0] == baseline[name, default: 0],
                                    "\(what): \(counts[name, default: 0]) <\(name)> tags where the template writes \(baseline[name, default: 0])")
            }
        }
    }

    /// How many of each template-only tag a page has.
    public static func templateTagCounts(_ html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for tag in tags(html, "baseline page") where templateOnlyTags.contains(tag.name) { counts[tag.name, default: 0] += 1 }
        return counts
    }

    private static func excerpt(_ bytes: [UInt8], _ at: Int) -> String {
        String(decoding: bytes[max(0, at - 40)..<min(bytes.count, at + 60)], as: UTF8.self).debugDescription
    }
}
