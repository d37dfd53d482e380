-- wrk script: create a task with a JSON body (the Authorization header comes from -H).
wrk.method = "POST"
wrk.body = '{"title": "Benchmark task", "notes": "Created by wrk.", "due_at": "2026-03-01T17:00:00Z"}'
wrk.headers["Content-Type"] = "application/json"
