-- wrk script: one client asking /healthz, to see how a load balancer's
-- probe fares while the others flood the server.
function done(summary, latency, requests)
  io.write(string.format("healthz: %d answers, non-2xx: %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
