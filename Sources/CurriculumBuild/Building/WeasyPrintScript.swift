/// The Python program the engine runs with WeasyPrint's own interpreter (`python -c SOURCE ROOT`).
/// It reads one JSON job a line (html, pdf, temporary), and for each: lays the page out, runs
/// the layout check on the laid-out boxes, writes a tagged PDF (PDF/UA-1), then marks running
/// headers and footers as artifacts, gives table header cells their scope and scales their text
/// (with pikepdf), and answers with one JSON line (done: warnings and layout findings, or
/// failed: WeasyPrint's message). It prints {"ready": true} once WeasyPrint is imported.
/// With `--self-test` as its last argument it only checks that the WeasyPrint internals it uses
/// are there (`Page._page_box`, the PDF/UA step) and prints {"problems": [...]}.
enum WeasyPrintScript {
    static let source = #"""
import json, logging, os, signal, sys, urllib.parse
# The build ignores Ctrl-C and SIGTERM itself (it stops cleanly) and starts this process from
# a thread that blocks signals; both are inherited. Take the defaults back, so stopping the
# build stops this process at once.
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_SETMASK, [])
from weasyprint import HTML, default_url_fetcher

# ---- WeasyPrint internals, each behind one function ------------------------------------------

def page_box(page):
    """The laid-out boxes of a page. WeasyPrint 57.2 keeps them in the private attribute
    Page._page_box; this is the only place that reads it (`--self-test` proves it is there)."""
    box = getattr(page, "_page_box", None)
    if box is None or not hasattr(box, "children") or not hasattr(box, "content_box_y"):
        raise RuntimeError("this WeasyPrint has no Page._page_box (the layout check was written for 57.2)")
    return box

def box_classes():
    """WeasyPrint's box classes (weasyprint.formatting_structure.boxes, internal too)."""
    from weasyprint.formatting_structure import boxes
    return boxes

# ---- The layout check -------------------------------------------------------------------------

