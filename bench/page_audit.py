#!/usr/bin/env python3
"""Page audit of a build's PDFs: nearly empty pages and logs split across pages (issue 14).

    python3 bench/page_audit.py BUILD_DIR [BUILD_DIR ...] [--list] [--max-sparse 2.0] [--strict]

For every PDF under BUILD_DIR (handouts, guides, packets, plans) it finds the page body (below
the running header, above the help-line footer, both found in the text of the page) and
- a page is *sparse* when its ink (dark pixels of `pdftoppm -gray`, text and rules alike) ends
  in the top fifth of that body;
- a log (`table.log` in the PDF's HTML twin) is *split* when its header row, which repeats on
  every page a table spans, is printed on more pages than the HTML has logs with that header.
It also names pages whose body is only the disclaimer, only a "Sources" list, or one line, and
pages with text within 0.4 in of the paper edge.

Needs poppler-utils (pdftoppm, pdftotext) and Python 3's standard library only. With --strict
it exits 1 when more than --max-sparse percent of pages are sparse or a log of at most 12 rows
is split (the targets of issue 14).
"""

import argparse
import collections
import html.parser
import os
import re
import subprocess
import sys
import tempfile

DARK = 150          # gray level (0-255) below which a pixel is ink
DPI = 36            # resolution of the ink scan; a row is 2 pt
SPARSE_FRACTION = 0.2
DISCLAIMER = "does not replace advice from your own doctor or counselor"


def words_of(text):
    return re.findall(r"[a-z0-9]+", text.lower())


class HTMLLogs(html.parser.HTMLParser):
    """Header words and body row count of each table.log, and the disclaimer's presence."""

    def __init__(self):
        super().__init__()
        self.logs = []
        self.table = None
        self.section = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and "log" in classes:
            self.table = {"header": [], "rows": 0}
        elif self.table is not None:
            if tag in ("thead", "tbody"):
                self.section = tag
            elif tag == "tr" and self.section == "tbody":
                self.table["rows"] += 1
            elif tag == "th" and self.section == "thead":
                self.cell = []

    def handle_endtag(self, tag):
        if self.table is None:
            return
        if tag == "th" and self.cell is not None:
            self.table["header"].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.logs.append(self.table)
            self.table = None
            self.section = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


class BBoxPages(html.parser.HTMLParser):
    """Words with positions per page from `pdftotext -bbox-layout`."""

    def __init__(self):
        super().__init__()
        self.pages = []
        self.word = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "page":
            self.pages.append({"width": float(a["width"]), "height": float(a["height"]), "lines": [], "words": []})
        elif tag == "line":
            self.pages[-1]["lines"].append([])
        elif tag == "word":
            self.word = {k: float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax")}
            self.word["text"] = ""

    def handle_data(self, data):
        if self.word is not None:
            self.word["text"] += data

    def handle_endtag(self, tag):
        if tag == "word" and self.word is not None:
            self.pages[-1]["words"].append(self.word)
            if self.pages[-1]["lines"]:
                self.pages[-1]["lines"][-1].append(self.word)
            self.word = None


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5 header: magic, width, height, maxval, separated by whitespace (no comments from pdftoppm)
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][-width * height:]
    return width, height, pixels


def page_body(page):
    """(top, bottom) of the page body in points: below the running header, above the footer."""
    h = page["height"]
    footer_top = h
    for line in page["lines"]:
        text = " ".join(w["text"] for w in line)
        y = min(w["ymin"] for w in line)
        # The help-line footer's title, in the bottom margin (a callout may use the same words).
        if text.startswith("Help is here") and y > 0.7 * h:
            footer_top = min(footer_top, y)
    bottom = footer_top - 8 if footer_top < h else h - 72
    # The running header (small type), the facilitator band and a "(continued)" title are the
    # first lines of the page, in the top margin.
    top = 54.0
    for line in sorted(page["lines"], key=lambda l: min(w["ymin"] for w in l)):
        text = " ".join(w["text"] for w in line)
        ymin, ymax = min(w["ymin"] for w in line), max(w["ymax"] for w in line)
        header = ymax < 100 and (ymax - ymin < 11.5 or "NOT FOR PARTICIPANTS" in text or "(continued)" in text)
        if not header:
            break
        top = max(top, ymax + 3)
    return top, bottom


def audit_pdf(pdf, tmp):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    parser = BBoxPages()
    parser.feed(out)
    prefix = os.path.join(tmp, "p")
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), pdf, prefix], check=True)
    images = sorted(os.listdir(tmp), key=lambda n: int(re.search(r"(\d+)\.pgm$", n).group(1)))
    results = []
    for index, page in enumerate(parser.pages):
        top, bottom = page_body(page)
        width, height, pixels = read_pgm(os.path.join(tmp, images[index]))
        scale = height / page["height"]
        last_ink = None
        # Leave out the outer 0.3 in on each side: crop marks or page edges are not content.
        x0, x1 = int(0.3 * DPI), width - int(0.3 * DPI)
        for row in range(int(top * scale), min(int(bottom * scale), height)):
            line = pixels[row * width + x0: row * width + x1]
            if sum(1 for p in line if p < DARK) >= 2:
                last_ink = row / scale
        body = [w for w in page["words"] if w["ymin"] >= top - 2 and w["ymax"] <= bottom + 2]
        body_lines = {round(w["ymin"]) for w in body}
        text = " ".join(w["text"] for w in body)
        fraction = 0.0 if last_ink is None else (last_ink - top) / max(bottom - top, 1)
        edge = 0.4 * 72
        near_edge = any(w["xmin"] < edge or w["ymin"] < edge or w["xmax"] > page["width"] - edge
                        or w["ymax"] > page["height"] - edge for w in page["words"])
        results.append({
            "page": index + 1,
            "near_edge": near_edge,
            "fraction": fraction,
            "text": text,
            "lines": len(body_lines),
            "words": collections.Counter(words_of(text)),
            "boxes": body,
        })
    return results


