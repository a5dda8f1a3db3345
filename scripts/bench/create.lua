-- 1. A partner pushes a new complaint: new external reference, new customer, an idempotency key per request. The
-- window (BENCH_WINDOW, new for every wrk run) keeps a later window from reusing an earlier one's keys: each of its
-- requests would be a cheap replay (or the replay of a request cut off when the earlier window ended), not a create.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local key = os.getenv("BENCH_PARTNER_KEY")
local run = os.getenv("BENCH_RUN")
local window = os.getenv("BENCH_WINDOW") or "0"
-- Seven in ten written in Chinese, with the seeded complaints' texts (texts-zh.txt), the others in English.
local zh = lines(os.getenv("BENCH_DIR") .. "/texts-zh.txt")
local titles, descriptions = {}, {}
for text in zh[1]:gmatch("[^|]+") do table.insert(titles, text) end
for text in zh[2]:gmatch("[^|]+") do table.insert(descriptions, text) end

function request()
  local n = next_number()
  local ref = string.format("%s.%s-%d-%d", run, window, id, n)
  local phone = string.format("+86 138 %04d %04d", (id * 7919 + n) % 10000, (n * 31 + (tonumber(run) + tonumber(window)) % 10000) % 10000)
  local title, description = "Parcel not delivered", "Ordered a week ago, still not here. Ref " .. ref .. "."
  if n % 10 < 7 then
    title, description = titles[1 + n % #titles], descriptions[1 + n % #descriptions] .. "参考号 " .. ref .. "。"
  end
  local body = string.format(
    '{"channel":"partner","externalReference":"%s","title":"%s","description":"%s","customer":{"name":"Bench Customer %s","phone":"%s"}}',
    ref, title, description, ref, phone)
  return wrk.format("POST", "/api/v1/complaints",
    { ["Content-Type"] = "application/json", ["X-Api-Key"] = key, ["Idempotency-Key"] = "bench-" .. ref }, body)
end
