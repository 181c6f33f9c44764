#!/usr/bin/env bash
# Load tests of the sample app on loopback, every pair in one run (see BENCHMARKS.md):
#   hello    guarded GET /api/hello next to unguarded GET /api/public/hello, HS256 and ES256 keys, in three apps
#            side by side: the sample app (its own chain, built with WxLoginConfigurer), the starter's default
#            chain (benchmarks/default-chain) and Spring Security's stock resource server (benchmarks/stock)
#   login    POST /wx/login from 500 connections, WeChat at 0 ms and 200 ms, on Java 17 and on Java 25
#            with virtual threads; next to it the same load on the relay of benchmarks/default-chain, which
#            makes a login's one call to WeChat and nothing else (the physical limit of a login)
#   phone    1000 phone bindings at once on a cold start, and the stable_token calls they cause
#   startup  start-up time and heap after start-up, with and without the starter, 5 runs each
#   burst    logins sent all at the same instant (Burst.java), not wrk's sustained load: on a cold instance,
#            as soon as it answers, BURST_SAME_USER first logins of one user together with BURST_SIZE new
#            users; then, warm, BURST_RUNS times BURST_SIZE new users and the same users returning; next to
#            it BURST_RUNS bursts on the relay of benchmarks/default-chain; on Java 17 (platform threads) and
#            Java 25 (virtual threads), for each build of BURST_JARS
# The hello pair runs in alternating rounds after a warm-up, so that neither side gets all the JIT's late
# work or a quiet spell of the machine. Give section names as arguments to run only those. Results: benchmarks/results/load.md.
#
# Builds: by default the project is built and installed (mvn install) and its sample app is run. Without
# touching the local repository others build against:
#   APP_JAR=path            run this sample-app jar (built with mvn package) instead of building the project
#   HELLO_JARS="a=path b=path"  the hello section runs these builds side by side (one port each) and
#                           interleaves their rounds, so that before and after are measured in one run; a build
#                           without the starter's login (the stock resource server) is given the first build's
#                           access token, which it can verify: the apps share the key
#   FIXTURE_JAR=path        the load fixture (load-fixture.jar) built elsewhere, e.g. with a local repository
#                           of your own (mvn -Dmaven.repo.local=...), instead of building it here
#   BURST_JARS="a=path b=path"  the burst section runs these builds one after the other for each JVM (default:
#                           the sample app of APP_JAR), e.g. before and after a change
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/benchmarks/results"
java17="${JAVA17:-java}"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
duration="${DURATION:-15s}"
hello_warmup="${HELLO_WARMUP:-30s}"
hello_rounds="${HELLO_ROUNDS:-3}"
login_warmup="${LOGIN_WARMUP:-20s}"
hello_connections="${HELLO_CONNECTIONS:-64}"
login_connections="${LOGIN_CONNECTIONS:-500}"
login_codes="${LOGIN_CODES:-60000}"
# more of the sample app's arguments for the login section, e.g. --wx.login.user-store.type=memory; the
# users' database is DATASOURCE_URL (an in-memory H2 unless set, e.g. jdbc:postgresql://...). With
# RETURNING_USERS=N every login, warm-up included, is one of N users, so that after the warm-up's first N
# logins each login is a returning user's; without it each is a new user's
read -r -a login_args <<<"${LOGIN_ARGS:-}"
returning_users="${RETURNING_USERS:-}"
phone_users="${PHONE_USERS:-1000}"
startup_runs="${STARTUP_RUNS:-5}"
# the burst section: BURST_SIZE logins at once, BURST_SAME_USER first logins of one user on the cold instance,
# BURST_RUNS warm bursts of each kind, the JVMs (17: platform threads, 25: virtual threads). With
# BURST_POSTGRES=host:port (user postgres, no password) each instance gets a database of its own, created
# before it starts and dropped after it stops; otherwise DATASOURCE_URL as above
burst_size="${BURST_SIZE:-500}"
burst_same_user="${BURST_SAME_USER:-50}"
burst_runs="${BURST_RUNS:-3}"
read -r -a burst_jvms <<<"${BURST_JVMS:-17 25}"
burst_postgres="${BURST_POSTGRES:-}"
read -r -a burst_jars <<<"${BURST_JARS:-}"
# with-starter-users-in-memory tells how much of the starter's start-up is its JDBC user store
read -r -a startup_variants <<<"${STARTUP_VARIANTS:-with-starter without-starter}"
port="${PORT:-18080}"
appid="wxbe9c000000000001"
secret="bench0secret0of0the0fake0wechat0"
app_jar="${APP_JAR:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
fixture_jar="${FIXTURE_JAR:-$here/target/load-fixture.jar}"
read -r -a hello_jars <<<"${HELLO_JARS:-}"
sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=(hello login phone startup)

