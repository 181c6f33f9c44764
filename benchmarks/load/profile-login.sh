#!/usr/bin/env bash
# Where a login's CPU goes: runs the sample app (Java 17, HS256, users in H2) under wrk on POST /wx/login
# with a fresh code per request and WeChat at +0 ms, records 20 s of Java Flight Recorder samples and
# prints the share of the app's samples under each step of a login. Uses the jars run.sh builds (or
# APP_JAR and FIXTURE_JAR, see run.sh). Output: benchmarks/results/${RESULTS_NAME:-profile-login}.txt.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-18080}"
java="${JAVA:-java}"
connections="${CONNECTIONS:-100}"
app_jar="${APP_JAR:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
fixture_jar="${FIXTURE_JAR:-$here/target/load-fixture.jar}"
work="$(mktemp -d)"
started=()
trap 'for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; [[ -n "${KEEP_JFR:-}" ]] && cp "$work/login.jfr" "$KEEP_JFR"; rm -rf "$work"' EXIT

java -jar "$fixture_jar" wxbe9c000000000001 bench0secret0of0the0fake0wechat0 "$work/fixture.env" \
	>"$work/fixture.log" 2>&1 &
started+=($!)
until [[ -f "$work/fixture.env" ]]; do sleep 0.2; done
fake="$(sed -n 's/^fake=//p' "$work/fixture.env")"
control="$(sed -n 's/^control=//p' "$work/fixture.env")"
"$java" -jar "$app_jar" --server.address=127.0.0.1 \
	"--server.port=$port" "--wx.login.api-base-url=$fake" --wx.login.appid=wxbe9c000000000001 \
	--wx.login.secret=bench0secret0of0the0fake0wechat0 --wx.login.rate-limit.enabled=false \
	"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
	--wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long "$@" >"$work/app.log" 2>&1 &
app=$!
started+=("$app")
until grep -Eq "Started [A-Za-z]+ in" "$work/app.log"; do sleep 0.2; done
cd "$here"
curl -sf -X POST "$control/login-codes?prefix=warm&count=40000" >"$work/warm-codes"
wrk -t 2 -c "$connections" -d 20s -s login.lua "http://127.0.0.1:$port/wx/login" -- "$work/warm-codes" 2 >/dev/null
curl -sf -X POST "$control/login-codes?prefix=profile&count=60000" >"$work/codes"
jcmd "$app" JFR.start name=login settings=profile filename="$work/login.jfr" >/dev/null
wrk -t 2 -c "$connections" -d 20s -s login.lua "http://127.0.0.1:$port/wx/login" -- "$work/codes" 2 \
	| grep -E '^(RESULT|CODES)' >"$work/wrk.txt"
jcmd "$app" JFR.stop name=login >/dev/null
{
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d ' ' -f 1-3 /proc/loadavg), $connections connections"
	cat "$work/wrk.txt"
	jfr print --stack-depth 256 --events jdk.ExecutionSample "$work/login.jfr" | python3 "$here/login_shares.py"
} | tee "$root/benchmarks/results/${RESULTS_NAME:-profile-login}.txt"
