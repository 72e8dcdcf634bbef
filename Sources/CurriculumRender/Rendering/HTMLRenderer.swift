/// Renders a Markdown tree to HTML exactly as cmark 0.30.2's `html.c` does in safe mode
/// (`CMARK_OPT_DEFAULT`): raw HTML is replaced by `<!-- raw HTML omitted -->` and dangerous
/// URLs are left empty. The walk uses an explicit stack, so nesting depth is bounded only by
/// memory, never by the call stack.
public struct HTMLRenderer: Sendable {
    /// Called for every block node before it is rendered; a non-nil result replaces the default
    /// output for that node and its children (used for worksheet blocks and facilitator-only
    /// content). Like every block, a non-empty replacement starts on a new line.
    public var blockOverride: (@Sendable (MarkdownNode) -> String?)?
    /// Called with every link (`false`) and image (`true`) target before it is checked and
    /// escaped; documents use it to point module links and images into the build folder.
    public var rewriteURL: (@Sendable (String, Bool) -> String)?

    /// Creates a renderer, optionally with a hook that replaces the output of chosen blocks.
    public init(blockOverride: (@Sendable (MarkdownNode) -> String?)? = nil,
                rewriteURL: (@Sendable (String, Bool) -> String)? = nil) {
        self.blockOverride = blockOverride
        self.rewriteURL = rewriteURL
    }

    /// Renders `node` (a document or any other node) and its descendants. A paragraph renders
    /// tight (without `<p>`) only when its list is part of what is rendered.
    public func render(_ node: MarkdownNode) -> String {
        var out = HTMLOutput(capacity: Self.estimatedSize(of: node))
        renderTree(node, childrenOnly: false, into: &out)
        return out.string
    }

    /// Renders the children of `node` without the node's own markup.
    public func renderChildren(_ node: MarkdownNode) -> String {
        var out = HTMLOutput(capacity: Self.estimatedSize(of: node))
        renderTree(node, childrenOnly: true, into: &out)
        return out.string
    }

    /// Appends what `render(node)` returns to `out`.
    func render(_ node: MarkdownNode, into out: inout HTMLOutput) {
        let base = out.beginPart()
        renderTree(node, childrenOnly: false, into: &out)
        out.endPart(base)
    }

    /// Appends what `renderChildren(node)` returns to `out`.
    func renderChildren(_ node: MarkdownNode, into out: inout HTMLOutput) {
        let base = out.beginPart()
        renderTree(node, childrenOnly: true, into: &out)
        out.endPart(base)
    }

    /// Escapes `&`, `<`, `>` and `"` as cmark does for text and attributes (`'` and `/` stay).
    public static func escapeText(_ s: String) -> String {
        var out = HTMLOutput(capacity: s.utf8.count + 16)
        out.appendEscapedText(s)
        return out.string
    }

    /// Escapes a URL as cmark's `houdini_escape_href`: `&` becomes `&amp;`, `'` becomes `&#x27;`
    /// and every byte other than ASCII letters, digits and `-_.+!*(),%#@?=;:/$~` becomes `%XX`.
    public static func escapeHref(_ s: String) -> String {
        var out = HTMLOutput(capacity: s.utf8.count + 16)
        out.appendEscapedHref(s)
        return out.string
    }

    /// Whether cmark's safe mode keeps `s` as a link or image target: false when it starts
    /// (ignoring ASCII case) with `javascript:`, `vbscript:`, `file:` or `data:`, except
    /// `data:image/png`, `data:image/gif`, `data:image/jpeg` and `data:image/webp`.
    public static func isSafeURL(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { bytes in
            if hasPrefix(bytes, "javascript:") || hasPrefix(bytes, "vbscript:") || hasPrefix(bytes, "file:") {
                return false
            }
            if hasPrefix(bytes, "data:") {
                return hasPrefix(bytes, "data:image/png") || hasPrefix(bytes, "data:image/gif")
                    || hasPrefix(bytes, "data:image/jpeg") || hasPrefix(bytes, "data:image/webp")
            }
            return true
        }
    }

