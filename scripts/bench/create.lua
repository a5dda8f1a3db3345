-- 1. A partner pushes a new complaint: new external reference, new customer, an idempotency key per request.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local key = os.getenv("BENCH_PARTNER_KEY")
local run = os.getenv("BENCH_RUN")

function request()
  local n = next_number()
  local ref = string.format("%s-%d-%d", run, id, n)
  local phone = string.format("+86 138 %04d %04d", (id * 7919 + n) % 10000, (n * 31 + tonumber(run) % 10000) % 10000)
  local body = string.format(
    '{"channel":"partner","externalReference":"%s","title":"Parcel not delivered","description":"Ordered a week ago, still not here. Ref %s.","customer":{"name":"Bench Customer %s","phone":"%s"}}',
    ref, ref, ref, phone)
  return wrk.format("POST", "/api/v1/complaints",
    { ["Content-Type"] = "application/json", ["X-Api-Key"] = key, ["Idempotency-Key"] = "bench-" .. ref }, body)
end
