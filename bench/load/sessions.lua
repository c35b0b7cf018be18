-- wrk script of bench/load/peak-day.sh. args: sessions file (cookie TAB token TAB applicationId per line), mode, path.
--   mode "get":  each request takes the next session in turn: GET path with %s = its application (200 reviewers' pages)
--   mode "save": thread k keeps session k (run with -t N -c N): GET path once, then PUT back each answer it gets, so
--                every save carries the version the previous save returned (the JSON API's optimistic concurrency)
local counter, threads = 0, {}
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[#threads + 1] = thread
end

function init(args)
  sessions = {}
  for line in io.lines(args[1]) do
    local cookie, token, app = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)")
    if cookie then sessions[#sessions + 1] = { cookie = cookie, token = token, app = app } end
  end
  mode, path, enc = args[2], args[3], args[4] or ""
  turn, body, bad = id, nil, 0
  mine = sessions[((id - 1) % #sessions) + 1]
end

function request()
  if mode == "get" then
    turn = turn + 1
    local s = sessions[(turn % #sessions) + 1]
    local headers = { Cookie = s.cookie }
    if enc ~= "" then headers["Accept-Encoding"] = enc end
    return wrk.format("GET", string.format(path, s.app), headers)
  end
  local url = string.format(path, mine.app)
  if body == nil then return wrk.format("GET", url, { Cookie = mine.cookie }) end
  return wrk.format("PUT", url, { Cookie = mine.cookie, ["X-CSRF-TOKEN"] = mine.token,
    ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, b)
  if status ~= 200 then bad = bad + 1 elseif mode == "save" then body = b end
end

done = function(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("bad") or 0) end
  io.write(string.format("P95_US %d\nNON200 %d\nERRORS %d\n", latency:percentile(95), bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
