-- wrk script: GET a random path from the file named by $PATHS, with $TOKEN as bearer token.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Accept"] = "application/json"
math.randomseed(42)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
