-- wrk script: POST the compliant residential tower with a fresh inspection id per request, so every
-- request evaluates and stores (set DRY_RUN=true in the environment for evaluation without storage).
local template
local counter = 0
local thread_id = 0
local threads = {}

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

function request()
  counter = counter + 1
  local inspection = string.format("LOAD-%d-%d-%d", os.time(), thread_id, counter)
  local body = template:gsub('"FX%-RT"', '"' .. inspection .. '"')
  local path = os.getenv("DRY_RUN") == "true" and "/api/v1/evaluations?dryRun=true" or "/api/v1/evaluations"
  return wrk.format("POST", path, { ["Content-Type"] = "application/json",
                                    ["Authorization"] = "Bearer " .. os.getenv("FIRECHECK_TOKEN") }, body)
end

function response(status, headers, body)
  if status ~= 201 and status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
