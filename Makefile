# Every target is one line calling a script in ci/, so CI and developers run the same commands.
.PHONY: run test install lint generate lock worker

run:      ## install, migrate, ensure a dev admin, serve on 127.0.0.1:8000
	bash ci/run.sh
test:     ## lint gates + the suite on SQLite, then on PostgreSQL + Redis
	bash ci/test.sh
install:  ## .venv with the locked dependencies, node tools
	bash ci/install.sh
lint:     ## ruff, mypy, import-linter, spec lint, generated/ and migration drift
	bash ci/lint.sh
generate: ## rewrite generated/ from spec/
	bash ci/generate.sh
lock:     ## recompile requirements/*.txt from pyproject.toml
	bash ci/lock.sh
worker:   ## run the job consumer
	.venv/bin/trellis worker
