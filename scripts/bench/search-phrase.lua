-- 3c. A text search as an agent types it: a Chinese phrase or word of the complaints' own texts (seed.sql writes 70 % of
-- the complaints in Chinese: eight titles and six descriptions, so each of these is in 9-12 % of the complaints). Words
-- of two characters go through the search grams' bigrams, longer phrases through the trigram indexes.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local phrases = { "退款", "漏水", "闪退", "扣款两次", "没有人接听", "约定的日期", "破损并且受潮", "自动停止工作", "无法上网", "退款迟迟未到账" }
math.randomseed(os.time())

function request()
  return wrk.format("GET", "/api/v1/complaints?q=" .. urlencode(phrases[math.random(#phrases)]) .. "&pageSize=50", { ["Authorization"] = auth })
end