    /// ASCII case-insensitive prefix test; `prefix` must be lowercase.
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let p = prefix.utf8Start
        for i in 0..<count {
            var b = bytes[i]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
            if b != p[i] { return false }
        }
        return true
    }

    /// A rough output size: about the source's extent, which the HTML usually exceeds a little.
    private static func estimatedSize(of node: MarkdownNode) -> Int {
        let lines = max(node.range.end.line - node.range.start.line + 1, 1)
        return min(lines * 48, 1 << 24)
    }

    // MARK: - The walk

    private struct Frame {
        let node: MarkdownNode
        /// Index of the next child to enter.
        var next: Int = 0
        /// True for an item of a tight list: its paragraphs render without `<p>`.
        let tightItem: Bool
    }

    /// Mirrors cmark's enter/exit iteration. Leaves (as cmark defines them) only get an enter
    /// event; every other node gets both, even without children.
    private func renderTree(_ root: MarkdownNode, childrenOnly: Bool, into out: inout HTMLOutput) {
        var stack: [Frame] = []
        /// Stack index of the image whose alt text is being written, if any.
        var plainImage: Int? = nil

        // Enters `node`; returns whether it needs a frame (children and an exit event).
        func enter(_ node: MarkdownNode, grandparentIsTightList: Bool) -> Bool {
            if plainImage != nil {
                switch node.kind {
                case .text(let s), .code(let s), .htmlInline(let s): out.appendEscapedText(s)
                case .softBreak, .lineBreak: out.put(UInt8(ascii: " "))
                default: break
                }
                return !node.children.isEmpty
            }
            if node.isBlock, let blockOverride, let replacement = blockOverride(node) {
                if !replacement.isEmpty {
                    out.cr()
                    out.append(replacement)
                }
                return false
            }
            switch node.kind {
            case .document:
                return true
            case .blockQuote:
                out.cr()
                out.put("<blockquote>\n")
                return true
            case .list(let ordered, let start, _, _):
                out.cr()
                if !ordered {
                    out.put("<ul>\n")
                } else if start == 1 {
                    out.put("<ol>\n")
                } else {
                    out.put("<ol start=\"")
                    out.append(String(start))
                    out.put("\">\n")
                }
                return true
            case .item:
                out.cr()
                out.put("<li>")
                return true
            case .heading(let level):
                out.cr()
                out.put("<h")
                out.append(String(level))
                out.put(UInt8(ascii: ">"))
                return true
            case .codeBlock(let info, let literal, _):
                out.cr()
                if info.isEmpty {
                    out.put("<pre><code>")
                } else {
                    out.put("<pre><code class=\"language-")
                    out.appendEscapedText(Self.firstWord(of: info))
                    out.put("\">")
                }
                out.appendEscapedText(literal)
                out.put("</code></pre>\n")
                return false
            case .htmlBlock:
                out.cr()
                out.put("<!-- raw HTML omitted -->")
                out.cr()
                return false
            case .thematicBreak:
                out.cr()
                out.put("<hr />\n")
                return false
            case .paragraph:
                if !grandparentIsTightList {
                    out.cr()
                    out.put("<p>")
                }
                return true
            case .text(let s):
                out.appendEscapedText(s)
                return false
            case .softBreak:
                out.put(UInt8(ascii: "\n"))
                return false
            case .lineBreak:
                out.put("<br />\n")
                return false
            case .code(let s):
                out.put("<code>")
                out.appendEscapedText(s)
                out.put("</code>")
                return false
            case .htmlInline:
                out.put("<!-- raw HTML omitted -->")
                return false
            case .emphasis:
                out.put("<em>")
                return true
            case .strong:
                out.put("<strong>")
                return true
            case .link(let written, let title):
                let destination = rewriteURL?(written, false) ?? written
                out.put("<a href=\"")
                if Self.isSafeURL(destination) { out.appendEscapedHref(destination) }
                if !title.isEmpty {
                    out.put("\" title=\"")
                    out.appendEscapedText(title)
                }
                out.put("\">")
                return true
            case .image(let written, _):
                let source = rewriteURL?(written, true) ?? written
                out.put("<img src=\"")
                if Self.isSafeURL(source) { out.appendEscapedHref(source) }
                out.put("\" alt=\"")
                plainImage = stack.count  // the index the image's frame will take
                return true
            }
        }

        func exit(_ frame: Frame, tightParagraph: Bool) {
            if let image = plainImage {
                guard image == stack.count else { return }  // `frame` was just popped
                plainImage = nil
            }
            switch frame.node.kind {
            case .blockQuote:
                out.cr()
                out.put("</blockquote>\n")
            case .list(let ordered, _, _, _):
                out.put(ordered ? "</ol>\n" : "</ul>\n")
            case .item:
                out.put("</li>\n")
            case .heading(let level):
                out.put("</h")
                out.append(String(level))
                out.put(">\n")
            case .paragraph:
                if !tightParagraph { out.put("</p>\n") }
            case .emphasis:
                out.put("</em>")
            case .strong:
                out.put("</strong>")
            case .link:
                out.put("</a>")
            case .image(_, let title):
                if !title.isEmpty {
                    out.put("\" title=\"")
                    out.appendEscapedText(title)
                }
                out.put("\" />")
            default:
                break
            }
        }

        /// A node's frame; an item records whether its list is tight.
        func frame(for node: MarkdownNode, parent: Frame?) -> Frame {
            var tight = false
            if case .item = node.kind, let parent, case .list(_, _, let listTight, _) = parent.node.kind {
                tight = listTight
            }
            return Frame(node: node, tightItem: tight)
        }

        if childrenOnly {
            stack.append(frame(for: root, parent: nil))
        } else if enter(root, grandparentIsTightList: false) {
            stack.append(frame(for: root, parent: nil))
        } else {
            return
        }
        while let top = stack.last {
            if top.next < top.node.children.count {
                let child = top.node.children[top.next]
                stack[stack.count - 1].next += 1
                if enter(child, grandparentIsTightList: top.tightItem) {
                    stack.append(frame(for: child, parent: top))
                }
            } else {
                let finished = stack.removeLast()
                if childrenOnly && stack.isEmpty { break }
                // A paragraph is tight when its parent is an item of a tight list; a root
                // paragraph has no known list and renders loose.
                exit(finished, tightParagraph: stack.last?.tightItem ?? false)
            }
        }
    }

    /// The info string up to its first whitespace (cmark_isspace: tab, LF, VT, FF, CR, space).
    private static func firstWord(of info: String) -> String {
        guard let end = info.utf8.firstIndex(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) else {
            return info
        }
        return String(info[..<end])
    }
}

