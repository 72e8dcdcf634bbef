#!/usr/bin/env python3
"""`make bench`: times `curriculum check` and `curriculum build` on a synthetic curriculum
against cmark (the floor: parsing and HTML only) and pandoc (what a team would script), and
the PDF stage against WeasyPrint alone.

Python 3 standard library only. Every measurement is a separate process; its CPU time and
peak memory (maximum resident set size) come from wait4(2). Measurements are interleaved (one
round runs every command once) and repeated; the tables show the median. See docs/benchmarks.md.

    python3 bench/run.py --bin .build-release/release/curriculum [--modules 2000] [--runs 3] [--keep]
"""

import argparse
import collections
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import serve_reload

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-29"  # fixed, so review-date rules never depend on the clock

# Targets from issue 7, on 2,000 modules.
CHECK_VS_CMARK = 3.0
BUILD_VS_CMARK = 5.0
NOCHANGE_SHARE = 0.10
PEAK_MB = 300
PANDOC_FACTOR = 20.0
PDF_OVERHEAD = 0.10


# ---------------------------------------------------------------------------------------------
# The synthetic curriculum

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
ID_LINE = re.compile(r"^id:\s*(\S+)\s*$", re.M)
REQUIRES_LINE = re.compile(r"^requires:\s*\[(.*)\]\s*$", re.M)


class Sample:
    def __init__(self, path):
        self.path = path
        self.rel = os.path.relpath(path, os.path.join(REPO, "curriculum", "modules"))
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        front = FRONT.match(self.text)
        if not front:
            raise SystemExit(f"bench: {path} has no front matter")
        self.id = ID_LINE.search(front.group(1)).group(1)
        req = REQUIRES_LINE.search(front.group(1))
        self.requires = [r.strip() for r in req.group(1).split(",") if r.strip()] if req else []
        self.body = self.text[front.end():]


def samples():
    root = os.path.join(REPO, "curriculum", "modules")
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".md"):
                found.append(Sample(os.path.join(folder, name)))
    found.sort(key=lambda s: s.rel)
    return found


def copy_id(module_id, copy):
    return f"{module_id}-{copy:04d}"


def generate(folder, count, with_program):
    """Writes a curriculum of `count` modules into `folder`; returns (module paths, body paths)."""
    source = samples()
    n = len(source)
    index = {s.id: i for i, s in enumerate(source)}
    os.makedirs(folder)
    for name in ("schema.yaml", "glossary.yaml"):
        shutil.copy(os.path.join(REPO, "curriculum", name), os.path.join(folder, name))

    def exists(module_id, copy):
        return (copy - 1) * n + index[module_id] < count

    paths, bodies = [], []
    body_folder = os.path.join(os.path.dirname(folder), "bodies-" + os.path.basename(folder))
    os.makedirs(body_folder)
    for i in range(count):
        sample, copy = source[i % n], i // n + 1
        new_id = copy_id(sample.id, copy)
        text = sample.text
        text = ID_LINE.sub(f"id: {new_id}", text, count=1)
        requires = []
        for required in sample.requires:
            # The same round's copy when it exists, else the newest earlier one, else drop it.
            c = copy
            while c >= 1 and not (required in index and exists(required, c)):
                c -= 1
            if c >= 1:
                requires.append(copy_id(required, c))
        if sample.requires:
            text = REQUIRES_LINE.sub(f"requires: [{', '.join(requires)}]" if requires else "requires: []", text, count=1)
        target = os.path.join(folder, "modules", os.path.dirname(sample.rel), new_id + ".md")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(target)
        body = os.path.join(body_folder, f"{i:05d}.md")
        with open(body, "w", encoding="utf-8") as f:
            f.write(FRONT.sub("", text, count=1))
        bodies.append(body)

    if with_program and count >= n:
        # The sample program, with every module id pointing at the first copy.
        with open(os.path.join(REPO, "curriculum", "program.yaml"), encoding="utf-8") as f:
            program = f.read()
        for module_id in sorted(index, key=len, reverse=True):
            program = re.sub(r"(?<![\w-])" + re.escape(module_id) + r"(?![\w-])", copy_id(module_id, 1), program)
        with open(os.path.join(folder, "program.yaml"), "w", encoding="utf-8") as f:
            f.write(program)
    return paths, bodies


