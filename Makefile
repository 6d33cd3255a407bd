# cpd: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
CPD := .build/release/cpd
# Release binaries carry the Swift runtime and Foundation inside (no libswiftCore.so to find at run time,
# so a copied binary runs on a machine without Swift, and each process starts ~7 ms sooner).
RELEASE := -c release --static-swift-stdlib
export SOURCE_DATE_EPOCH ?= 1767225600

.PHONY: deps build release demo test bench clean fuzz sanitize

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE)

demo: release
	@mkdir -p out
	$(CPD) report Fixtures/amelia-smith-2026.csv --needs Fixtures/amelia-smith-2026-needs.csv --name "Amelia Smith" --member M00001 --body fca-ria --period 2026 -o out/amelia-smith-2026.pdf
	$(CPD) report Fixtures/amelia-smith-2026.json --body fca-ria --period 2026 -o out/amelia-smith-2026-json.pdf
	@echo "Wrote:"; ls -1 out/*.pdf | sed 's/^/  /'

test: deps
	$(SWIFT) build
	$(SWIFT) test

# Each libFuzzer target (Fuzz/) for SECONDS seconds, one after another: make fuzz SECONDS=600
SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(SECONDS)

# The test suite under AddressSanitizer and ThreadSanitizer (.build-asan, .build-tsan).
sanitize: deps
	scripts/sanitize.sh

# Issue 6's targets in one table. SCALE=quick skips the 10,000-member batch; BENCH is the folder with
# compare.py, gen_logs.py and the peers (ReportLab, Typst), installed into a git-ignored .venv.
BENCH ?= ../shared/bench
SCALE ?= full
bench: deps
	@test -x .venv/bin/python || python3 -m venv .venv
	@.venv/bin/python -m pip install --quiet reportlab typst
	$(SWIFT) build $(RELEASE) --product cpd
	$(SWIFT) build $(RELEASE) --product cpd-floor
	.venv/bin/python scripts/bench.py --cpd $(CPD) --floor .build/release/cpd-floor --python .venv/bin/python --bench $(BENCH) --scale $(SCALE)

clean:
	rm -rf .build out
