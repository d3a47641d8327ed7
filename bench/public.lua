-- wrk script: the public mix of the load test — pages, search, finder,
-- open data, OParl and the public PDFs (bench/load.sh writes the paths to
-- public-paths.txt from the running demo). Every connection starts at a
-- different line. An error is a socket error or any answer 500 or above.
local paths = {}
for line in io.lines(os.getenv("PATHS") or "bench/public-paths.txt") do
  if line:sub(1, 1) == "/" then
    paths[#paths + 1] = line
  end
end
local counter = 0

dofile("bench/errors.lua")

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 5)
  remember(thread)
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + (offset or 0)) % #paths) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d (%.0f/s), server errors: %d, busy (503): %d, socket errors: %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), sum("server_errors"), sum("busy"),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