def touch_module(path, round_number):
    """Changes one module's text: a sentence after its first paragraph. Returns the old text."""
    with open(path, encoding="utf-8") as f:
        original = text = f.read()
    front = FRONT.match(text)
    # After the first paragraph of the body (the title line and the paragraph after it).
    head, sep, tail = text[front.end():].partition("\n\n")
    paragraph, sep2, rest = tail.partition("\n\n")
    text = text[:front.end()] + head + sep + paragraph + f"\n\nBench edit {round_number}.\n" + sep2 + rest
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return original


# The file system's share of a cold build: the same output files written by a minimal loop
# (temporary file, write, rename, one sync at the end, as the build does), in one process.
# The time is taken inside the process, after reading the files, so start-up is left out.
WRITE_FLOOR = r"""
import os, sys, time
source, target = sys.argv[1], sys.argv[2]
files = []
for base, dirs, names in os.walk(source):
    for name in names:
        if name.startswith(".curriculum-"):
            continue
        path = os.path.join(base, name)
        with open(path, "rb") as f:
            files.append((os.path.relpath(path, source), f.read()))
start, cpu = time.perf_counter(), time.process_time()
for relative, data in files:
    path = os.path.join(target, relative)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    temporary = os.path.join(folder, "." + os.path.basename(path) + ".tmp")
    with open(temporary, "wb") as f:
        f.write(data)
    os.rename(temporary, path)
os.sync()
print(len(files), time.perf_counter() - start, time.process_time() - cpu)
"""


def write_floor(source, target):
    """The WRITE_FLOOR loop over `source`'s files into `target`, as a Measured."""
    measured = run([sys.executable, "-c", WRITE_FLOOR, source, target])
    _, wall, cpu = measured.out.split()
    return Measured(float(wall), measured.peak, float(cpu), measured.out)


# ---------------------------------------------------------------------------------------------
# Running and measuring

class Failed(Exception):
    pass


Measured = collections.namedtuple("Measured", "wall peak cpu out")


