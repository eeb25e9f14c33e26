-- wrk -s bench/paced.lua: requests at a fixed rate instead of as fast as the server answers, to read
-- the latency at a given load. Env: WRK_RATE (requests per second, all threads together) and
-- WRK_THREADS (wrk's -t). Each thread hands out send times WRK_THREADS/WRK_RATE seconds apart to its
-- connections as they become free; a connection that is free late sends at once (no catch-up burst).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
  int clock_gettime(int clock, paced_timespec *t);
]]
local ts = ffi.new("paced_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("WRK_RATE") or "1000")
local threads = tonumber(os.getenv("WRK_THREADS") or "2")
local interval = threads * 1000 / rate
local next_at = nil

function delay()
  local now = now_ms()
  if next_at == nil or next_at < now then
    next_at = now
  end
  local slot = next_at
  next_at = next_at + interval
  return math.floor(slot - now)
end
