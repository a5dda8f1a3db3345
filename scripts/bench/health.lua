-- The framework's own ceiling: a trivial endpoint of the same API.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/health/live")
end
