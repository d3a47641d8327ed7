-- wrk script: replays the distinct requests of a file (REQUESTS, default
-- requests.txt in the benchmark folder named by BENCH_DIR) in turn, each
-- thread from another point of the list, so no answer is asked twice
-- before the process has long forgotten it. Counts non-200 answers.
local file = os.getenv("REQUESTS") or ((os.getenv("BENCH_DIR") or ".") .. "/requests.txt")
local paths = {}
for line in io.lines(file) do
  if line:sub(1, 1) == "/" then
    paths[#paths + 1] = line
  end
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", (threads - 1) * math.floor(#paths / 2))
end

local i = 0
function request()
  i = i + 1
  local path = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("distinct requests: %d\n", #paths))
  io.write(string.format("requests: %d, non-2xx/3xx: %d, socket errors: %d\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
