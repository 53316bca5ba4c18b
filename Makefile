# NewsETL: `make run` processes input/ into output/, `make test` runs all tests.
# Both install the system libraries they need first (see `deps`).

SWIFT   ?= swift
CONFIG  ?= pipeline.json
INPUT   ?= input
OUTPUT  ?= output
BIN     := .build/release/newsetl
SYSTEM_PACKAGES := pkg-config libxml2-dev libcsv-dev libcld2-dev libsqlite3-dev sqlite3 libssl-dev

.PHONY: run test deps build verify bench train-ner train-clean install cron-test slurm-test report-test fuzz tsan clean
PREFIX  ?= /usr/local

run: build
	$(BIN) run --config $(CONFIG) --input $(INPUT) --output $(OUTPUT)

test: deps
	$(SWIFT) test

build: deps
	$(SWIFT) build -c release --product newsetl

# Checks the outputs of the last run (XML against the schema, JSONL, CSV, counts).
verify: build
	$(BIN) verify --output $(OUTPUT)

bench: build
	bench/run.sh
	bench/scale.sh
	bench/formats.sh
	bench/shards.sh
	bench/anchor.sh
	bench/nightly.sh

# libFuzzer on decoding and config loading, FUZZ_SECONDS per target, from
# the seed corpus in Tests/Fuzz (see Tests/Fuzz/run.sh for what to do with a crash).
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -c release --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzDecode
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzConfig
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

# The pipeline and runner tests under ThreadSanitizer (several worker counts).
TSAN_TESTS := PipelineRunnerTests|ShardMergeTests|IncrementalRunTests|RunGuardTests|PublishedDatasetTests|ExportSessionTests|SQLiteExportTests|RowSpansTests|DedupeStageTests
tsan: deps
	$(SWIFT) test --build-path .build-tsan --sanitize=thread --filter '$(TSAN_TESTS)'

# Installs the binary to $(PREFIX)/bin (default /usr/local/bin).
install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/newsetl

# Registers deploy/crontab.example's line (every minute, temporary folder)
# with a real cron daemon and waits for a scheduled run; installs cron as root.
cron-test: build
	Tests/deploy/cron_test.sh

# Starts a one-node Slurm cluster in a temporary folder (installs Debian's
# Slurm and munge as root when missing), runs deploy/slurm/nightly.sh over a
# copy of input/ on two nights and compares with single runs; stops the daemons.
slurm-test: build
	Tests/deploy/slurm_test.sh

# Renders report.html in headless Chromium (installed as root when missing),
# saves PNGs under .build/report/ and checks them against the manifests.
report-test: build
	Tests/report/render_test.sh

# Retrains the entity tagger on ../shared/ner and rewrites the model shipped
# in the binary (attribution: NOTICE-NER.md); rebuild afterwards.
train-ner: build
	$(BIN) train-ner --ner ../shared/ner --model .build/ner-model.bin \
	  --embed Sources/NewsETL/Stages/Entities/EntityModelData.swift
	$(SWIFT) build -c release --product newsetl

# The clean stage's block model: 5-fold cross-validation over the pages of
# both boilerplate dev sets (printed), then the model trained on every page.
train-clean: build
	$(BIN) train-clean --set ../shared/devsets/l3s-gn1 --set ../shared/devsets/readability \
	  --rounds 60 --thresholds 0.5,0 --leave-one-set-out \
	  --embed Sources/NewsETL/Stages/Clean/BlockModelWeights.swift
	$(SWIFT) build -c release --product newsetl

# Installs missing Debian packages when running as root with apt-get;
# otherwise names the command to run and stops.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "error: Swift 6 is not on PATH (https://www.swift.org/install/linux/)"; exit 1; }
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; \
	  else \
	    echo "error: missing system packages:$$missing"; \
	    echo "Install them with: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf .build .build-fuzz .build-tsan
