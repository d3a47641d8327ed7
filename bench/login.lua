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

dofile("bench/errors.lua")

function setup(thread)
  remember(thread)
end

function done(summary, latency, requests)
  io.write(string.format("login guesses: %d, server errors: %d, busy (503): %d, socket errors: %d, p99 %.2f ms\n",
    summary.requests, sum("server_errors"), sum("busy"),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(99) / 1000))
end
