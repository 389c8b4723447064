-- wrk script for bench/load.sh and bench/hostile.sh: requests taken round-robin from a file of lines
--   GET <path>            or    POST <path> <file with a JSON body>
-- (the file is the first argument after "--", the label the second). Every response that is neither
-- 2xx nor 3xx counts as an error (a search for an exact term answers 303 to its entry, which is
-- right; wrk itself counts only >= 400 and socket errors); done() prints one line
--   RESULT <label> <requests> <req/s> <p50 ms> <p99 ms> <non-2xx> <socket errors> <max ms>
local threads = {}
local counter = 1

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local requests = {}
local index = 0
-- A global, not a local: done() reads each thread's count with thread:get, which sees only globals
-- (as a local it always read 0, and every non-2xx column was 0 whatever the server answered).
bad = 0

local function read_all(path)
   local f = assert(io.open(path, "rb"))
   local s = f:read("*a")
   f:close()
   return s
end

function init(args)
   label = args[2] or "mix"
   for line in io.lines(args[1]) do
      local method, path, body = line:match("^(%u+)%s+(%S+)%s*(%S*)$")
      if method then
         local headers = {}
         local content = nil
         if body ~= "" then
            content = read_all(body)
            headers["Content-Type"] = "application/json; charset=utf-8"
         end
         table.insert(requests, wrk.format(method, path, headers, content))
      end
   end
   assert(#requests > 0, "no requests in " .. args[1])
   -- each thread starts at a different place in the list
   index = (id * 7919) % #requests
end

function request()
   index = index % #requests + 1
   return requests[index]
end

function response(status, headers, body)
   if status < 200 or status > 399 then
      bad = bad + 1
   end
end

function done(summary, latency, requests)
   local non2xx = 0
   for _, thread in ipairs(threads) do
      non2xx = non2xx + (thread:get("bad") or 0)
   end
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT %s %d %.0f %.1f %.1f %d %d %.1f\n", threads[1]:get("label"), summary.requests,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx, socket,
      latency.max / 1000))
end
