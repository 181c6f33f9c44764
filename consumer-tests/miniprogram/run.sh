#!/usr/bin/env bash
# What a user of the npm package does, outside the build: install the tarball `npm pack` makes, type-check
# a typed use of it, and run an example against the sample app in demo mode (its jar, built before).
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
log() { printf '[miniprogram consumer] %s\n' "$*"; }

jar="$(ls "$root"/wxlogin-sample-app/target/wxlogin-sample-app-*.jar | grep -v -- "-plain" | head -1 || true)"
[ -f "$jar" ] || { log "build the sample app first (mvn package)"; exit 1; }
work="$(mktemp -d)"
app=""
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

tarball="$(cd "$root/wxlogin-miniprogram-client" && npm pack --silent --pack-destination "$work")"
log "packed $tarball: $(wc -c < "$work/$tarball") bytes"
npm ci --no-audit --no-fund
npm install --no-save --no-audit --no-fund "$work/$tarball"
npm run build
# The same sources as a bundler resolves them (uni-app's Vite, Taro's webpack), and as older projects do
npx tsc -p . --noEmit --module esnext --moduleResolution bundler
npx tsc -p . --noEmit --module commonjs --moduleResolution node --esModuleInterop

port="$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
log "starting the sample app in demo mode on port $port"
(cd "$work" && exec java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
	--spring.datasource.url=jdbc:h2:mem:consumer >"$work/app.log" 2>&1) &
app=$!
for _ in $(seq 1 120); do
	if node -e "fetch('http://127.0.0.1:$port/demo/info').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
		break
	fi
	kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; log "the sample app stopped"; exit 1; }
	sleep 1
done

WXLOGIN_BASE_URL="http://127.0.0.1:$port" WXLOGIN_AVATAR="$root/wxlogin-miniprogram-client/test/avatar.png" node build/example.js
