#!/usr/bin/env bash
# Mini programs at scale (issue 28, item 7): the sample app with the JDBC app registry
# (wx.login.app-registry.type=jdbc), users and the wx_app table in PostgreSQL, Java 17. Sections:
#   startup  start-up and heap after a full GC with 1, 100 and 1000 apps in wx_app (APP_COUNTS), and the
#            properties registry (no table) as the baseline; ROUNDS rounds, the variants alternating
#   used     heap after a full GC with N apps (USED_COUNTS) after N logins: all to one app, or one to each
#            app; the difference is what an app costs once it has served a login
#   login    wrk: logins all to one app next to logins spread round-robin over LOGIN_APPS apps, same
#            connections, LOGIN_ROUNDS rounds alternating, after a warm-up
#   metrics  the meters' tags after a login and a phone binding on each of LOGIN_APPS apps (Actuator's metrics
#            endpoint, exposed for this instance only): how many series the apps add
# Every app is registered through the wxapps Actuator endpoint (POST /actuator/wxapps, HTTP Basic), on an
# instance started for that and stopped before the measurements; the fake WeChat server (load fixture)
# hosts the same apps with the same secrets. Each APP_COUNTS value gets a database of its own
# (wxbench_apps_<n>_<pid>), created here and dropped at the end. Give section names as arguments to run only
# those. Results: benchmarks/results/${RESULTS_NAME:-apps-<date>}.md (+ -raw.txt), never over an existing
# page unless OVERWRITE=1.
#
# Builds: APP_JAR (the sample app, built with mvn package) and FIXTURE_JAR (load-fixture.jar) are used when
# given. Otherwise the sample app is packaged in the work tree (nothing installed) and the fixture built
# against MAVEN_REPO_LOCAL, where the test kit is installed first: a private copy of ~/.m2/repository, e.g.
#   cp -a ~/.m2/repository /tmp/apps-m2 && MAVEN_REPO_LOCAL=/tmp/apps-m2 benchmarks/load/apps.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/benchmarks/results"
java="${JAVA17:-java}"
read -r -a app_counts <<<"${APP_COUNTS:-1 100 1000}"
rounds="${ROUNDS:-3}"
read -r -a used_counts <<<"${USED_COUNTS:-100 1000}"
used_rounds="${USED_ROUNDS:-3}"
login_apps="${LOGIN_APPS:-100}"
login_rounds="${LOGIN_ROUNDS:-3}"
login_connections="${LOGIN_CONNECTIONS:-100}"
login_codes="${LOGIN_CODES:-40000}"
login_warmup="${LOGIN_WARMUP:-20s}"
duration="${DURATION:-15s}"
postgres="${POSTGRES:-127.0.0.1:5432}"
port="${PORT:-18090}"
app="http://127.0.0.1:$port"
appid="wxbe9c000000000001"
secret="bench0secret0of0the0fake0wechat0"
admin="bench:bench-admin-password"
sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=(startup used login metrics)
results_name="${RESULTS_NAME:-apps-$(date -u +%Y-%m-%d)}"
# A second run of the day must not replace the first's results unasked
if [[ -e "$results/$results_name.md" && -z "${OVERWRITE:-}" ]]; then
	echo "$results/$results_name.md exists: give RESULTS_NAME another name, or OVERWRITE=1" >&2
	exit 1
fi

work="$(mktemp -d)"
started=()
databases=()

psql_run() {
	psql -h "${postgres%:*}" -p "${postgres#*:}" -U postgres -qAt "$@"
}

