#!/usr/bin/env python3
"""Audit a program for rolling admission, from what the tool itself schedules.

Runs `curriculum build --no-pdf` into a temporary folder, reads the facilitator session
plans it writes (plans/TRACK/week-NN.html: every session of the week with the module in
each segment) and the header of `curriculum coverage` (weeks, minimum stay), and checks,
per track, with the weeks taken as a cycle (after the last week comes week 1 again):

  1. every-week   orientation and overdose-response come every week (and says whether
                  they come in the week's first group session);
  2. spacing      every other module comes at most once in any two weeks in a row;
  3. window       every window of minimum-stay weeks holds continuing-care;

and, as a report: family sessions hold only family modules, every module of the family
group is used, and which of the expected module ids never come.

Usage:
  python3 bench/program_audit.py [CURRICULUM] [--tool PATH] [--expect ID ...]

CURRICULUM defaults to ./curriculum; --tool to `curriculum` on PATH (or $CURRICULUM_BIN).
Exit status: 0 when every track passes 1-3, 1 when one fails, 2 when the tool fails.
Needs only the Python standard library.
"""

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

EVERY_WEEK = ["orientation", "overdose-response"]
WINDOW_MODULE = "continuing-care"
FAMILY_GROUP = "family"
# The module ids the 2026-12 content round adds; --expect replaces this list.
NEW_IDS = [
    "orientation", "massachusetts-resources", "overdose-response", "cannabis",
    "benzodiazepines-and-sedatives", "nicotine-and-vaping", "harm-reduction",
    "suicide-safety-plan", "family-overdose-response", "family-own-recovery", "family-safety",
    "anger", "grief-and-loss", "shame-and-guilt", "distress-tolerance", "chronic-pain",
    "work-money-legal-stress",
]

SECTION = re.compile(r'<section class="plan-session">(.*?)</section>', re.S)
HEADING = re.compile(r"<h2>(.*?)</h2>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td>(.*?)</td>", re.S)
GUIDE = re.compile(r'href="[^"]*guides/([a-z0-9-]+)\.html"')
HEADER = re.compile(r"(\d+) weeks, (\w+) admission(?:, (\d+)-week minimum stay)?")
TRACK_LINE = re.compile(r"^(\S.*) track$")


