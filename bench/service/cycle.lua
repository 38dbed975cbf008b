-- wrk script: walks documents through submit (an author's) and request_changes (a reviewer's,
-- with a comment), back and forth, so that each request is a durable workflow transition.
-- TRANSITION_DOCUMENTS lists the documents (each a draft at the start); each wrk thread takes
-- its own share (WRK_THREADS, WRK_FIRST_THREAD: see below) and sends one document's next step
-- only after every other document of its share has had one, so that a step rarely overtakes
-- the one before it.
local reviewer = os.getenv("REVIEWER_TOKEN")
local author = os.getenv("ADMIN_TOKEN")
local documents = {}
for id in string.gmatch(os.getenv("TRANSITION_DOCUMENTS"), "%S+") do
   table.insert(documents, id)
end

local threads = {}
function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

local mine = nil
local n = 0

request = function()
   if mine == nil then
      mine = {}
      -- WRK_THREADS in all, over every wrk run at once; this run's first is WRK_FIRST_THREAD.
      local count = tonumber(os.getenv("WRK_THREADS"))
      local first = tonumber(os.getenv("WRK_FIRST_THREAD") or "0")
      for i = first + index + 1, #documents, count do
         table.insert(mine, documents[i])
      end
   end
   local document = mine[n % #mine + 1]
   local submit = math.floor(n / #mine) % 2 == 0
   n = n + 1
   local path = "/api/v1/documents/" .. document .. "/transitions"
   if submit then
      return wrk.format("POST", path, {["Authorization"] = "Bearer " .. author,
                                       ["Content-Type"] = "application/json"},
                        '{"action": "submit"}')
   end
   return wrk.format("POST", path, {["Authorization"] = "Bearer " .. reviewer,
                                    ["Content-Type"] = "application/json"},
                     '{"action": "request_changes", "comment": "bench"}')
end
