# accgraph. The two commands a new machine needs:
#   make run    build, start the embedded Neo4j, migrate, seed an empty graph, serve on :8080
#   make test   the fast tier (static checks, the tests that need no Neo4j), then every test
#               against Neo4j servers of its own (started and stopped here)

GO       ?= go
BIN      := bin/accgraph
# the embedded Neo4j's jars are built once into this git-ignored folder
export ACCGRAPH_CACHE ?= $(CURDIR)/.cache
# a private Neo4j for the command after it, stopped when the command ends
NEO4J_EXEC := NEO4J_PASSWORD=accgraph-test $(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m --
# npm ci writes this file last: the explorer's packages are installed and current
WEB_DEPS := web/node_modules/.package-lock.json

FTM_VERSION := 4.11.2

.PHONY: ftm-tools run test test-unit test-data-1 test-data-2 test-browser-fuzz bench bench-go bench-peer build tools \
	node-tools browser-tools check compose-config generate web web-test reliability fuzz soak audit-tools

run: tools build
	$(BIN) serve

# The fast tier: static checks, every Go test that needs no Neo4j (go test -short skips the
# others, saying "needs Neo4j: make test runs it"), the explorer's type checks and unit tests.
# Needs no Java; under a minute once the web packages are installed.
test-unit: check ftm-tools $(WEB_DEPS)
	$(GO) test -short -count=1 ./...
	cd web && npm run test:unit

# The fast tier first, then three parts, each against a Neo4j of its own: two
# groups of Go packages, and the browser tests followed by each fuzz target on 3000 inputs.
# Each part's output is printed whole when it ends; a failed part fails make test, and
# make names it ("*** [Makefile:N: test-data-2] Error 1"). They run in turn by default;
# TEST_JOBS=3 runs them at once, faster on a quiet machine, but the outage test's 10 s
# recovery bound and the browser tests' waits are sensitive to the load that makes.
TEST_JOBS ?= 1
test: test-unit tools audit-tools browser-tools build
	@# the first start resolves Neo4j's jars: once, before three servers start at once
	@ls $(ACCGRAPH_CACHE)/neo4j-*/complete >/dev/null 2>&1 || $(NEO4J_EXEC) true
	@$(MAKE) --no-print-directory -k -j$(TEST_JOBS) --output-sync=target test-data-1 test-data-2 test-browser-fuzz || \
		{ echo "make test: FAILED: the part(s) named by the '***' line(s) above"; exit 1; }

# The Go packages of the first database; every other package runs on the second, so a new
# package is tested without being listed here. The groups are balanced by the packages'
# times on a quiet machine: reliability ~160 s, cmd/accgraph ~43 s | server ~130 s,
# seed ~40 s, neo4j ~26 s, bench/sidebyside ~13 s, graph ~6 s, the rest ~1 s. Within a
# group the packages share its database, so they run one after another (-p 1).
TEST_GROUP_1 := reliability cmd/accgraph
TEST_GROUP_2 = $(filter-out $(addprefix $(shell $(GO) list -m)/,$(TEST_GROUP_1)),$(shell $(GO) list ./...))
test-data-1:
	$(NEO4J_EXEC) $(GO) test -p 1 -count=1 $(addprefix ./,$(TEST_GROUP_1))
test-data-2:
	$(NEO4J_EXEC) $(GO) test -p 1 -count=1 $(TEST_GROUP_2)
# make test counts fuzz inputs rather than seconds: a time limit that ends while the fuzzer
# is still replaying its cached corpus (slow for the Neo4j-backed target) fails the run
test-browser-fuzz: FUZZTIME = 3000x
test-browser-fuzz:
	cd web && npm run test:browser
	$(FUZZ)

# The fault and load tests alone (hostile corpus, Neo4j killed under load, import killed
# and resumed, graphql-http audit, a 20 s soak), then each fuzz target for FUZZTIME.
reliability: tools audit-tools build
	$(NEO4J_EXEC) $(GO) test -count=1 -v ./reliability/
	$(MAKE) --no-print-directory fuzz

# Each fuzz target for FUZZTIME against one Neo4j (the where-filter target plans its Cypher
# there); new crashers land in the package's testdata/fuzz/ and become seeds.
# A longer run: make fuzz FUZZTIME=10m
FUZZTIME ?= 30s
FUZZ_TARGETS := graph:FuzzParseDate graph:FuzzWhereFilter seed:FuzzSeedYAML seed:FuzzFtMLine server:FuzzSavedQueryVariables server:FuzzMatchQuery
FUZZ = $(NEO4J_EXEC) sh -c '\
	for t in $(FUZZ_TARGETS); do \
		$(GO) test -count=1 -run "^$$" -fuzz "^$${t\#*:}$$" -fuzztime $(FUZZTIME) ./$${t%%:*}/ || exit 1; \
	done'
fuzz: tools build
	$(FUZZ)

# Ten minutes of mixed load at concurrency 32 on loopback (ACCGRAPH_SOAK sets the time).
soak: tools audit-tools build
	ACCGRAPH_SOAK=$${ACCGRAPH_SOAK:-10m} ACCGRAPH_SOAK_CONCURRENCY=$${ACCGRAPH_SOAK_CONCURRENCY:-32} $(NEO4J_EXEC) \
		$(GO) test -count=1 -timeout 30m -v -run '^TestSoak$$' ./reliability/

# Node and npm run the graphql-http audit suite and build and test the explorer; installed
# from Debian's packages when absent.
node-tools:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "installing Node.js and npm"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

# the graphql-http audit suite (reliability/audit, locked by its package-lock.json)
audit-tools: node-tools
	@cd reliability/audit && npm ci --no-audit --no-fund --silent

# the side-by-side benchmark: accgraph vs @neo4j/graphql vs raw Cypher (over HTTP and in-process) over one generated
# graph in a fresh Neo4j; writes bench/results/<date>-$(SIZE).md and .json (not part of `make test`)
SIZE ?= 10k
bench: tools build bench-peer
	$(BIN) neo4j exec --neo4j-heap 2g --neo4j-pagecache 1g -- \
		$(GO) run ./bench/cmd/sidebyside --people $(SIZE) $(BENCH_FLAGS)

# the peer needs Node 20 or later (Debian's nodejs when absent) and its locked packages
bench-peer:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "installing Node.js and npm for the @neo4j/graphql peer"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || \
		{ echo "bench/peer needs Node 20 or later (@apollo/server 5, @neo4j/graphql 7); this is $$(node --version)"; exit 1; }
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error

# Go benchmarks of the API layer against a real, seeded Neo4j (not part of `make test`)
bench-go: tools build
	$(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m -- \
		$(GO) test -p 1 -run '^$$' -bench . -benchmem ./...

build:
	$(GO) build -o $(BIN) ./cmd/accgraph

# Java 17 and Maven run the embedded Neo4j; install them from Debian's packages when absent.
tools:
	@command -v java >/dev/null && command -v mvn >/dev/null || { \
		echo "installing Java 17 and Maven for the embedded Neo4j"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null; }

# The FtM tests read the model from the reference implementation, followthemoney from
# PyPI (seed/ftmtool/ftm.py): installed for the user when absent (python3 and pip
# from Debian's packages when those are absent too).
ftm-tools:
	@python3 -c 'import followthemoney' 2>/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 || { \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3 python3-pip >/dev/null; }; \
		echo "installing followthemoney $(FTM_VERSION) for the FtM tests"; \
		pipinstall() { python3 -m pip install --user --quiet --break-system-packages followthemoney==$(FTM_VERSION) 2>/dev/null || \
			python3 -m pip install --user --quiet followthemoney==$(FTM_VERSION); }; \
		pipinstall || { echo "followthemoney's PyICU builds against ICU: installing its headers"; \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config g++ python3-dev >/dev/null && pipinstall; }; }

check: compose-config
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.cache/*')); \
		[ -z "$$unformatted" ] || { echo "not gofmt-ed: $$unformatted"; exit 1; }
	$(GO) vet ./...
	@# the GraphQL executor in the tree must be what the schema in the tree generates
	@before=$$(cat schema/*.go server/*.resolvers.go | sha256sum); $(GO) generate ./schema; \
		[ "$$before" = "$$(cat schema/*.go server/*.resolvers.go | sha256sum)" ] || \
		{ echo "schema/*.go or server/*.resolvers.go were stale: 'make generate' updated them; commit them"; exit 1; }

# docker-compose.yml must stay valid; checked with whichever compose client the machine has
# (the Docker CLI without its compose plugin gets Debian's docker-compose).
compose-config:
	@if docker compose version >/dev/null 2>&1; then docker compose config -q; \
	elif command -v docker-compose >/dev/null; then docker-compose config -q; \
	elif command -v docker >/dev/null && command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq docker-compose >/dev/null && docker-compose config -q; \
	else echo "compose-config: no Docker client on this machine; docker-compose.yml not checked"; fi

# regenerate the GraphQL executor and the explorer's schema types (web/src/schema.ts)
# after changing schema/*.graphqls; make test-unit fails while either is stale
generate: $(WEB_DEPS)
	$(GO) generate ./schema
	cd web && npm run codegen

# The explorer's locked packages, installed again only when package.json or the lock changes.
$(WEB_DEPS): web/package.json web/package-lock.json | node-tools
	cd web && npm ci --no-audit --no-fund

# Rebuild the explorer and GraphiQL bundles in server/webui/dist (committed: `go build`
# alone embeds them); a test fails while the committed bundle is stale.
web: $(WEB_DEPS)
	cd web && npm run build

# Debian's Chromium for the browser tests, installed when missing.
browser-tools: node-tools
	@command -v chromium >/dev/null || { echo "installing chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The explorer's tests: type checks, the bundle is current, the URL state, and the pages in
# Chromium against bin/accgraph over a seeded Neo4j of its own (npm run test:unit is the part
# without the browser, npm run test:browser the rest).
web-test: build browser-tools $(WEB_DEPS)
	cd web && npm test
