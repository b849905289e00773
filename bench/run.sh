#!/usr/bin/env bash
# Runs the importer benchmark: compiles the test sources offline, then starts BenchmarkRun,
# or StandInProbe for the standin preset.
# Usage: bench/run.sh throughput | overhead | memory | staging | custom ROWS LATENCY_MS CONCURRENCY [RATE_LIMIT] [HEAP] [OPTIONS]
#        bench/run.sh standin [CALLS LATENCY_MS CONCURRENCY]
# See bench/README.md for what each preset measures.
set -euo pipefail

cd "$(dirname "$0")/.."

usage() {
    cat <<'TEXT'
Usage: bench/run.sh PRESET
  throughput   10,000 rows, 4 calls each, latency 20 ms, concurrency 16, -Xmx256m
  overhead     10,000 mixed rows, latency 0, concurrency 8, -Xmx256m
  memory       100,000 mixed rows, latency 0, concurrency 8, -Xmx256m
  staging      1,000,000 mixed rows staged, then stopped by a rejected key, -Xmx256m
  custom ROWS LATENCY_MS CONCURRENCY [RATE_LIMIT] [HEAP] [OPTIONS]
               any other run; OPTIONS are --calls=4, --stop-after-staging, --keep,
               --thread-dumps=SECONDS (see BenchmarkRun's usage)
  standin [CALLS LATENCY_MS CONCURRENCY]
               no importer: CONCURRENCY threads of a plain JDK HTTP client send CALLS
               create-customer requests to the stand-in, against the bound
               CONCURRENCY / LATENCY (default 40000 calls, latency 20 ms, concurrency 16)
TEXT
}

if [[ $# -lt 1 ]]; then
    usage >&2
    exit 2
fi

preset=$1
shift
case "$preset" in
    throughput) arguments=(10000 20 16 256m --calls=4) ;;
    overhead) arguments=(10000 0 8 256m) ;;
    memory) arguments=(100000 0 8 256m) ;;
    staging) arguments=(1000000 0 8 256m --stop-after-staging) ;;
    custom) arguments=() ;;
    standin) arguments=() ;;
    -h | --help) usage; exit 0 ;;
    *) echo "Unknown preset '$preset'" >&2; usage >&2; exit 2 ;;
esac
# extra arguments follow the preset's, so `bench/run.sh throughput --keep` works too
arguments+=("$@")

./mvnw -q -B -o test-compile

# Maven takes several seconds to print a class path, so both are cached until pom.xml changes.
mkdir -p target/bench
test_classpath=target/bench/test-classpath.txt
runtime_classpath=target/bench/runtime-classpath.txt
if [[ ! -s $test_classpath || pom.xml -nt $test_classpath ]]; then
    ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$test_classpath"
fi
# The standin preset runs no importer, so it needs no runtime class path.
if [[ $preset != standin ]] && [[ ! -s $runtime_classpath || pom.xml -nt $runtime_classpath ]]; then
    ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$runtime_classpath"
fi

# The figures belong to the code that ran, so the output names it.
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    echo "Code: commit $commit with $(git status --porcelain -- src pom.xml | wc -l) changed or new files under src/ and pom.xml"
fi

# Other builds may rewrite target/ while a benchmark runs, so both JVMs load a private copy of the classes.
snapshot=$(mktemp -d target/bench/classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes "$snapshot/classes"
cp -r target/test-classes "$snapshot/test-classes"

if [[ $preset == standin ]]; then
    java -Xmx1g -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$test_classpath")" \
        com.mspimporter.bench.StandInProbe \
        "${arguments[@]}"
    exit
fi

# The importer runs with the production class path only, so WireMock and the test classes stay out of its memory.
java -Xmx1g -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$test_classpath")" \
    com.mspimporter.bench.BenchmarkRun \
    --importer-classpath="$snapshot/classes:$(cat "$runtime_classpath")" \
    "${arguments[@]}"