work="$(mktemp -d)"
started=()

stop_all() {
	local pid
	for pid in "${started[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${started[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	[[ -z "${burst_db:-}" ]] || drop_burst_database
	rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

log() {
	printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

# --- tools and builds -------------------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [[ -z "${APP_JAR:-}" && ${#hello_jars[@]} -eq 0 && ${#burst_jars[@]} -eq 0 ]]; then
	log "building the library and the sample app"
	(cd "$root" && mvn -B -q -o install -DskipTests)
fi
default_chain_jar="${DEFAULT_CHAIN_JAR:-$root/benchmarks/default-chain/target/default-chain.jar}"
if [[ -z "${DEFAULT_CHAIN_JAR:-}" && " ${sections[*]} " =~ " "(hello|login|burst)" " ]]; then
	log "building the default-chain app (also the relay of the login section)"
	(cd "$root/benchmarks/default-chain" && mvn -B -q -o -DskipTests clean package)
fi
if [[ ${#hello_jars[@]} -eq 0 && " ${sections[*]} " == *" hello "* ]]; then
	log "building the stock resource server"
	(cd "$root/benchmarks/stock" && mvn -B -q -o -DskipTests clean package)
	hello_jars=("sample=$app_jar" "default-chain=$default_chain_jar"
		"stock=$root/benchmarks/stock/target/stock-resource-server.jar")
fi
if [[ -z "${FIXTURE_JAR:-}" ]]; then
	log "building the load fixture"
	(cd "$here" && mvn -B -q -DskipTests clean package)
fi

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ec.pem" 2>/dev/null
openssl pkey -in "$work/ec.pem" -pubout >> "$work/ec.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.pem" 2>/dev/null
openssl pkey -in "$work/rsa.pem" -pubout -out "$work/rsa-public.pem"

# --- the fake WeChat server, in a process of its own ---------------------------------------------------

"$java17" -jar "$fixture_jar" "$appid" "$secret" "$work/fixture.env" >"$work/fixture.log" 2>&1 &
started+=($!)
for _ in $(seq 100); do
	[[ -f "$work/fixture.env" ]] && break
	sleep 0.2
done
fake="$(sed -n 's/^fake=//p' "$work/fixture.env")"
control="$(sed -n 's/^control=//p' "$work/fixture.env")"
log "fake WeChat at $fake, control at $control"

# --- the sample app ------------------------------------------------------------------------------------

app_pid=""
app="http://127.0.0.1:$port"
datasource_url="${DATASOURCE_URL:-jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1}"
common_args=(--server.address=127.0.0.1
	"--wx.login.api-base-url=$fake" "--wx.login.appid=$appid" "--wx.login.secret=$secret"
	--wx.login.rate-limit.enabled=false)
hmac_args=(--wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long)
ec_args=("--wx.login.jwt.private-key-location=file:$work/ec.pem")

# launch_app NAME JAVA ARGS...: starts the app ($app_jar on $port, users in $datasource_url), without waiting
launch_app() {
	local name="$1" java="$2"
	shift 2
	"$java" -jar "$app_jar" "${common_args[@]}" "--spring.datasource.url=$datasource_url" "--server.port=$port" "$@" \
		>"$work/$name.log" 2>&1 &
	app_pid=$!
	started+=("$app_pid")
}

# start_app NAME JAVA ARGS...: starts the app ($app_jar on $port) and waits for Spring Boot's "Started" line
start_app() {
	local name="$1"
	launch_app "$@"
	for _ in $(seq 600); do
		if grep -Eqs "Started [A-Za-z]+ in" "$work/$name.log"; then
			return
		fi
		if ! kill -0 "$app_pid" 2>/dev/null; then
			tail -40 "$work/$name.log" >&2
			log "the app ($name) did not start"
			exit 1
		fi
		sleep 0.1
	done
	log "the app ($name) did not start within 60 s"
	exit 1
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

access_token() {
	local code
	code="$(curl -sf -X POST "$control/login-codes?prefix=token-$RANDOM&count=1")"
	curl -sf -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$app/wx/login" \
		| sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}

# --- results -------------------------------------------------------------------------------------------

mkdir -p "$results"
table="$results/${RESULTS_NAME:-load}.md"
raw="$results/${RESULTS_NAME:-load}-raw.txt"
: >"$raw"
{
	echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'); wrk 2 threads, $duration per measured run; warm-up $hello_warmup per"
	echo "endpoint before the hello rounds, $login_warmup of logins at 100 connections before the login runs."
	echo "'load 1m' is the 1-minute load average when the run ended: the app and wrk account for 2 to 3 of it,"
	echo "the rest is other work on the machine. 'app CPU µs/request' is the CPU time (user + system, all threads)"
	echo "the app's process used during the run, divided by the requests it answered: unlike requests/s, it"
	echo "hardly depends on what else the machine is doing."
	echo
	echo "| scenario | JVM | key | connections | requests/s | p50 ms | p99 ms | max ms | socket errors | non-2xx | app CPU µs/request | load 1m |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$table"

# wrk_run LABEL JVM KEY CONNECTIONS DURATION SCRIPT PATH [SCRIPT ARGS...]: runs wrk and adds a table row
wrk_run() {
	local label="$1" jvm="$2" key="$3" connections="$4" time="$5" script="$6" path="$7"
	shift 7
	local output cpu_before cpu_after
	cpu_before="$(cpu_ticks "$app_pid")"
	output="$(cd "$here" && wrk -t 2 -c "$connections" -d "$time" --timeout 10s -s "$script" "$app$path" -- "$@")"
	cpu_after="$(cpu_ticks "$app_pid")"
	local load
	load="$(cut -d ' ' -f 1 /proc/loadavg)"
	printf '== %s | %s | %s | %s connections | %s | load average after: %s\n%s\n\n' "$label" "$jvm" "$key" \
		"$connections" "$time" "$(cat /proc/loadavg)" "$output" >>"$raw"
	[[ "$label" == warm-up* ]] && return
	local line rps p50 p99 max socket status requests cpu
	line="$(grep '^RESULT' <<<"$output")"
	requests="$(sed 's/.* requests=\([^ ]*\).*/\1/' <<<"$line")"
	cpu="$(awk -v ticks="$(cpu_ticks_per_second)" -v used="$((cpu_after - cpu_before))" -v n="$requests" \
		'BEGIN { printf "%.1f", (n > 0) ? used / ticks * 1e6 / n : 0 }')"
	rps="$(sed 's/.* rps=\([^ ]*\).*/\1/' <<<"$line")"
	p50="$(sed 's/.* p50_ms=\([^ ]*\).*/\1/' <<<"$line")"
	p99="$(sed 's/.* p99_ms=\([^ ]*\).*/\1/' <<<"$line")"
	max="$(sed 's/.* max_ms=\([^ ]*\).*/\1/' <<<"$line")"
	socket="$(sed 's/.* socket_errors=\([^ ]*\).*/\1/' <<<"$line")"
	status="$(sed 's/.* non2xx=\([^ ]*\).*/\1/' <<<"$line")"
	if grep -q 'reused=true' <<<"$output"; then
		label="$label (codes ran out: some reused)"
	fi
	echo "| $label | $jvm | $key | $connections | $rps | $p50 | $p99 | $max | $socket | $status | $cpu | $load |" \
		| tee -a "$table"
	last_rps="$rps"
	last_cpu="$cpu"
}

# cpu_ticks PID: the clock ticks of CPU (user + system, all threads) the process has used so far
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

cpu_ticks_per_second() {
	getconf CLK_TCK
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'
}

notes=()

run_hello() {
	local builds=("${hello_jars[@]}") default_jar="$app_jar"
	[[ ${#builds[@]} -gt 0 ]] || builds=("sample=$app_jar")
	local key round build
	for key in HS256 ES256; do
		local args=("${hmac_args[@]}")
		[[ "$key" == ES256 ]] && args=("${ec_args[@]}")
		# Every build runs at once on a port of its own, each with a token of its own
		local labels=() urls=() tokens=() pids=() index=0
		for build in "${builds[@]}"; do
			local label="${build%%=*}"
			app_jar="${build#*=}"
			port=$((${PORT:-18080} + index))
			app="http://127.0.0.1:$port"
			log "hello, $key, $label ($app_jar)"
			start_app "hello-$key-$label" "$java17" "${args[@]}"
			labels+=("$label")
			urls+=("$app")
			local token
			token="$(access_token || true)"
			tokens+=("${token:-${tokens[0]:?the first build logs in and gives the access token}}")
			pids+=("$app_pid")
			index=$((index + 1))
		done
		for index in "${!labels[@]}"; do
			app="${urls[$index]}"
			app_pid="${pids[$index]}"
			wrk_run "warm-up public" "Java 17" "$key" "$hello_connections" "$hello_warmup" hello.lua /api/public/hello
			wrk_run "warm-up guarded" "Java 17" "$key" "$hello_connections" "$hello_warmup" hello.lua /api/hello \
				"${tokens[$index]}"
		done
		# Alternated, so that neither side gets all the late JIT work or a quiet spell of the machine
		local unguarded=() guarded=() rounds=() cpu_rounds=()
		for round in $(seq "$hello_rounds"); do
			for index in "${!labels[@]}"; do
				app="${urls[$index]}"
				app_pid="${pids[$index]}"
				local name="${labels[$index]}: "
				[[ ${#labels[@]} -gt 1 ]] || name=""
				wrk_run "${name}GET /api/public/hello (unguarded), round $round" "Java 17" "$key" \
					"$hello_connections" "$duration" hello.lua /api/public/hello
				local unguarded_round="$last_rps" unguarded_cpu="$last_cpu"
				unguarded[$index]="$(awk -v a="${unguarded[$index]:-0}" -v b="$last_rps" 'BEGIN { print a + b }')"
				wrk_run "${name}GET /api/hello (guarded), round $round" "Java 17" "$key" "$hello_connections" \
					"$duration" hello.lua /api/hello "${tokens[$index]}"
				guarded[$index]="$(awk -v a="${guarded[$index]:-0}" -v b="$last_rps" 'BEGIN { print a + b }')"
				rounds[$index]="${rounds[$index]:-}$(ratio "$last_rps" "$unguarded_round") "
				cpu_rounds[$index]="${cpu_rounds[$index]:-}$(ratio "$unguarded_cpu" "$last_cpu") "
			done
		done
		for index in "${!labels[@]}"; do
			notes+=("${labels[$index]}, $key guarded / unguarded throughput, all rounds: $(ratio "${guarded[$index]}" \
				"${unguarded[$index]}"); by round: ${rounds[$index]% }; unguarded / guarded app CPU per request, by round: ${cpu_rounds[$index]% }")
		done
		for app_pid in "${pids[@]}"; do
			stop_app
		done
	done
	app_jar="$default_jar"
	port="${PORT:-18080}"
	app="http://127.0.0.1:$port"
}

# login_codes_of PREFIX COUNT: COUNT login codes of users PREFIX-0, PREFIX-1, ..., one user each; with
# RETURNING_USERS, of the users returning-0 ... returning-(N-1), each again and again
login_codes_of() {
	if [[ -z "$returning_users" ]]; then
		curl -sf -X POST "$control/login-codes?prefix=$1&count=$2"
		return
	fi
	local issued
	for ((issued = 0; issued < $2; issued += returning_users)); do
		curl -sf -X POST "$control/login-codes?prefix=returning&count=$returning_users"
	done
}

# load_runs NAME PATH KEY PREFIX: on the app just started (and stopped after), a warm-up at 100 connections,
# then logins' bodies from 500 connections to PATH with WeChat at +0 and +200 ms, each with a code of its
# own (login_codes_of PREFIX-...); first_cpu is the app's CPU per request at +0 ms
load_runs() {
	local name="$1" path="$2" key="$3" prefix="$4" latency
	login_codes_of "$prefix-warm" 20000 >"$work/codes-warm"
	wrk_run "warm-up $path" "$label" "$key" 100 "$login_warmup" login.lua "$path" "$work/codes-warm" 2
	first_cpu=""
	for latency in 0 200; do
		curl -sf -X POST "$control/latency?ms=$latency" >/dev/null
		login_codes_of "$prefix-$latency" "$login_codes" >"$work/codes"
		wrk_run "$name, WeChat +$latency ms" "$label" "$key" "$login_connections" "$duration" login.lua "$path" \
			"$work/codes" 2
		[[ -n "$first_cpu" ]] || first_cpu="$last_cpu"
	done
	curl -sf -X POST "$control/latency?ms=0" >/dev/null
	stop_app
}

run_login() {
	local jvm users=""
	[[ -z "$returning_users" ]] || users=" (returning users)"
	for jvm in 17 25; do
		local java="$java17" label="Java 17" extra=()
		if [[ "$jvm" == 25 ]]; then
			java="$java25" label="Java 25, virtual threads" extra=(--spring.threads.virtual.enabled=true)
		fi
		log "login, $label"
		curl -sf -X POST "$control/latency?ms=0" >/dev/null
		start_app "login-$jvm" "$java" "${hmac_args[@]}" "${extra[@]}" "${login_args[@]}"
		load_runs "POST /wx/login$users" /wx/login HS256 "login-$jvm"
		local login_cpu="$first_cpu"
		# The physical limit of a login: its one loopback call to WeChat, and nothing else
		log "relay, $label"
		app_jar="$default_chain_jar" start_app "relay-$jvm" "$java" "${hmac_args[@]}" "${extra[@]}"
		load_runs "POST /api/public/relay (one call to WeChat, no login)" /api/public/relay - "relay-$jvm"
		notes+=("$label, WeChat +0 ms: logins per CPU-second of the app / relayed calls per CPU-second: $(ratio \
			"$first_cpu" "$login_cpu") ($login_cpu against $first_cpu µs of CPU per request)")
	done
}

run_phone() {
	local jvm
	{
		echo
		echo "Phone bindings: $phone_users users logged in, then all their POST /wx/phone sent at once on an"
		echo "instance started just before (no WeChat access token cached)."
		echo
		echo "| JVM | replies by status | stable_token calls | getuserphonenumber calls | p50 ms | p99 ms | max ms | wall ms |"
		echo "|---|---|---|---|---|---|---|---|"
	} >>"$table"
	for jvm in 17 25; do
		local java="$java17" label="Java 17" extra=()
		if [[ "$jvm" == 25 ]]; then
			java="$java25" label="Java 25, virtual threads" extra=(--spring.threads.virtual.enabled=true)
		fi
		log "phone bindings, $label"
		curl -sf -X POST "$control/reset-counts" >/dev/null
		start_app "phone-$jvm" "$java" "${hmac_args[@]}" "${extra[@]}"
		local output
		output="$(curl -sf -X POST "$control/phone-bindings?app=$app&users=$phone_users")"
		printf '== phone bindings | %s\n%s\ncalls since start:\n%s\n\n' "$label" "$output" \
			"$(curl -sf "$control/calls")" >>"$raw"
		value() { sed -n "s/^$1=//p" <<<"$output"; }
		echo "| $label | $(value statuses) | $(value stable_token_calls) | $(value phone_number_calls) | $(value p50_ms) | $(value p99_ms) | $(value max_ms) | $(value wall_ms) |" \
			| tee -a "$table"
		stop_app
	done
}

# cds_archive JAR: extracts JAR with Spring Boot's tools (once per JAR), trains a CDS archive with one start-up
# of the starter's variant (spring.context.exit=onRefresh) and sets cds_layout to "<extracted jar> <archive>"
declare -A cds_archives=()
cds_layout=""
cds_archive() {
	local jar="$1"
	if [[ -z "${cds_archives[$jar]:-}" ]]; then
		local dir
		dir="$work/cds-$(( ${#cds_archives[@]} + 1 ))"
		"$java17" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
		local extracted=("$dir"/*.jar)
		"$java17" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "${extracted[0]}" \
			"${common_args[@]}" "--spring.datasource.url=$datasource_url" "${hmac_args[@]}" >"$dir/training.log" 2>&1
		cds_archives[$jar]="${extracted[0]} $dir/app.jsa"
	fi
	cds_layout="${cds_archives[$jar]}"
}

# A variant is a base (with-starter, with-starter-users-in-memory, without-starter) and suffixes:
#   -before     the jar named by STARTUP_BASELINE_JAR (the sample app built from an earlier commit)
#   -extracted  Spring Boot's extracted layout (java -Djarmode=tools -jar app.jar extract)
#   -cds        the extracted layout with a CDS archive trained on it (-XX:SharedArchiveFile)
#   -c1         -XX:TieredStopAtLevel=1
run_startup() {
	{
		echo
		echo "Start-up (Spring Boot's 'Started ... in X seconds'), the CPU time the JVM had used by then (user + system,"
		echo "all threads), and heap used after a full GC (jcmd GC.run, then GC.heap_info); Java 17, $startup_runs runs each,"
		echo "the variants alternating: ${startup_variants[*]}."
		echo
		echo "| variant | run | started in s | process up for s | CPU s at start-up | heap used after GC, KiB | metaspace used, KiB | load 1m |"
		echo "|---|---|---|---|---|---|---|---|"
	} >>"$table"
	local variant run ticks default_jar="$app_jar"
	ticks="$(getconf CLK_TCK)"
	for run in $(seq "$startup_runs"); do
		for variant in "${startup_variants[@]}"; do
			local base="$variant" jar="$default_jar" jvm_options=() layout="jar"
			while :; do
				case "$base" in
				*-before) base="${base%-before}"; jar="${STARTUP_BASELINE_JAR:?STARTUP_BASELINE_JAR names the earlier jar}" ;;
				*-c1) base="${base%-c1}"; jvm_options+=(-XX:TieredStopAtLevel=1) ;;
				*-cds) base="${base%-cds}"; layout="cds" ;;
				*-extracted) base="${base%-extracted}"; layout="extracted" ;;
				*) break ;;
				esac
			done
			if [[ "$layout" != jar ]]; then
				local extracted archive
				cds_archive "$jar"
				read -r extracted archive <<<"$cds_layout"
				jar="$extracted"
				[[ "$layout" == cds ]] && jvm_options+=("-XX:SharedArchiveFile=$archive")
			fi
			local args=("${hmac_args[@]}")
			if [[ "$base" == with-starter-users-in-memory ]]; then
				args+=(--wx.login.user-store.type=memory)
			elif [[ "$base" == without-starter ]]; then
				args=(--wx.login.enabled=false
					"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:$work/rsa-public.pem")
			fi
			# start_app runs "$java -jar $app_jar": the jar and the JVM's options of this variant
			local app_jar="$jar"
			export JDK_JAVA_OPTIONS="${jvm_options[*]}"
			start_app "startup-$variant-$run" "$java17" "${args[@]}"
			unset JDK_JAVA_OPTIONS
			local cpu started_line info
			cpu="$(awk -v ticks="$ticks" '{ printf "%.2f", ($14 + $15) / ticks }' "/proc/$app_pid/stat")"
			started_line="$(grep -o 'Started SampleApplication in [0-9.]* seconds (process running for [0-9.]*)' \
				"$work/startup-$variant-$run.log")"
			sleep 1
			jcmd "$app_pid" GC.run >/dev/null
			info="$(jcmd "$app_pid" GC.heap_info)"
			printf '== startup %s %s, CPU %s s\n%s\n%s\n\n' "$variant" "$run" "$cpu" "$started_line" "$info" >>"$raw"
			local seconds process heap metaspace
			seconds="$(sed 's/.* in \([0-9.]*\) seconds.*/\1/' <<<"$started_line")"
			process="$(sed 's/.*running for \([0-9.]*\))/\1/' <<<"$started_line")"
			heap="$(grep -m1 'heap' <<<"$info" | sed 's/.*used \([0-9]*\)K.*/\1/')"
			metaspace="$(grep -m1 'Metaspace' <<<"$info" | sed 's/.*used \([0-9]*\)K.*/\1/')"
			echo "| $variant | $run | $seconds | $process | $cpu | $heap | $metaspace | $(cut -d ' ' -f 1 /proc/loadavg) |" \
				| tee -a "$table"
			stop_app
		done
	done
}

# burst_codes FILE PREFIX COUNT: login codes of the users PREFIX-0 ... PREFIX-(COUNT-1), one each, into FILE; a
# prefix given again gives codes of the same users (returning users)
burst_codes() {
	curl -sf -X POST "$control/login-codes?prefix=$2&count=$3" >"$1"
}

# same_user_codes FILE PREFIX COUNT: COUNT login codes of the one user PREFIX-0 into FILE
same_user_codes() {
	local _
	: >"$1"
	for _ in $(seq "$3"); do
		curl -sf -X POST "$control/login-codes?prefix=$2&count=1" >>"$1"
	done
}

burst_db=""
burst_psql() {
	psql -h "${burst_postgres%:*}" -p "${burst_postgres#*:}" -U postgres -qAt "$@"
}

# burst_database NAME: with BURST_POSTGRES, a database of its own for the next instance
burst_database() {
	[[ -n "$burst_postgres" ]] || return 0
	burst_db="wxburst_${1//[^a-z0-9]/_}_$$"
	burst_psql -c "create database $burst_db"
	datasource_url="jdbc:postgresql://$burst_postgres/$burst_db?user=postgres"
}

drop_burst_database() {
	[[ -n "$burst_db" ]] || return 0
	burst_psql -c "drop database if exists $burst_db"
	burst_db=""
	datasource_url="${DATASOURCE_URL:-jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1}"
}

# accounts: the accounts in the instance's database (BURST_POSTGRES), "-" without it
accounts() {
	if [[ -n "$burst_db" ]]; then
		burst_psql -d "$burst_db" -c 'select count(*) from wx_account'
	else
		echo -
	fi
}

# burst [Burst.java options] URL FILE...: one burst, all the files' codes at once; its output also into the raw file
burst() {
	"$java17" -cp "$work/burst" Burst "$@"
}

# burst_row BUILD JVM CASE RUN OUTPUT FILE ACCOUNTS: a table row of FILE's line in the burst's OUTPUT
burst_row() {
	local line
	line="$(grep "^$6 " <<<"$5")"
	value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
	echo "| $1 | $2 | $3 | $4 | $(value statuses) | $(value codes) | $(value users) | $7 | $(value p50_ms) | $(value p99_ms) | $(value max_ms) | $(value wall_ms) | $(cut -d ' ' -f 1 /proc/loadavg) |" \
		| tee -a "$table"
}

# app_warnings NAME TITLE: the app's WARN and ERROR lines and the causes of its stack traces, counted (what a
# non-200 came from), into the raw file
app_warnings() {
	{
		printf '== app log, %s: WARN and ERROR lines, causes of stack traces, counted\n' "$2"
		grep -E '^[0-9T:.+-]+Z? +(WARN|ERROR)|^Caused by:' "$work/$1.log" \
			| sed -E 's/^[0-9T:.+-]+Z? +//; s/ [0-9]+ --- \[[^]]*\] *\[[^]]*\]//; s/ [0-9]+ --- \[[^]]*\]//' \
			| cut -c1-300 | sort | uniq -c | sort -rn | sed -n 1,30p || true
		echo
	} >>"$raw"
}

run_burst() {
	local builds=("${burst_jars[@]}") default_jar="$app_jar"
	[[ ${#builds[@]} -gt 0 ]] || builds=("sample=$app_jar")
	mkdir -p "$work/burst"
	javac -d "$work/burst" "$here/Burst.java"
	{
		echo
		echo "Bursts: every login of a burst sent at the same instant (Burst.java: a thread and a connection each,"
		echo "one start latch), latency from that instant to the reply. 'cold': an instance started just before,"
		echo "the burst sent at the first 200 of GET /api/public/hello, $burst_same_user first logins of one user"
		echo "and $burst_size new users at once; then a burst of $burst_size new users to warm up (raw file only), and"
		echo "$burst_runs runs of $burst_size new users followed by the same users"
		if [[ -n "$burst_postgres" ]]; then
			echo "returning. Users: PostgreSQL at $burst_postgres, a database per instance."
		else
			echo "returning. Users: $datasource_url."
		fi
		echo "'accounts' is the accounts the burst added to the database."
		echo
		echo "| build | JVM | case | run | replies by status | non-200 codes | distinct users | accounts | p50 ms | p99 ms | max ms | wall ms | load 1m |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	} >>"$table"
	local jvm build run
	for jvm in "${burst_jvms[@]}"; do
		local java="$java17" label="Java 17" extra=()
		if [[ "$jvm" == 25 ]]; then
			java="$java25" label="Java 25, virtual threads" extra=(--spring.threads.virtual.enabled=true)
		fi
		for build in "${builds[@]}"; do
			local name="${build%%=*}" tag="${build%%=*}-$jvm-$$" output before
			app_jar="${build#*=}"
			log "burst, $label, $name ($app_jar)"
			burst_database "$name-$jvm"
			same_user_codes "$work/cold-one-user" "cold-one-$tag" "$burst_same_user"
			burst_codes "$work/cold-new-users" "cold-new-$tag" "$burst_size"
			launch_app "burst-$name-$jvm" "$java" "${hmac_args[@]}" "${extra[@]}"
			output="$(burst --ready="$app/api/public/hello" "$app/wx/login" "$work/cold-one-user" "$work/cold-new-users")"
			printf '== burst | %s | %s | cold | load average: %s\n%s\n\n' "$name" "$label" "$(cat /proc/loadavg)" \
				"$output" >>"$raw"
			local cold_accounts
			cold_accounts="$(accounts)"
			burst_row "$name" "$label" "cold: $burst_same_user logins of one user" 1 "$output" "$work/cold-one-user" \
				"$cold_accounts (both)"
			burst_row "$name" "$label" "cold: $burst_size new users" 1 "$output" "$work/cold-new-users" "$cold_accounts (both)"
			burst_codes "$work/warm-up" "warm-up-$tag" "$burst_size"
			printf '== burst | %s | %s | warm-up\n%s\n\n' "$name" "$label" "$(burst "$app/wx/login" "$work/warm-up")" >>"$raw"
			for run in $(seq "$burst_runs"); do
				local kind
				for kind in new returning; do
					burst_codes "$work/$kind-users" "users-$tag-$run" "$burst_size"
					before="$(accounts)"
					output="$(burst "$app/wx/login" "$work/$kind-users")"
					printf '== burst | %s | %s | %s users, run %s | load average: %s\n%s\n\n' "$name" "$label" "$kind" \
						"$run" "$(cat /proc/loadavg)" "$output" >>"$raw"
					local added="-"
					[[ "$before" == - ]] || added=$(($(accounts) - before))
					burst_row "$name" "$label" "$burst_size $kind users" "$run" "$output" "$work/$kind-users" "$added"
				done
			done
			stop_app
			app_warnings "burst-$name-$jvm" "$name, $label"
			drop_burst_database
		done
		# The physical limit of a login: its one loopback call to WeChat, and nothing else
		log "burst, relay, $label"
		app_jar="$default_chain_jar" start_app "burst-relay-$jvm" "$java" "${hmac_args[@]}" "${extra[@]}"
		burst_codes "$work/warm-up" "relay-warm-up-$jvm-$$" "$burst_size"
		printf '== burst | relay | %s | warm-up\n%s\n\n' "$label" "$(burst "$app/api/public/relay" "$work/warm-up")" >>"$raw"
		for run in $(seq "$burst_runs"); do
			burst_codes "$work/relayed" "relay-$jvm-$$-$run" "$burst_size"
			output="$(burst "$app/api/public/relay" "$work/relayed")"
			printf '== burst | relay | %s | run %s | load average: %s\n%s\n\n' "$label" "$run" "$(cat /proc/loadavg)" \
				"$output" >>"$raw"
			burst_row "relay (one call to WeChat, no login)" "$label" "$burst_size relayed calls" "$run" "$output" \
				"$work/relayed" -
		done
		stop_app
	done
	app_jar="$default_jar"
}

for section in "${sections[@]}"; do
	"run_$section"
done

if [[ ${#notes[@]} -gt 0 ]]; then
	{
		echo
		printf -- '- %s\n' "${notes[@]}"
	} | tee -a "$table"
fi
log "results in $table (raw wrk output in $raw)"