def run(argv, env=None, stdin=None, check=True):
    """Runs argv; returns its wall time and CPU time (user + system, children included) in
    seconds, its peak resident memory in MB and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, env=env)
    if stdin:
        proc.stdin.write(stdin)
        proc.stdin.close()
    # Read the pipes before reaping, so a chatty child never blocks.
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise Failed(f"{' '.join(argv[:4])} ... exited {proc.returncode}\n{out.decode()[-3000:]}\n{err.decode()[-2000:]}")
    return Measured(wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime, out.decode(errors="replace"))


class Series:
    def __init__(self, name):
        self.name = name
        self.walls = []
        self.peaks = []
        self.cpus = []

    def add(self, measured):
        self.walls.append(measured.wall)
        self.peaks.append(measured.peak)
        self.cpus.append(measured.cpu)

    @property
    def cpu(self):
        return statistics.median(self.cpus) if self.cpus else float("nan")

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls else float("nan")

    @property
    def peak(self):
        return max(self.peaks) if self.peaks else float("nan")


def snapshot(folder):
    """Path -> mtime of every file under folder (the manifest excluded)."""
    seen = {}
    for base, _, files in os.walk(folder):
        for name in files:
            if name.startswith(".curriculum-") or ".tmp" in name:
                continue
            path = os.path.join(base, name)
            seen[os.path.relpath(path, folder)] = os.stat(path).st_mtime_ns
    return seen


def tree_digest(folder):
    """A digest of every output and the manifest (not the lock or the stamp, whose digest of file
    times changes whenever a module is touched)."""
    digest = hashlib.sha256()
    for base, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            if name in (".curriculum-stamp.json", ".curriculum-build.lock"):
                continue
            path = os.path.join(base, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            with open(path, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:16]


def fmt_s(seconds):
    return f"{seconds:.3f} s" if seconds == seconds else "n/a"


def fmt_mb(mb):
    return f"{mb:.0f} MB" if mb == mb else "n/a"


def fmt_x(value):
    return f"{value:.2f}x" if value == value else ""


# ---------------------------------------------------------------------------------------------
# The benchmark

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(REPO, ".build-release", "release", "curriculum"))
    parser.add_argument("--modules", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    # pandoc 2.17 takes about 0.45 s a file here (nearly all of it start-up), so 200 files
    # would take 90 s alone; 20 files give the same per-file time within the 5-minute budget.
    parser.add_argument("--pandoc-files", type=int, default=20, help="the pandoc subset, scaled to --modules")
    parser.add_argument("--pandoc-runs", type=int, default=1, help="pandoc is slow: fewer rounds (median)")
    parser.add_argument("--pdf-modules", type=int, default=3, help="modules in the PDF measurement (two PDFs each)")
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--serve-runs", type=int, default=5, help="edits timed in the `serve` measurement (median)")
    parser.add_argument("--only", choices=["all", "serve"], default="all",
                        help="serve: only the edit-to-reload time of `curriculum serve` (sample and --modules)")
    args = parser.parse_args()

    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"bench: no binary at {binary}; build it with `swift build -c release --scratch-path .build-release`")
    templates = os.path.join(REPO, "templates")
    cmark = shutil.which("cmark")
    pandoc = shutil.which("pandoc")
    started = time.perf_counter()

    print(machine())
    work = tempfile.mkdtemp(prefix="curriculum-bench-")
    try:
        root = os.path.join(work, "curriculum")
        out_base = os.path.join(work, "out")
        modules, bodies = generate(root, args.modules, with_program=True)
        size = sum(os.path.getsize(p) for p in modules)
        body_size = sum(os.path.getsize(p) for p in bodies)
        print(f"synthetic curriculum: {len(modules)} modules, {size / 1024 / 1024:.1f} MB "
              f"(Markdown bodies {body_size / 1024 / 1024:.1f} MB, {body_size / len(bodies) / 1024:.1f} KB each)"
              f"{', with program.yaml' if os.path.exists(os.path.join(root, 'program.yaml')) else ''}")

        if args.only == "serve":
            measure_serve(binary, root, modules[0], templates, args, work)
            return

        check_cmd = [binary, "check", root, "--today", TODAY]

        def build_cmd(out):
            return [binary, "build", root, "--no-pdf", "--out", out, "--today", TODAY, "--templates", templates]
        print("check: " + run(check_cmd).out.strip().splitlines()[-1])

        series = {name: Series(name) for name in ("check", "cmark", "build-cold", "build-nochange", "build-touch", "pandoc", "floor")}
        subset = bodies[:: max(1, len(bodies) // args.pandoc_files)][: args.pandoc_files]
        digests = set()
        touched = modules[0]
        touch_report = None
        for round_number in range(1, args.runs + 1):
            series["check"].add(run(check_cmd))
            if cmark:
                series["cmark"].add(run([cmark] + bodies))
            # A new, empty folder for each cold build: removing the last one first would time the
            # file system recycling thousands of just-deleted inodes (ext4 skips them slowly).
            out = f"{out_base}-{round_number}"
            measured = run(build_cmd(out))
            series["build-cold"].add(measured)
            digests.add(tree_digest(out))
            cold_summary = measured.out.strip().splitlines()[-1]
            series["floor"].add(write_floor(out, f"{out_base}-floor-{round_number}"))
            series["build-nochange"].add(run(build_cmd(out)))
            before = snapshot(out)
            original = touch_module(touched, round_number)
            measured = run(build_cmd(out))
            series["build-touch"].add(measured)
            after = snapshot(out)
            changed = sorted(p for p in after if before.get(p) != after[p])
            touch_report = (changed, measured.out.strip().splitlines()[-1], touch_verdict(changed, touched, out))
            # Put the module back, so every round's cold build starts from the same inputs.
            with open(touched, "w", encoding="utf-8") as f:
                f.write(original)
            if pandoc and round_number <= args.pandoc_runs:
                files = [run([pandoc, "-f", "commonmark", "-t", "html", body]) for body in subset]
                scale = len(bodies) / len(subset)
                series["pandoc"].add(Measured(sum(m.wall for m in files) * scale, max(m.peak for m in files),
                                              sum(m.cpu for m in files) * scale, ""))

        # ---- PDF stage
        pdf = measure_pdf(work, binary, templates, args)

        print_table(series, args, len(modules), pdf, cold_summary, touch_report, touched, root, digests, len(subset))
        measure_serve(binary, root, touched, templates, args, work)
        print(f"\nbenchmark finished in {time.perf_counter() - started:.0f} s (load average {os.getloadavg()[0]:.2f})")
    except Failed as failure:
        raise SystemExit(f"bench: a command failed: {failure}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def measure_serve(binary, root, module, templates, args, work):
    """`curriculum serve`: a saved edit to one module until the reload message, on the sample
    and on the synthetic curriculum, against `build --no-pdf` of the same change (issue 21)."""
    print("\n## serve: edit to reload message (one module changed)")
    sample_root, sample_module = serve_reload.sample_copy(REPO, work)
    count = sum(1 for _, _, names in os.walk(os.path.join(sample_root, "modules")) for n in names if n.endswith(".md"))
    result = serve_reload.measure(binary, sample_root, sample_module, templates, TODAY, args.serve_runs, work)
    print(serve_reload.report("sample", count, result))
    result = serve_reload.measure(binary, root, module, templates, TODAY, args.serve_runs, work)
    print(serve_reload.report("synthetic", args.modules, result))


def machine():
    """One line about the machine: cores, CPU, memory, load, tool versions."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = []
    for tool in ("cmark", "pandoc", "weasyprint"):
        path = shutil.which(tool)
        if path:
            out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
            versions.append(out[0] if out else tool)
    return (f"machine: {os.cpu_count()} cores, {model}, {memory:.0f} GB, load average {os.getloadavg()[0]:.2f} at start; "
            + "; ".join(versions))


