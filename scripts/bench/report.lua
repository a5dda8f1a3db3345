-- 5. The complaints summary report over one quarter, by category.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local query = os.getenv("BENCH_QUARTER")

function request()
  return wrk.format("GET", "/api/v1/reports/complaints/summary?" .. query .. "&groupBy=category", { ["Authorization"] = auth })
end
