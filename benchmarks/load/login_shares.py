"""Reads `jfr print --events jdk.ExecutionSample` of the app during a run of logins and prints where its
CPU went: the share of all the app's samples with a given frame anywhere on the stack (a frame counts
once per sample, so the shares overlap), then the innermost frames."""
import re
import sys

MARKERS = [
	("the login (WxSignInService.signIn)", "WxSignInService.signIn"),
	("  code2Session, the call to WeChat", "RestClientWxApiClient.code2Session"),
	("  the user store (findOrCreate)", ".findOrCreate"),
	("    H2", "org.h2."),
	("  the session key kept", "SessionKeyStore.save"),
	("  tokens issued (WxTokenService.issue)", "WxTokenService.issue"),
	("    the access token signed (NimbusJwtEncoder)", "NimbusJwtEncoder.encode"),
	("    the refresh token saved", "RefreshTokenStore.save"),
	("    sessions limited", "WxLoginSessionService.limitSessions"),
	("  the audit event published", "publishEvent"),
	("JSON read or written (Jackson)", "jackson."),
	("Micrometer (observations, meters)", "io.micrometer."),
	("logging (Logback, SLF4J)", "ch.qos.logback."),
	("the JDK's HTTP client", "jdk.internal.net.http."),
	("Tomcat's connector (coyote, NIO)", "org.apache.coyote."),
	("Spring Security filter chain", "FilterChainProxy.doFilterInternal"),
	("DispatcherServlet", "DispatcherServlet.doDispatch"),
	("GC and JIT threads are not sampled here", "\x00"),
]

samples = sys.stdin.read().split("jdk.ExecutionSample {")[1:]
total = len(samples)
print(f"samples of the app: {total}")
threads = {}
for s in samples:
	match = re.search(r'sampledThread = "([^"]*?)(-?\d+)?"', s)
	name = match.group(1) if match else "?"
	threads[name] = threads.get(name, 0) + 1
print("by thread name (numbers stripped): " + ", ".join(
	f"{name} {100.0 * hits / max(total, 1):.1f} %" for name, hits in sorted(threads.items(), key=lambda i: -i[1])[:6]))
print()
for label, marker in MARKERS[:-1]:
	hits = sum(1 for s in samples if marker in s)
	print(f"{label:50s} {hits:6d}  {100.0 * hits / max(total, 1):5.1f} %")


def top(title, pattern, count):
	found = {}
	for s in samples:
		match = pattern.search(s)
		if match:
			found[match.group(1)] = found.get(match.group(1), 0) + 1
	print()
	print(f"{title}, top {count} (samples, share of all)")
	for frame, hits in sorted(found.items(), key=lambda item: -item[1])[:count]:
		print(f"{hits:6d}  {100.0 * hits / max(total, 1):5.1f} %  {frame}")


top("innermost wxlogin frame", re.compile(r"^\s+(io\.github\.wxlogin[\w.$]+)\(", re.MULTILINE), 15)
top("innermost frame", re.compile(r"stackTrace = \[\s*\n\s+([\w.$<>]+)\("), 25)