stop_all() {
	local pid database
	for pid in "${started[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${started[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	for database in "${databases[@]}"; do
		psql_run -c "drop database if exists $database" || true
	done
	rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

log() {
	printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

load1() {
	cut -d ' ' -f 1 /proc/loadavg
}

# --- builds --------------------------------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
app_jar="${APP_JAR:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
fixture_jar="${FIXTURE_JAR:-$here/target/load-fixture.jar}"
if [[ -z "${APP_JAR:-}" ]]; then
	log "packaging the sample app"
	(cd "$root" && mvn -B -q -o -DskipTests package -pl wxlogin-sample-app -am)
fi
if [[ -z "${FIXTURE_JAR:-}" ]]; then
	repo="${MAVEN_REPO_LOCAL:?give FIXTURE_JAR, or MAVEN_REPO_LOCAL (a private copy of ~/.m2/repository) to build it}"
	log "building the load fixture against $repo"
	(cd "$root" && mvn -B -q -o -DskipTests "-Dmaven.repo.local=$repo" install -pl wxlogin-spring-boot-test -am)
	(cd "$here" && mvn -B -q -o -DskipTests "-Dmaven.repo.local=$repo" clean package)
fi
mkdir -p "$work/classes"
javac -d "$work/classes" "$here/Apps.java"
apps_tool() {
	"$java" -cp "$work/classes" Apps "$@"
}

# --- the apps: AppIDs wxbe9d + 12 hex digits, a secret and a tenant of their own -------------------------

max_apps="$login_apps"
for n in "${app_counts[@]}" "${used_counts[@]}"; do
	((n > max_apps)) && max_apps="$n"
done
for ((i = 1; i <= max_apps; i++)); do
	printf 'wxbe9d%012x %032x shop-%d\n' "$i" "$((i * 7919 + 104729))" "$i"
done >"$work/apps"
# apps_file N: the first N apps' lines; appids_file N: their AppIDs
apps_file() {
	head -n "$1" "$work/apps" >"$work/apps-$1"
	echo "$work/apps-$1"
}
appids_file() {
	head -n "$1" "$work/apps" | cut -d ' ' -f 1 >"$work/appids-$1"
	echo "$work/appids-$1"
}

# --- the fake WeChat server, in a process of its own, hosting every app ---------------------------------

"$java" -jar "$fixture_jar" "$appid" "$secret" "$work/fixture.env" >"$work/fixture.log" 2>&1 &
started+=($!)
for _ in $(seq 100); do
	[[ -f "$work/fixture.env" ]] && break
	sleep 0.2
done
fake="$(sed -n 's/^fake=//p' "$work/fixture.env")"
control="$(sed -n 's/^control=//p' "$work/fixture.env")"
cut -d ' ' -f 1,2 "$work/apps" | curl -sf -X POST --data-binary @- "$control/apps" >/dev/null
log "fake WeChat at $fake (hosting $max_apps apps), control at $control"

# --- the sample app ------------------------------------------------------------------------------------

key="$(openssl rand -base64 32)"
app_pid=""
# app_args DATABASE REGISTRY [MORE...]: the sample app's arguments, REGISTRY jdbc or properties
app_args() {
	local args=(--server.address=127.0.0.1 "--server.port=$port"
		"--wx.login.api-base-url=$fake" "--wx.login.appid=$appid" "--wx.login.secret=$secret"
		--wx.login.rate-limit.enabled=false --wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long
		"--spring.datasource.url=jdbc:postgresql://$postgres/$1?user=postgres"
		"--spring.security.user.name=${admin%%:*}" "--spring.security.user.password=${admin#*:}")
	[[ "$2" == properties ]] || args+=(--wx.login.app-registry.type=jdbc "--wx.login.app-registry.encryption-key=$key")
	printf '%s\n' "${args[@]}" "${@:3}"
}

# start_app NAME DATABASE REGISTRY [MORE ARGS...]: starts the app and waits for its first 200 of GET /api/public/hello;
# sets app_pid and wall_s (from the launch to that 200)
start_app() {
	local name="$1" args launched ready
	mapfile -t args < <(app_args "${@:2}")
	launched="$(date +%s%3N)"
	"$java" -jar "$app_jar" "${args[@]}" >"$work/$name.log" 2>&1 &
	app_pid=$!
	started+=("$app_pid")
	# The poller again if it ended without a 200 while the app still runs
	ready=""
	while [[ "$ready" != ready_epoch_ms=* ]]; do
		apps_tool ready "$app/api/public/hello" >"$work/ready" 2>>"$work/ready.err" &
		local poller=$!
		while kill -0 "$poller" 2>/dev/null; do
			kill -0 "$app_pid" 2>/dev/null || break
			sleep 0.1
		done
		if ! kill -0 "$app_pid" 2>/dev/null; then
			kill "$poller" 2>/dev/null || true
			wait "$poller" 2>/dev/null || true
			tail -40 "$work/$name.log" >&2
			log "the app ($name) did not start"
			exit 1
		fi
		wait "$poller" 2>/dev/null || true
		ready="$(cat "$work/ready")"
		[[ "$ready" == ready_epoch_ms=* ]] || log "the poller of $name ended without a 200: '$ready' $(tail -3 "$work/ready.err")"
	done
	wall_s="$(awk -v a="${ready#ready_epoch_ms=}" -v b="$launched" 'BEGIN { printf "%.2f", (a - b) / 1000 }')"
}

stop_app() {
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
	local remaining=() pid
	for pid in "${started[@]}"; do
		[[ "$pid" == "$app_pid" ]] || remaining+=("$pid")
	done
	started=("${remaining[@]}")
}

# heap_after_gc NAME [HISTOGRAM_FILE]: a full GC (jcmd GC.run), then "heap metaspace live": the heap used and
# the metaspace used in KiB (GC.heap_info, as run.sh's start-up section reads them), and the bytes of live
# objects (the total of GC.class_histogram, which makes a full GC of its own). The heap used counts whole G1
# regions (4 MiB here) of young objects allocated since the GC, so it moves by a few MiB from one run to the
# next; the histogram's total is exact to the byte. GC.heap_info, the histogram's io.github.wxlogin classes
# with 5 or more instances and its 15 largest classes go to the raw file, the whole histogram to
# HISTOGRAM_FILE when given
heap_after_gc() {
	local info histogram
	sleep 1
	jcmd "$app_pid" GC.run >/dev/null
	info="$(jcmd "$app_pid" GC.heap_info)"
	histogram="$(jcmd "$app_pid" GC.class_histogram)"
	[[ -z "${2:-}" ]] || echo "$histogram" >"$2"
	{
		printf '== heap: %s\n%s\n' "$1" "$info"
		echo "-- class histogram: the 15 largest classes, the io.github.wxlogin classes with 5 or more instances, the total"
		awk 'NR > 2 && NR <= 17 || /io\.github\.wxlogin/ && $2 >= 5 || /^Total/' <<<"$histogram"
		echo
	} >>"$raw"
	echo "$(grep -m1 'heap' <<<"$info" | sed 's/.*used \([0-9]*\)K.*/\1/')" \
		"$(grep -m1 'Metaspace' <<<"$info" | sed 's/.*used \([0-9]*\)K.*/\1/')" \
		"$(awk '/^Total/ { print $3 }' <<<"$histogram")"
}

# histogram_growth FROM TO: the 20 classes whose instances grew most in bytes from one histogram to the other
# (lambdas' classes, named differently in each JVM, counted together); read to the end, no SIGPIPE
histogram_growth() {
	awk 'function name(c) { sub(/\$\$Lambda.*/, "$$Lambda", c); return c }
		FNR == NR && $1 ~ /^[0-9]+:$/ { before[name($4)] += $3; next }
		$1 ~ /^[0-9]+:$/ { after[name($4)] += $3; count[name($4)] += $2 }
		END { for (c in after) if (after[c] != before[c]) printf "%12d bytes  %8d instances now  %s\n", after[c] - before[c], count[c], c }' \
		"$1" "$2" | sort -rn | awk 'NR <= 20'
}

# median VALUES...: the median (the mean of the two middle values of an even count)
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- the databases, with their apps registered through the wxapps endpoint ------------------------------

# database_for N: sets database to the database of N apps, made on first use (not in a subshell: it starts
# an instance)
declare -A database_of=()
database=""
database_for() {
	local n="$1"
	if [[ -z "${database_of[$n]:-}" ]]; then
		database="wxbench_apps_${n}_$$"
		psql_run -c "create database $database"
		databases+=("$database")
		log "registering $n apps in $database through POST /actuator/wxapps"
		start_app "register-$n" "$database" jdbc
		local output
		output="$(apps_tool register "$app/actuator/wxapps" "$admin" "$(apps_file "$n")")"
		printf '== registration of %s apps in %s: %s\nwx_app rows: %s\n\n' "$n" "$database" "$output" \
			"$(psql_run -d "$database" -c 'select count(*) from wx_app')" >>"$raw"
		[[ "$output" == "statuses=201:$n "* ]] || { log "registration failed: $output"; exit 1; }
		stop_app
		database_of[$n]="$database"
	fi
	database="${database_of[$n]}"
}

# --- results -------------------------------------------------------------------------------------------

mkdir -p "$results"
table="$results/$results_name.md"
raw="$results/$results_name-raw.txt"
: >"$raw"
{
	echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), the work tree at $(git -C "$root" log -1 --format='commit %h (%s)' 2>/dev/null || echo "an unknown commit")"
	echo "(the jar's commit only when this script packaged it: see APP_JAR);"
	echo "the sample app ($(basename "$app_jar")) on Java 17 ($("$java" -version 2>&1 | head -1)), users and the wx_app table in"
	echo "PostgreSQL at $postgres, the fake WeChat server in a process of its own. 'load 1m' is the 1-minute load"
	echo "average when the figure was taken. Apps: AppIDs wxbe9d000000000001 and up, each with a secret of its"
	echo "own and a tenant of its own (shop-1, shop-2, ...), registered through POST /actuator/wxapps; the"
	echo "properties' app ($appid) is there too, as the default app."
} >"$table"

notes=()

run_startup() {
	local variants=(properties) n
	for n in "${app_counts[@]}"; do
		variants+=("jdbc-$n")
		database_for "$n"
	done
	{
		echo
		echo "## Start-up and heap"
		echo
		echo "Spring Boot's 'Started SampleApplication in X seconds' and the process's uptime then, the wall time"
		echo "from the launch of \`java\` to the first 200 of GET /api/public/hello (polled every 10 ms), the"
		echo "CPU time the JVM had used by then (user + system, all threads), and the heap used after a full GC"
		echo "(\`jcmd GC.run\`, then \`GC.heap_info\`, as \`run.sh startup\` measures it). 'properties' is"
		echo "\`wx.login.app-registry.type=properties\` (no table read; the database of 1 app); 'jdbc-N' the"
		echo "JDBC registry with N apps in wx_app. $rounds rounds, the variants alternating."
		echo
		echo "| variant | round | started in s | process up for s | wall to first 200, s | CPU s at first 200 | heap used after GC, KiB | live objects, bytes | metaspace used, KiB | load 1m |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
	} >>"$table"
	declare -A started_in=() heaps=() walls=() lives=() cpus=()
	local round variant ticks
	ticks="$(getconf CLK_TCK)"
	for round in $(seq "$rounds"); do
		for variant in "${variants[@]}"; do
			local registry=jdbc
			if [[ "$variant" == properties ]]; then
				database_for "${app_counts[0]}"
				registry=properties
			else
				database_for "${variant#jdbc-}"
			fi
			log "start-up, $variant, round $round"
			start_app "startup-$variant-$round" "$database" "$registry"
			local cpu started_line seconds process heap metaspace live
			cpu="$(awk -v ticks="$ticks" '{ printf "%.2f", ($14 + $15) / ticks }' "/proc/$app_pid/stat")"
			started_line="$(grep -o 'Started SampleApplication in [0-9.]* seconds (process running for [0-9.]*)' \
				"$work/startup-$variant-$round.log")"
			seconds="$(sed 's/.* in \([0-9.]*\) seconds.*/\1/' <<<"$started_line")"
			process="$(sed 's/.*running for \([0-9.]*\))/\1/' <<<"$started_line")"
			read -r heap metaspace live <<<"$(heap_after_gc "start-up, $variant, round $round" "$work/histogram-$variant")"
			printf '== start-up %s, round %s: %s; wall to first 200 %s s, CPU %s s; wx_app rows read at start-up: see the log\n\n' \
				"$variant" "$round" "$started_line" "$wall_s" "$cpu" >>"$raw"
			echo "| $variant | $round | $seconds | $process | $wall_s | $cpu | $heap | $live | $metaspace | $(load1) |" | tee -a "$table"
			started_in[$variant]+="$seconds "
			walls[$variant]+="$wall_s "
			heaps[$variant]+="$heap "
			lives[$variant]+="$live "
			cpus[$variant]+="$cpu "
			stop_app
		done
	done
	{
		echo
		echo "Medians:"
		echo
		echo "| variant | started in s | wall to first 200, s | CPU s at first 200 | heap used after GC, KiB | live objects, bytes |"
		echo "|---|---|---|---|---|---|"
		for variant in "${variants[@]}"; do
			# shellcheck disable=SC2086
			echo "| $variant | $(median ${started_in[$variant]}) | $(median ${walls[$variant]}) | $(median ${cpus[$variant]}) | $(median ${heaps[$variant]}) | $(median ${lives[$variant]}) |"
		done
	} | tee -a "$table"
	local first="jdbc-${app_counts[0]}" last="jdbc-${app_counts[-1]}" apps=$((${app_counts[-1]} - ${app_counts[0]}))
	# shellcheck disable=SC2086
	notes+=("idle apps, $last against $first (medians): live objects $(awk -v a="$(median ${lives[$last]})" \
		-v b="$(median ${lives[$first]})" -v n="$apps" 'BEGIN { printf "%+d bytes, %+.0f bytes per idle app", a - b, (a - b) / n }'),\
 heap used after GC $(awk -v a="$(median ${heaps[$last]})" -v b="$(median ${heaps[$first]})" -v n="$apps" \
		'BEGIN { printf "%+d KiB, %+.0f bytes per idle app", a - b, (a - b) * 1024 / n }')")
	{
		echo "== live objects' growth by class, $first to $last, last round"
		histogram_growth "$work/histogram-$first" "$work/histogram-$last"
		echo
	} >>"$raw"
}

run_used() {
	{
		echo
		echo "## Heap with apps that served a login"
		echo
		echo "N apps in wx_app; on an instance started for it, its heap after a full GC (idle), then N logins of N"
		echo "new users, one after the other (Apps.java), and the heap after a full GC again: 'one app' sends"
		echo "every login to the first app, 'each app' one login to each of the N apps. Both hold N users'"
		echo "sessions (the sample keeps them in memory), so the difference between them is what N - 1 apps cost"
		echo "once each has served a login. $used_rounds rounds, alternating."
		echo
		echo "| apps | logins to | round | replies | heap idle, KiB | heap after the logins, KiB | live objects idle, bytes | live objects after the logins, bytes | growth, bytes | load 1m |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
	} >>"$table"
	local n round kind
	for n in "${used_counts[@]}"; do
		database_for "$n"
		declare -A after=() live_after=()
		for round in $(seq "$used_rounds"); do
			for kind in one each; do
				log "used apps, $n apps, logins to $kind app, round $round"
				local targets
				if [[ "$kind" == one ]]; then targets="$(appids_file 1)"; else targets="$(appids_file "$n")"; fi
				curl -sf -X POST --data-binary @"$targets" "$control/login-codes?prefix=used-$n-$kind-$round-$$&count=$n" \
					>"$work/used-codes"
				start_app "used-$n-$kind-$round" "$database" jdbc
				local idle heap live_idle live output _
				read -r idle _ live_idle <<<"$(heap_after_gc "$n apps, idle, before logins to $kind app, round $round")"
				output="$(apps_tool logins "$app/wx/login" "$work/used-codes")"
				read -r heap _ live <<<"$(heap_after_gc "$n apps, after $n logins to $kind app, round $round" \
					"$work/histogram-used-$n-$kind")"
				printf '== used apps, %s apps, logins to %s app, round %s: %s\n\n' "$n" "$kind" "$round" "$output" >>"$raw"
				echo "| $n | $kind app | $round | ${output%% ms=*} | $idle | $heap | $live_idle | $live | $((live - live_idle)) | $(load1) |" \
					| tee -a "$table"
				after[$kind]+="$heap "
				live_after[$kind]+="$live "
				stop_app
			done
		done
		# shellcheck disable=SC2086
		notes+=("$n apps that served a login, logins to each app against to one app (medians): live objects $(awk \
			-v a="$(median ${live_after[each]})" -v b="$(median ${live_after[one]})" -v n="$((n - 1))" \
			'BEGIN { printf "%+d bytes, %+.0f bytes per app", a - b, (a - b) / n }'), heap used after GC $(awk \
			-v a="$(median ${after[each]})" -v b="$(median ${after[one]})" -v n="$((n - 1))" \
			'BEGIN { printf "%+d KiB, %+.0f bytes per app", a - b, (a - b) * 1024 / n }')")
		{
			echo "== live objects' growth by class, $n apps, logins to one app to logins to each, last round"
			histogram_growth "$work/histogram-used-$n-one" "$work/histogram-used-$n-each"
			echo
		} >>"$raw"
		unset after live_after
	done
}

# wrk_run LABEL CONNECTIONS DURATION CODES: wrk's logins from the codes file; a table row unless a warm-up
wrk_run() {
	local label="$1" connections="$2" time="$3" codes="$4" output cpu_before cpu_after
	cpu_before="$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")"
	output="$(cd "$here" && wrk -t 2 -c "$connections" -d "$time" --timeout 10s -s login.lua "$app/wx/login" -- "$codes" 2)"
	cpu_after="$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")"
	local load
	load="$(load1)"
	printf '== %s | %s connections | %s | load average after: %s\n%s\n\n' "$label" "$connections" "$time" \
		"$(cat /proc/loadavg)" "$output" >>"$raw"
	[[ "$label" == warm-up* ]] && return
	local line value
	line="$(grep '^RESULT' <<<"$output")"
	value() { sed "s/.* $1=\([^ ]*\).*/\1/" <<<"$line"; }
	local cpu
	cpu="$(awk -v ticks="$(getconf CLK_TCK)" -v used="$((cpu_after - cpu_before))" -v n="$(value requests)" \
		'BEGIN { printf "%.1f", (n > 0) ? used / ticks * 1e6 / n : 0 }')"
	grep -q 'reused=true' <<<"$output" && label="$label (codes ran out: some reused)"
	echo "| $label | $connections | $(value rps) | $(value p50_ms) | $(value p99_ms) | $(value max_ms) | $(value socket_errors) | $(value non2xx) | $cpu | $load |" \
		| tee -a "$table"
	rps_of[$kind]+="$(value rps) "
	p99_of[$kind]+="$(value p99_ms) "
}

