# Sourced by profile-guarded.sh and profile-login.sh: starts the load fixture (the fake WeChat server) and
# the sample app on loopback (HS256, users in H2, no rate limit, the caller's "$@" as more of the app's
# arguments), stops both on exit, and sets here, root, work, control, app (the app's pid) and url.
# Uses the jars run.sh builds, or APP_JAR and FIXTURE_JAR (see run.sh); JAVA and PORT choose the JVM and port.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-18080}"
url="http://127.0.0.1:$port"
app_jar="${APP_JAR:-$root/wxlogin-sample-app/target/wxlogin-sample-app-0.1.0-SNAPSHOT.jar}"
fixture_jar="${FIXTURE_JAR:-$here/target/load-fixture.jar}"
work="$(mktemp -d)"
started=()
trap 'for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

java -jar "$fixture_jar" wxbe9c000000000001 bench0secret0of0the0fake0wechat0 "$work/fixture.env" \
	>"$work/fixture.log" 2>&1 &
started+=($!)
until [[ -f "$work/fixture.env" ]]; do sleep 0.2; done
control="$(sed -n 's/^control=//p' "$work/fixture.env")"
"${JAVA:-java}" -jar "$app_jar" --server.address=127.0.0.1 "--server.port=$port" \
	"--wx.login.api-base-url=$(sed -n 's/^fake=//p' "$work/fixture.env")" --wx.login.appid=wxbe9c000000000001 \
	--wx.login.secret=bench0secret0of0the0fake0wechat0 --wx.login.rate-limit.enabled=false \
	"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
	--wx.login.jwt.hmac-secret=bench-hmac-secret-of-at-least-32-bytes-long "$@" >"$work/app.log" 2>&1 &
app=$!
started+=("$app")
until grep -Eqs "Started [A-Za-z]+ in" "$work/app.log"; do sleep 0.2; done
cd "$here"
