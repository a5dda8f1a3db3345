-- 2. An agent opens one complaint by id (ids drawn at random from the seeded ones).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local ids = lines(os.getenv("BENCH_IDS"))
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
math.randomseed(os.time())

function request()
  return wrk.format("GET", "/api/v1/complaints/" .. ids[math.random(#ids)], { ["Authorization"] = auth })
end
