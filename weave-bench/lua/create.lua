-- wrk script: POST new customers (a different phone each time) with $TOKEN as bearer token.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"name":"压测客户%d","phone":"139%08d","channel":"store"}', n, n + math.random(1, 90000000))
  return wrk.format(nil, nil, nil, body)
end
