#!/usr/bin/python3
"""`curriculum serve` in a real browser: Debian's headless chromium, driven over the DevTools
protocol with Debian's python3-websocket. Run by ServeCommandTests (Swift), which prepares a
copy of the sample curriculum; prints what it checked and exits 1 at the first failure.

usage: serve_in_browser.py BINARY FOLDER SCREENSHOT
  FOLDER holds curriculum/ and templates/; the preview builds into FOLDER/preview.

No sleeps as synchronisation: every wait polls for what a person would see, up to a generous
deadline, and fails with what it saw last.
"""
import os

# Close what this process inherited beyond stdin, stdout and stderr before anything else: a test
# running beside this one may have had a file open for writing when the Swift test started us
# (an executable script it is about to run), and holding it for our whole run would make its
# exec fail with "Text file busy".
os.closerange(3, os.sysconf("SC_OPEN_MAX") if os.sysconf("SC_OPEN_MAX") > 0 else 65536)

import base64
import http.client
import json
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # Debian's python3-websocket

DEADLINE = 60.0  # seconds for any one thing to happen; the usual time is well under one


def fail(message):
    print("FAIL: " + message, flush=True)
    raise SystemExit(1)


def ok(message):
    print("ok: " + message, flush=True)


def read_line(stream, deadline, what):
    """One line from a child's pipe, or fail at the deadline."""
    line = b""
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            fail("no %s after %.0f s (read so far: %r)" % (what, DEADLINE, line))
        ready, _, _ = select.select([stream], [], [], left)
        if ready:
            byte = os.read(stream.fileno(), 1)
            if not byte:
                fail("the program ended before printing %s (read so far: %r)" % (what, line))
            line += byte
    return line.decode()


