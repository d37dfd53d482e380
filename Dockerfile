# syntax=docker/dockerfile:1
# Trellis API image: one image serves the api, the worker and the one-shot migrate service.
# Build: docker build -t trellis .      Run the stack: docker compose up (see README.md).
# PYTHON_IMAGE: any Debian-based image with Python 3.11 (`python` on the PATH, venv). CI builds
# with a local one made from Debian packages (ci/compose.sh), as no public registry is reachable.

ARG PYTHON_IMAGE=python:3.11.7-slim-bookworm

# ---- build stage: compile wheels into a virtualenv that the runtime stage copies -------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# The lock first, so the dependency layer is reused while only the code changes.
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-deps -r requirements/base.txt

# ---- runtime stage: no compiler, no pip cache, non-root ---------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="trellis" \
      org.opencontainers.image.description="Spec-first backend platform (Connexion 3 + Starlette)"
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    TRELLIS_ENV=production \
    TRELLIS_VAR_DIR=/var/lib/trellis \
    HOST=0.0.0.0 \
    PORT=8000
RUN groupadd --system --gid 10001 trellis \
 && useradd --system --uid 10001 --gid trellis --home-dir /app --shell /usr/sbin/nologin trellis \
 && mkdir -p /var/lib/trellis \
 && chown trellis:trellis /var/lib/trellis
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
# The code runs from /app (not site-packages): it finds the bundled contract and the migrations
# relative to itself.
COPY --chown=root:root alembic.ini ./
COPY --chown=root:root generated generated
COPY --chown=root:root core core
COPY --chown=root:root handlers handlers
COPY --chown=root:root services services
COPY --chown=root:root jobs jobs
COPY --chown=root:root db db
COPY --chown=root:root cli cli
USER 10001:10001
EXPOSE 8000
# Liveness only: /health has no dependencies, so a slow database never restarts the container.
# The shell form: podman 4.3 splits an exec-form command's arguments on spaces.
# hadolint ignore=DL3025
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '8000'), timeout=2)"
ENTRYPOINT ["python", "-m", "cli"]
CMD ["serve", "--workers", "2"]
