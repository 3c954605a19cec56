# Benchmarks (commands that print figures), run in a plain JVM on the test classpath. SAM's
# per-function build targets join this file with the deploy issue.
MVN ?= mvn -B -q
FIXTURES ?= $(abspath ../shared/fixtures)

# $(call run-test-main,module,main class): java on that module's test classpath, from the module's folder.
define run-test-main
	$(MVN) -pl $(1) -am install -DskipTests
	$(MVN) -pl $(1) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
	cd $(1) && java -Xmx8g -Dslipway.fixtures=$(FIXTURES) \
	  -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) $(2)
endef

.PHONY: bench-read bench-ingest bench-install
bench-read: ## bytes read, read calls and time per fixture and for generated 100 MB / 1 GB IPAs
	$(call run-test-main,shared,dev.slipway.ipa.bench.ReadBenchmark)

bench-ingest: ## bytes fetched, GETs and time per ingest of generated 10 MB / 200 MB / 1 GB IPAs from S3Proxy
	$(call run-test-main,functions/ingest,dev.slipway.ingest.bench.IngestBenchmark)

.PHONY: bench-install
bench-install: ## warm build-page render time (median, p99) and fresh JVM to first page served
	$(call run-test-main,functions/install,dev.slipway.install.bench.InstallBenchmark)
