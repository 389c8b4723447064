-- wrk script for bench/hostile.sh: the password guessers. GET requests taken round-robin from a file
-- of "GET <path>" lines (the first argument after "--"), each with an HTTP Basic header whose
-- credentials are taken round-robin from a second file, one base64 "user:wrong password" a line, so
-- that no two neighbouring requests guess the same password. done() prints one line
--   ATTACK <requests> <req/s> <2xx> <401> <429 (throttled)> <other responses> <socket errors>
local threads = {}
local counter = 1

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local paths = {}
local credentials = {}
local index = 0
-- Globals, so that done() can read them from every thread.
answered = 0
unauthorized = 0
throttled = 0
other = 0

function init(args)
   for line in io.lines(args[1]) do
      local path = line:match("^GET%s+(%S+)$")
      if path then
         table.insert(paths, path)
      end
   end
   for line in io.lines(args[2]) do
      if line ~= "" then
         table.insert(credentials, line)
      end
   end
   assert(#paths > 0, "no paths in " .. args[1])
   assert(#credentials > 0, "no credentials in " .. args[2])
   index = id * 7919
end

function request()
   index = index + 1
   return wrk.format("GET", paths[index % #paths + 1],
      {["Authorization"] = "Basic " .. credentials[index % #credentials + 1]})
end

function response(status, headers, body)
   if status >= 200 and status <= 299 then
      answered = answered + 1
   elseif status == 401 then
      unauthorized = unauthorized + 1
   elseif status == 429 then
      throttled = throttled + 1
   else
      other = other + 1
   end
end

function done(summary, latency, requests)
   local ok, refused, blocked, rest = 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      ok = ok + (thread:get("answered") or 0)
      refused = refused + (thread:get("unauthorized") or 0)
      blocked = blocked + (thread:get("throttled") or 0)
      rest = rest + (thread:get("other") or 0)
   end
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format("ATTACK %d %.0f %d %d %d %d %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
      ok, refused, blocked, rest, socket))
end
