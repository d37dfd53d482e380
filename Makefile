# Every target is one line calling a script in ci/, so CI and developers run the same commands.
.PHONY: run migrate-check bench-smoke bench-baseline test test-sqlite test-services contracts compose fuzz realworld coverage install lint generate lock worker new-domain

run:      ## install, migrate, ensure a dev admin, serve on 127.0.0.1:8000
	bash ci/run.sh
test:     ## lint gates, the suite on SQLite then on PostgreSQL + Redis, contract gates, coverage
	bash ci/test.sh all
test-sqlite:   ## the suite on SQLite
	bash ci/test.sh sqlite
test-services: ## the suite on PostgreSQL + Redis (throwaway, or SERVICES_DATABASE_URL/SERVICES_REDIS_URL)
	bash ci/test.sh services
contracts:     ## Schemathesis CLI + Dredd against a live 2-worker server on PostgreSQL
	bash ci/test.sh contracts
compose:       ## build the image, boot docker-compose.yml with podman, smoke it, tear it down (root, Debian)
	bash ci/test.sh compose
fuzz:          ## Schemathesis with SEED=<n>, 100 examples/op, each credential kind, live 2-worker server on PostgreSQL + Redis
	bash ci/services.sh bash ci/fuzz.sh $(SEED)
realworld:     ## a RealWorld Postman suite, unchanged (SUITE=path/to/Conduit.postman_collection.json), against the Conduit facade
	bash ci/realworld.sh $(SUITE)
bench-smoke:   ## framework-only CPU per request, as a ratio to the FastAPI twin, against bench/smoke-baseline.json
	bash ci/test.sh bench-smoke
bench-baseline: ## rewrite bench/smoke-baseline.json (REASON="..." required; commit it with the change that moved it)
	@test -n "$(REASON)" || { echo 'make bench-baseline REASON="what moved the cost and why"'; exit 2; }
	env -u DATABASE_URL -u REDIS_URL .venv/bin/python bench/smoke.py --write-baseline "$(REASON)"
	bash ci/services.sh env -u DATABASE_URL .venv/bin/python bench/smoke.py --account-cache --write-baseline "$(REASON)"
coverage:      ## branch coverage floor over the runs so far
	bash ci/test.sh coverage
install:  ## .venv with the locked dependencies, node tools
	bash ci/install.sh
lint:     ## ruff, mypy, import-linter, spec lint, generated/ and migration drift
	bash ci/lint.sh
generate: ## rewrite generated/ from spec/
	bash ci/generate.sh
new-domain: ## write a new domain's slice skeleton (SLUG=widgets; SERVICE="..." outside the catalogue), then generate
	.venv/bin/python -m ci.new_domain $(SLUG) $(if $(SERVICE),--service "$(SERVICE)")
lock:     ## recompile requirements/*.txt from pyproject.toml
	bash ci/lock.sh
worker:   ## run the job consumer
	.venv/bin/trellis worker
migrate-check: ## alembic upgrade head && alembic check against DATABASE_URL
	.venv/bin/alembic upgrade head && .venv/bin/alembic check
