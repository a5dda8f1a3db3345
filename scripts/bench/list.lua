-- 3a. The department's queue: its registered complaints, newest first, a page of 50.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local departments = lines(os.getenv("BENCH_DEPARTMENTS"))
math.randomseed(os.time())

function request()
  return wrk.format("GET", "/api/v1/complaints?status=registered&departmentId=" .. departments[math.random(#departments)] .. "&pageSize=50",
    { ["Authorization"] = auth })
end
