import CurriculumBuild

/// The page served (for the index or any other page) while there has never been a good build: the findings that stop it,
/// with the toolbar, which reloads the page once a build succeeds.
package enum FindingsPage {
    package static func html(_ status: PreviewStatus) -> String {
        var items = ""
        for d in status.findings {
            items += "<li><code>\(escape(d.file)):\(d.range.start.line):\(d.range.start.column)</code> \(d.severity.rawValue): \(escape(d.message)) [\(escape(d.rule.rawValue))]"
            if let fix = d.fix { items += "<br>fix: \(escape(fix.summary))" }
            items += "</li>\n"
        }
        let heading = status.findings.isEmpty ? "Building…" : "Nothing is built yet: fix these first"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>curriculum serve: nothing built yet</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em}li{margin:.6em 0}</style></head>
        <body>
        <h1>\(heading)</h1>
        <ul id="curriculum-serve-index-findings">
        \(items)</ul>
        <p>This page reloads by itself once the curriculum builds.</p>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
