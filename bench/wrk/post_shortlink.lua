-- wrk script: shorten a URL with a JSON body (the Authorization header comes from -H).
wrk.method = "POST"
wrk.body = '{"target_url": "https://shop.example.com/offers/spring?utm_source=bench", "redirect_status": 302}'
wrk.headers["Content-Type"] = "application/json"
