#!/bin/sh
# manage.py with the production settings: deploy/manage.sh migrate, deploy/manage.sh backup, …
# Reads KOMPASS_ENV_FILE (default /etc/kompass/kompass.env); run it as the kompass user.
set -eu
cd "$(dirname "$0")/.."
set -a
. "${KOMPASS_ENV_FILE:-/etc/kompass/kompass.env}"
set +a
exec .venv/bin/python manage.py "$@"
