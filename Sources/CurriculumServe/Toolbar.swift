/// The toolbar `curriculum serve` adds to every page it serves (never to the files it builds):
/// the findings count, a link to the page's PDF, and a panel of findings while `check` has
/// errors or warnings. It listens for rebuilds on `/_serve/events` and reloads the page after a
/// good one; after a refused one it only updates the panel, over the last good page.
package enum Toolbar {
    /// The tag added before `</body>` of the served page `page` (its path in the build) built
    /// in build `buildGeneration`. The script is named relative to the page, and finds the rest
    /// relative to itself, so the preview also works behind a proxy that adds a path prefix.
    package static func tag(buildGeneration: Int, page: String) -> String {
        let up = String(repeating: "../", count: page.split(separator: "/", omittingEmptySubsequences: false).count - 1)
        return "<script src=\"\(up)_serve/toolbar.js\" data-build=\"\(buildGeneration)\"></script>"
    }

    /// `html` with the toolbar's tag before its last `</body>` (or at its end).
    package static func inject(into html: [UInt8], buildGeneration: Int, page: String) -> [UInt8] {
        let tag = Array(tag(buildGeneration: buildGeneration, page: page).utf8)
        let close = Array("</body>".utf8)
        var index = html.count - close.count
        while index >= 0 {
            if html[index] == close[0], Array(html[index..<index + close.count]) == close {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    /// The script behind the tag.
    package static let script = #"""
    (function () {
      "use strict";
      var me = document.currentScript;
      var pageBuild = Number(me && me.dataset.build || 0);
      var state = { connected: false, status: null };
      window.__curriculumServe = state;
      var style = document.createElement("style");
      style.textContent =
        "#curriculum-serve{position:fixed;right:12px;bottom:12px;z-index:2147483647;font:14px/1.4 system-ui,sans-serif;" +
        "background:#fff;color:#111;border:1px solid #888;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.2);max-width:40em}" +
        "#curriculum-serve .bar{display:flex;gap:.8em;align-items:center;padding:.4em .7em}" +
        "#curriculum-serve a{color:#0645ad}" +
        "#curriculum-serve .errors{color:#b00020;font-weight:600}" +
        "#curriculum-serve .warnings{color:#8a5300;font-weight:600}" +
        "#curriculum-serve-findings{max-height:50vh;overflow:auto;margin:0;padding:.4em .7em;border-top:1px solid #ccc;list-style:none}" +
        "#curriculum-serve-findings li{margin:.3em 0}" +
        "#curriculum-serve-findings code{font:12px/1.3 ui-monospace,monospace}" +
        "@media print{#curriculum-serve{display:none}}";
      document.head.appendChild(style);

      var box = document.createElement("div");
      box.id = "curriculum-serve";
      box.setAttribute("role", "status");
      document.body.appendChild(box);

      // Everything relative to this script (".../_serve/toolbar.js"), so a proxy's prefix is kept.
      var base = new URL(".", me.src);
      var root = new URL("..", base);
      var page = location.pathname.indexOf(root.pathname) === 0
        ? location.pathname.slice(root.pathname.length) : location.pathname.replace(/^\//, "");
      var pdfPath = /^(handouts|guides|packets|plans)\/.+\.html$/.test(page)
        ? new URL("pdf/" + page.replace(/\.html$/, ".pdf"), base).href : null;

      function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

      function render(status) {
        state.status = status;
        box.textContent = "";
        var bar = document.createElement("div");
        bar.className = "bar";
        var count = document.createElement("span");
        count.id = "curriculum-serve-count";
        if (status.errors === 0 && status.warnings === 0) {
          count.textContent = "no findings";
        } else {
          var e = document.createElement("span");
          e.className = status.errors ? "errors" : "";
          e.textContent = plural(status.errors, "error");
          var w = document.createElement("span");
          w.className = status.warnings ? "warnings" : "";
          w.textContent = plural(status.warnings, "warning");
          count.append(e, ", ", w);
        }
        bar.appendChild(count);
        if (pdfPath && status.pdf) {
          var a = document.createElement("a");
          a.href = pdfPath;
          a.target = "_blank";
          a.textContent = "PDF";
          a.title = "made now from this page (takes a few seconds)";
          bar.appendChild(a);
        }
        box.appendChild(bar);
        if (status.findings.length === 0) return;
        var list = document.createElement("ul");
        list.id = "curriculum-serve-findings";
        if (status.stale) {
          var note = document.createElement("li");
          note.textContent = "The page shows the last good build; fix the errors below to see your changes.";
          list.appendChild(note);
        }
        status.findings.forEach(function (f) {
          var item = document.createElement("li");
          var where = document.createElement("code");
          where.textContent = f.file + ":" + f.line + ":" + f.column;
          var what = document.createElement("span");
          what.className = f.severity === "error" ? "errors" : "warnings";
          what.textContent = " " + f.severity + ": ";
          item.append(where, what, f.message + " [" + f.rule + "]");
          if (f.fix) {
            var fix = document.createElement("div");
            fix.textContent = "fix: " + f.fix;
            item.appendChild(fix);
          }
          list.appendChild(item);
        });
        box.appendChild(list);
      }

      function listen() {
        var events = new EventSource(new URL("events", base).href);
        events.addEventListener("open", function () { state.connected = true; });
        events.addEventListener("error", function () { state.connected = false; });
        function update(ev) {
          var status = JSON.parse(ev.data);
          // Another build than the one this page came from (a newer one, or a new `serve` after a restart).
          if (status.buildGeneration !== pageBuild) { location.reload(); return; }
          render(status);
        }
        events.addEventListener("hello", update);
        events.addEventListener("status", update);
        events.addEventListener("reload", update);
      }

      fetch(new URL("status", base).href).then(function (r) { return r.json(); }).then(render, function () {});
      listen();
    })();
    """#
}
