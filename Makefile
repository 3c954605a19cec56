# SAM's per-function builds (BuildMethod: makefile), and benchmarks (commands that print figures,
# run in a plain JVM on the test classpath).
MVN ?= mvn -B -q
FIXTURES ?= $(abspath ../shared/fixtures)

# $(call lambda-artifact,module): the function's deployment package in $(ARTIFACTS_DIR), laid out as
# Lambda's Java runtime loads it: classes and resources at the root, every runtime jar in lib/ (the
# sibling modules it uses included, no test jars). `sam build` runs this in a copy of the repository
# with ARTIFACTS_DIR set, so it builds with the same Maven build as everything else, from scratch.
# Each module copies its own runtime dependencies to its target/dependency, less the jars $(2) names
# (artifact ids): ones the function never loads (PackageClassLoadingTest in infra/deploy fails if
# one is loaded after all, or if another jar in a package goes unloaded).
define lambda-artifact
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	$(MVN) -pl $(1) -am clean package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
	  -DexcludeArtifactIds=$(2)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R $(1)/target/classes/. "$(ARTIFACTS_DIR)/"
	cp $(1)/target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"
endef

# The SDK's compile-time annotations, and its CRT and event-stream support (async clients only).
# The install package has no SDK service client at all (functions/install/pom.xml excludes s3: the
# function reads its bucket and its secret with SigV4-signed HTTP requests, HttpObjectStore and
# SecretsManagerSecret, signed by the project's SigV4 with Lambda's own credentials, LambdaCredentials),
# so none of a client's jars either, nor the SDK's signer, credentials chain and HTTP client: of the
# SDK, only the HTTP request types (http-client-spi, utils) and the region names (regions) remain.
SDK_UNLOADED = annotations,crt-core,eventstream,http-auth-aws-eventstream
INSTALL_UNLOADED = $(SDK_UNLOADED),endpoints-spi,http-auth,metrics-spi,retries,retries-spi,auth,identity-spi,http-auth-aws,http-auth-spi,checksums,checksums-spi,sdk-core,profiles,json-utils,third-party-jackson-core,url-connection-client,reactive-streams,slf4j-api

.PHONY: build-IngestFunction build-InstallFunction build-NotifyFunction build-EnrolFunction
build-IngestFunction: ## the ingest function's package (sam build)
	$(call lambda-artifact,functions/ingest,$(SDK_UNLOADED))

build-InstallFunction: ## the install function's package (sam build)
	$(call lambda-artifact,functions/install,$(INSTALL_UNLOADED))

build-NotifyFunction: ## the webhook sender's package (sam build)
	$(call lambda-artifact,functions/notify)

build-EnrolFunction: ## the enrol function's package (sam build): device enrolment, the one carrying BouncyCastle
	$(call lambda-artifact,functions/enrol)

# $(call run-test-main,module,main class): java on that module's test classpath, from the module's folder.
# One reactor build: the sibling modules come from their target/ folders, never from ~/.m2 (no
# `install`, which would leak this checkout's snapshots into every other build on the machine).
# The module is built last, so its classpath file is the one left. BENCH_OPTS: e.g. -Dbench.jvms=5.
define run-test-main
	$(MVN) -pl $(1) -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
	  -Dmdep.outputFile=$(abspath $(1))/target/test-classpath.txt
	cd $(1) && java -Xmx8g -Dslipway.fixtures=$(FIXTURES) $(BENCH_OPTS) \
	  -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) $(2)
endef

.PHONY: bench-read bench-ingest bench-install
bench-read: ## bytes read, read calls and time per fixture and for generated 100 MB / 1 GB IPAs
	$(call run-test-main,shared,dev.slipway.ipa.bench.ReadBenchmark)

bench-ingest: ## bytes fetched, GETs and time per ingest of generated 10 MB / 200 MB / 1 GB IPAs from S3Proxy
	$(call run-test-main,functions/ingest,dev.slipway.ingest.bench.IngestBenchmark)

# The fresh JVMs run on the install package's class path, as Lambda runs it: the module's runtime jars
# less $(INSTALL_UNLOADED), listed first (the second build finds everything built, and the test classpath
# file is written last, by run-test-main).
.PHONY: bench-install
bench-install: BENCH_OPTS += -Dbench.functionClasspath=target/function-classpath.txt
bench-install: ## warm build-page render time (median, p99), app pages of 1/10/100 builds, and fresh JVM to first page served
	$(MVN) -pl functions/install -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
	  -DexcludeArtifactIds=$(INSTALL_UNLOADED) -Dmdep.outputFile=$(abspath functions/install)/target/function-classpath.txt
	$(call run-test-main,functions/install,dev.slipway.install.bench.InstallBenchmark)
