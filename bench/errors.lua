-- Shared by the load test's wrk scripts: counts server errors per thread
-- (any answer of 500 or above, except the 503 + Retry-After that asks a
-- client to come back) and sums them over the threads in done().
threads = {}
server_errors = 0
busy = 0

function response(status, headers, body)
  if status == 503 then
    busy = busy + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  end
end

function remember(thread)
  threads[#threads + 1] = thread
end

function sum(name)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get(name) or 0)
  end
  return total
end
