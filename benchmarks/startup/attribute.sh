#!/usr/bin/env bash
# Where the starter's start-up goes: the sample app's jar (built beforehand, default
# wxlogin-sample-app/target) is extracted and started ROUNDS times (default 3) in each variant, alternating:
#   with       the starter, users in H2 through JDBC (as the load runs start it)
#   memory     the starter, users in memory
#   without    wx.login.enabled=false and Spring Boot's stock JwtDecoder
# Each start-up is timed step by step in CPU time of the main thread (CpuStartupSteps.java); then one more start
# of each variant logs the classes it loads. compare.py prints the medians, the steps that differ most, and the
# classes each variant adds to "without", by package. Output and the raw files in benchmarks/results/startup-steps*.
# The harness runs as a single-file source program: the JDK's compiler, which compiles it in the same JVM, adds
# the same classes and process CPU to every variant, so only the differences between variants mean anything.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="${JAVA:-java}"
jar="${1:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
rounds="${ROUNDS:-3}"
out="$root/benchmarks/results/${RESULTS_NAME:-startup-steps}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=("$work"/app/*.jar)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.pem" 2>/dev/null
openssl pkey -in "$work/rsa.pem" -pubout -out "$work/rsa-public.pem"
mkdir -p "$out"
rm -f "$out"/*.txt

# WeChat is never called at start-up: a closed port will do
common=(--server.address=127.0.0.1 --server.port=0 --wx.login.api-base-url=http://127.0.0.1:9
	--wx.login.appid=wxbe9c000000000001 --wx.login.secret=bench0secret0of0the0fake0wechat0
	--wx.login.rate-limit.enabled=false "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
	--wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long --logging.level.root=WARN)
declare -A variants=(
	[with]=""
	[memory]="--wx.login.user-store.type=memory"
	[without]="--wx.login.enabled=false --spring.security.oauth2.resourceserver.jwt.public-key-location=file:$work/rsa-public.pem"
)

start() { # start VARIANT FILE [JVM options]
	local variant="$1" file="$2"
	shift 2
	read -r -a extra <<<"${variants[$variant]}"
	echo "load $(cut -d ' ' -f 1 /proc/loadavg)" >"$file"
	"$java" "$@" -cp "${app[0]}" "$here/CpuStartupSteps.java" "${common[@]}" "${extra[@]}" 2>&1 \
		| grep -E '^(TOTAL|STEP)' >>"$file"
}

for round in $(seq "$rounds"); do
	for variant in with memory without; do
		start "$variant" "$out/steps-$variant-$round.txt"
		printf '%s %s: %s\n' "$variant" "$round" "$(sed -n 2p "$out/steps-$variant-$round.txt")"
	done
done
for variant in with memory without; do
	start "$variant" "$out/classes-run-$variant.txt" "-Xlog:class+load=info:file=$out/classes-$variant.log"
done
python3 "$here/compare.py" "$out" | tee "$out/summary.txt"
# the class lists are 2 MB each: summary.txt keeps what they say
rm -f "$out"/classes-*
