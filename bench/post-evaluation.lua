-- wrk script: POST the compliant residential tower with a fresh inspection id per request, so every
-- request evaluates and stores (set DRY_RUN=true in the environment for evaluation without storage).
-- BATCH_SIZE=n posts n towers per request to /api/v1/evaluations/batch instead, each with a fresh
-- inspection id and building id (buildings/s = requests/s x n).
local template
local counter = 0
local thread_id = 0
local threads = {}
local batch = tonumber(os.getenv("BATCH_SIZE") or "0")

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open("test-fixtures/base/residential-tower.json", "r"))
  template = f:read("*a")
  f:close()
  thread_id = id
end

local function document()
  counter = counter + 1
  local key = string.format("LOAD-%d-%d-%d", os.time(), thread_id, counter)
  local doc = template:gsub('"FX%-RT"', '"' .. key .. '"')
  if batch > 0 then
    doc = doc:gsub('"TH%-0001"', '"B' .. key .. '"')
  end
  return doc
end

function request()
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("FIRECHECK_TOKEN") }
  if batch > 0 then
    local docs = {}
    for i = 1, batch do
      docs[i] = document()
    end
    return wrk.format("POST", "/api/v1/evaluations/batch", headers, "[" .. table.concat(docs, ",") .. "]")
  end
  local path = os.getenv("DRY_RUN") == "true" and "/api/v1/evaluations?dryRun=true" or "/api/v1/evaluations"
  return wrk.format("POST", path, headers, document())
end

function response(status, headers, body)
  if status ~= 201 and status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  elseif batch > 0 and body:find('"status":[45]%d%d') then
    io.stderr:write("an item failed in a batch: " .. body:match('"status":[45]%d%d[^}]*') .. "\n")
  end
end
