-- wrk's request for bench/delivery: POST of one export body (the file named
-- after the URL on wrk's command line) with the headers the sender sends.
-- A fixed request: building one per request in Lua would lower the ceiling.
function init(args)
   local file = assert(io.open(args[1], "rb"))
   wrk.method = "POST"
   wrk.body = file:read("*a")
   file:close()
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["User-Agent"] = "Outflow/bench"
   wrk.headers["X-Outflow-Export-Id"] = "00000000-0000-4000-8000-000000000000"
end

-- One line that delivery_bench parses; latencies in microseconds.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "OUTFLOW requests=%d duration_us=%d non2xx=%d socket_errors=%d p50=%d p95=%d p99=%d\n",
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
