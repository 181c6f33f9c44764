#!/usr/bin/env bash
# Redis commands per login, per refresh and per guarded request: the sample app in demo mode on a Redis of
# its own (so that nothing else's commands are counted), INFO commandstats read before and after each
# bounded batch (commands run by scripts included), and MONITOR during it for the round trips (what the
# application sends: a script is one). The revocation stream's XREAD, every half second, is counted apart.
# Results: benchmarks/results/redis-commands.md. Usage: benchmarks/redis/commands.sh [requests per batch]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/benchmarks/results/redis-commands.md"
batch="${1:-200}"
redis_port="${REDIS_PORT:-6391}"
port="${PORT:-18091}"
app_jar="$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
started=()

stop_all() {
	for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
	redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap stop_all EXIT

[[ -f "$app_jar" ]] || (cd "$root" && mvn -B -q -o -DskipTests package -pl wxlogin-sample-app -am)

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
	--dir "$work" --logfile "$work/redis.log"

run_app() { # extra arguments
	(cd "$work" && exec java -jar "$app_jar" --server.port="$port" --server.address=127.0.0.1 --wx.login.store.type=redis \
		--spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$redis_port" \
		--spring.datasource.url="jdbc:h2:mem:redis-commands" "$@" >"$work/app.log" 2>&1) &
	started+=("$!")
	for _ in $(seq 1 120); do
		curl -fs "$base/demo/info" >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "the sample app did not start; its log: $work/app.log" >&2
	exit 1
}

stop_app() {
	kill "${started[-1]}"
	wait "${started[-1]}" 2>/dev/null || true
	unset 'started[-1]'
}

post() { # path, json, [bearer]
	curl -fs -X POST "$base$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}

login() { # openid
	local code
	code="$(post /demo/wx-login "{\"openid\":\"$1\"}" | jq -r .code)"
	post /wx/login "{\"code\":\"$code\"}"
}

# "command calls" lines of INFO commandstats, such as "evalsha 3"
stats() {
	redis-cli -p "$redis_port" info commandstats | tr -d '\r' |
		sed -n 's/^cmdstat_\([^:]*\):calls=\([0-9]*\),.*/\1 \2/p' | sort
}

# per-request calls of each command between two snapshots, the background XREAD apart
per_request() { # before, after, requests
	join -a 2 -e 0 -o 0,1.2,2.2 "$1" "$2" | awk -v n="$3" '
		$1 != "info" && $1 != "monitor" && $3 > $2 {
			d = $3 - $2
			if ($1 == "xread") { background += d; next }
			total += d
			line = line sprintf("%s %.2f, ", $1, d / n)
		}
		END { sub(/, $/, "", line); printf "%.2f | %s | %d\n", total / n, (line == "" ? "none" : line), background }'
}

measure() { # label, command to run batch times (gets the index)
	local label="$1" fn="$2" i monitor trips
	stats >"$work/before"
	redis-cli -p "$redis_port" monitor >"$work/monitor" &
	monitor=$!
	sleep 0.5
	for ((i = 0; i < batch; i++)); do "$fn" "$i" >/dev/null; done
	sleep 0.5
	kill "$monitor"
	wait "$monitor" 2>/dev/null || true
	stats >"$work/after"
	# lines "<time> [<db> <client>] "<COMMAND>" ...", those of scripts "[<db> lua]"
	trips="$(grep -v ' lua\]' "$work/monitor" | grep -ciEv '"(xread|info|monitor|ping)"|^OK$' || true)"
	printf '| %s | %s | %s |\n' "$label" "$(awk -v t="$trips" -v n="$batch" 'BEGIN { printf "%.2f", t / n }')" \
		"$(per_request "$work/before" "$work/after" "$batch")"
}

declare -a refresh_tokens access_tokens
do_login() { login "openid-redis-$variant-$1"; }
do_login_keep() {
	local reply
	reply="$(login "openid-redis-keep-$variant-$1")"
	refresh_tokens[$1]="$(jq -r .refreshToken <<<"$reply")"
	access_tokens[$1]="$(jq -r .accessToken <<<"$reply")"
}
do_refresh() { post /wx/token/refresh "{\"refreshToken\":\"${refresh_tokens[$1]}\"}"; }
do_first_guarded() { curl -fs "$base/api/hello" -H "Authorization: Bearer ${access_tokens[$1]}"; }
do_cached_guarded() { curl -fs "$base/api/hello" -H "Authorization: Bearer ${access_tokens[0]}"; }

{
	echo "# Redis commands per request"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $batch requests per row,"
	echo "\`benchmarks/redis/commands.sh $batch\`, Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')."
	echo
	echo "| variant, request | round trips per request | commands per request (scripts' included) | of which, per request | background XREAD in the batch |"
	echo "|---|---|---|---|---|"
} >"$results"

for variant in rate-limited no-rate-limit; do
	# the limits stay on in the first variant, raised so that the batches stay under them
	if [[ "$variant" == rate-limited ]]; then
		run_app --wx.login.rate-limit.login-per-ip=1000000 --wx.login.rate-limit.refresh-per-ip=1000000
	else
		run_app --wx.login.rate-limit.enabled=false
	fi
	login "openid-redis-warm-$variant" >/dev/null # the WeChat access token, the first connections
	{
		measure "$variant, login of a new user" do_login
		measure "$variant, login that keeps its tokens" do_login_keep
		measure "$variant, refresh" do_refresh
		measure "$variant, guarded request, first use of its token" do_first_guarded
		measure "$variant, guarded request, token verified before" do_cached_guarded
	} >>"$results"
	stop_app
done
cat "$results"
