# Lectern: the two commands a new machine needs are `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh).

CARGO ?= cargo
SAMPLE_LIBRARY ?= $(CURDIR)/target/sample-library
SHARED ?= $(abspath $(CURDIR)/../shared)

.PHONY: setup build run test test-rust test-ui test-e2e lint bench bench-library bench-anchoring bench-extraction bench-timex bench-desktop bench-scale fuzz fuzz-corpus clean-samples

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build --locked -p lectern-cli -p lectern-desktop

## run: build Lectern and open the desktop app on a library of the sample articles.
run: build
	./target/debug/lectern --library "$(SAMPLE_LIBRARY)" samples
	./target/debug/lectern-desktop --library "$(SAMPLE_LIBRARY)"

## test: every test: formatting and lints, the UI's logic, then every Rust test in one cargo
## run: the core's, the CLI's and the end-to-end flows in the real window under Xvfb (they
## drive the desktop app built just before). One selection, the whole workspace, for both
## cargo commands: a subset would resolve other features and compile dependencies twice.
test: setup lint test-ui test-rust

test-rust:
	$(CARGO) build --workspace --bins --locked
	$(CARGO) test --workspace --locked

test-ui:
	node --test ui/tests/

## test-e2e: only the end-to-end flows (`scripts/e2e.sh NAME` runs the flows matching NAME).
test-e2e:
	scripts/e2e.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## bench: every benchmark, Lectern side by side with its peers (see README, Performance).
bench: setup bench-library bench-anchoring bench-extraction bench-timex bench-desktop

bench-library:
	$(CARGO) bench -p lectern-core --bench library

## bench-anchoring: re-anchoring 1,000 highlights on a 50,000-character article (≤ 100 ms).
bench-anchoring:
	$(CARGO) bench -p lectern-core --bench anchoring

bench-extraction:
	LECTERN_SHARED="$(SHARED)" bench/extraction.sh

bench-timex:
	LECTERN_SHARED="$(SHARED)" bench/timex.sh

## bench-desktop: the real app under Xvfb: cold start with 1,000 articles, opening a 20,000-word
## article, memory after 20 articles (beside WebKitGTK's MiniBrowser on a blank page, the
## engine's floor), 1,000 highlights (tests/benches/desktop.rs).
bench-desktop:
	$(CARGO) build --release -p lectern-desktop
	$(CARGO) bench -p lectern-e2e --bench desktop

## bench-scale: a library of 100,000 generated articles: search p95 and one page of the list.
bench-scale:
	$(CARGO) bench -p lectern-core --bench scale

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= extract_html plaintext dates markdown_notes bundle_import

## fuzz: each fuzz target for FUZZ_SECONDS (not in CI), growing fuzz/work/ (not committed)
## from the seeds in fuzz/corpus/ and the shared fixtures (FUZZ_SEEDS: TARGET:FILE seeds TARGET
## with FILE of every case folder of tests/fixtures/articles/, as `FIXTURE_SEEDS` in
## fuzz/src/lib.rs; they are copied to fuzz/work/seeds/, never committed twice). Needs
## `cargo install cargo-fuzz`; RUSTC_BOOTSTRAP lets the stable toolchain take libFuzzer's
## nightly flags. Crashes land in fuzz/artifacts/<target>/; copy each into
## fuzz/regressions/<target>/ once fixed.
FUZZ_SEEDS ?= extract_html:source.html plaintext:source.txt dates:source.txt markdown_notes:source.md
FUZZ_FIXTURES = $(CURDIR)/tests/fixtures/articles
fuzz:
	cd fuzz && for target in $(FUZZ_TARGETS); do \
		rm -rf work/seeds/$$target && mkdir -p work/$$target work/seeds/$$target || exit 1; \
		for seed in $(FUZZ_SEEDS); do \
			[ "$${seed%%:*}" = "$$target" ] || continue; \
			for file in $(FUZZ_FIXTURES)/*/$${seed#*:}; do \
				cp "$$file" "work/seeds/$$target/$$(basename "$$(dirname "$$file")")-$${seed#*:}" || exit 1; \
			done; \
		done; \
		corpus=; [ -d corpus/$$target ] && corpus=corpus/$$target; \
		RUSTC_BOOTSTRAP=1 cargo fuzz run $$target work/$$target $$corpus work/seeds/$$target -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=262144 -rss_limit_mb=2048 || exit 1; \
	done

## fuzz-corpus: every fuzz target over its seed corpus and regressions, on stable, no libFuzzer.
fuzz-corpus:
	cd fuzz && $(CARGO) test

clean-samples:
	rm -rf "$(SAMPLE_LIBRARY)"

.PHONY: package package-check

## package: the .deb and .rpm installers in dist/, built offline (see PACKAGING.md).
package: setup
	scripts/package.sh

## package-check: build the .deb from this checkout, check its files and fields, install it
## with apt, run both programs (the app under Xvfb, with a screenshot), remove it. Needs root.
package-check: setup
	scripts/package-check.sh
