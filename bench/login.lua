-- wrk script: password guessing against the demo administrator from one
-- address — the throttle answers 429 (or 503 when the password checks are
-- saturated); only socket errors and other answers of 500 and above count
-- as errors of the server.
local token = "benchbenchbenchbenchbenchbenchbenchbench123"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "ikon_csrf=" .. token

local i = 0
function request()
  i = i + 1
  local body = "csrf=" .. token .. "&email=admin%40demo.ikon.example&password=guess" .. i
  return wrk.format("POST", "/login", nil, body)
end


-- Server errors per thread, summed in done(): any answer of 500 or above,
-- except the 503 + Retry-After that asks a client to come back.
local threads = {}
server_errors = 0
busy = 0
function response(status, headers, body)
  if status == 503 then
    busy = busy + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  end
end

local function sum(name)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get(name) or 0)
  end
  return total
end

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  io.write(string.format("login guesses: %d, server errors: %d, busy (503): %d, socket errors: %d, p99 %.2f ms\n",
    summary.requests, sum("server_errors"), sum("busy"),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(99) / 1000))
end
