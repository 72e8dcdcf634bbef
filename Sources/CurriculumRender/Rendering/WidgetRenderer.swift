/// Renders worksheet blocks as printable HTML with real writing space. Every value from a
/// module is escaped; facilitator-only parts are left out for participants.
public struct WidgetRenderer: Sendable {
    public let audience: Audience
    let markdown: HTMLRenderer
    /// What emergency and Good Samaritan callouts print (schema.yaml's settings).
    public let callouts: CalloutSettings
    /// The labels widgets print, in the document's language.
    public let text: WidgetText

    public init(audience: Audience, markdown: HTMLRenderer = HTMLRenderer(), callouts: CalloutSettings = CalloutSettings(),
                text: WidgetText = WidgetText()) {
        self.audience = audience
        self.markdown = markdown
        self.callouts = callouts
        self.text = text
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
            out.put("<section class=\"worksheet")
            putTall(widget, into: &out)
            out.put("\">\n")
            putTitle(title, into: &out)
            for (index, item) in items.enumerated() { render(item, continuing: index == 0 ? title : nil, into: &out) }
            putEnd(title, into: &out)
            out.put("</section>\n")
        case .checklist(let title, let items):
            out.put("<section class=\"checklist-block")
            putTall(widget, into: &out)
            out.put("\">\n")
            putTitle(title, into: &out)
            out.put("<ul class=\"checklist\"")
            putContinued(title, into: &out)
            out.put(">\n")
            for item in items {
                out.put("<li><span class=\"box\"></span>")
                out.appendEscapedText(item)
                out.put("</li>\n")
            }
            out.put("</ul>\n")
            putEnd(title, into: &out)
            out.put("</section>\n")
        case .log(let title, let columns, let rows):
            out.put("<section class=\"log-block")
            putTall(widget, into: &out)
            out.put("\">\n")
            putTitle(title, into: &out)
            // The title again, for the top of a page the log continues on (print.css).
            out.put("<table class=\"log\"")
            putContinued(title, into: &out)
            out.put(">\n<thead><tr>")
            for column in columns {
                out.put("<th scope=\"col\" class=\"col-")
                out.append(column.width.rawValue)
                out.put("\">")
                out.appendEscapedText(column.name)
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
            out.put("</tbody>\n</table>\n")
            putEnd(title, into: &out)
            out.put("</section>\n")
        case .facilitator(let content):
            guard audience == .facilitator else { return }
            out.put("<aside class=\"facilitator-block\">\n<p class=\"label\">")
            out.appendEscapedText(text.facilitatorNote)
            out.put("</p>\n")
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
                out.put("<p class=\"emergency-call\">")
                out.appendEscapedText(text.emergencyBefore)
                out.put("<strong class=\"emergency-number\">")
                out.appendEscapedText(callouts.emergencyNumber)
                out.put("</strong>")
                out.appendEscapedText(text.emergencyAfter)
                out.put("</p>\n")
            case .goodSamaritan:
                out.put("<aside class=\"callout callout-good-samaritan\">\n")
                if let law = callouts.goodSamaritan {
                    putCalloutTitle(title ?? text.goodSamaritanTitle(state: law.state), into: &out)
                    out.put("<p class=\"good-samaritan\">")
                    out.appendEscapedText(law.text(emergencyNumber: callouts.emergencyNumber, language: text.language))
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

    /// About how tall a worksheet block prints, in inches, margins and frame included (measured
    /// from WeasyPrint 57.2 output at letter: a 0-10 scale item 0.88 in, a prompt 0.36 in plus
    /// its writing lines, a log row 0.5 in). Large print sets type 1.39 times as large with its
    /// own writing lines (0.6 in, one more for `lines:` without a number).
    /// `facilitator`: as the guide prints it, with shorter writing lines and the sample answers.
    static func height(of widget: Widget, largePrint: Bool = false, facilitator: Bool = false) -> Double {
        let type = largePrint ? 16.0 / 11.5 : 1.0
        let writeLine = largePrint ? (facilitator ? 0.38 : 0.6) : (facilitator ? 0.2 : 0.42)
        let row = facilitator && !largePrint ? 0.32 : 0.5
        // Lines of text a string takes at about 85 characters a line at the normal size.
        func textLines(_ text: String, perLine: Double = 85) -> Double {
            (Double(text.count) * type / perLine).rounded(.up)
        }
        let frame = 0.95 * type  // title, border, padding and the margins around the block
        switch widget {
        case .worksheet(_, let items):
            return frame + items.reduce(0) { sum, item in
                let answer = facilitator ? item.answer.map { 0.12 * type + 0.18 * type * textLines("Sample answer or prompt: " + $0, perLine: 90) } ?? 0 : 0
                let prompt = 0.2 * type * (textLines(item.prompt) - 1)
                switch item.kind {
                case .lines(let count, let isDefault):
                    let lines = Double(max(count, 0) + (largePrint && isDefault ? 1 : 0))
                    return sum + answer + prompt + 0.36 * type + lines * writeLine
                case .scale: return sum + answer + prompt + 0.88 * type
                case .check: return sum + answer + prompt + 0.3 * type
                case .text: return sum + answer + prompt + 0.3 * type
                }
            }
        case .checklist(_, let items):
            return frame + items.reduce(0) { $0 + 0.1 * type + 0.2 * type * textLines($1) }
        case .log(_, let columns, let rows):
            // The header row takes up to three lines when the columns are many and narrow.
            let header = (columns.count > 4 ? 0.55 : 0.4) * type
            return frame + header + Double(rows.count) * row
        case .facilitator, .callout:
            return 0
        }
    }

    /// Classes for a block too tall to keep whole on a page, which print.css lets break between
    /// its items: `ws-tall` on letter (the page body is 8.65 in on a guide page, 8.9 in on a
    /// handout's), `ws-tall-a4` on A4 (9.35 and 9.55 in), `ws-tall-large` in large print (8.3 and
    /// 8.5 in on letter). A block that fits is kept whole, with the heading and instruction
    /// line before it when they fit too.
    private func putTall(_ widget: Widget, into out: inout HTMLOutput) {
        let facilitator = audience == .facilitator
        let normal = Self.height(of: widget, facilitator: facilitator)
        if normal > Self.tallAt.letter { out.put(" ws-tall") }
        if normal > Self.tallAt.a4 { out.put(" ws-tall-a4") }
        if Self.height(of: widget, largePrint: true, facilitator: facilitator) > Self.tallAt.largePrint { out.put(" ws-tall-large") }
    }

    /// Estimated heights (inches) above which a block breaks between its items: a little under
    /// each page body, as the estimate is within about 0.3 in of what WeasyPrint lays out.
    static let tallAt = (letter: 8.45, a4: 9.15, largePrint: 8.2)

    /// The title a page repeats, with "(continued)", when the block goes on to it (print.css
    /// shows it at the top of the page). Set on the element after the title, so a block that
    /// starts at the top of a page does not say it continues there.
    private func putContinued(_ title: String?, into out: inout HTMLOutput) {
        guard let title else { return }
        out.put(" data-continued=\"")
        out.appendEscapedText(title + " (continued)")
        out.put("\"")
    }

    /// Where a titled block ends: the pages after it no longer repeat its title.
    private func putEnd(_ title: String?, into out: inout HTMLOutput) {
        guard title != nil else { return }
        out.put("<div class=\"ws-end\"></div>\n")
    }

    private func render(_ item: WorksheetItem, continuing title: String?, into out: inout HTMLOutput) {
        let kindClass: String
        switch item.kind {
        case .lines: kindClass = " ws-lines"
        case .scale: kindClass = " ws-scale"
        case .check: kindClass = " ws-check"
        case .text: kindClass = ""
        }
        out.put("<div class=\"ws-item")
        out.append(kindClass)
        out.put("\"")
        putContinued(title, into: &out)
        out.put(">\n")
        switch item.kind {
        case .lines(let count, let isDefault):
            out.put("<p class=\"ws-prompt\">")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n")
            for _ in 0..<max(count, 0) { out.put("<div class=\"write-line\"></div>\n") }
            // `lines:` without a number: one more line in large print (print.css shows it there).
            if isDefault { out.put("<div class=\"write-line large-print-only\"></div>\n") }
        case .scale(let low, let high):
            let ends = item.ends ?? (low: text.scaleLow, high: text.scaleHigh)
            out.put("<p class=\"ws-prompt\">")
            out.appendEscapedText(item.prompt)
            out.put(" <span class=\"circle-one\">")
            out.appendEscapedText(text.circleOne)
            out.put("</span></p>\n<div class=\"scale\">")
            for n in low...high {
                out.put("<span class=\"scale-n\">")
                out.append(String(n))
                out.put("</span>")
            }
            out.put("</div>\n<p class=\"scale-ends\"><span class=\"scale-low\">")
            out.appendEscapedText("\(low) = \(ends.low)")
            out.put("</span><span class=\"scale-high\">")
            out.appendEscapedText("\(high) = \(ends.high)")
            out.put("</span></p>\n")
        case .check:
            out.put("<p><span class=\"box\"></span>")
            out.appendEscapedText(item.prompt)
            out.put("</p>\n")
        case .text:
            out.put("<p class=\"ws-text\">")
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
