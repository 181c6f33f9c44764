"""Reads `jfr print --events jdk.ExecutionSample` and prints, for the Tomcat worker threads, the share
of samples with a given frame anywhere on the stack (a frame counts once per sample)."""
import re
import sys

MARKERS = [
	("all Tomcat worker samples", "http-nio"),
	("Spring Security filter chain", "org.springframework.security.web.FilterChainProxy.doFilterInternal"),
	("BearerTokenAuthenticationFilter", "BearerTokenAuthenticationFilter.doFilterInternal"),
	("ProviderManager.authenticate", "ProviderManager.authenticate"),
	("JwtAuthenticationProvider.authenticate", "JwtAuthenticationProvider.authenticate"),
	("CachingJwtDecoder.decode", "CachingJwtDecoder.decode"),
	("WxJwtAuthenticationConverter", "WxJwtAuthenticationConverter.convert"),
	("authentication events published", "publishAuthenticationSuccess"),
	("AuthorizationFilter", "AuthorizationFilter.doFilter"),
	("DispatcherServlet", "DispatcherServlet.doDispatch"),
]

samples = sys.stdin.read().split("jdk.ExecutionSample {")[1:]
workers = [s for s in samples if re.search(r'sampledThread = "http-nio', s)]
total = len(workers)
print(f"Tomcat worker samples: {total} of {len(samples)}")
for label, marker in MARKERS[1:]:
	hits = sum(1 for s in workers if marker in s)
	print(f"{label:45s} {hits:6d}  {100.0 * hits / max(total, 1):5.1f} %")

# Innermost frame of Spring Security or of the starter on each worker sample: who the time is spent for
FRAME = re.compile(r"^\s+((?:org\.springframework\.security|io\.github\.wxlogin)[\w.$]+)\(", re.MULTILINE)
owners = {}
for s in workers:
	match = FRAME.search(s)
	if match:
		owners[match.group(1)] = owners.get(match.group(1), 0) + 1
print()
print("innermost Spring Security or wxlogin frame, top 15 (samples, share of worker samples)")
for frame, hits in sorted(owners.items(), key=lambda item: -item[1])[:15]:
	print(f"{hits:6d}  {100.0 * hits / max(total, 1):5.1f} %  {frame}")