def html_twin(pdf):
    path = pdf[:-4] + ".html"
    if not os.path.exists(path):
        return []
    parser = HTMLLogs()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    return parser.logs


def has_header(page, words):
    """True when the page prints a log's header row: all its words within one band 50 pt tall
    (a header cell may wrap onto a few lines)."""
    need = collections.Counter(words)
    if not need or any(page["words"][w] < n for w, n in need.items()):
        return False
    at = collections.defaultdict(list)
    for w in page["boxes"]:
        for part in words_of(w["text"]):
            if part in need:
                at[part].append(w["ymin"])
    for anchor in at[words[0]]:
        if all(sum(1 for y in at[w] if anchor - 50 <= y <= anchor + 50) >= n for w, n in need.items()):
            # every word near the first one; check a tighter band around their spread
            ys = sorted(y for w in need for y in at[w] if anchor - 50 <= y <= anchor + 50)
            if ys[-1] - ys[0] <= 60:
                return True
    return False


def audit(build, list_all):
    pdfs = []
    for root, _, files in os.walk(build):
        pdfs += [os.path.join(root, f) for f in files if f.endswith(".pdf")]
    pdfs.sort()
    totals = collections.Counter()
    findings = []
    by_kind = collections.defaultdict(collections.Counter)
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            rel = os.path.relpath(pdf, build)
            kind = rel.split(os.sep)[0]
            pages = audit_pdf(pdf, tmp)
            totals["pages"] += len(pages)
            by_kind[kind]["pages"] += len(pages)
            for p in pages:
                if p["near_edge"]:
                    totals["near-edge"] += 1
                    findings.append(f"{rel} p{p['page']}: text within 0.4 in of the paper edge")
                if p["fraction"] < SPARSE_FRACTION:
                    totals["sparse"] += 1
                    by_kind[kind]["sparse"] += 1
                    what = "sparse"
                    if DISCLAIMER in p["text"] and len(p["text"]) < len(DISCLAIMER) + 120:
                        what = "sparse: disclaimer only"
                        totals["disclaimer-only"] += 1
                    elif p["text"].startswith("Sources"):
                        what = "sparse: sources only"
                        totals["sources-only"] += 1
                    elif p["lines"] <= 1:
                        what = "sparse: one line"
                        totals["one-line"] += 1
                    findings.append(f"{rel} p{p['page']}: {what} (ink ends at {p['fraction']:.0%} of the body): {p['text'][:70]!r}")
            logs = html_twin(pdf)
            signatures = collections.Counter(tuple(words_of(" ".join(l["header"]))) for l in logs)
            for sig, expected in signatures.items():
                rows = [l["rows"] for l in logs if tuple(words_of(" ".join(l["header"]))) == sig]
                on = [p["page"] for p in pages if has_header(p, sig)]
                totals["logs"] += expected
                if len(on) > expected:
                    n = min(expected, len(on) - expected)
                    totals["split"] += n
                    if max(rows) <= 12:
                        totals["split-small"] += n
                    findings.append(f"{rel} pages {on}: log split ({max(rows)} rows): {' | '.join(sig)[:60]}")
            totals["pdfs"] += 1
    return totals, by_kind, findings


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("builds", nargs="+")
    ap.add_argument("--list", action="store_true", help="list every sparse page and split log")
    ap.add_argument("--max-sparse", type=float, default=2.0, help="percent of sparse pages allowed with --strict")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()
    failed = False
    for build in args.builds:
        totals, by_kind, findings = audit(build, args.list)
        pages = max(totals["pages"], 1)
        pct = 100.0 * totals["sparse"] / pages
        print(f"{build}: {totals['pdfs']} PDFs, {totals['pages']} pages; sparse {totals['sparse']} ({pct:.1f}%), "
              f"disclaimer-only {totals['disclaimer-only']}, sources-only {totals['sources-only']}, one-line {totals['one-line']}; "
              f"logs split {totals['split']} of {totals['logs']} ({totals['split-small']} of at most 12 rows); "
              f"pages with text within 0.4 in of the edge {totals['near-edge']}")
        for kind, c in sorted(by_kind.items()):
            print(f"  {kind:9} {c['pages']:5} pages, {c['sparse']:4} sparse ({100.0 * c['sparse'] / max(c['pages'], 1):.1f}%)")
        if args.list:
            for f in findings:
                print("  " + f)
        if pct > args.max_sparse or totals["split-small"] > 0 or totals["disclaimer-only"] or totals["sources-only"] or totals["near-edge"]:
            failed = True
    return 1 if (failed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
