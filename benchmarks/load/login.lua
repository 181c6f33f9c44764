-- POST of a login's body to the URL's path (/wx/login, or the relay of benchmarks/default-chain), each
-- request with a login code of its own: the codes file (one a line) is split between wrk's threads.
-- Arguments after "--": the codes file and the number of wrk threads. A line "code appid" (the control
-- port's codes of several mini programs) sends the login's appid in the body too.
-- A code spent twice would be refused with 401, so running out of codes is reported, never hidden.
dofile("report.lua")

local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function init(args)
	local path, count = args[1], tonumber(args[2])
	codes = {} -- the bodies
	local line_number = 0
	for line in io.lines(path) do
		if line_number % count == id then
			local code, appid = line:match("^(%S+) (%S+)$")
			if appid then
				codes[#codes + 1] = '{"code":"' .. code .. '","appid":"' .. appid .. '"}'
			else
				codes[#codes + 1] = '{"code":"' .. line .. '"}'
			end
		end
		line_number = line_number + 1
	end
	sent = 0
	available = #codes
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	sent = sent + 1
	return wrk.format(nil, nil, nil, codes[(sent - 1) % #codes + 1])
end

local report = done

function done(summary, latency, requests)
	report(summary, latency, requests)
	local sent_total, available = 0, 0
	for _, thread in ipairs(threads) do
		sent_total = sent_total + thread:get("sent")
		available = available + thread:get("available")
	end
	io.write(string.format("CODES sent=%d available=%d reused=%s\n", sent_total, available,
		tostring(sent_total > available)))
end
