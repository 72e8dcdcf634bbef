/// Renders worksheet blocks as printable HTML with real writing space. Every value from a
/// module is escaped; facilitator-only parts are left out for participants.
public struct WidgetRenderer: Sendable {
    public let audience: Audience
    let markdown: HTMLRenderer

    public init(audience: Audience, markdown: HTMLRenderer = HTMLRenderer()) {
        self.audience = audience
        self.markdown = markdown
    }

    private func esc(_ s: String) -> String { HTMLRenderer.escapeText(s) }

    public func render(_ widget: Widget) -> String {
        switch widget {
        case .worksheet(let title, let items):
            var out = "<section class=\"worksheet\">\n"
            if let title { out += "<h3 class=\"widget-title\">\(esc(title))</h3>\n" }
            for item in items { out += render(item) }
            return out + "</section>\n"
        case .checklist(let title, let items):
            var out = "<section class=\"checklist-block\">\n"
            if let title { out += "<h3 class=\"widget-title\">\(esc(title))</h3>\n" }
            out += "<ul class=\"checklist\">\n"
            for item in items { out += "<li><span class=\"box\"></span>\(esc(item))</li>\n" }
            return out + "</ul>\n</section>\n"
        case .log(let title, let columns, let rows):
            var out = "<section class=\"log-block\">\n"
            if let title { out += "<h3 class=\"widget-title\">\(esc(title))</h3>\n" }
            out += "<table class=\"log\">\n<thead><tr>"
            for column in columns { out += "<th scope=\"col\">\(esc(column))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            let emptyCells = String(repeating: "<td></td>", count: max(columns.count - 1, 0))
            switch rows {
            case .count(let n):
                let row = "<tr>" + String(repeating: "<td></td>", count: max(columns.count, 1)) + "</tr>\n"
                out += String(repeating: row, count: n)
            case .labels(let labels):
                for label in labels { out += "<tr><th scope=\"row\">\(esc(label))</th>\(emptyCells)</tr>\n" }
            }
            return out + "</tbody>\n</table>\n</section>\n"
        case .facilitator(let content):
            guard audience == .facilitator else { return "" }
            return "<aside class=\"facilitator-block\">\n<p class=\"label\">Facilitator note</p>\n\(markdown.renderChildren(content))</aside>\n"
        case .callout(let title, let content):
            var out = "<aside class=\"callout\">\n"
            if let title { out += "<p class=\"callout-title\">\(esc(title))</p>\n" }
            return out + markdown.renderChildren(content) + "</aside>\n"
        }
    }

    private func render(_ item: WorksheetItem) -> String {
        var out: String
        switch item.kind {
        case .lines(let count):
            out = "<div class=\"ws-item ws-lines\">\n<p class=\"ws-prompt\">\(esc(item.prompt))</p>\n"
            out += String(repeating: "<div class=\"write-line\"></div>\n", count: count)
        case .scale(let low, let high):
            out = "<div class=\"ws-item ws-scale\">\n<p class=\"ws-prompt\">\(esc(item.prompt))</p>\n<div class=\"scale\">"
            for n in low...high { out += "<span class=\"scale-n\">\(n)</span>" }
            out += "</div>\n"
        case .check:
            out = "<div class=\"ws-item ws-check\">\n<p><span class=\"box\"></span>\(esc(item.prompt))</p>\n"
        case .text:
            out = "<div class=\"ws-item\">\n<p class=\"ws-text\">\(esc(item.prompt))</p>\n"
        }
        if audience == .facilitator, let answer = item.answer {
            out += "<p class=\"answer\">\(esc(answer))</p>\n"
        }
        return out + "</div>\n"
    }
}
