-- Shared by the wrk scenarios: per-thread numbering and a JSON summary on stdout's last line.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function next_number()
  counter = counter + 1
  return counter
end

-- Non-2xx answers, by status, with the first body of each (threads report them to done()).
statuses = {}
samples = {}

function response(status, headers, body)
  if status >= 300 then
    statuses[status] = (statuses[status] or 0) + 1
    samples[status] = samples[status] or string.sub(body or "", 1, 300)
  end
end

function lines(path)
  local list = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(list, line) end
  end
  return list
end

-- A query string's value, percent-encoded byte by byte (the Chinese of the search scenarios is UTF-8).
function urlencode(text)
  return (text:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The characters of a UTF-8 string, each a string of its own.
function characters(text)
  local list = {}
  for character in text:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
    table.insert(list, character)
  end
  return list
end

function done(summary, latency, requests)
  local errors = summary.errors
  for _, thread in ipairs(threads) do
    local counts, bodies = thread:get("statuses"), thread:get("samples")
    for status, count in pairs(counts or {}) do
      io.stderr:write(string.format("status %d x%d: %s\n", status, count, (bodies or {})[status] or ""))
    end
  end
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"rps":%.1f,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
