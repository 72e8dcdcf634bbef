# The curriculum compiler. `make` checks the sample curriculum; `make test` runs every test.
# Both install what they need first (`make deps`).

SWIFT      ?= swift
CURRICULUM ?= curriculum
BIN        := .build/debug/curriculum
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build check test clean

all: check

# System packages, installed only when missing: libcmark (the Markdown parser) and Python's
# jsonschema (the tests validate SARIF output against the official schema with it).
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema

build: deps
	$(SWIFT) build

check: build
	$(BIN) check $(CURRICULUM)

test: deps
	$(SWIFT) build
	$(SWIFT) test

clean:
	rm -rf .build build