run_login() {
	database_for "$login_apps"
	{
		echo
		echo "## Logins to one app and spread over $login_apps"
		echo
		echo "wrk, 2 threads, $login_connections connections, $duration per measured run, every login a new user"
		echo "with a code of its own and the app's \`appid\` in the body: 'one app' sends every login to the first"
		echo "app of wx_app, 'spread' to the $login_apps apps round-robin. One instance with $login_apps apps; first $login_warmup"
		echo "of spread logins to warm up (every app read from the table then), then $login_rounds rounds, the order"
		echo "alternating. 'app CPU µs/request' is the app's CPU time (user + system, all threads) per request."
		echo
		echo "| logins to | connections | requests/s | p50 ms | p99 ms | max ms | socket errors | non-2xx | app CPU µs/request | load 1m |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
	} >>"$table"
	start_app login "$database" jdbc
	declare -A rps_of=() p99_of=()
	local kind=warm-up round
	curl -sf -X POST --data-binary @"$(appids_file "$login_apps")" "$control/login-codes?prefix=warm-$$&count=$login_codes" \
		>"$work/codes"
	log "logins, warm-up"
	wrk_run "warm-up, spread" "$login_connections" "$login_warmup" "$work/codes"
	for round in $(seq "$login_rounds"); do
		local order=(one spread)
		((round % 2)) || order=(spread one)
		for kind in "${order[@]}"; do
			local targets
			if [[ "$kind" == one ]]; then targets="$(appids_file 1)"; else targets="$(appids_file "$login_apps")"; fi
			curl -sf -X POST --data-binary @"$targets" "$control/login-codes?prefix=$kind-$round-$$&count=$login_codes" \
				>"$work/codes"
			log "logins to $kind, round $round"
			local label="one app"
			[[ "$kind" == one ]] || label="spread over $login_apps apps"
			wrk_run "$label, round $round" "$login_connections" "$duration" "$work/codes"
		done
	done
	stop_app
	# shellcheck disable=SC2086
	notes+=("logins spread over $login_apps apps / to one app, medians: throughput $(awk \
		-v a="$(median ${rps_of[spread]})" -v b="$(median ${rps_of[one]})" 'BEGIN { printf "%.3f", a / b }'), p99 $(median \
		${p99_of[spread]}) against $(median ${p99_of[one]}) ms")
}

