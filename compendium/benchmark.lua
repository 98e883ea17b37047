-- Print wrk's figures as one JSON line that `manage.py benchmark` reads (latencies in µs).
done = function(summary, latency, requests)
  local e = summary.errors
  -- Failed answers; sockets that wrk itself cuts when the run ends are counted apart.
  local errors = e.connect + e.status + e.timeout
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "errors": %d, '
      .. '"socket": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors, e.read + e.write))
end
