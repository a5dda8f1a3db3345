-- 3b. A text search as an agent types it: the order number the caller reads out.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local size = tonumber(os.getenv("BENCH_COMPLAINTS"))
math.randomseed(os.time())

function request()
  return wrk.format("GET", "/api/v1/complaints?q=" .. tostring(100000 + math.random(size)) .. "&pageSize=50", { ["Authorization"] = auth })
end