run_metrics() {
	database_for "$login_apps"
	log "metrics: a login and a phone binding on each of $login_apps apps"
	start_app metrics "$database" jdbc --management.endpoints.web.exposure.include=health,wxapps,metrics
	curl -sf -X POST --data-binary @"$(appids_file "$login_apps")" "$control/phone-users?prefix=metrics-$$&count=$login_apps" \
		>"$work/phone-users"
	local output token name
	output="$(apps_tool phones "$app" "$work/phone-users")"
	printf '== metrics: %s logins and phone bindings: %s\ncalls to the fake: %s\n\n' "$login_apps" "$output" \
		"$(curl -sf "$control/calls" | tr '\n' ' ')" >>"$raw"
	# The metrics endpoint is behind the sample's Bearer rule: a user's access token reads it
	curl -sf -X POST --data-binary @"$(appids_file 1)" "$control/login-codes?prefix=metrics-reader-$$&count=1" >"$work/reader"
	token="$(curl -sf -H 'Content-Type: application/json' \
		-d "{\"code\":\"$(cut -d ' ' -f 1 "$work/reader")\",\"appid\":\"$(cut -d ' ' -f 2 "$work/reader")\"}" "$app/wx/login" \
		| sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
	{
		echo
		echo "## Meters and their tags with $login_apps apps in use"
		echo
		echo "One instance with $login_apps apps; on each, one login and one phone binding (POST /wx/phone, so"
		echo "each app fetched its WeChat access token too): $output. Then Actuator's metrics endpoint, per"
		echo "meter: each tag and how many values it has (the series of a meter are at most the product)."
		echo
		echo "| meter | tags: number of values |"
		echo "|---|---|"
	} >>"$table"
	local names
	names="$(curl -sf -H "Authorization: Bearer $token" "$app/actuator/metrics" | jq -r '.names[]')"
	printf '== metrics: meter names\n%s\n\n' "$names" >>"$raw"
	for name in $(grep -E '^(wxlogin\.|http\.(server|client)\.requests$)' <<<"$names"); do
		local meter
		meter="$(curl -sf -H "Authorization: Bearer $token" "$app/actuator/metrics/$name")"
		printf '== metrics: %s\n%s\n\n' "$name" "$meter" >>"$raw"
		echo "| $name | $(jq -r '[.availableTags[] | "\(.tag): \(.values | length)"] | if length == 0 then "none" else join(", ") end' <<<"$meter") |" \
			| tee -a "$table"
	done
	stop_app
	# The starter's phone-number observation, recorded by Micrometer's meter handler, without and with the
	# MeterFilter a host would declare as a bean (Spring Boot applies MeterFilter beans to its registries)
	mkdir -p "$work/libs"
	(cd "$work/libs" && unzip -q -o "$app_jar" 'BOOT-INF/lib/*')
	output="$("$java" -cp "$work/libs/BOOT-INF/lib/*" "$here/MeterFilterCheck.java" "$login_apps")"
	{
		echo
		echo "MeterFilterCheck.java, the starter's phone-number observation for $login_apps apps:"
		echo
		sed 's/^/- /' <<<"$output"
	} | tee -a "$table"
}

for section in "${sections[@]}"; do
	"run_$section"
done

if [[ ${#notes[@]} -gt 0 ]]; then
	{
		echo
		echo "## Summary"
		echo
		printf -- '- %s\n' "${notes[@]}"
	} | tee -a "$table"
fi
log "results in $table (raw output in $raw)"
