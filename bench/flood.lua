-- wrk script: floods GET /v1/info with tokens that must all be refused, half of them well-formed (right prefix,
-- length, alphabet and CRC32 checksum, so each one is hashed and looked up, and lands in the negative cache as a
-- new entry), half malformed in assorted ways (refused before any hashing). Every request carries a fresh token.

local ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local digits = {}
for i = 1, 62 do digits[i - 1] = ALPHABET:sub(i, i) end

local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if bit.band(c, 1) == 1 then
      c = bit.bxor(0xEDB88320, bit.rshift(c, 1))
    else
      c = bit.rshift(c, 1)
    end
  end
  crc_table[i] = c
end

local function crc32(text)
  local crc = 0xFFFFFFFF
  for i = 1, #text do
    crc = bit.bxor(crc_table[bit.band(bit.bxor(crc, text:byte(i)), 0xFF)], bit.rshift(crc, 8))
  end
  crc = bit.bxor(crc, 0xFFFFFFFF)
  if crc < 0 then crc = crc + 4294967296 end
  return crc
end

local function base62(value, width)
  local out = {}
  for i = width, 1, -1 do
    out[i] = digits[value % 62]
    value = math.floor(value / 62)
  end
  return table.concat(out)
end

local function secret(length)
  local out = {}
  for i = 1, length do out[i] = digits[math.random(0, 61)] end
  return table.concat(out)
end

local function well_formed()
  local head = "gth_wt_" .. secret(43)
  return head .. base62(crc32(head), 6)
end

local malformed = {
  function() return { ["Authorization"] = "Bearer gth_wt_" .. secret(49) } end,  -- checksum wrong
  function() return { ["Authorization"] = "Bearer gth_wt_" .. secret(20) } end,  -- too short
  function() return { ["Authorization"] = "Bearer not-a-token-at-all" } end,
  function() return {} end,                                                       -- no header
}

function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
end

-- Of every four requests: one well-formed token after "Bearer", one well-formed bare token, two malformed.
local counter = 0
function request()
  counter = counter + 1
  local slot = counter % 4
  local headers
  if slot == 0 then
    headers = { ["Authorization"] = "Bearer " .. well_formed() }
  elseif slot == 1 then
    headers = { ["Authorization"] = well_formed() }
  else
    headers = malformed[math.random(1, #malformed)]()
  end
  return wrk.format("GET", "/v1/info", headers)
end
