# FLIS — two commands matter: `make demo` and `make check`. See README.md.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
PORT ?= 8080
DEMO_DB ?= var/demo.sqlite

# Builds share a compiler cache (ccache, scripts/install-deps.sh) when the machine has one: paths are
# taken relative to this checkout, so a fresh clone (CI) reuses what an earlier build compiled.
CCACHE := $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
LAUNCHER := -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif

.PHONY: deps build build-asan demo check lint unit unit-asan http browser coverage fuzz fuzz-check bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset dev $(LAUNCHER) >/dev/null
	@cmake --build --preset dev -j $(JOBS)

build-asan: deps
	@cmake --preset asan $(LAUNCHER) >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target flis_core_tests flis_law_tests flis_store_tests flis_docs_tests

demo: build
	@bash scripts/demo.sh $(PORT) $(DEMO_DB)

lint:
	@bash scripts/lint.sh

# The store suite runs each test on SQLite and on the PostgreSQL server with-pg.sh starts and stops.
unit: build
	@bash scripts/with-pg.sh ctest --preset dev -L unit -j $(JOBS)

unit-asan: build-asan
	@bash scripts/with-pg.sh ctest --preset asan -j $(JOBS)

http: build
	@bash scripts/test-http.sh

browser: build
	@bash scripts/test-browser.sh

coverage:
	@bash scripts/req-coverage.sh

# libFuzzer targets (tests/fuzz/README.md): `make check` runs each briefly, `make fuzz` for longer.
FUZZ_SECONDS ?= 300
fuzz: deps
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-check: deps
	@bash scripts/fuzz.sh 15

check: build lint unit unit-asan fuzz-check http browser coverage
	@echo "make check: all suites passed"

bench: build
	@bash bench/run.sh

clean:
	rm -rf build build-asan build-fuzz
