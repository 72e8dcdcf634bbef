/// Renders worksheet blocks as printable HTML with real writing space. Every value from a
/// module is escaped; facilitator-only parts are left out for participants.
public struct WidgetRenderer: Sendable {
    public let audience: Audience
    let markdown: HTMLRenderer
    /// What emergency and Good Samaritan callouts print (schema.yaml's settings).
    public let callouts: CalloutSettings

    public init(audience: Audience, markdown: HTMLRenderer = HTMLRenderer(), callouts: CalloutSettings = CalloutSettings()) {
        self.audience = audience
        self.markdown = markdown
        self.callouts = callouts
    }

    public func render(_ widget: Widget) -> String {
        var out = HTMLOutput(capacity: 1024)
        render(widget, into: &out)
        return out.string
    }

    /// Appends the widget's HTML to `out`.
    func render(_ widget: Widget, into out: inout HTMLOutput) {
        switch widget {
        case .worksheet(let title, let items):
            out.put("<section class=\"worksheet\">\n")
            putTitle(title, into: &out)
            for item in items { render(item, into: &out) }
            out.put("</section>\n")
        case .checklist(let title, let items):
            out.put("<section class=\"checklist-block\">\n")
            putTitle(title, into: &out)
            out.put("<ul class=\"checklist\">\n")
            for item in items {
                out.put("<li><span class=\"box\"></span>")
                out.appendEscapedText(item)
                out.put("</li>\n")
            }
            out.put("</ul>\n</section>\n")
        case .log(let title, let columns, let rows):
            out.put("<section class=\"log-block\">\n")
            putTitle(title, into: &out)
            out.put("<table class=\"log\">\n<thead><tr>")
            for column in columns {
                out.put("<th scope=\"col\">")
                out.appendEscapedText(column)
                out.put("</th>")
            }
            out.put("</tr></thead>\n<tbody>\n")
            switch rows {
            case .count(let n):
                for _ in 0..<max(n, 0) {
                    out.put("<tr>")
                    for _ in 0..<max(columns.count, 1) { out.put("<td></td>") }
                    out.put("</tr>\n")
                }
            case .labels(let labels):
                for label in labels {
                    out.put("<tr><th scope=\"row\">")
                    out.appendEscapedText(label)
                    out.put("</th>")
                    for _ in 0..<max(columns.count - 1, 0) { out.put("<td></td>") }
                    out.put("</tr>\n")
                }
            }
            out.put("</tbody>\n</table>\n</section>\n")
        case .facilitator(let content):
            guard audience == .facilitator else { return }
            out.put("<aside class=\"facilitator-block\">\n<p class=\"label\">Facilitator note</p>\n")
            markdown.renderChildren(content, into: &out)
            out.put("</aside>\n")
        case .callout(let written, let content):
            let (kind, title) = CalloutKind.split(written)
            switch kind {
            case .plain:
                out.put("<aside class=\"callout\">\n")
                putCalloutTitle(title, into: &out)
            case .emergency:
                out.put("<aside class=\"callout callout-emergency\">\n")
                putCalloutTitle(title, into: &out)
                out.put("<p class=\"emergency-call\">In an emergency, call <strong class=\"emergency-number\">")
                out.appendEscapedText(callouts.emergencyNumber)
                out.put("</strong>.</p>\n")
            case .goodSamaritan:
                out.put("<aside class=\"callout callout-good-samaritan\">\n")
                if let law = callouts.goodSamaritan {
                    putCalloutTitle(title ?? "The Good Samaritan law in \(law.state)", into: &out)
                    out.put("<p class=\"good-samaritan\">")
                    out.appendEscapedText(law.text(emergencyNumber: callouts.emergencyNumber))
                    out.put("</p>\n<p class=\"good-samaritan-law\">")
                    out.appendEscapedText(law.law)
                    out.put("</p>\n")
                } else {
                    putCalloutTitle(title, into: &out)
                }
            }
            markdown.renderChildren(content, into: &out)
            out.put("</aside>\n")
        }
    }

    private func putCalloutTitle(_ title: String?, into out: inout HTMLOutput) {
        guard let title else { return }
        out.put("<p class=\"callout-title\">")
        out.appendEscapedText(title)
        out.put("</p>\n")
    }

    private func putTitle(_ title: String?, into out: inout HTMLOutput) {
        guard let title else { return }
        out.put("<h3 class=\"widget-title\">")
        out.appendEscapedText(title)
        out.put("</h3>\n")
    }

    private func render(_ item: WorksheetItem, into out: inout HTMLOutput) {
        switch item.kind {
        case .lines(let count):
            out.put("<div class=\"ws-item ws-lines\">\n<p class=\"ws-prompt\">")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n")
            for _ in 0..<max(count, 0) { out.put("<div class=\"write-line\"></div>\n") }
        case .scale(let low, let high):
            out.put("<div class=\"ws-item ws-scale\">\n<p class=\"ws-prompt\">")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n<div class=\"scale\">")
            for n in low...high {
                out.put("<span class=\"scale-n\">")
                out.append(String(n))
                out.put("</span>")
            }
            out.put("</div>\n")
        case .check:
            out.put("<div class=\"ws-item ws-check\">\n<p><span class=\"box\"></span>")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n")
        case .text:
            out.put("<div class=\"ws-item\">\n<p class=\"ws-text\">")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n")
        }
        if audience == .facilitator, let answer = item.answer {
            out.put("<p class=\"answer\">")
            out.appendEscapedText(answer)
            out.put("</p>\n")
        }
        out.put("</div>\n")
    }
}
