#!/usr/bin/env bash
# Installs and starts PostgreSQL from Debian's packages for the test suite, and creates
# the role `kvarken` (password `kvarken`, may create databases) on 127.0.0.1:5432.
# The suite's database itself is created and dropped by pytest-django.
set -euo pipefail
here=$(dirname "$0")
bash "$here/system-packages.sh" postgresql

if [ "$(id -u)" -eq 0 ]; then SUDO=""; AS_POSTGRES="runuser -u postgres --"
else SUDO="sudo"; AS_POSTGRES="sudo -u postgres"; fi
# apt does not start services on these machines: start the cluster ourselves.
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != "online" ]; then
  $SUDO pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port"
$AS_POSTGRES psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE kvarken LOGIN CREATEDB PASSWORD ''kvarken'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kvarken')\gexec
SELECT 'CREATE DATABASE kvarken OWNER kvarken'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'kvarken')\gexec
SQL
