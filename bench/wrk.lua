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
-- The search words are topics of the generated catalogue (Features/Generate/GeneratedText.cs, Topics).

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

local filtered_request, plan_request

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
