#!/bin/sh
# The offer search benchmark: generate (once), measure in process, then
# serve and load with wrk. Run from the repository root:
#   bench/run.sh [dir]      (default dir: /var/tmp/ikon-bench)
set -eu
DIR=${1:-/var/tmp/ikon-bench}
PORT=${PORT:-18080}
cargo build --release --bin ikon --example search_bench
TARGET=${CARGO_TARGET_DIR:-target}/release
if [ ! -f "$DIR/ikon.sqlite3" ]; then
  "$TARGET/examples/search_bench" generate "$DIR" 100000 42
fi
if [ ! -f "$DIR/requests.txt" ]; then
  python3 bench/requests.py "$DIR" 20000 7 > "$DIR/requests.txt"
fi
echo "── in process"
"$TARGET/examples/search_bench" measure "$DIR" bench/queries.txt

echo "── over HTTP"
rm -rf "$DIR/search"
IKON_DATA_DIR="$DIR" IKON_LISTEN="127.0.0.1:$PORT" IKON_LOG=warn "$TARGET/ikon" serve &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
echo "first start (index built): $(grep VmRSS /proc/$PID/status)"
kill $PID; wait $PID 2>/dev/null || true
START=$(date +%s.%N)
IKON_DATA_DIR="$DIR" IKON_LISTEN="127.0.0.1:$PORT" IKON_LOG=warn "$TARGET/ikon" serve &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
echo "start-up with existing index: $(echo "$(date +%s.%N) - $START" | bc) s"
load() {
  SCRIPT=${1:-bench/mix.lua}
  wrk -t2 -c64 -d10s -s "$SCRIPT" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
  wrk -t2 -c64 -d30s --latency -s "$SCRIPT" "http://127.0.0.1:$PORT" &
  WRK=$!
  sleep 15
  echo "under load: $(grep VmRSS /proc/$PID/status)"
  wait $WRK
}
echo "── load, answers kept per index version (the default)"
load
echo "── load, 20,000 distinct requests in turn (no answer asked twice while kept)"
REQUESTS="$DIR/requests.txt" load bench/replay.lua
kill $PID; wait $PID 2>/dev/null || true

echo "── load, every search computed (IKON_SEARCH_CACHE_ENTRIES=0)"
IKON_SEARCH_CACHE_ENTRIES=0 IKON_DATA_DIR="$DIR" IKON_LISTEN="127.0.0.1:$PORT" IKON_LOG=warn "$TARGET/ikon" serve &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
load
