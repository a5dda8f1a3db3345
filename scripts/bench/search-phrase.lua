-- 3c. A text search as an agent types it: a Chinese phrase or word of the complaints' own texts (seed.sql writes 70 % of
-- the complaints in Chinese from texts-zh.txt: eight titles and six descriptions, so each of these is in 9-12 % of the
-- complaints). search-zh.txt holds them: words of two characters on its first line (through the search grams' bigrams),
-- longer phrases on its second (through the trigram indexes); pg_search_phrase.sql reads the same file.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local phrases = {}
for _, line in ipairs(lines(os.getenv("BENCH_DIR") .. "/search-zh.txt")) do
  for phrase in line:gmatch("[^|]+") do table.insert(phrases, phrase) end
end
math.randomseed(os.time())

function request()
  return wrk.format("GET", "/api/v1/complaints?q=" .. urlencode(phrases[math.random(#phrases)]) .. "&pageSize=50", { ["Authorization"] = auth })
end
