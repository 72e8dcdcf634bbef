# The curriculum compiler.
#   make        check the sample curriculum and build its handouts and guides into build/
#   make test   run every test
# Both install what they need first (`make deps`).

SWIFT      ?= swift
CURRICULUM ?= curriculum
OUT        ?= build
BIN        := .build/debug/curriculum
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build check handouts test clean

all: handouts

# System packages, installed only when missing: libcmark (the Markdown parser), WeasyPrint
# and fonts (PDFs), poppler-utils (the tests read PDF text), Python's jsonschema (the tests
# validate SARIF output and the generated front matter schema with it) and PyYAML (the tests
# read front matter with it, independently of our own YAML reader).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	command -v weasyprint >/dev/null 2>&1 || missing="$$missing weasyprint"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml

build: deps
	$(SWIFT) build

check: build
	$(BIN) check $(CURRICULUM)

handouts: build
	$(BIN) build $(CURRICULUM) --out $(OUT)

test: deps
	$(SWIFT) build
	$(SWIFT) test

clean:
	rm -rf .build $(OUT)
