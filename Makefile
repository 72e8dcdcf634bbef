# The curriculum compiler.
#   make        check the sample curriculum, build its handouts and guides into build/ and
#               print this week of its calendar
#   make test   run every test
# Both install what they need first (`make deps`).

SWIFT      ?= swift
CURRICULUM ?= curriculum
OUT        ?= build
BIN        := .build/debug/curriculum
# A target that imports one it does not depend on (a lower stage reaching a higher one) fails
# the build instead of compiling by accident: docs/architecture.md.
SWIFTPM_FLAGS := --explicit-target-dependency-import-check error
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build check handouts test fuzz bench bench-deps clean

all: handouts

# System packages, installed only when missing: libcmark (the Markdown parser), WeasyPrint
# and fonts (PDFs), pikepdf (marks running headers and footers of the tagged PDFs as artifacts,
# in WeasyPrint's Python), poppler-utils (the tests read PDF text), Python's jsonschema (the tests
# validate SARIF output and the generated front matter schema with it) and PyYAML (the tests
# read front matter with it, independently of our own YAML reader); check-jsonschema (`make test`
# validates .github/workflows against GitHub's workflow schema with it, from PyPI); chromium and
# python3-websocket (the test of `curriculum serve` opens a handout in the headless browser and
# drives it over the DevTools protocol).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	command -v weasyprint >/dev/null 2>&1 || missing="$$missing weasyprint"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	/usr/bin/python3 -c "import pikepdf" 2>/dev/null || missing="$$missing python3-pikepdf"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	/usr/bin/python3 -c "import websocket" 2>/dev/null || missing="$$missing python3-websocket"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml
	@python3 -c "import check_jsonschema" 2>/dev/null || python3 -m pip install --quiet check-jsonschema

build: deps
	$(SWIFT) build $(SWIFTPM_FLAGS)

check: build
	$(BIN) check $(CURRICULUM)

handouts: build
	$(BIN) build $(CURRICULUM) --out $(OUT)
	$(BIN) calendar $(CURRICULUM) --weeks 1

# The workflows, and the example workflow in docs/ci.md, are checked against GitHub's schema.
test: deps
	@mkdir -p .build && awk '/^```yaml$$/{f=1;n++;next} /^```$$/{f=0} f&&n==1' docs/ci.md > .build/ci-example.yml
	python3 -m check_jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml .build/ci-example.yml
	$(SWIFT) build $(SWIFTPM_FLAGS)
	$(SWIFT) test $(SWIFTPM_FLAGS)

# The libFuzzer targets in Fuzz/ (a package of their own, not part of `make test`), built
# under AddressSanitizer in .build-fuzz and run FUZZ_SECONDS each: `FUZZ_SECONDS=600 make fuzz`.
# Exits 1 when a fuzzer finds a crash, hang or broken invariant; see docs/security.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run-fuzzers.sh

# The benchmark (docs/benchmarks.md): a release build in .build-release, then bench/run.py on a
# synthetic curriculum of BENCH_MODULES modules against cmark and pandoc, and the PDF stage
# against WeasyPrint alone; then bench/print_measures.py: issue 14's print measures (sparse
# pages, split worksheets and logs, tagged PDFs) over a whole build of the sample curriculum. `make bench BENCH_ARGS="--runs 9 --pandoc-files 200"` passes options on.
BENCH_MODULES ?= 2000
BENCH_ARGS    ?=
bench: deps bench-deps
	$(SWIFT) build -c release --scratch-path .build-release --product curriculum
	python3 bench/run.py --bin .build-release/release/curriculum --modules $(BENCH_MODULES) $(BENCH_ARGS)
	python3 bench/print_measures.py --bin .build-release/release/curriculum --curriculum $(CURRICULUM)

# The references the benchmark measures against, installed only when missing: cmark (the C
# parser's own command) and pandoc.
bench-deps:
	@missing=""; \
	command -v cmark >/dev/null 2>&1 || missing="$$missing cmark"; \
	command -v pandoc >/dev/null 2>&1 || missing="$$missing pandoc"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build .build-release $(OUT)
