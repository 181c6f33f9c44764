#!/usr/bin/env bash
# Where a login's CPU goes: runs the sample app (Java 17, HS256, users in H2) under wrk on POST /wx/login
# with a fresh code per request and WeChat at +0 ms, records 20 s of Java Flight Recorder samples and
# prints the share of the app's samples under each step of a login. Arguments: more of the app's (e.g.
# --wx.login.user-store.type=memory). Uses the jars run.sh builds (or APP_JAR and FIXTURE_JAR, see run.sh).
# Output: benchmarks/results/${RESULTS_NAME:-profile-login}.txt.
set -euo pipefail

connections="${CONNECTIONS:-100}"
source "$(dirname "$0")/profiled-app.sh"
curl -sf -X POST "$control/login-codes?prefix=warm&count=40000" >"$work/warm-codes"
wrk -t 2 -c "$connections" -d 20s -s login.lua "$url/wx/login" -- "$work/warm-codes" 2 >/dev/null
curl -sf -X POST "$control/login-codes?prefix=profile&count=60000" >"$work/codes"
jcmd "$app" JFR.start name=login settings=profile filename="$work/login.jfr" >/dev/null
wrk -t 2 -c "$connections" -d 20s -s login.lua "$url/wx/login" -- "$work/codes" 2 \
	| grep -E '^(RESULT|CODES)' >"$work/wrk.txt"
jcmd "$app" JFR.stop name=login >/dev/null
{
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d ' ' -f 1-3 /proc/loadavg), $connections connections"
	cat "$work/wrk.txt"
	jfr print --stack-depth 256 --events jdk.ExecutionSample "$work/login.jfr" | python3 "$here/login_shares.py"
} | tee "$root/benchmarks/results/${RESULTS_NAME:-profile-login}.txt"
