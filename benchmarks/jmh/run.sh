#!/usr/bin/env bash
# Builds benchmarks.jar and runs every token benchmark on Java 17 (the default java) and on Java 25,
# a few short iterations each so that the whole run takes minutes on two cores.
# Results: benchmarks/results/jmh-java17.txt and jmh-java25.txt.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
results="$here/../results"
mkdir -p "$results"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
options=(-wi 2 -i 3 -f 1 -w 2s -r 3s)

(cd "$here/../.." && mvn -B -q -o install -DskipTests)
(cd "$here" && mvn -B -q -DskipTests clean package)

java -jar "$here/target/benchmarks.jar" "${options[@]}" -rf text -rff "$results/jmh-java17.txt"
if [[ -x "$java25" ]]; then
	"$java25" -jar "$here/target/benchmarks.jar" "${options[@]}" -rf text -rff "$results/jmh-java25.txt"
fi
cat "$results/jmh-java17.txt" "$results/jmh-java25.txt" 2>/dev/null
