#!/bin/sh
# Entrypoint of the local Redis image (built from Debian packages by ci/compose.sh). As the
# official image does: without a configuration file the server accepts other containers'
# connections (protected mode off; it is reachable only on the Compose network), and it runs as
# the redis user with /data as its working directory.
set -eu
if [ "${1:-}" = "redis-server" ]; then
  shift
  mkdir -p /data
  chown redis:redis /data
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server --protected-mode no "$@"
fi
exec "$@"