def weasyprint_python():
    script = shutil.which("weasyprint")
    if not script:
        return None
    with open(script, "rb") as f:
        first = f.readline().decode(errors="replace").strip()
    if not first.startswith("#!"):
        return None
    parts = first[2:].split()
    return parts[1] if parts[0].endswith("/env") and len(parts) > 1 else parts[0]


WEASYPRINT_ALONE = """
import sys
from weasyprint import HTML
for line in sys.stdin:
    html, pdf = line.rstrip("\\n").split("\\t")
    HTML(filename=html).write_pdf(pdf)
"""


def count_pages(path):
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        out = subprocess.run([pdfinfo, path], capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if match:
            return int(match.group(1))
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type\s*/Page(?!s)", f.read()))


def measure_pdf(work, binary, templates, args):
    python = weasyprint_python()
    if not python or args.pdf_modules <= 0:
        return None
    root = os.path.join(work, "pdf-curriculum")
    generate(root, args.pdf_modules, with_program=False)
    outs = {jobs: os.path.join(work, f"pdf-out-{jobs}") for jobs in (1, 2)}
    alone = os.path.join(work, "pdf-alone")
    result = {"ours-1": Series("ours-1"), "ours-2": Series("ours-2"), "alone": Series("alone")}
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    documents = []
    # The HTML that WeasyPrint alone gets: the same files our build hands it.
    run([binary, "build", root, "--no-pdf", "--out", outs[1], "--today", TODAY, "--templates", templates])
    for kind in ("handouts", "guides"):
        folder = os.path.join(outs[1], kind)
        documents += [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".html")]
    html_folder = os.path.join(work, "pdf-html")
    shutil.copytree(outs[1], html_folder)
    documents = [os.path.join(html_folder, os.path.relpath(d, outs[1])) for d in documents]
    def weasyprint_alone():
        # One process, the same HTML files, the same order.
        shutil.rmtree(alone, ignore_errors=True)
        os.makedirs(alone)
        lines = "".join(f"{html}\t{os.path.join(alone, str(i) + '.pdf')}\n" for i, html in enumerate(documents))
        result["alone"].add(run([python, "-c", WEASYPRINT_ALONE], env=env, stdin=lines.encode()))

    def ours(jobs):
        shutil.rmtree(outs[jobs], ignore_errors=True)
        cmd = [binary, "build", root, "--out", outs[jobs], "--jobs", str(jobs), "--today", TODAY, "--templates", templates]
        result[f"ours-{jobs}"].add(run(cmd))

    for round_number in range(args.pdf_runs):
        # The order turns round by round, so neither side always runs first.
        steps = [weasyprint_alone, lambda: ours(1), lambda: ours(2)]
        shift = round_number % len(steps)
        for step in steps[shift:] + steps[:shift]:
            step()
    pages = sum(count_pages(os.path.join(alone, f"{i}.pdf")) for i in range(len(documents)))
    return {"series": result, "documents": len(documents), "pages": pages, "modules": args.pdf_modules}


