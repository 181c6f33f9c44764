#!/usr/bin/env bash
# Redis commands per login, per refresh and per guarded request: the sample app in demo mode on a Redis of
# its own (so that nothing else's commands are counted), first one server, then a 3-master Redis Cluster
# (started with .ci/redis-cluster.sh on ports of its own), INFO commandstats read on every master before
# and after each bounded batch (commands run by scripts included), and MONITOR on every master during it
# for the round trips (what the application sends: a script is one). The revocation stream's XREAD, every
# half second, is counted apart; Lettuce's own CLUSTER/CLIENT/INFO/HELLO/PING (topology refresh,
# connection set-up) are not counted. Results: benchmarks/results/redis-commands.md.
# Usage: benchmarks/redis/commands.sh [requests per batch]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/benchmarks/results/redis-commands.md"
batch="${1:-200}"
redis_port="${REDIS_PORT:-6391}"
read -r -a cluster_ports <<<"${REDIS_CLUSTER_PORTS:-7391 7392 7393}"
port="${PORT:-18091}"
app_jar="$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
started=()
nodes=()

stop_all() {
	for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
	redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
	for node in "${cluster_ports[@]}"; do redis-cli -p "$node" shutdown nosave >/dev/null 2>&1 || true; done
	rm -rf "$work"
}
trap stop_all EXIT

[[ -f "$app_jar" ]] || (cd "$root" && mvn -B -q -o -DskipTests package -pl wxlogin-sample-app -am)

for node in "$redis_port" "${cluster_ports[@]}"; do
	if redis-cli -p "$node" ping >/dev/null 2>&1; then
		echo "port $node is taken: this script needs Redis servers of its own (REDIS_PORT, REDIS_CLUSTER_PORTS)" >&2
		exit 1
	fi
done
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
	--dir "$work" --logfile "$work/redis.log"
REDIS_CLUSTER_PORTS="${cluster_ports[*]}" REDIS_CLUSTER_DIR="$work/cluster" bash "$root/.ci/redis-cluster.sh" >/dev/null

run_app() { # extra arguments
	(cd "$work" && exec java -jar "$app_jar" --server.port="$port" --server.address=127.0.0.1 --wx.login.store.type=redis \
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

# "command calls" lines of INFO commandstats, such as "evalsha 3", summed over the nodes
stats() {
	for node in "${nodes[@]}"; do
		redis-cli -p "$node" info commandstats | tr -d '\r' |
			sed -n 's/^cmdstat_\([^:]*\):calls=\([0-9]*\),.*/\1 \2/p'
	done | awk '{ calls[$1] += $2 } END { for (c in calls) print c, calls[c] }' | sort
}

# per-request calls of each command between two snapshots, the background XREAD apart
per_request() { # before, after, requests
	join -a 2 -e 0 -o 0,1.2,2.2 "$1" "$2" | awk -v n="$3" '
		$1 !~ /^(info|monitor|cluster|client|hello|ping|command|readonly)$/ && $3 > $2 {
			d = $3 - $2
			if ($1 == "xread") { background += d; next }
			total += d
			line = line sprintf("%s %.2f, ", $1, d / n)
		}
		END { sub(/, $/, "", line); printf "%.2f | %s | %d\n", total / n, (line == "" ? "none" : line), background }'
}

measure() { # label, command to run batch times (gets the index)
	local label="$1" fn="$2" i node monitors=() trips
	stats >"$work/before"
	for node in "${nodes[@]}"; do
		redis-cli -p "$node" monitor >"$work/monitor-$node" &
		monitors+=("$!")
	done
	sleep 0.5
	for ((i = 0; i < batch; i++)); do "$fn" "$i" >/dev/null; done
	sleep 0.5
	kill "${monitors[@]}"
	wait "${monitors[@]}" 2>/dev/null || true
	stats >"$work/after"
	# lines "<time> [<db> <client>] "<COMMAND>" ...", those of scripts "[<db> lua]"
	trips="$(cat "${nodes[@]/#/$work/monitor-}" | grep -v ' lua\]' |
		grep -ciEv '"(xread|info|monitor|ping|cluster|client|hello|command|readonly)"|^OK$' || true)"
	printf '| %s | %s | %s |\n' "$label" "$(awk -v t="$trips" -v n="$batch" 'BEGIN { printf "%.2f", t / n }')" \
		"$(per_request "$work/before" "$work/after" "$batch")"
}

declare -a refresh_tokens access_tokens
do_login() { login "openid-redis-$kind-$variant-$1"; }
do_login_keep() {
	local reply
	reply="$(login "openid-redis-keep-$kind-$variant-$1")"
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
	echo "\`benchmarks/redis/commands.sh $batch\`, Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'):"
	echo "one server, and a Redis Cluster of ${#cluster_ports[@]} masters on loopback (commands summed over the masters)."
	echo
	echo "| Redis, variant, request | round trips per request | commands per request (scripts' included) | of which, per request | background XREAD in the batch |"
	echo "|---|---|---|---|---|"
} >"$results"

warm_up() { # the WeChat access token, the first connections, each script loaded on each master
	local i reply
	for ((i = 0; i < 20; i++)); do
		reply="$(login "openid-redis-warm-$kind-$variant-$i")"
		post /wx/token/refresh "{\"refreshToken\":\"$(jq -r .refreshToken <<<"$reply")\"}" >/dev/null
		curl -fs "$base/api/hello" -H "Authorization: Bearer $(jq -r .accessToken <<<"$reply")" >/dev/null
	done
}

for kind in single cluster; do
	if [[ "$kind" == single ]]; then
		nodes=("$redis_port")
		redis_args=(--spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$redis_port")
	else
		nodes=("${cluster_ports[@]}")
		redis_args=(--spring.data.redis.cluster.nodes="$(printf '127.0.0.1:%s,' "${cluster_ports[@]}" | sed 's/,$//')")
	fi
	for variant in rate-limited no-rate-limit; do
		# the limits stay on in the first variant, raised so that the batches stay under them
		if [[ "$variant" == rate-limited ]]; then
			run_app "${redis_args[@]}" --wx.login.rate-limit.login-per-ip=1000000 --wx.login.rate-limit.refresh-per-ip=1000000
		else
			run_app "${redis_args[@]}" --wx.login.rate-limit.enabled=false
		fi
		warm_up
		{
			measure "$kind, $variant, login of a new user" do_login
			measure "$kind, $variant, login that keeps its tokens" do_login_keep
			measure "$kind, $variant, refresh" do_refresh
			measure "$kind, $variant, guarded request, first use of its token" do_first_guarded
			measure "$kind, $variant, guarded request, token verified before" do_cached_guarded
		} >>"$results"
		stop_app
	done
done
cat "$results"
