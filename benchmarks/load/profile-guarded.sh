#!/usr/bin/env bash
# Where the guarded request's extra time goes: runs the sample app (Java 17, HS256) under wrk on
# GET /api/hello, records 20 s of Java Flight Recorder samples, and prints the share of the Tomcat
# workers' samples spent under each of a few frames.
# Uses what run.sh builds (the jars, wrk); run that first, or give APP_JAR and FIXTURE_JAR (see run.sh).
# Output: benchmarks/results/${RESULTS_NAME:-profile-guarded}.txt.
set -euo pipefail

source "$(dirname "$0")/profiled-app.sh"
code="$(curl -sf -X POST "$control/login-codes?prefix=profile&count=1")"
token="$(curl -sf -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$url/wx/login" \
	| sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
wrk -t 2 -c 64 -d 30s -s hello.lua "$url/api/hello" -- "$token" >/dev/null
jcmd "$app" JFR.start name=guarded settings=profile filename="$work/guarded.jfr" >/dev/null
wrk -t 2 -c 64 -d 20s -s hello.lua "$url/api/hello" -- "$token" >/dev/null
jcmd "$app" JFR.stop name=guarded >/dev/null
jfr print --stack-depth 256 --events jdk.ExecutionSample "$work/guarded.jfr" | python3 "$here/stack_shares.py" \
	| tee "$root/benchmarks/results/${RESULTS_NAME:-profile-guarded}.txt"
