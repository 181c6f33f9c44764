#!/usr/bin/env bash
# Start a local 3-master Redis Cluster on 127.0.0.1:7001-7003 for the benchmarks (benchmarks/redis), unless
# one is already up and healthy; the tests start a cluster of their own (LocalRedisCluster). No persistence; each node keeps its cluster state under /tmp/wxlogin-redis-cluster.
# REDIS_CLUSTER_PORTS and REDIS_CLUSTER_DIR start another one elsewhere (the benchmarks' own).
set -euo pipefail

read -r -a PORTS <<<"${REDIS_CLUSTER_PORTS:-7001 7002 7003}"
ROOT="${REDIS_CLUSTER_DIR:-/tmp/wxlogin-redis-cluster}"

log() { printf '[redis-cluster] %s\n' "$*"; }

healthy() {
	for port in "${PORTS[@]}"; do
		redis-cli -h 127.0.0.1 -p "$port" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
	done
}

if healthy; then
	log "up on ports ${PORTS[*]}"
	exit 0
fi

started=no
for port in "${PORTS[@]}"; do
	if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
		# a node that is not running starts afresh: its old cluster state names peers that may be gone
		rm -rf "${ROOT:?}/$port"
		mkdir -p "$ROOT/$port"
		redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --cluster-enabled yes \
			--cluster-config-file nodes.conf --cluster-node-timeout 5000 --save "" --appendonly no \
			--dir "$ROOT/$port" --logfile "$ROOT/$port/redis.log" --pidfile "$ROOT/$port/redis.pid"
		started=yes
	fi
done

for port in "${PORTS[@]}"; do
	for _ in $(seq 1 50); do
		redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
		sleep 0.2
	done
done

# A node that started afresh, or nodes that do not know each other, make a new cluster (test data only)
known=$(redis-cli -h 127.0.0.1 -p "${PORTS[0]}" cluster info | sed -n 's/^cluster_known_nodes:\([0-9]*\).*/\1/p')
if [ "$started" = yes ] || [ "$known" != "${#PORTS[@]}" ]; then
	for port in "${PORTS[@]}"; do
		redis-cli -h 127.0.0.1 -p "$port" flushall >/dev/null
		redis-cli -h 127.0.0.1 -p "$port" cluster reset hard >/dev/null
	done
	log "forming the cluster"
	redis-cli --cluster create $(printf '127.0.0.1:%s ' "${PORTS[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
fi

for _ in $(seq 1 60); do
	if healthy; then
		log "up on ports ${PORTS[*]}"
		exit 0
	fi
	sleep 1
done
log "cluster_state is not ok"
exit 1
