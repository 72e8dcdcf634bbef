#!/usr/bin/env python3
"""Issue 14's print measures over a whole build of the sample curriculum (run by `make bench`).

Builds the curriculum with PDFs into a fresh folder, then reports:
- pages whose content ends in the top fifth of the page body (the build's own layout check,
  `layout.sparse-page`), as a share of all PDF pages: target at most 2%, and none that holds
  only a disclaimer, the sources or a heading;
- worksheets, checklists, logs and tables split across pages although they fit on one
  (`layout.split-block`, not counting headings at a page end): target none;
- headings left at the end of a page, and content wider than the page (`layout.overflow`);
- PDFs that `pdfinfo` does not show as `Tagged: yes`: target none.

    python3 bench/print_measures.py --bin .build/debug/curriculum [--paper a4] [--large-print]
        [--curriculum curriculum] [--out DIR] [--require]

--require exits 1 when a target is missed (for CI); without it the figures are only printed.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time

SPARSE_SHARE = 0.02


def pdf_info(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", out, re.M)
    tagged = re.search(r"^Tagged:\s+(\w+)", out, re.M)
    return int(pages.group(1)) if pages else 0, (tagged.group(1) if tagged else "no") == "yes"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="the curriculum executable")
    parser.add_argument("--curriculum", default="curriculum")
    parser.add_argument("--templates", default=None)
    parser.add_argument("--out", default=None, help="build folder (default: a fresh temporary folder)")
    parser.add_argument("--paper", default="letter")
    parser.add_argument("--large-print", action="store_true")
    parser.add_argument("--today", default="2026-11-29")
    parser.add_argument("--require", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    temporary = None
    out = args.out
    if out is None:
        temporary = tempfile.mkdtemp(prefix="print-measures-")
        out = os.path.join(temporary, "build")
    command = [args.bin, "build", args.curriculum, "--out", out, "--paper", args.paper, "--today", args.today, "--format", "json"]
    if args.large_print:
        command.append("--large-print")
    if args.templates:
        command += ["--templates", args.templates]
    started = time.monotonic()
    finished = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - started
    try:
        report = json.loads(finished.stdout)
    except ValueError:
        sys.stderr.write(finished.stdout + finished.stderr)
        sys.exit(2)
    findings = [d for d in report.get("diagnostics", []) if d["rule"].startswith("layout.")]

    pdfs, pages, untagged = [], 0, []
    for folder, _, names in os.walk(out):
        for name in sorted(names):
            if name.endswith(".pdf"):
                path = os.path.join(folder, name)
                count, tagged = pdf_info(path)
                pdfs.append(path)
                pages += count
                if not tagged:
                    untagged.append(os.path.relpath(path, out))

    sparse = [d for d in findings if d["rule"] == "layout.sparse-page"]
    stranded = [d for d in sparse if "starts with the heading" in d["message"] or "This handout is for" in d["message"]
                or "Sources" in d["message"]]
    headings = [d for d in findings if d["rule"] == "layout.split-block" and "is the last thing on page" in d["message"]]
    splits = [d for d in findings if d["rule"] == "layout.split-block" and d not in headings]
    overflow = [d for d in findings if d["rule"] == "layout.overflow"]
    share = len(sparse) / pages if pages else 0.0

    rows = [
        ("sparse pages (content ends in the top fifth of the body)", f"{len(sparse)} of {pages} pages ({100 * share:.1f}%)",
         f"at most {100 * SPARSE_SHARE:g}%", share <= SPARSE_SHARE),
        ("sparse pages holding only a disclaimer, sources or a heading", str(len(stranded)), "none", not stranded),
        ("worksheets, checklists, logs and tables split though they fit on a page", str(len(splits)), "none", not splits),
        ("headings at the end of a page", str(len(headings)), "none", not headings),
        ("content wider or taller than the page body", str(len(overflow)), "none", not overflow),
        ("PDFs not tagged (pdfinfo)", f"{len(untagged)} of {len(pdfs)}", "none", not untagged),
    ]
    variant = args.paper + (", large print" if args.large_print else "")
    print(f"## Print measures: {args.curriculum} ({variant}), {len(pdfs)} PDFs, {pages} pages, built in {seconds:.0f} s\n")
    print("| measure | found | target | met |")
    print("|---|---:|---|---|")
    for what, found, target, met in rows:
        print(f"| {what} | {found} | {target} | {'yes' if met else 'no'} |")
    for title, items in (("Sparse pages", sparse), ("Split blocks", splits), ("Headings at a page end", headings), ("Overflow", overflow)):
        if items:
            print(f"\n{title} (first 10):")
            for d in items[:10]:
                print(f"- {d['file']}:{d['line']}: {d['message']}")
    if untagged:
        print("\nUntagged: " + ", ".join(untagged[:10]))
    if temporary:
        shutil.rmtree(temporary, ignore_errors=True)
    if args.require and not all(met for *_, met in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
