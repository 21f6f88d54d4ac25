# Lectern: the two commands a new machine needs are `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh).

CARGO ?= cargo
SAMPLE_LIBRARY ?= $(CURDIR)/target/sample-library
SHARED ?= $(abspath $(CURDIR)/../shared)

.PHONY: setup build run test test-rust lint bench bench-library bench-extraction bench-timex clean-samples

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build --release -p lectern-cli

## run: build Lectern and open it on a library of the sample articles.
run: build
	./target/release/lectern --library "$(SAMPLE_LIBRARY)" samples
	./target/release/lectern --library "$(SAMPLE_LIBRARY)" list

## test: every test: formatting and lints, core and CLI tests.
test: setup lint test-rust

test-rust:
	$(CARGO) test --workspace --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## bench: every benchmark, Lectern side by side with its peers (see README, Performance).
bench: setup bench-library bench-extraction bench-timex

bench-library:
	$(CARGO) bench -p lectern-core --bench library

bench-extraction:
	LECTERN_SHARED="$(SHARED)" bench/extraction.sh

bench-timex:
	LECTERN_SHARED="$(SHARED)" bench/timex.sh

clean-samples:
	rm -rf "$(SAMPLE_LIBRARY)"
