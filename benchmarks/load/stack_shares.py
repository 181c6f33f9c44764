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
	("  its SHA-256 of the token (TokenHash.of)", "TokenHash.of"),
	("firewalled header reads (getHeader)", "StrictFirewalledRequest.getHeader"),
	("bearer token read (BearerTokenResolver.resolve)", "BearerTokenResolver.resolve"),
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

# Innermost frame of all, whatever its package: where the CPU is actually spent
leaves = {}
LEAF = re.compile(r"stackTrace = \[\s*\n\s+([\w.$<>]+)\(")
for s in workers:
	match = LEAF.search(s)
	if match:
		leaves[match.group(1)] = leaves.get(match.group(1), 0) + 1
print()
print("innermost frame, top 15 (samples, share of worker samples)")
for frame, hits in sorted(leaves.items(), key=lambda item: -item[1])[:15]:
	print(f"{hits:6d}  {100.0 * hits / max(total, 1):5.1f} %  {frame}")

# What BearerTokenAuthenticationFilter does itself: the frame it calls, on each sample that has it
# (the rest of the chain and the controller are under FilterChain.doFilter)
FRAMES = re.compile(r"^\s+([\w.$<>]+)\(", re.MULTILINE)
callees = {}
for s in workers:
	frames = FRAMES.findall(s.split("stackTrace = [", 1)[-1])
	for index, frame in enumerate(frames):
		if frame.endswith("BearerTokenAuthenticationFilter.doFilterInternal") and index > 0:
			callee = frames[index - 1]
			callees[callee] = callees.get(callee, 0) + 1
			break
print()
print("called by BearerTokenAuthenticationFilter.doFilterInternal (samples, share of worker samples)")
for frame, hits in sorted(callees.items(), key=lambda item: -item[1])[:12]:
	print(f"{hits:6d}  {100.0 * hits / max(total, 1):5.1f} %  {frame}")
