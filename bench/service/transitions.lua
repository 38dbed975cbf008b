-- wrk script: POSTs workflow transitions on one document, alternating a reviewer's
-- request_changes and an admin's submit, so that each request is a real decision and an audited
-- write whatever state the document is in (a refusal is audited too).
local reviewer = os.getenv("REVIEWER_TOKEN")
local admin = os.getenv("ADMIN_TOKEN")
local path = os.getenv("TRANSITION_PATH")
local n = 0

request = function()
   n = n + 1
   if n % 2 == 0 then
      return wrk.format("POST", path, {["Authorization"] = "Bearer " .. reviewer,
                                       ["Content-Type"] = "application/json"},
                        '{"action": "request_changes", "comment": "bench"}')
   end
   return wrk.format("POST", path, {["Authorization"] = "Bearer " .. admin,
                                    ["Content-Type"] = "application/json"},
                     '{"action": "submit"}')
end
