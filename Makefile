# accgraph. The two commands a new machine needs:
#   make run    build, start the embedded Neo4j, migrate, seed an empty graph, serve on :8080
#   make test   static checks, then every test against a Neo4j of its own (started and stopped here)

GO       ?= go
BIN      := bin/accgraph
# the embedded Neo4j's jars are built once into this git-ignored folder
export ACCGRAPH_CACHE ?= $(CURDIR)/.cache

FTM_VERSION := 4.11.2

.PHONY: ftm-tools run test bench bench-go bench-peer build tools check compose-config generate web web-test reliability fuzz soak audit-tools

run: tools build
	$(BIN) serve

# -p 1: the packages share one database, so they run one after another.
# Every package, the fault and load tests of reliability/ included, then each fuzz target
# briefly.
test: tools audit-tools ftm-tools build check
	NEO4J_PASSWORD=accgraph-test $(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m -- \
		$(GO) test -p 1 -count=1 ./...
	$(MAKE) --no-print-directory web-test
	$(MAKE) --no-print-directory fuzz FUZZTIME=3000x

# The fault and load tests alone (hostile corpus, Neo4j killed under load, import killed
# and resumed, graphql-http audit, a 20 s soak), then each fuzz target for FUZZTIME.
reliability: tools audit-tools build
	NEO4J_PASSWORD=accgraph-test $(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m -- \
		$(GO) test -count=1 -v ./reliability/
	$(MAKE) --no-print-directory fuzz

# Each fuzz target for FUZZTIME against one Neo4j (the where-filter target plans its Cypher
# there); new crashers land in the package's testdata/fuzz/ and become seeds. make test
# counts inputs (3000x) rather than seconds: a time limit that ends while the fuzzer is
# still replaying its cached corpus (slow for the Neo4j-backed target) fails the run.
# A longer run: make fuzz FUZZTIME=10m
FUZZTIME ?= 30s
FUZZ_TARGETS := graph:FuzzParseDate graph:FuzzWhereFilter seed:FuzzSeedYAML seed:FuzzFtMLine server:FuzzSavedQueryVariables server:FuzzMatchQuery
fuzz: tools build
	NEO4J_PASSWORD=accgraph-test $(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m -- sh -c '\
		for t in $(FUZZ_TARGETS); do \
			$(GO) test -count=1 -run "^$$" -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) ./$${t%%:*}/ || exit 1; \
		done'

# Ten minutes of mixed load at concurrency 32 on loopback (ACCGRAPH_SOAK sets the time).
soak: tools audit-tools build
	NEO4J_PASSWORD=accgraph-test ACCGRAPH_SOAK=$${ACCGRAPH_SOAK:-10m} ACCGRAPH_SOAK_CONCURRENCY=$${ACCGRAPH_SOAK_CONCURRENCY:-32} $(BIN) neo4j exec --neo4j-heap 1g --neo4j-pagecache 256m -- \
		$(GO) test -count=1 -timeout 30m -v -run '^TestSoak$$' ./reliability/

# Node and npm run the graphql-http audit suite (reliability/audit, locked by its
# package-lock.json); installed from Debian's packages when absent.
audit-tools:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "installing Node.js and npm for the graphql-http audit"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	@cd reliability/audit && npm ci --no-audit --no-fund --silent

# the side-by-side benchmark: accgraph vs @neo4j/graphql vs raw Cypher over one generated
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

# regenerate the GraphQL executor after changing schema/*.graphqls
generate:
	$(GO) generate ./schema

# Rebuild the explorer and GraphiQL bundles in server/webui/dist (committed: `go build`
# alone embeds them); a test fails while the committed bundle is stale.
web:
	cd web && npm ci --no-audit --no-fund && npm run build

# The explorer's tests: type checks, the bundle is current, and the pages in Debian's
# Chromium (installed when missing) against bin/accgraph over a seeded Neo4j of its own.
web-test: build
	@missing=$$(command -v chromium >/dev/null || echo chromium; command -v npm >/dev/null || echo nodejs npm); \
	[ -z "$$missing" ] || { echo "installing $$missing for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; }
	cd web && npm ci --no-audit --no-fund && npm test
