#!/usr/bin/env bash
# Where the guarded request's extra time goes: runs the sample app (Java 17, HS256) under wrk on
# GET /api/hello, records 20 s of Java Flight Recorder samples, and prints the share of the Tomcat
# workers' samples spent under each of a few frames. Output: benchmarks/results/profile-guarded.txt.
# Uses what run.sh builds and installs (the jars, wrk); run that first, or give APP_JAR and FIXTURE_JAR
# (see run.sh). Output: benchmarks/results/${RESULTS_NAME:-profile-guarded}.txt.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-18080}"
app_jar="${APP_JAR:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
fixture_jar="${FIXTURE_JAR:-$here/target/load-fixture.jar}"
work="$(mktemp -d)"
started=()
trap 'for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

java -jar "$fixture_jar" wxbe9c000000000001 bench0secret0of0the0fake0wechat0 "$work/fixture.env" \
	>"$work/fixture.log" 2>&1 &
started+=($!)
until [[ -f "$work/fixture.env" ]]; do sleep 0.2; done
fake="$(sed -n 's/^fake=//p' "$work/fixture.env")"
control="$(sed -n 's/^control=//p' "$work/fixture.env")"
java -jar "$app_jar" --server.address=127.0.0.1 \
	"--server.port=$port" "--wx.login.api-base-url=$fake" --wx.login.appid=wxbe9c000000000001 \
	--wx.login.secret=bench0secret0of0the0fake0wechat0 --wx.login.rate-limit.enabled=false \
	"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
	--wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long >"$work/app.log" 2>&1 &
app=$!
started+=("$app")
until grep -q "Started SampleApplication" "$work/app.log"; do sleep 0.2; done
code="$(curl -sf -X POST "$control/login-codes?prefix=profile&count=1")"
token="$(curl -sf -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "http://127.0.0.1:$port/wx/login" \
	| sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
cd "$here"
wrk -t 2 -c 64 -d 30s -s hello.lua "http://127.0.0.1:$port/api/hello" -- "$token" >/dev/null
jcmd "$app" JFR.start name=guarded settings=profile filename="$work/guarded.jfr" >/dev/null
wrk -t 2 -c 64 -d 20s -s hello.lua "http://127.0.0.1:$port/api/hello" -- "$token" >/dev/null
jcmd "$app" JFR.stop name=guarded >/dev/null
jfr print --stack-depth 256 --events jdk.ExecutionSample "$work/guarded.jfr" | python3 "$here/stack_shares.py" \
	| tee "$root/benchmarks/results/${RESULTS_NAME:-profile-guarded}.txt"
