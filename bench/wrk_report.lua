-- wrk script: prints one JSON line with what bench/site_load.py reads (wrk's own report
-- has no 95th percentile). Paths given after `--` are requested in turn (the soak mix).
local paths = {}
local counter = 0

init = function(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

request = function()
  if #paths == 0 then
    return wrk.format()
  end
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "socket_errors": %d, "bad_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
