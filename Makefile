# Benchmarks (commands that print figures). SAM's per-function build targets join this file with
# the deploy issue.
MVN ?= mvn -B -q

.PHONY: bench-read
bench-read: ## bytes read, read calls and time per fixture and for generated 100 MB / 1 GB IPAs
	$(MVN) -pl shared -am install -DskipTests
	$(MVN) -pl shared exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.slipway.ipa.bench.ReadBenchmark

.PHONY: bench-ingest
bench-ingest: ## bytes fetched, GETs and time per ingest of generated 10 MB / 200 MB / 1 GB IPAs from S3Proxy
	$(MVN) -pl functions/ingest -am install -DskipTests
	$(MVN) -pl functions/ingest exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.slipway.ingest.bench.IngestBenchmark
