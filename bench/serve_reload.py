"""The edit-to-page path of `curriculum serve` (issue 21): the time from a saved change to one
module until the reload message reaches an open page, measured with a page's own event stream
(`GET /_serve/events`) over loopback. The reference, measured in the same run on the same
curriculum and change, is a plain `curriculum build --no-pdf` after the same one-module edit
(a new process each time, as a writer without `serve` would run it).

Used by bench/run.py; `python3 bench/run.py --only serve --modules 200` runs this part alone.
"""

import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import time

DEADLINE = 120.0
TARGET_MS = 300  # issue 21: under 300 ms on the sample


class Stream:
    """A page's event stream: the raw bytes of `GET /_serve/events`."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
        self.socket.sendall(b"GET /_serve/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""

    def wait_for(self, pattern):
        """Reads until `pattern` (bytes regex) matches what arrived since the last match."""
        deadline = time.monotonic() + DEADLINE
        while True:
            match = re.search(pattern, self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"bench: serve sent no {pattern!r} within {DEADLINE:.0f} s")
            ready, _, _ = select.select([self.socket], [], [], left)
            if ready:
                chunk = self.socket.recv(65536)
                if not chunk:
                    raise SystemExit("bench: serve closed the event stream")
                self.buffer += chunk

    def close(self):
        self.socket.close()


def edit(path, round_number):
    """Adds a sentence after the module's first paragraph; returns the old text."""
    with open(path, encoding="utf-8") as f:
        original = f.read()
    head, sep, tail = original.partition("\n---\n")
    title, sep2, rest = tail.lstrip("\n").partition("\n\n")
    paragraph, sep3, more = rest.partition("\n\n")
    text = head + sep + title + sep2 + paragraph + f"\n\nServe edit {round_number}.\n" + sep3 + more
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return original


def measure(binary, root, module, templates, today, runs, work):
    """Median milliseconds (serve's edit-to-reload, build --no-pdf of the same change) and the
    single measurements."""
    out = os.path.join(work, "serve-out-" + os.path.basename(root))
    serve = subprocess.Popen([binary, "serve", root, "--port", "0", "--out", out, "--today", today, "--templates", templates],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    reloads, builds = [], []
    try:
        line = serve.stdout.readline().decode()
        match = re.fullmatch(r"Serving on http://127\.0\.0\.1:(\d+)/\n", line)
        if not match:
            raise SystemExit(f"bench: serve printed {line!r} first")
        stream = Stream(int(match.group(1)))
        stream.wait_for(rb'"built":true')  # the first build is done
        for round_number in range(1, runs + 1):
            started = time.perf_counter()
            original = edit(module, round_number)
            stream.wait_for(rb"event: reload\n")
            reloads.append((time.perf_counter() - started) * 1000)
            with open(module, "w", encoding="utf-8") as f:
                f.write(original)
            stream.wait_for(rb"event: reload\n")
        stream.close()
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            serve.kill()
    reference_out = os.path.join(work, "build-out-" + os.path.basename(root))
    build = [binary, "build", root, "--no-pdf", "--out", reference_out, "--today", today, "--templates", templates]
    subprocess.run(build, stdout=subprocess.DEVNULL, check=True)
    for round_number in range(1, runs + 1):
        original = edit(module, round_number)
        started = time.perf_counter()
        subprocess.run(build, stdout=subprocess.DEVNULL, check=True)
        builds.append((time.perf_counter() - started) * 1000)
        with open(module, "w", encoding="utf-8") as f:
            f.write(original)
        subprocess.run(build, stdout=subprocess.DEVNULL, check=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(reference_out, ignore_errors=True)
    return statistics.median(reloads), statistics.median(builds), reloads, builds


def report(label, count, result):
    reload_ms, build_ms, reloads, builds = result
    verdict = "" if count > 100 else (f"  (target < {TARGET_MS} ms: {'met' if reload_ms < TARGET_MS else 'MISSED'})")
    return (f"serve, {label} ({count} modules): edit to reload message {reload_ms:.0f} ms median "
            f"[{', '.join(f'{m:.0f}' for m in reloads)}]; build --no-pdf of the same change {build_ms:.0f} ms "
            f"[{', '.join(f'{m:.0f}' for m in builds)}]; ratio {reload_ms / build_ms:.2f}{verdict}")


def sample_copy(repo, work):
    """A copy of the sample curriculum to edit, and the module edited (a handout's source)."""
    root = os.path.join(work, "sample", "curriculum")
    shutil.copytree(os.path.join(repo, "curriculum"), root)
    module = os.path.join(root, "modules", "coping", "anger.md")
    return root, module
