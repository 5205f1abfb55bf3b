#!/usr/bin/env bash
# Shows what dominates one benchmark's time: runs it under async-profiler (CPU samples of every thread, Java and
# kernel frames) and prints the share of samples per part of the verification path, each sample counted once, for
# the first part its stack mentions in the order below, then the hottest frames.
#
#   bench/profile.sh 'CachedVerifyBenchmark.verify' -p pepper=none
#   bench/profile.sh 'CacheMissVerifyBenchmark.verify' -p store=h2
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler), fetched with Maven into ~/.m2 once. Other
# JMH options may follow the benchmark's name; the profile is written under benchmarks/target/profiles/.
set -euo pipefail

ASYNC_PROFILER_VERSION=4.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
out="$root/benchmarks/target/profiles"
[[ $# -ge 1 ]] || { echo "usage: bench/profile.sh BENCHMARK [JMH options]" >&2; exit 2; }
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B -Dmaven.test.skip=true -pl benchmarks -am package) >&2

case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64) platform=linux-arm64 ;;
  *) echo "profile: async-profiler ships no library for $(uname -m)" >&2; exit 2 ;;
esac
profiler_jar="$HOME/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar"
if [[ ! -f "$profiler_jar" ]]; then
  mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" >&2
fi
library_dir="$root/benchmarks/target/async-profiler"
mkdir -p "$library_dir"
unzip -o -q "$profiler_jar" "$platform/libasyncProfiler.so" -d "$library_dir"

rm -rf "$out"
java -jar "$jar" "$@" -f 1 -wi 3 -w 2s -i 1 -r 10s \
  -prof "async:libPath=$library_dir/$platform/libasyncProfiler.so;output=collapsed;event=cpu;dir=$out"
for stacks in "$out"/*/collapsed-cpu.csv; do
  echo
  echo "== $(basename "$(dirname "$stacks")")"
  awk '
    BEGIN {
      n = split("Caffeine upkeep: write buffer, eviction, hand-off if any (ForkJoinPool, unpark)|" \
                "scheduleDrainBuffers ForkJoinPool LockSupport.unpark ForkJoinWorkerThread PerformCleanupTask;" \
                "last_used_at batch written when the trial ends (not measured)|LastUsedRecorder.flush;" \
                "hex formatting of the hash|HexFormat;" \
                "SHA-256 or HMAC-SHA256 of the token|DigestBase MessageDigest sha256 HmacCore;" \
                "token shape and checksum|core/internal/TokenFormat;" \
                "clock (Instant.now)|java/time/Clock vdso javaTimeSystemUTC;" \
                "last_used_at record|LastUsedRecorder.record;" \
                "H2 engine|org/h2;" \
                "PostgreSQL driver and socket|org/postgresql;" \
                "HikariCP|com/zaxxer;" \
                "JDBC adapter and Jdbi (handle, statement, row mapping)|org/jdbi dev/gatehouse/adapters/jdbc;" \
                "Caffeine lookup (key hash, probe, read buffer)|caffeine", parts, ";")
    }
    {
      count = $NF; total += count; part = "anything else (JMH, GC, JIT, idle kernel)"
      for (i = 1; i <= n; i++) {
        split(parts[i], named, "|"); m = split(named[2], patterns, " ")
        for (j = 1; j <= m; j++) if (index($0, patterns[j])) { part = named[1]; break }
        if (part != "anything else (JMH, GC, JIT, idle kernel)") break
      }
      share[part] += count
    }
    END { for (p in share) printf "%6.1f%%  %s\n", 100 * share[p] / total, p }' "$stacks" | sort -rn
  echo "-- hottest frames"
  awk '{ count = $NF; total += count; k = split($1, frames, ";"); leaf[frames[k]] += count }
       END { for (f in leaf) printf "%6.1f%%  %s\n", 100 * leaf[f] / total, f }' "$stacks" | sort -rn | head -n 15
done
