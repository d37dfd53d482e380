-- wrk script: create Conduit articles, each with its own title (a repeated title would take the
-- slug-collision path on every request) and two tags (the Authorization header comes from -H).
local created = 0
math.randomseed(os.time())  -- another run, other titles
wrk.headers["Content-Type"] = "application/json"

request = function()
  created = created + 1
  local body = string.format(
    '{"article": {"title": "Fresh article %d-%d", "description": "Ever wonder how?", '
      .. '"body": "It takes a **Jacobian**.\\n\\nAnd a second paragraph.", '
      .. '"tagList": ["dragons", "tag-%d"]}}',
    math.random(1, 1000000000), created, created % 7 + 1)
  return wrk.format("POST", nil, nil, body)  -- nil headers: wrk.headers, with -H's
end
