# cpd: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
CPD := .build/release/cpd
export SOURCE_DATE_EPOCH ?= 1767225600

.PHONY: deps build release demo test bench clean fuzz sanitize

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

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

clean:
	rm -rf .build out