def run(tool, args):
    done = subprocess.run([tool] + args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(f"'{tool} {' '.join(args)}' failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        sys.exit(2)
    return done.stdout


def read_week(path):
    """The sessions of one week: [(heading, is_group, [(segment, module or None)])]."""
    text = open(path, encoding="utf-8").read()
    sessions = []
    for body in SECTION.findall(text):
        heading = html.unescape(re.sub(r"<[^>]+>", "", (HEADING.search(body) or [None, ""])[1])).strip()
        segments = []
        for row in ROW.findall(body):
            cells = CELL.findall(row)
            if len(cells) < 4:
                continue
            segment = html.unescape(re.sub(r"<[^>]+>", "", cells[1])).strip()
            found = GUIDE.search(cells[3])
            segments.append((segment, found.group(1) if found else None))
        sessions.append((heading, heading.endswith("Group session"), segments))
    return sessions


def family_ids(curriculum):
    """Module ids whose front matter says `group: family`."""
    ids = set()
    for root, _, files in os.walk(os.path.join(curriculum, "modules")):
        for name in files:
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(root, name), encoding="utf-8").read()
            front = text.split("\n---", 1)[0] if text.startswith("---") else ""
            ident = re.search(r"^id:\s*(\S+)", front, re.M)
            group = re.search(r"^group:\s*(\S+)", front, re.M)
            if ident and group and group.group(1) == FAMILY_GROUP:
                ids.add(ident.group(1))
    return ids


def audit_track(name, weeks, stay, expect, family):
    """Prints the track's report; returns True when rules 1-3 hold."""
    count = len(weeks)
    ok = True
    per_week = [[m for _, _, segs in sessions for _, m in segs if m] for sessions in weeks]
    print(f"\n{name}: {count} weeks, windows of {stay} weeks, weeks taken as a cycle")

    # 1. every week, and in the week's first group session
    for module in EVERY_WEEK:
        missing = [w + 1 for w in range(count) if module not in per_week[w]]
        not_first = []
        for w, sessions in enumerate(weeks):
            first = next((segs for _, is_group, segs in sessions if is_group), [])
            if module not in [m for _, m in first]:
                not_first.append(w + 1)
        if missing:
            ok = False
            print(f"  FAIL every-week  {module}: missing in weeks {', '.join(map(str, missing))}")
        else:
            where = "in the first group session of every week" if not not_first else \
                f"every week (not in the first session of weeks {', '.join(map(str, not_first))})"
            print(f"  ok   every-week  {module}: {where}")

    # 2. at most once in any two weeks in a row (cyclic)
    modules = sorted({m for week in per_week for m in week} - set(EVERY_WEEK))
    clashes = []
    for module in modules:
        for w in range(count):
            pair = per_week[w].count(module) + per_week[(w + 1) % count].count(module)
            if pair > 1:
                clashes.append(f"{module} (weeks {w + 1} and {(w + 1) % count + 1})")
    if clashes:
        ok = False
        print(f"  FAIL spacing     {len(clashes)} clash(es): {'; '.join(clashes)}")
    else:
        most = max((sum(w.count(m) for w in per_week), m) for m in modules) if modules else (0, "-")
        print(f"  ok   spacing      {len(modules)} other modules, each at most once in any two weeks "
              f"in a row (most often: {most[1]}, {most[0]} times in {count} weeks)")

    # 3. every window of `stay` weeks holds continuing-care (cyclic)
    holds = [w + 1 for w in range(count) if WINDOW_MODULE in per_week[w]]
    empty = [a + 1 for a in range(count)
             if not any(WINDOW_MODULE in per_week[(a + k) % count] for k in range(min(stay, count)))]
    if empty:
        ok = False
        print(f"  FAIL window      {WINDOW_MODULE}: no session in the {stay}-week stays starting in weeks "
              f"{', '.join(map(str, empty))}")
    else:
        print(f"  ok   window      {WINDOW_MODULE} in weeks {', '.join(map(str, holds))}: "
              f"every {stay}-week stay holds it")

    # Report: family sessions
    in_family = [m for sessions in weeks for heading, is_group, segs in sessions
                 if not is_group for _, m in segs if m]
    strangers = sorted(set(in_family) - family)
    unused = sorted(family - set(in_family))
    print(f"  info family      family sessions use {len(set(in_family))} modules: {', '.join(sorted(set(in_family))) or '-'}"
          + (f"; NOT family modules: {', '.join(strangers)}" if strangers else "")
          + (f"; family modules never used: {', '.join(unused)}" if unused else ""))
    absent = [i for i in expect if not any(i in week for week in per_week)]
    print(f"  info new ids     {len(expect) - len(absent)} of {len(expect)} scheduled"
          + (f"; never scheduled: {', '.join(absent)}" if absent else ""))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("curriculum", nargs="?", default="curriculum")
    parser.add_argument("--tool", default=os.environ.get("CURRICULUM_BIN") or shutil.which("curriculum") or "curriculum")
    parser.add_argument("--expect", nargs="*", default=NEW_IDS, help="module ids that should be scheduled")
    options = parser.parse_args()

    coverage = run(options.tool, ["coverage", options.curriculum])
    header = HEADER.search(coverage)
    if not header:
        sys.stderr.write("could not read the weeks and minimum stay from `coverage`\n")
        return 2
    stay = int(header.group(3) or header.group(1))
    tracks = [TRACK_LINE.match(line).group(1) for line in coverage.splitlines() if TRACK_LINE.match(line)]

    with tempfile.TemporaryDirectory(prefix="program-audit-") as out:
        run(options.tool, ["build", options.curriculum, "--no-pdf", "--out", out])
        plans = os.path.join(out, "plans")
        family = family_ids(options.curriculum)
        ok = True
        for track in sorted(os.listdir(plans)):
            files = sorted(f for f in os.listdir(os.path.join(plans, track)) if re.fullmatch(r"week-\d+\.html", f))
            weeks = [read_week(os.path.join(plans, track, f)) for f in files]
            label = next((t for t in tracks if t.lower().startswith(track.lower())), track)
            ok = audit_track(f"{label} track ({track})" if label != track else track,
                             weeks, stay, options.expect, family) and ok
    print("\nall tracks pass the rolling-admission rules" if ok else "\nsome track FAILS a rolling-admission rule")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
