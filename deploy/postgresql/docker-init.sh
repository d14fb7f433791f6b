#!/bin/sh
# First start of the postgres container (compose.yaml): use Kompass's settings.
echo "include '/etc/postgresql/kompass.conf'" >> "$PGDATA/postgresql.conf"