BOXES = None
BLOCK_CLASSES = {"worksheet", "checklist-block", "log-block"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
EPSILON = 1.5  # CSS px: rounding in the layout

def classes(element):
    return set((element.get("class") or "").split()) if element is not None else set()

def is_block(element):
    return element is not None and (element.tag == "table" or bool(classes(element) & BLOCK_CLASSES))

def has_ink(box):
    if isinstance(box, BOXES.TextBox):
        return bool(box.text.strip())
    if isinstance(box, BOXES.ReplacedBox):
        return True
    style = box.style
    for side in ("top", "right", "bottom", "left"):
        if style["border_%s_width" % side] and style["border_%s_style" % side] not in ("none", "hidden"):
            return True
    color = style["background_color"]
    return color is not None and color.alpha > 0

def extent(box):
    """(left, top, right, bottom) of the box's border box (a text box: its line)."""
    if isinstance(box, BOXES.TextBox):
        return box.position_x, box.position_y, box.position_x + box.width, box.position_y + box.height
    x, y = box.border_box_x(), box.border_box_y()
    return x, y, x + box.border_width(), y + box.border_height()

def text_of(element, limit=70):
    text = " ".join("".join(element.itertext()).split()) if element is not None else ""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"

PARENT = {}

PARENTS_OF = [None]

def remember_parents(document):
    """The element tree (html5lib's, from the standard library) has no parent links."""
    if PARENTS_OF[0] is document:
        return
    PARENTS_OF[0] = document
    PARENT.clear()
    for page in document.pages:
        for child in page_box(page).children:
            if child.element is not None and child.element.tag == "html":
                for parent in child.element.iter():
                    for node in parent:
                        PARENT[node] = parent
                return

def ancestors(element):
    while element is not None:
        yield element
        element = PARENT.get(element)

def locate(element):
    """Where an element came from: a module line (data-module and data-src-line, which the
    renderer writes), else what the template wrote (its tag, class and text) for the build to
    find in the template file."""
    line, module = None, None
    for node in ancestors(element):
        if line is None and node.get("data-src-line"):
            line = int(node.get("data-src-line"))
        if node.get("data-module"):
            module = node.get("data-module")
            break
    if module is not None:
        return {"module": module, "line": line or 1}
    anchor = element
    for node in ancestors(element):
        if node.tag in ("html", "body", "main"):
            break
        if node.get("class") or node.get("id"):
            anchor = node
            break
    text = text_of(element, 60)
    if is_block(element):
        # A block's own title finds its line in the template better than all of its text.
        title = next((node for node in element.iter() if node.tag in HEADINGS or node.tag == "caption"), None)
        if title is not None:
            text = text_of(title, 60)
    return {"template": {"tag": anchor.tag if anchor is not None else "",
                         "class": (anchor.get("class") or "") if anchor is not None else "",
                         "text": text}}

BLOCK_TAGS = {"p", "li", "dt", "dd", "td", "th", "blockquote", "pre", "figure", "table", "ul", "ol", "dl", "section", "aside", "div"} | HEADINGS

def block_of(element):
    """The block an inline element is part of (a paragraph, list item, heading...)."""
    for node in ancestors(element):
        if node.tag in BLOCK_TAGS:
            return node
    return element

def describe(element):
    if element is None:
        return "content"
    names = classes(element)
    title = None
    if is_block(element):
        # A log's title is in the block around its table.
        outer = PARENT.get(element)
        if element.tag == "table" and is_block(outer):
            element, names = outer, classes(outer)
        for node in element.iter():
            if node.tag in HEADINGS or node.tag == "caption":
                title = text_of(node, 50)
                break
        kind = "log" if "log-block" in names or element.tag == "table" else ("checklist" if "checklist-block" in names else "worksheet")
        if element.tag == "table" and "log" not in names:
            kind = "table"
        return "the %s \u201c%s\u201d" % (kind, title) if title else "a %s" % kind
    if element.tag in HEADINGS:
        return "the heading \u201c%s\u201d" % text_of(element, 50)
    return "\u201c%s\u201d" % text_of(element, 50)

def inches(px):
    return "%.1f in" % (px / 96.0)

def layout_findings(document):
    global BOXES
    if not document.pages:
        return []
    BOXES = box_classes()
    remember_parents(document)
    pages = []
    fragments = {}   # block element: [(page number, height)]
    blocks = []
    overflowing = []
    count = len(document.pages)
    for number, page in enumerate(document.pages, 1):
        box = page_box(page)
        top, height = box.content_box_y(), box.height
        left, width = box.content_box_x(), box.width
        info = {"bottom": None, "first": None, "last": None}
        stack = [child for child in reversed(box.children) if not isinstance(child, BOXES.MarginBox)]
        here = set()
        while stack:
            current = stack.pop()
            style = current.style
            if style["position"] in ("absolute", "fixed") or style["visibility"] != "visible":
                continue
            element = current.element
            if is_block(element) and element not in here and not isinstance(current, BOXES.TableBox):
                here.add(element)
                if element not in fragments:
                    fragments[element] = []
                    blocks.append(element)
                fragments[element].append((number, current.border_height()))
            if has_ink(current):
                x0, y0, x1, y1 = extent(current)
                if info["bottom"] is None or y1 > info["bottom"]:
                    info["bottom"] = y1
                if info["first"] is None:
                    info["first"] = element
                info["last"] = element
                if x1 > left + width + EPSILON or x0 < left - EPSILON or y1 > top + height + EPSILON:
                    overflowing.append((number, element, x1 - (left + width), y1 - (top + height)))
            children = getattr(current, "children", None)
            if children:
                stack.extend(reversed(list(children)))
        info.update(top=top, height=height)
        pages.append(info)

    findings = []
    def add(rule, page, element, message):
        finding = {"rule": rule, "page": page, "message": message}
        finding.update(locate(element))
        findings.append(finding)

    body = max((p["height"] for p in pages), default=0)
    split = set()
    for element in blocks:
        parts = fragments[element]
        numbers = sorted({n for n, _ in parts})
        if len(numbers) < 2 or any(node in split for node in ancestors(PARENT.get(element))):
            continue
        total = sum(h for _, h in parts)
        if total > body + EPSILON:
            continue
        split.add(element)
        add("layout.split-block", numbers[0], element,
            "%s is split across pages %d-%d although it fits on one page (%s of the page's %s)"
            % (describe(element), numbers[0], numbers[-1], inches(total), inches(body)))
    for number, info in enumerate(pages, 1):
        last = info["last"]
        used = 0 if info["bottom"] is None else info["bottom"] - info["top"]
        sparse = count > 1 and used < info["height"] / 5
        if number < count and last is not None and not sparse:
            heading = next((n for n in ancestors(last) if n.tag in HEADINGS), None)
            if heading is not None and not any(n in split for n in ancestors(heading)):
                add("layout.split-block", number, heading,
                    "%s is the last thing on page %d; what it introduces starts on page %d" % (describe(heading), number, number + 1))
        if sparse:
            first = block_of(info["first"])
            around = [n for n in ancestors(first) if is_block(n)]
            if around:
                first = around[-1]  # the rest of a log or worksheet: name the whole block
            if first is None:
                what = "it is blank"
            elif first.tag in HEADINGS or is_block(first):
                what = "it starts with %s" % describe(first)
            else:
                what = "it starts with \u201c%s\u201d" % text_of(first, 60)
            add("layout.sparse-page", number, first,
                "page %d of %d is nearly empty (its content ends %s into the %s page body); %s"
                % (number, count, inches(used), inches(info["height"]), what))
    reported = set()
    for number, element, wide, tall in overflowing:
        blocks_around = [n for n in ancestors(element) if is_block(n)]
        key = blocks_around[-1] if blocks_around else next((n for n in ancestors(element) if n.get("data-src-line") or n.get("class")), element)
        if key in reported or len(reported) >= 5:
            continue
        reported.add(key)
        if wide > EPSILON:
            problem = "is %s wider than the page body" % inches(wide)
        elif tall > EPSILON:
            problem = "runs %s below the page body, into the footer or off the paper" % inches(tall)
        else:
            problem = "starts left of the page body"
        add("layout.overflow", number, key, "on page %d, %s %s" % (number, describe(key), problem))
    return findings

# ---- Accessible PDFs ----------------------------------------------------------------------------

def tagging_hook(collect):
    """Wraps WeasyPrint's PDF/UA step (weasyprint.pdf.VARIANTS, internal) to learn, for each
    marked-content id of each page, which HTML element it drew: the post-processing needs that
    to mark headers and footers as artifacts, give header cells a scope and scales a text."""
    import weasyprint.pdf as pdf_module
    variant, properties = pdf_module.VARIANTS["pdf/ua-1"]
    if getattr(variant, "curriculum_hook", False):
        return
    def hooked(pdf, metadata, document, page_streams):
        variant(pdf, metadata, document, page_streams)
        collect(document, page_streams)
    hooked.curriculum_hook = True
    pdf_module.VARIANTS["pdf/ua-1"] = (hooked, properties)

def scale_text(element):
    numbers = [text_of(n) for n in element.iter() if "scale-n" in classes(n)]
    words = " ".join(text_of(n) for n in element.iter() if n is not element and not (classes(n) & {"scale-n"})
                     and n.text and n.text.strip() and not any("scale-n" in classes(a) for a in ancestors(n)))
    if not numbers:
        return text_of(element)
    text = "%s to %s" % (numbers[0], numbers[-1]) if len(numbers) > 1 else numbers[0]
    return text + (" (%s)" % words if words else "")

def lone_image(element):
    """The image an element is or holds alone (no text beside it); None otherwise."""
    if element.tag == "img":
        return element
    children = list(element)
    if len(children) != 1 or children[0].tag != "img" or (element.text or "").strip() or (children[0].tail or "").strip():
        return None
    return children[0]

class Plan:
    """What to change in one PDF: per page, the marked-content ids to make artifacts, the ids
    of table header cells with their scope, of scales with their text and of images with their
    alt text."""
    def __init__(self):
        self.pages = []

    def collect(self, document, page_streams):
        global BOXES
        BOXES = box_classes()
        self.pages = []
        try:
            remember_parents(document)
        except Exception:
            PARENT.clear()
        for page, stream in zip(document.pages, page_streams):
            # Drawing works on copies of the boxes: the margin's content is known by its
            # elements (running headers and footers leave the flow for the margin).
            margin = set()
            try:
                stack = [child for child in page_box(page).children if isinstance(child, BOXES.MarginBox)]
            except Exception:
                stack = []  # without the laid-out boxes, only the margin boxes themselves are known
            while stack:
                box = stack.pop()
                if box.element is not None and box.element.tag not in ("html", "body"):
                    margin.add(box.element)
                stack.extend(getattr(box, "children", None) or [])
            artifacts, scopes, texts, figures = [], {}, {}, {}
            done_scales = set()
            for mcid, (key, box) in enumerate(stream.marked):
                element = box.element
                if isinstance(box, BOXES.MarginBox) or element in margin:
                    artifacts.append(mcid)
                    continue
                if element is None:
                    continue
                if key == "TH" or element.tag == "th":
                    scope = (element.get("scope") or "").lower()
                    in_head = any(a.tag == "thead" for a in ancestors(element))
                    scopes[mcid] = "Column" if scope in ("col", "colgroup") or (not scope and in_head) else "Row"
                # WeasyPrint draws an image inside its paragraph's marked content: a paragraph
                # that holds only an image becomes the figure, with the image's alt text.
                image = lone_image(element)
                if image is not None:
                    figures[mcid] = image.get("alt") or ""
                scale = next((a for a in ancestors(element) if "scale" in classes(a)), None)
                if scale is not None:
                    texts[mcid] = "" if scale in done_scales else scale_text(scale)
                    done_scales.add(scale)
            self.pages.append((artifacts, scopes, texts, figures))

import re
# A marked-content start as WeasyPrint writes it: /Tag <</MCID n>> BDC.
MARKED = re.compile(rb"/([A-Za-z0-9]+)\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")

def finish_pdf(path, plan):
    """Marks running headers, footers and page numbers as artifacts, gives header cells their
    scope and scales their text (pikepdf, Debian's python3-pikepdf); saved without timestamps
    and with an id made from the content, so the PDF stays byte-identical across builds."""
    import pikepdf
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.StructTreeRoot
        nums = root.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        emptied = []
        for number, (page, (artifacts, scopes, texts, figures)) in enumerate(zip(pdf.pages, plan.pages)):
            table = parents.get(number)
            if table is None:
                continue
            for mcid, scope in scopes.items():
                element = table[mcid]
                if isinstance(element, pikepdf.Dictionary):
                    element.Scope = pikepdf.Name("/" + scope)
            for mcid, alt in figures.items():
                element = table[mcid]
                if isinstance(element, pikepdf.Dictionary):
                    element.S = pikepdf.Name.Figure
                    element.Alt = pikepdf.String(alt)
            for mcid, text in texts.items():
                element = table[mcid]
                if isinstance(element, pikepdf.Dictionary) and text and "/ActualText" not in element:
                    element.ActualText = pikepdf.String(text)
            if not artifacts:
                continue
            wanted = set(artifacts)
            def artifact(match):
                return b"/Artifact <</Type /Pagination>> BDC" if int(match.group(2)) in wanted else match.group(0)
            contents = page.obj.Contents
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            for stream in streams:
                stream.write(MARKED.sub(artifact, stream.read_bytes()))
            for mcid in artifacts:
                element = table[mcid]
                table[mcid] = None
                if isinstance(element, pikepdf.Dictionary):
                    kids = element.get("/K")
                    if isinstance(kids, pikepdf.Array):
                        element.K = pikepdf.Array([k for k in kids if not (isinstance(k, int) and int(k) == mcid)])
                    else:
                        element.K = pikepdf.Array()
                    emptied.append(element)
        # Structure elements left with nothing are taken out of the tree.
        while emptied:
            element = emptied.pop()
            if len(element.get("/K", pikepdf.Array())) or "/P" not in element:
                continue
            parent = element.P
            kids = parent.get("/K")
            if isinstance(kids, pikepdf.Array):
                parent.K = pikepdf.Array([k for k in kids if not (isinstance(k, pikepdf.Dictionary) and k.objgen == element.objgen)])
                emptied.append(parent)
        pdf.save(path, static_id=True, compress_streams=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)


# ---- The jobs -------------------------------------------------------------------------------

# WeasyPrint's notice that its PDF/UA output is experimental: not a warning about a document.
NOTICES = ("PDF/UA support is experimental",)

def self_test():
    """Proves the WeasyPrint internals this script uses are there (`-c SCRIPT --self-test`)."""
    import tempfile
    problems = []
    document = HTML(string="<html lang='en'><title>t</title><p>x</p><table><tr><th>a</th></tr></table></html>").render()
    try:
        layout_findings(document)
    except Exception as error:
        problems.append("layout check: %s: %s" % (type(error).__name__, error))
    plan = Plan()
    try:
        tagging_hook(plan.collect)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "t.pdf")
            document.write_pdf(path, variant="pdf/ua-1")
            if not plan.pages:
                problems.append("tagging: the PDF/UA step did not report its marked content")
            finish_pdf(path, plan)
    except Exception as error:
        problems.append("tagging: %s: %s" % (type(error).__name__, error))
    print(json.dumps({"problems": problems}), flush=True)

