-- GET with a fixed request; the access token, when given after "--", goes in the Authorization header.
dofile("report.lua")

function init(args)
	if args[1] then
		wrk.headers["Authorization"] = "Bearer " .. args[1]
	end
end
