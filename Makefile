# cpd: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
CPD := .build/release/cpd
export SOURCE_DATE_EPOCH ?= 1767225600

.PHONY: deps build release demo test bench clean

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

clean:
	rm -rf .build out