def touch_verdict(changed, touched, out):
    """Rewritten files must be the module's handout and guide and the packets and plans that
    show it; every packet that includes its text must have been rewritten."""
    stem = os.path.splitext(os.path.basename(touched))[0]
    with open(touched, encoding="utf-8") as f:
        title = re.search(r"^title:\s*(.+)$", f.read(), re.M).group(1).strip()
    marker = re.search(r"Bench edit \d+\.", open(touched, encoding="utf-8").read()).group(0)
    own = {f"handouts/{stem}.html", f"guides/{stem}.html"}
    including = set()
    for kind in ("packets", "plans"):
        for base, _, files in os.walk(os.path.join(out, kind)):
            for name in files:
                path = os.path.join(base, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if marker in text or title in text or html_escape(title) in text:
                    including.add(os.path.relpath(path, out))
    changed = set(changed)
    extra = changed - own - including
    missing = (own | {p for p in including if p.startswith("packets/")}) - changed
    ok = not extra and not missing
    detail = f"{len(changed)} files: {len(own & changed)} own, {len(including & changed)} packets/plans with it"
    if extra:
        detail += "; also " + ", ".join(sorted(extra)[:5])
    if missing:
        detail += "; missed " + ", ".join(sorted(missing)[:5])
    return ok, detail


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def print_table(series, args, count, pdf, cold_summary, touch_report, touched, root, digests, subset_size):
    cmark = series["cmark"].median
    pandoc = series["pandoc"].median
    print(f"\n## {count} modules, median of {args.runs} interleaved runs (pandoc: {len(series['pandoc'].walls)} run(s) of "
          f"{subset_size} files, scaled to {count})\n")
    print("CPU is user + system time of the process and its children; on 2 cores a parallel run's CPU time can exceed its wall time.\n")
    print("| measurement | median wall | min-max wall | median CPU | peak RSS | ours/cmark | pandoc/ours |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    labels = {
        "check": "`curriculum check`",
        "build-cold": "`curriculum build --no-pdf`, cold",
        "build-nochange": "`build --no-pdf`, nothing changed",
        "build-touch": "`build --no-pdf`, one module changed",
        "cmark": "`cmark`, all bodies, one process",
        "pandoc": "`pandoc`, one process per file",
        "floor": "writing the cold build's files alone (Python loop)",
    }
    for key in ("check", "build-cold", "build-nochange", "build-touch", "cmark", "pandoc", "floor"):
        s = series[key]
        if not s.walls:
            print(f"| {labels[key]} | not installed | | | | | |")
            continue
        ours = key in ("check", "build-cold")
        vs_cmark = fmt_x(s.median / cmark) if ours and cmark == cmark else ""
        vs_pandoc = fmt_x(pandoc / s.median) if ours and pandoc == pandoc else ""
        spread = f"{min(s.walls):.3f}-{max(s.walls):.3f}"
        print(f"| {labels[key]} | {fmt_s(s.median)} | {spread} | {fmt_s(s.cpu)} | {fmt_mb(s.peak)} | {vs_cmark} | {vs_pandoc} |")

    cold = series["build-cold"].median
    nochange = series["build-nochange"].median
    touch = series["build-touch"].median
    if cmark == cmark:
        print(f"\nCPU time against cmark's: check {series['check'].cpu / series['cmark'].cpu:.1f}x, "
              f"cold build {series['build-cold'].cpu / series['cmark'].cpu:.1f}x")
    floor = series["floor"].median
    if cmark == cmark and floor == floor:
        print(f"writing the cold build's files alone takes {floor:.3f} s ({floor / cmark:.1f}x cmark); "
              f"the cold build less that: {(cold - floor) / cmark:.1f}x cmark")
    print(f"no-change rebuild: {nochange / cold * 100:.1f}% of a cold build; one-module change: {touch / cold * 100:.1f}%")
    print(f"cold build: {cold_summary}")
    if touch_report:
        changed, summary, _ = touch_report
        rel = os.path.relpath(touched, root)
        print(f"after changing {rel}: {summary}")
        print("  rewritten: " + ", ".join(changed))
    print(f"cold builds' output digest: {', '.join(sorted(digests))}" + (" (identical in every run)" if len(digests) == 1 else " (DIFFERENT between runs)"))

    overhead = cpu_overhead = None
    if pdf:
        s = pdf["series"]
        one, two, alone = s["ours-1"].median, s["ours-2"].median, s["alone"].median
        pages = pdf["pages"]
        print(f"\n## PDF stage: {pdf['modules']} modules, {pdf['documents']} PDFs, {pages} pages, median of {len(s['alone'].walls)} run(s)\n")
        print("| measurement | median wall | per page | median CPU | CPU per page | peak RSS |")
        print("|---|---:|---:|---:|---:|---:|")
        for key, label in (("alone", "WeasyPrint alone (one process, the same HTML)"), ("ours-1", "`curriculum build`, `--jobs 1`"),
                           ("ours-2", "`curriculum build`, `--jobs 2`")):
            m = s[key]
            print(f"| {label} | {fmt_s(m.median)} | {m.median / pages * 1000:.0f} ms | {fmt_s(m.cpu)} | {m.cpu / pages * 1000:.0f} ms | {fmt_mb(m.peak)} |")
        overhead = (one - alone) / alone
        cpu_overhead = (s["ours-1"].cpu - s["alone"].cpu) / s["alone"].cpu
        print(f"\nour overhead over WeasyPrint alone (--jobs 1): {overhead * 100:+.1f}% wall, {cpu_overhead * 100:+.1f}% CPU; "
              f"--jobs 2 is {one / two:.2f}x as fast as --jobs 1 on {os.cpu_count()} cores")

    print("\n## targets\n")
    peak = max(series[k].peak for k in ("check", "build-cold", "build-nochange", "build-touch"))
    rows = []
    if cmark == cmark:
        rows.append((f"check within {CHECK_VS_CMARK:g}x of cmark", series["check"].median / cmark <= CHECK_VS_CMARK, f"{series['check'].median / cmark:.2f}x"))
        rows.append((f"build --no-pdf within {BUILD_VS_CMARK:g}x of cmark", cold / cmark <= BUILD_VS_CMARK, f"{cold / cmark:.2f}x"))
    rows.append((f"no-change rebuild under {NOCHANGE_SHARE * 100:g}% of cold", nochange / cold < NOCHANGE_SHARE, f"{nochange / cold * 100:.1f}%"))
    if touch_report:
        only, detail = touch_report[2]
        rows.append(("one-module change rewrites only what depends on it", only, detail))
    rows.append((f"peak memory under {PEAK_MB} MB", peak < PEAK_MB, fmt_mb(peak)))
    if pandoc == pandoc:
        worst = min(pandoc / series["check"].median, pandoc / cold)
        rows.append((f"at least {PANDOC_FACTOR:g}x faster than pandoc", worst >= PANDOC_FACTOR, f"{worst:.0f}x"))
    if overhead is not None:
        # CPU time: the wall time of a few PDFs moves by 20% with whatever else the machine runs.
        rows.append((f"PDF overhead under {PDF_OVERHEAD * 100:g}% (CPU time, --jobs 1)", cpu_overhead < PDF_OVERHEAD,
                     f"{cpu_overhead * 100:+.1f}% ({overhead * 100:+.1f}% wall)"))
    print("| target | met | measured |")
    print("|---|---|---:|")
    for name, met, value in rows:
        print(f"| {name} | {'yes' if met else 'NO'} | {value} |")


if __name__ == "__main__":
    main()
