import CurriculumKit

/// Where a module's facilitator-only content is: the lines of its facilitator notes sections
/// and of its `{facilitator}` blocks, also those nested in a `{callout}` or a list. The module
/// fuzzer's seeds write `marker` only there, so a participant document may show the marker no
/// more often than the rest of the file does.
public enum FacilitatorText {
    public static let marker = "ZQFACSECRETZQ"

    /// File lines (1-based) that hold facilitator-only content.
    public static func lines(of module: Module) -> Set<Int> {
        var lines = Set<Int>()
        func add(_ node: MarkdownNode) {
            for line in node.range.start.line...max(node.range.start.line, node.range.end.line) { lines.insert(line) }
        }
        // A block's own lines: the opening fence, its content and a closing fence. An unclosed
        // block in a quote or list item ends with its container, and cmark's range for it can
        // reach the next line, which is no longer part of the block but ordinary text.
        func addBlock(_ node: MarkdownNode) {
            guard case .codeBlock(_, let literal, _) = node.kind else { return add(node) }
            let start = node.range.start.line
            let contentLines = literal.isEmpty ? 0 : literal.split(separator: "\n", omittingEmptySubsequences: false).count - (literal.hasSuffix("\n") ? 1 : 0)
            let last = min(max(start, node.range.end.line), start + contentLines + 1)
            for line in start...last {
                let text = module.file.line(line).drop { $0 == " " || $0 == "\t" || $0 == ">" }
                if line > start + contentLines, !(text.hasPrefix("```") || text.hasPrefix("~~~")) { break }
                lines.insert(line)
            }
        }
        func scan(_ node: MarkdownNode) {
            node.walk { child in
                guard case .codeBlock = child.kind, let (widget, _) = WidgetParser.parse(child, in: module.file) else { return true }
                switch widget {
                case .facilitator?: addBlock(child)
                case .callout(_, let content)?: scan(content)
                default: break
                }
                return false
            }
        }
        for section in module.sections {
            if ModuleRenderer.facilitatorSections.contains(section.name) {
                if let heading = section.heading { add(heading) }
                for block in section.blocks { add(block) }
            } else {
                for block in section.blocks { scan(block) }
            }
        }
        return lines
    }

    /// How often `marker` appears in the file outside facilitator-only lines.
    public static func visibleMarkers(in module: Module) -> Int {
        let hidden = lines(of: module)
        var count = 0
        for line in 1...max(module.file.lineCount, 1) where !hidden.contains(line) {
            count += occurrences(of: marker, in: String(module.file.line(line)))
        }
        return count
    }

    /// How often `needle` shows in the text of `html`, outside its tags: attribute values the
    /// renderer writes (a module's id in `data-module`, a worksheet's title in `data-continued`)
    /// repeat the module's words without showing them again. The invariants already hold that
    /// every `<` opens a tag and attribute values escape `<` and `>`.
    public static func textOccurrences(of needle: String, in html: String) -> Int {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false; text.append(0x20) }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else {
                text.append(byte)
            }
        }
        return occurrences(of: needle, in: String(decoding: text, as: UTF8.self))
    }

    public static func occurrences(of needle: String, in haystack: String) -> Int {
        let n = Array(needle.utf8), h = Array(haystack.utf8)
        guard !n.isEmpty, h.count >= n.count else { return 0 }
        var count = 0
        var i = 0
        while i <= h.count - n.count {
            if h[i] == n[0] && h[i..<i + n.count].elementsEqual(n) { count += 1; i += n.count } else { i += 1 }
        }
        return count
    }
}