if sys.argv[-1] == "--self-test":
    self_test()
    sys.exit(0)

root = os.path.realpath(sys.argv[1])
messages = []
class Collect(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())
for name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(name).addHandler(Collect())
# Documents are read under a fixed base URL, so the PDFs do not depend on where the build
# folder is (links in a PDF would otherwise carry its absolute path).
BASE = "file:///curriculum-build/"
def fetcher(url, timeout=10, ssl_context=None):
    if url.startswith(BASE):
        url = "file://" + urllib.parse.quote(root + "/" + urllib.parse.unquote(url[len(BASE):].split("#")[0]))
    if not url.startswith("file://"):
        raise ValueError("blocked a fetch outside the build: " + url)
    path = os.path.realpath(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    if path != root and not path.startswith(root + os.sep):
        raise ValueError("blocked a file outside the build: " + path)
    return default_url_fetcher(url, timeout, ssl_context)
plan = Plan()
tagging_hook(plan.collect)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    del messages[:]
    try:
        relative = os.path.relpath(os.path.realpath(job["html"]), root)
        with open(job["html"], encoding="utf-8") as source:
            html = HTML(string=source.read(), base_url=BASE + urllib.parse.quote(relative), url_fetcher=fetcher)
        document = html.render()
        try:
            layout = layout_findings(document)
        except Exception as error:
            layout = []
            messages.append("the layout check could not run (%s: %s)" % (type(error).__name__, error))
        plan.pages = []
        document.write_pdf(job["temporary"], variant="pdf/ua-1")
        if plan.pages:
            finish_pdf(job["temporary"], plan)
        warnings = [m for m in messages if not m.startswith(NOTICES)]
        print(json.dumps({"done": job["pdf"], "warnings": warnings, "layout": layout}), flush=True)
    except Exception as error:
        print(json.dumps({"failed": job["pdf"], "message": "%s: %s" % (type(error).__name__, error)}), flush=True)
"""#
}
