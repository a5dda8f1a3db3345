-- 3d. A text search for a customer's own words: the name of the shop a complaint says it was bought at (seed.sql: three
-- characters of places.txt, ~11 complaints a name), or its first two characters (~900 complaints): rare words, which
-- only an index finds quickly (the trigram indexes for three characters, the search grams' bigrams for two).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
local places = characters(lines(os.getenv("BENCH_DIR") .. "/places.txt")[1])
math.randomseed(os.time())

function request()
  local word = places[math.random(#places)] .. places[math.random(#places)]
  if math.random(2) == 1 then
    word = word .. places[math.random(#places)]
  end
  return wrk.format("GET", "/api/v1/complaints?q=" .. urlencode(word) .. "&pageSize=50", { ["Authorization"] = auth })
end
