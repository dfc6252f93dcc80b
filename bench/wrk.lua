-- wrk script for bench/run. With no arguments it requests the URL given to wrk; the done() hook prints one line,
-- "BENCH {json}", with requests/s, latency percentiles and errors, which bench/run reads.
--
--   wrk -tT ... -s bench/wrk.lua URL -- filtered unique OFFSET T
--     a different filtered and searched tools list on every request (a search word, persona, kind, cost, licence,
--     sort and page: 90,720 combinations), so every request misses the output cache and runs the query. OFFSET
--     starts the sequence elsewhere, so the measured run does not repeat the warm-up's URLs; T is wrk's thread
--     count, so the threads take turns through one sequence.
--   wrk ... -s bench/wrk.lua URL -- filtered cached
--     cycles through 16 such lists, which after the warm-up come from the output cache.
--   wrk ... -s bench/wrk.lua URL -- plans unique OFFSET T
--     a learning plan (/self-assessment/result) for a different set of answers on every request, so every plan is
--     worked out (3^27 sets of answers).
--
--   wrk ... -s bench/wrk.lua URL -- search-tools unique OFFSET T
--   wrk ... -s bench/wrk.lua URL -- search-site unique OFFSET T
--     what people type: one or two words (three in five are one word; three words once a thread has used up its share
--     of the one- and two-word searches) drawn from the generated catalogue's own
--     vocabulary, each word as often as the number of tools whose name or summary has it, so the commonest words
--     ("data", "open") come up most. search-tools asks /tools, half the time with one filter (a persona, kind, cost
--     or licence), on page 1 eight times in ten, else page 2 or 3; search-site asks /search. Every URL is new: each
--     thread keeps the URLs it sent and draws again on a repeat, and a URL belongs to one thread and one run only (by
--     a hash of it, the thread's id and OFFSET / 20000), so neither another thread, nor the warm-up (OFFSET 0) nor
--     another run has asked for it before. The vocabulary is the file named by BENCH_WORDS: "word count" a line,
--     which bench/run writes from the generated database.
--   wrk ... -s bench/wrk.lua URL -- uncached unique OFFSET T
--     the URL with a parameter no page reads (b=N) and a new N each time: the page cache never stores a request
--     with an unknown parameter, so every request builds the page (as long as the plain URL was never stored).
--
-- The filtered lists' search words are topics of the generated catalogue (Features/Generate/GeneratedText.cs, Topics).

local words = { "housing", "transport", "schools", "health", "waste", "planning", "budget", "grants", "air", "flood",
  "library", "parks", "energy", "care", "licensing", "procurement", "census", "elections", "crime", "jobs", "tourism",
  "water", "broadband", "benefits", "childcare", "heritage", "farming", "cycling", "bus", "roads", "noise", "trees",
  "recycling", "parking", "homelessness" }
local personas = { "", "alan", "chris", "ida", "pat", "sara" }
local kinds = { "", "guide", "canvas-or-template", "software", "web-service", "data-portal", "data-standard", "course", "community" }
local costs = { "", "free", "freemium", "paid" }
local opens = { "", "yes" }
local sorts = { "", "newest" }
local pages = { 1, 2, 3 }
local lists = { words, personas, kinds, costs, opens, sorts, pages }

-- setup() runs in wrk's main Lua state and numbers the threads; each thread then has its own state with "id" set.
local started = 0

function setup(thread)
  thread:set("id", started)
  started = started + 1
end

local mode, repeats, stride, counter = nil, false, 1, 0

local filtered_request, plan_request, search_request, uncached_request

function init(args)
  mode = args[1]
  repeats = args[2] == "cached"
  stride = tonumber(args[4] or "1")
  counter = tonumber(args[3] or "0") + (id or 0)
  -- wrk sends one prebuilt request unless the script defines request(), so only the filtered lists define it.
  if mode == "filtered" then
    request = filtered_request
  elseif mode == "plans" then
    request = plan_request
  elseif mode == "search-tools" or mode == "search-site" then
    search_setup(tonumber(args[3] or "0"))
    request = search_request
  elseif mode == "uncached" then
    request = uncached_request
  end
end

-- The n-th combination, counting in a mixed radix over the lists, search word fastest.
local function filtered_path(n)
  local choice = {}
  for i, list in ipairs(lists) do
    choice[i] = list[(n % #list) + 1]
    n = math.floor(n / #list)
  end
  local path = "/tools?q=" .. choice[1]
  if choice[2] ~= "" then path = path .. "&persona=" .. choice[2] end
  if choice[3] ~= "" then path = path .. "&kind=" .. choice[3] end
  if choice[4] ~= "" then path = path .. "&cost=" .. choice[4] end
  if choice[5] ~= "" then path = path .. "&open=" .. choice[5] end
  if choice[6] ~= "" then path = path .. "&sort=" .. choice[6] end
  if choice[7] > 1 then path = path .. "&page=" .. choice[7] end
  return path
end

filtered_request = function()
  local n = counter
  counter = counter + stride
  if repeats then
    -- 16 lists, each a different search word and licence, a few kinds apart.
    n = (n % 16) * 37
  end
  return wrk.format(nil, filtered_path(n))
end

-- The n-th set of answers to the self-assessment: one letter per skill (n new, a aware, c can do), counting in base 3.
local areas = { { "introductions", 4 }, { "business", 3 }, { "management", 5 }, { "publishing", 4 }, { "analysis", 7 }, { "leadership", 4 } }
local letters = { "n", "a", "c" }

plan_request = function()
  local n = counter
  counter = counter + stride
  local parts = {}
  for i, area in ipairs(areas) do
    local answer = ""
    for _ = 1, area[2] do
      answer = answer .. letters[(n % 3) + 1]
      n = math.floor(n / 3)
    end
    parts[i] = area[1] .. "=" .. answer
  end
  return wrk.format(nil, "/self-assessment/result?" .. table.concat(parts, "&"))
end

-- Searches ------------------------------------------------------------------------------------------------------

local vocabulary, total_weight, seen, slot, slots, random_state = {}, 0, {}, 0, 1, 1
local filters = { "persona=alan", "persona=chris", "persona=ida", "persona=pat", "persona=sara",
  "kind=guide", "kind=canvas-or-template", "kind=software", "kind=web-service", "kind=data-portal",
  "kind=data-standard", "kind=course", "kind=community", "cost=free", "cost=freemium", "cost=paid", "open=yes" }

-- A small deterministic generator (Park-Miller), so a run asks the same things each time it is repeated.
local function random()
  random_state = (random_state * 16807) % 2147483647
  return random_state / 2147483647
end

local function hash(text)
  local h = 5381
  for i = 1, #text do
    h = (h * 33 + text:byte(i)) % 4294967296
  end
  return h
end

function search_setup(offset)
  local file = assert(io.open(os.getenv("BENCH_WORDS") or "bench-words.txt", "r"), "BENCH_WORDS names no readable file")
  for line in file:lines() do
    local word, count = line:match("^(%S+)%s+(%d+)")
    if word then
      total_weight = total_weight + tonumber(count)
      vocabulary[#vocabulary + 1] = { word, total_weight }
    end
  end
  file:close()
  assert(#vocabulary > 0, "the vocabulary is empty")
  -- Five runs' worth of slots (the warm-up at OFFSET 0 and runs 20,000 apart), one per thread in each.
  slots = 5 * stride
  slot = (math.floor(offset / 20000) % 5) * stride + (id or 0)
  random_state = 1 + slot * 7919
end

local function word()
  local target = random() * total_weight
  local low, high = 1, #vocabulary
  while low < high do
    local middle = math.floor((low + high) / 2)
    if vocabulary[middle][2] < target then low = middle + 1 else high = middle end
  end
  return vocabulary[low][1]
end

local function search_path(longer)
  local words = word()
  if longer or random() >= 0.6 then
    words = words .. "+" .. word()
  end
  if longer then
    words = words .. "+" .. word()
  end
  if mode == "search-site" then
    return "/search?q=" .. words
  end
  local path = "/tools?q=" .. words
  if random() < 0.5 then
    path = path .. "&" .. filters[math.floor(random() * #filters) + 1]
  end
  local page = random()
  if page >= 0.95 then path = path .. "&page=3" elseif page >= 0.8 then path = path .. "&page=2" end
  return path
end

-- A thread owns a tenth of the one- and two-word searches (about 3,000 for /search with the generated vocabulary),
-- which a fast run uses up: once 2,000 draws in a row find nothing new, it goes on with three words for good (so the
-- client does not spend its time drawing).
local three_words = false
search_request = function()
  for attempt = 1, 100000 do
    if attempt > 2000 then three_words = true end
    local path = search_path(three_words)
    if not seen[path] and hash(path) % slots == slot then
      seen[path] = true
      return wrk.format(nil, path)
    end
  end
  error("no new search left to ask for")
end

uncached_request = function()
  local n = counter
  counter = counter + stride
  local separator = wrk.path:find("?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "b=" .. n)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"bytes_per_request":%d,"errors_socket":%d,"errors_status":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0,
    e.connect + e.read + e.write + e.timeout, e.status))
end
