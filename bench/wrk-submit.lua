-- wrk script for the end-to-end benchmark: each request POSTs the next pre-signed envelope from a
-- file (one per line) to /v1/tx?wait=true, so its latency is "POST to committed". Threads take
-- disjoint envelopes (thread t uses lines t, t+n, t+2n, ...) so that nothing is a duplicate.
-- Arguments: <envelope file> <threads> [delay ms between a connection's requests, for a fixed load]
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do table.insert(bodies, line) end
  f:close()
  step = tonumber(args[2])
  pause = tonumber(args[3] or "0")
  counter = tid
end

function delay()
  return pause
end

function request()
  local body = bodies[(counter % #bodies) + 1]
  counter = counter + step
  return wrk.format("POST", "/v1/tx?wait=true", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d mean_us=%f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99), latency.mean))
end
