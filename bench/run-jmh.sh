#!/usr/bin/env bash
# Runs the JMH benchmarks of verification and issuance in one JMH run, then the cache miss and verification at scale
# (a thousand and a million credentials), each timed against its baseline in alternating blocks of one process, and
# the cache's heap footprint, and prints every budget of issue 6 as a ratio against its baseline measured in that
# same run (issue 6, item 3).
#
#   bench/run-jmh.sh                          # everything, 12 to 15 minutes on 2 cores
#   bench/run-jmh.sh -p store=h2              # without PostgreSQL
#   bench/run-jmh.sh CachedVerifyBenchmark    # one class; any JMH option works
#   bench/run-jmh.sh VerifyAtScale -p stored=1000,20000   # only the scale measurement, with other table sizes
#
# Forks and iterations are each benchmark's own unless the arguments give them: the cached verify and its hash run in
# 3 forks of 3 warmup and 3 measurement iterations of 2 s, and its budget compares their medians over the forks; the
# other benchmarks run in 1 fork of 3 warmup and 5 measurement iterations of 2 s. PostgreSQL benchmarks use
# GATEHOUSE_TEST_PG_URL, else the local server at 127.0.0.1:5432 (user postgres, database test), in a schema of
# their own that they drop. The JMH results are written as JSON to benchmarks/target/jmh-result.json. Exits 1 when a
# budget is missed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$root"/*/src -type f -newer "$jar" -print -quit 2>/dev/null)" ]] && return 0
  [[ -n "$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit)" ]] && return 0
  return 1
}

if stale; then
  echo "run-jmh: building $jar ..." >&2
  (cd "$root" && mvn -q -B -Dmaven.test.skip=true -pl benchmarks -am package) >&2
fi

if pgrep -f plexus-classworlds >/dev/null; then
  echo "run-jmh: WARNING: a Maven build is running; it competes for the CPU and distorts the figures" >&2
fi

given() {
  local flag="$1"
  shift
  for argument in "$@"; do
    [[ "$argument" == "$flag" ]] && return 0
  done
  return 1
}

options=()
for default in "-rf json" "-rff $root/benchmarks/target/jmh-result.json"; do
  read -r flag value <<<"$default"
  given "$flag" "$@" || options+=("$flag" "$value")
done

echo "Gatehouse benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
exec java -cp "$jar" dev.gatehouse.benchmarks.Budgets "${options[@]}" "$@"
