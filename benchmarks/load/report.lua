-- One line per run for run.sh to read: throughput, latency percentiles and every kind of failure.
function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		"RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d\n",
		summary.requests, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
		e.connect + e.read + e.write + e.timeout, e.status))
end
