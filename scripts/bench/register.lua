-- 4. One state transition with If-Match: register a received complaint (each thread takes its own slice of the pool).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local pool = lines(os.getenv("BENCH_POOL"))
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local threads_total = tonumber(os.getenv("BENCH_THREADS"))
local body = '{"category":"logistics","severity":"general","customerAcknowledged":true}'
local position

function request()
  position = (position or id) 
  local line = pool[position]
  position = position + threads_total
  local complaint, etag = line:match("^(%S+)%s+(%S+)$")
  return wrk.format("POST", "/api/v1/complaints/" .. complaint .. "/register",
    { ["Content-Type"] = "application/json", ["Authorization"] = auth, ["If-Match"] = '"' .. etag .. '"' }, body)
end