/// The output buffer: UTF-8 bytes, turned into one String at the end. Several renders can
/// share one buffer; each behaves as if it started an empty one (`beginPart`).
struct HTMLOutput {
    var bytes: [UInt8] = []
    /// Where the current render began: `cr` adds no newline at this point, as at the start.
    private var base = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Starts a render at the end of what is there; returns the previous start for `endPart`.
    mutating func beginPart() -> Int {
        defer { base = bytes.count }
        return base
    }

    mutating func endPart(_ previous: Int) { base = previous }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always) mutating func put(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always) mutating func put(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// cmark's `cr`: a newline unless the output is empty or already ends with one.
    mutating func cr() {
        if bytes.count > base, let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// houdini_escape_html0 with `secure == 0`.
    mutating func appendEscapedText(_ s: String) {
        var copy = s
        copy.withUTF8 { source in
            var runStart = 0
            for i in 0..<source.count {
                let replacement: StaticString
                switch source[i] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: continue
                }
                if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<i])) }
                put(replacement)
                runStart = i + 1
            }
            if runStart < source.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
            }
        }
    }

    /// houdini_escape_href.
    mutating func appendEscapedHref(_ s: String) {
        var copy = s
        copy.withUTF8 { source in
            var runStart = 0
            for i in 0..<source.count {
                let byte = source[i]
                if hrefSafe[Int(byte)] { continue }
                if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<i])) }
                switch byte {
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "'"): put("&#x27;")
                default:
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0F)])
                }
                runStart = i + 1
            }
            if runStart < source.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
            }
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

/// houdini's HREF_SAFE table as built into cmark 0.30.2: alphanumerics and `-_.+!*(),%#@?=;:/$~`
/// pass unescaped.
private let hrefSafe: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for byte in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(byte)] = true }
    for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
    for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
    for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
    return table
}()
