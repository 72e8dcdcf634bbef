/// Renders template nodes into one growing UTF-8 buffer, with the Mustache context stack:
/// a name is looked up from the innermost value outwards; the rest of a dotted name is looked
/// up in what its first part found, and nowhere else.
struct TemplateRenderer {
    /// Partials nested deeper than this render nothing, so a template that includes itself
    /// without an end stops instead of exhausting the stack.
    static let maximumPartialDepth = 64
    /// Partials included in one page at most: a partial that includes itself twice would
    /// otherwise double the work at every level.
    static let maximumPartialExpansions = 10_000

    let library: TemplateLibrary
    let escapeHTML: Bool
    private var out: [UInt8] = []
    private var stack: [TemplateValue]
    /// Inside standalone partials: the indentation of their lines, written before a node
    /// that starts a line once that node writes something.
    private var indentation: [UInt8] = []
    private var indentPending = false
    private var indentedFrom = 0
    private var partialDepth = 0
    private var partialExpansions = 0

    init(library: TemplateLibrary, escapeHTML: Bool, root: TemplateValue, capacity: Int = 16 * 1024) {
        self.library = library
        self.escapeHTML = escapeHTML
        self.stack = [root]
        out.reserveCapacity(capacity)
    }

    /// The rendered text.
    func finish() -> String {
        String(decoding: out, as: UTF8.self)
    }

    /// The rendered text as UTF-8 bytes.
    func finishBytes() -> [UInt8] { out }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            if !indentation.isEmpty, out.count > indentedFrom, out.last == UInt8(ascii: "\n") { indentPending = true }
            switch node {
            case .text(let bytes):
                if indentation.isEmpty { write(bytes) } else { writeIndented(bytes) }
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                switch value {
                case .string(let text): write(text, escaped: escaped && escapeHTML)
                case .utf8(let bytes): write(bytes, escaped: escaped && escapeHTML)
                case .int(let number): write(String(number), escaped: false)
                case .bool(let flag): write(flag ? "true" : "false", escaped: false)
                case .list, .object: break
                }
            case .section(let name, let children, let inverted):
                let value = lookup(name)
                if inverted {
                    if value?.isTruthy != true { render(children) }
                    continue
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    render(children)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .partial(let name, let ownIndentation):
                guard let template = library[name], partialDepth < Self.maximumPartialDepth,
                      partialExpansions < Self.maximumPartialExpansions else { continue }
                partialExpansions += 1
                let saved = (indentation, indentPending, indentedFrom)
                let start = out.count
                if let ownIndentation {
                    if indentation.isEmpty { indentedFrom = out.count }
                    indentation += ownIndentation
                    if !indentation.isEmpty { indentPending = true }
                }
                partialDepth += 1
                render(template.nodes)
                partialDepth -= 1
                (indentation, indentPending, indentedFrom) = saved
                if out.count != start { indentPending = false }
            }
        }
    }

    /// The value `name` stands for in the current context, or nil.
    private func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if case .object(let fields) = stack[level], let value = fields[first] {
                found = value
                break
            }
            level -= 1
        }
        for part in name.parts.dropFirst() {
            guard case .object(let fields)? = found else { return nil }
            found = fields[part]
        }
        return found
    }

    private mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if indentPending { writeIndentation() }
        out.append(contentsOf: bytes)
    }

    /// Template text inside an indented partial: each line that follows a line break in the
    /// text starts with the indentation.
    private mutating func writeIndented(_ bytes: [UInt8]) {
        var lineStart = 0
        while let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            write(Array(bytes[lineStart...newline]))
            lineStart = newline + 1
            if lineStart < bytes.count { indentPending = true }
        }
        if lineStart < bytes.count { write(Array(bytes[lineStart...])) }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        if indentPending { writeIndentation() }
        if escaped {
            HTMLEscaper.append(text, to: &out)
        } else {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }
    }

    private mutating func write(_ bytes: [UInt8], escaped: Bool) {
        guard !bytes.isEmpty else { return }
        if indentPending { writeIndentation() }
        if escaped {
            bytes.withUnsafeBufferPointer { HTMLEscaper.append($0, to: &out) }
        } else {
            out.append(contentsOf: bytes)
        }
    }

    private mutating func writeIndentation() {
        indentPending = false
        out.append(contentsOf: indentation)
    }
}