def listening_addresses(port):
    """The local addresses of sockets listening on `port`, from /proc (IPv4 and IPv6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local, state = fields[1], fields[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def status_of(port, raw_path, host=None):
    """The status code and body for a raw, unnormalised request path (and Host header)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    connection.putrequest("GET", raw_path, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


class Browser:
    def __init__(self, profile):
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
             "--window-size=1100,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Chromium writes its DevTools port to the profile once it listens.
        active = os.path.join(profile, "DevToolsActivePort")
        deadline = time.monotonic() + DEADLINE
        port = None
        while port is None:
            try:
                first = open(active).read().split("\n")[0]
                port = int(first) if first.strip() else None
            except (OSError, ValueError):
                port = None
            if port is None:
                if self.process.poll() is not None:
                    fail("chromium ended with status %d before listening" % self.process.returncode)
                if time.monotonic() > deadline:
                    fail("chromium did not write %s within %.0f s" % (active, DEADLINE))
                select.select([], [], [], 0.05)  # looks again in 50 ms
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=DEADLINE))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=DEADLINE, suppress_origin=True)
        self.next_id = 0

    def call(self, method, tolerate=False, **params):
        """Sends one DevTools command and returns its result; with `tolerate`, None on an error
        (a page that is reloading answers 'Inspected target navigated or closed')."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    if tolerate:
                        return None
                    fail("%s: %s" % (method, message["error"]))
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", tolerate=True, expression=expression, returnByValue=True)
        if result is None or "exceptionDetails" in result:
            return None
        return result["result"].get("value")

    def wait_for(self, expression, what):
        """Polls `expression` in the page until it is true."""
        deadline = time.monotonic() + DEADLINE
        while True:
            if self.evaluate(expression):
                return
            if time.monotonic() > deadline:
                seen = self.evaluate("document.body ? document.body.innerText.slice(-1500) : '(no body)'")
                fail("after %.0f s the page still does not show %s; it shows:\n%s" % (DEADLINE, what, seen))
            # Lets the page work between looks (a DevTools round trip, not a timer).
            self.call("Runtime.evaluate", tolerate=True, expression="new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))",
                      awaitPromise=True)

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                self.process.kill()


def main():
    binary, folder, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
    module = os.path.join(folder, "curriculum/modules/coping/anger.md")
    original = open(module, encoding="utf-8").read()
    out = os.path.join(folder, "preview")
    serve = subprocess.Popen([binary, "serve", "curriculum", "--port", "0", "--out", out, "--today", "2026-11-29"],
                             cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    profile = tempfile.mkdtemp(prefix="serve-browser-")
    browser = None
    try:
        first = read_line(serve.stdout, time.monotonic() + DEADLINE, "first line")
        match = re.fullmatch(r"Serving on http://127\.0\.0\.1:(\d+)/\n", first)
        if not match:
            fail("the first line is %r, not 'Serving on http://127.0.0.1:PORT/'" % first)
        port = int(match.group(1))
        ok("first line: " + first.strip())

        addresses = listening_addresses(port)
        if addresses != ["0100007F"]:
            fail("port %d listens on %r, not on 127.0.0.1 alone" % (port, addresses))
        ok("listens on 127.0.0.1 only")

        second = subprocess.run([binary, "serve", "curriculum", "--port", str(port), "--out", out + "-2"], cwd=folder,
                                capture_output=True, timeout=DEADLINE)
        if second.returncode != 2 or b"the port is in use" not in second.stderr or second.stdout:
            fail("a second serve on the same port: exit %d, %r %r" % (second.returncode, second.stdout, second.stderr))
        ok("a port in use is refused at once, with the fix")

        browser = Browser(profile)
        url = "http://127.0.0.1:%d/handouts/anger.html" % port
        browser.call("Page.navigate", url=url)
        browser.wait_for("document.body && document.body.innerText.includes('Anger is a normal feeling.')"
                         " && window.__curriculumServe && window.__curriculumServe.connected"
                         " && document.getElementById('curriculum-serve-count') !== null"
                         " && !document.getElementById('curriculum-serve-count').innerText.includes('error')",
                         "the handout with its toolbar and no errors")
        # The sample may carry warnings of its own; what matters is that the count comes back to this.
        before = browser.evaluate("document.getElementById('curriculum-serve-count').innerText")
        ok("the handout opens with the toolbar")
        if not browser.evaluate("Array.from(document.querySelectorAll('#curriculum-serve a')).some(a => a.pathname === '/_serve/pdf/handouts/anger.pdf')"):
            fail("the toolbar has no link to the handout's PDF")
        status, body = status_of(port, "/_serve/pdf/handouts/anger.pdf")
        if status != 200 or not body.startswith(b"%PDF-"):
            fail("the PDF link answered %d with %r" % (status, body[:60]))
        ok("the toolbar links to the page's PDF, made on request")

        # The build folder holds exactly what `build` writes: no toolbar in the files.
        if "_serve" in open(os.path.join(out, "handouts/anger.html"), encoding="utf-8").read():
            fail("the built handout carries the preview's script")
        ok("the built file has no preview script")

        # An edit shows without navigating: the page reloads itself.
        edited = original.replace("Everyone feels it.", "Everyone feels it, even on a calm day.", 1)
        if edited == original:
            fail("the fixture sentence to edit is gone from anger.md")
        with open(module, "w", encoding="utf-8") as f:
            f.write(edited)
        browser.wait_for("document.body.innerText.includes('Everyone feels it, even on a calm day.')", "the edited sentence")
        ok("the edit shows in the open page")

        # A broken module: the finding shows over the last good page.
        with open(module, "w", encoding="utf-8") as f:
            f.write(edited.replace("topic: coping", "topic: copin", 1))
        browser.wait_for("(document.getElementById('curriculum-serve-findings') || {innerText: ''}).innerText"
                         ".includes('curriculum/modules/coping/anger.md:4:8')"
                         " && document.getElementById('curriculum-serve-findings').innerText.includes('[front-matter.unknown-topic]')"
                         " && document.getElementById('curriculum-serve-count').innerText.includes('1 error')"
                         " && document.body.innerText.includes('Everyone feels it, even on a calm day.')",
                         "the finding anger.md:4:8 [front-matter.unknown-topic] over the last good page")
        ok("the finding shows in the page, over the last good build")
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

        # Fixed again: the panel goes away.
        with open(module, "w", encoding="utf-8") as f:
            f.write(edited)
        browser.wait_for("document.getElementById('curriculum-serve-count').innerText === %s"
                         " && !(document.getElementById('curriculum-serve-findings') || {innerText: ''}).innerText.includes('anger.md:4:8')"
                         % json.dumps(before),
                         "the finding gone once the module is fixed, and the count back to %r" % before)
        if before == "no findings" and browser.evaluate("document.getElementById('curriculum-serve-findings') !== null"):
            fail("the findings panel stays although there are no findings")
        ok("the finding goes away once fixed (count back to %r)" % before)

        # Only files of the build: traversal, encoded or not, and symbolic links get 404.
        os.symlink(os.path.join(folder, "curriculum/schema.yaml"), os.path.join(out, "handouts/leak.html"))
        os.remove(os.path.join(out, "coverage.csv"))
        os.symlink(os.path.join(folder, "curriculum/schema.yaml"), os.path.join(out, "coverage.csv"))
        for raw in ["/../curriculum/schema.yaml", "/handouts/../../curriculum/schema.yaml",
                    "/%2e%2e/curriculum/schema.yaml", "/handouts/%2E%2E/%2E%2E/curriculum/schema.yaml",
                    "/handouts/..%2f..%2fcurriculum%2fschema.yaml", "/handouts%2f..%2f..%2fcurriculum/schema.yaml",
                    "/..%5c..%5ccurriculum%5cschema.yaml", "/.curriculum-manifest.json", "/handouts/leak.html",
                    "/coverage.csv", "/_serve/pdf/../curriculum/schema.yaml", "/handouts/anger.html%00.pdf"]:
            status, body = status_of(port, raw)
            if status != 404 or b"objectives" in body:
                fail("GET %s answered %d, not 404" % (raw, status))
        status, _ = status_of(port, "/handouts/anger.html", host="rebound.example:%d" % port)
        if status != 403:
            fail("a request for another site's name (DNS rebinding) answered %d, not 403" % status)
        status, _ = status_of(port, "/handouts/anger.html")
        if status != 200:
            fail("GET /handouts/anger.html answered %d after the traversal attempts" % status)
        ok("traversal attempts and symbolic links get 404; another site's name gets 403")
    finally:
        if browser:
            browser.close()
        shutil.rmtree(profile, ignore_errors=True)
        if serve.poll() is None:
            serve.send_signal(signal.SIGINT)
        try:
            rest, errors = serve.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            serve.kill()
            fail("serve did not stop within %.0f s of Ctrl-C" % DEADLINE)
    if serve.returncode != 0 or not rest.decode().endswith("stopped serving\n"):
        fail("Ctrl-C: exit %d, output %r, errors %r" % (serve.returncode, rest.decode()[-300:], errors.decode()[-300:]))
    ok("Ctrl-C stops it cleanly")
    private_folder(binary, folder)
    print("browser checks passed", flush=True)


def private_folder(binary, folder):
    """Without --out: the build goes to a folder only this user can read, under the system's
    temporary folder (TMPDIR), and is gone after Ctrl-C."""
    tmp = os.path.join(folder, "tmp")
    os.makedirs(tmp)
    env = dict(os.environ, TMPDIR=tmp)
    serve = subprocess.Popen([binary, "serve", "curriculum", "--port", "0", "--today", "2026-11-29"],
                             cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = read_line(serve.stdout, time.monotonic() + DEADLINE, "first line")
        port = int(re.fullmatch(r"Serving on http://127\.0\.0\.1:(\d+)/\n", first).group(1))
        deadline = time.monotonic() + DEADLINE
        while b'"built":true' not in status_of(port, "/_serve/status")[1]:
            if time.monotonic() > deadline:
                fail("no good build within %.0f s without --out" % DEADLINE)
            select.select([], [], [], 0.05)  # looks again in 50 ms
        builds = [name for name in os.listdir(tmp) if os.path.isfile(os.path.join(tmp, name, "handouts/anger.html"))]
        if len(builds) != 1 or not builds[0].startswith("curriculum-serve-"):
            fail("without --out the build is not in one curriculum-serve-* folder under TMPDIR: %r" % os.listdir(tmp))
        mode = os.stat(os.path.join(tmp, builds[0])).st_mode & 0o777
        if mode != 0o700:
            fail("the private build folder has mode %o, not 700" % mode)
        ok("without --out it builds into a private folder (mode 700) under TMPDIR")
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGINT)
        try:
            serve.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            serve.kill()
            fail("serve did not stop within %.0f s of Ctrl-C" % DEADLINE)
    if serve.returncode != 0 or os.listdir(tmp):
        fail("after Ctrl-C: exit %d, left in TMPDIR %r" % (serve.returncode, os.listdir(tmp)))
    ok("Ctrl-C removes the private folders")


if __name__ == "__main__":
    main()
