-- wrk script for benchmarks/load.sh: each request picks a random volunteer id from a file.
--   wrk ... -s load.lua <url> -- <get|patch> <ids file> <Authorization header value>
local ids = {}
local mode, auth
local counter = 0

function init(args)
    mode = args[1]
    for line in io.lines(args[2]) do
        if line ~= "" then ids[#ids + 1] = line end
    end
    auth = args[3]
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
    local id = ids[math.random(#ids)]
    local headers = { ["Authorization"] = auth }
    if mode == "patch" then
        counter = counter + 1
        headers["Content-Type"] = "application/merge-patch+json"
        headers["If-Match"] = "*"
        return wrk.format("PATCH", "/api/v1/volunteers/" .. id, headers,
            '{"address": "bench ' .. counter .. '"}')
    end
    return wrk.format("GET", "/api/v1/volunteers/" .. id, headers)
end

-- answers other than 2xx/3xx, which wrk counts but prints only when there are some
function done(summary, latency, requests)
    io.write(string.format("non-2xx %d\n", summary.errors.status))
end
