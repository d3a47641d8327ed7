#!/bin/sh
# The load test of the security round: the demo under 256 connections of
# public traffic (pages, search, finder, open data, OParl, public PDFs)
# while 32 connections guess the administrator's password from one
# address, and one client probes /healthz. Resident memory is sampled
# every half second. Run from the repository root:
#   bench/load.sh [seconds]          (default 30)
# Bars: 0 server errors, /healthz p99 <= 100 ms, resident memory <= 300 MB.
set -eu
SECONDS_=${1:-30}
PORT=${PORT:-18081}
DIR=$(mktemp -d /var/tmp/ikon-load.XXXXXX)
cargo build --release --bin ikon
TARGET=${CARGO_TARGET_DIR:-target}/release
IKON_DATA_DIR="$DIR" IKON_LISTEN="127.0.0.1:$PORT" IKON_LOG=warn \
  "$TARGET/ikon" serve --demo >"$DIR/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
# The demo's offers reach the search index a moment after the start.
for _ in $(seq 1 50); do
  curl -s "$BASE/search" | grep -q 'search-hit' && break
  sleep 0.2
done

# The public paths of this demo: fixed pages plus every offer, network
# Wegweiser and public invitation the pages link to.
PATHS="$DIR/public-paths.txt"
{
  printf '%s\n' / /about /networks /search "/search?q=Beratung" \
    "/search?q=Deutschkurs&postal_code=91413" "/search?q=MBE&lang=ar" \
    "/finder?postal_code=91413" "/api/v1/offers?q=Kita" "/api/v1/offers.geojson" \
    /oparl/v1/bodies /oparl/v1/body/1/meetings
  curl -s "$BASE/search?per_page=100" | sed 's|&#x2f;|/|g' | grep -o 'href="/networks/[0-9]*/offers/[0-9][^"]*"' \
    | sed 's/href="//; s/"$//' | sort -u
  for n in $(curl -s "$BASE/api/v1/networks" | grep -o '"id":[0-9]*' | cut -d: -f2 | sort -u); do
    echo "/networks/$n/wegweiser.pdf"
    echo "/networks/$n/wegweiser.pdf?lang=ar"
  done
  curl -s "$BASE/oparl/v1/body/1/meetings" | grep -o '"accessUrl":"[^"]*invitation.pdf"' \
    | sed "s|\"accessUrl\":\"$BASE||; s/\"$//" | sort -u
} >"$PATHS"
echo "public mix: $(wc -l <"$PATHS") paths ($(grep -c '\.pdf' "$PATHS") PDFs)"

MAX_RSS=0
sample() {
  while kill -0 $PID 2>/dev/null; do
    RSS=$(awk '/VmRSS/ {print $2}' /proc/$PID/status 2>/dev/null || echo 0)
    echo "$RSS"
    sleep 0.5
  done
}
echo "resident memory at rest: $(awk '/VmRSS/ {print $2}' /proc/$PID/status) kB"
sample >"$DIR/rss.txt" &
SAMPLER=$!

PATHS="$PATHS" wrk -t2 -c256 -d"${SECONDS_}s" --latency -s bench/public.lua "$BASE" >"$DIR/public.txt" &
W1=$!
wrk -t1 -c32 -d"${SECONDS_}s" -s bench/login.lua "$BASE" >"$DIR/login.txt" &
W2=$!
sleep 1
wrk -t1 -c1 -d"$((SECONDS_ - 2))s" --latency -s bench/health.lua "$BASE/healthz" >"$DIR/health.txt" &
W3=$!
wait $W1 $W2 $W3
kill $SAMPLER 2>/dev/null || true

echo "── public mix, 256 connections";  tail -2 "$DIR/public.txt"
echo "── password guessing, 32 connections"; tail -1 "$DIR/login.txt"
echo "── probe";                         tail -1 "$DIR/health.txt"
MAX_RSS=$(sort -n "$DIR/rss.txt" | tail -1)
echo "resident memory, highest sample: $((MAX_RSS / 1024)) MB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
