#!/usr/bin/env bash
# Prepares this machine for Certana: PostgreSQL 15 with pgvector 0.8, the certana and
# certana_test databases, one login role and one schema per service, the Anvil Ethereum node
# that the anchoring tests run, and the sample photographs of Debian's python3-skimage.
# Idempotent: every step checks first and does nothing when its result is already there.
#
# Environment:
#   CERTANA_PG_HOST      PostgreSQL host for the checks (default 127.0.0.1)
#   CERTANA_PG_PORT      PostgreSQL port (default 5432)
#   CERTANA_PG_ADMIN     superuser that creates roles, databases and the extension (default postgres)
#   CERTANA_DB_PASSWORD  password given to the three service roles (default certana-dev, local use only)
#   CERTANA_DATABASES    databases to prepare (default "certana certana_test")
#   CERTANA_TEST_TOOLS   1 (default) also installs what only the tests use: Anvil and kubectl
set -euo pipefail

PG_MAJOR=15
PG_HOST=${CERTANA_PG_HOST:-127.0.0.1}
PG_PORT=${CERTANA_PG_PORT:-5432}
PG_ADMIN=${CERTANA_PG_ADMIN:-postgres}
DB_PASSWORD=${CERTANA_DB_PASSWORD:-certana-dev}
DATABASES=${CERTANA_DATABASES:-certana certana_test}
TEST_TOOLS=${CERTANA_TEST_TOOLS:-1}
SERVICES="identity asset verification"

log() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ADMIN" "$@"
}

# 0. Java 17 and Maven, which build and test the suite.
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  log "installing Java 17 and Maven"
  apt_install openjdk-17-jdk-headless maven
fi

# 1. PostgreSQL 15 installed and running.
if ! command -v pg_ctlcluster >/dev/null || [ ! -x /usr/lib/postgresql/$PG_MAJOR/bin/postgres ]; then
  log "installing postgresql-$PG_MAJOR"
  apt_install postgresql-$PG_MAJOR postgresql-client-$PG_MAJOR
fi

if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  log "starting PostgreSQL $PG_MAJOR"
  as_root pg_ctlcluster --skip-systemctl-redirect $PG_MAJOR main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break
    sleep 1
  done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || { log "PostgreSQL did not start on $PG_HOST:$PG_PORT"; exit 1; }
fi

# 2. pgvector, built from Debian trixie's source package when the server does not offer it yet.
vector_available() {
  [ "$(psql_admin -At -d postgres -c "SELECT count(*) FROM pg_available_extension_versions WHERE name = 'vector' AND version >= '0.8'")" != "0" ]
}

if ! vector_available; then
  log "building pgvector 0.8 from Debian trixie's source package"
  apt_install postgresql-server-dev-$PG_MAJOR build-essential dpkg-dev ca-certificates

  # A deb-src entry only: no trixie binary package can be installed through it.
  src_list=/etc/apt/sources.list.d/certana-trixie-src.sources
  if [ ! -f "$src_list" ]; then
    as_root tee "$src_list" >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  fi
  as_root apt-get update -qq

  build_dir=$(mktemp -d)
  chmod 755 "$build_dir"  # apt-get source downloads as the _apt user
  trap 'rm -rf "$build_dir"' EXIT
  (
    cd "$build_dir"
    apt-get source -qq --download-only pgvector >/dev/null
    dpkg-source -x pgvector_*.dsc src >/dev/null
    cd src
    make -s PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config >/dev/null
    as_root make -s PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config install >/dev/null
  )
  vector_available || { log "pgvector was built but the server does not list it"; exit 1; }
  log "pgvector installed"
fi

# 3. Roles, databases, schemas and the extension.
for service in $SERVICES; do
  role="certana_$service"
  psql_admin -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SQL
done

for database in $DATABASES; do
  if [ "$(psql_admin -At -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")" = "0" ]; then
    log "creating database $database"
    psql_admin -d postgres -c "CREATE DATABASE $database"
  fi

  # Nobody but the owner may create objects in public, and each service role owns exactly one
  # schema: without USAGE on the other schemas, a service cannot read another service's tables.
  psql_admin -d "$database" <<SQL
CREATE EXTENSION IF NOT EXISTS vector;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE $database FROM PUBLIC;
SQL
  for service in $SERVICES; do
    role="certana_$service"
    psql_admin -d "$database" <<SQL
CREATE SCHEMA IF NOT EXISTS $service AUTHORIZATION $role;
REVOKE ALL ON SCHEMA $service FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $database TO $role;
GRANT USAGE ON SCHEMA public TO $role;
ALTER ROLE $role IN DATABASE $database SET search_path = $service, public;
SQL
  done
done

# 4. Anvil, Foundry's local Ethereum node, which the evm anchoring tests start on 127.0.0.1. It is a
# native binary inside an npm package, installed into the git-ignored .certana/tools.
ANVIL_VERSION=1.7.1
anvil_dir="$(cd "$(dirname "$0")/.." && pwd)/.certana/tools/anvil"
anvil_bin="$anvil_dir/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [ "$TEST_TOOLS" != "1" ]; then
  :
elif [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  log "skipping Anvil: the npm package is built for Linux x86_64 only; the evm anchoring tests will skip"
elif [ -x "$anvil_bin" ] && "$anvil_bin" --version 2>/dev/null | grep -q "Version: $ANVIL_VERSION"; then
  :
else
  command -v npm >/dev/null || apt_install npm
  log "installing Anvil $ANVIL_VERSION into $anvil_dir"
  mkdir -p "$anvil_dir"
  npm install --silent --no-audit --no-fund --prefix "$anvil_dir" "@foundry-rs/anvil-linux-amd64@$ANVIL_VERSION" >/dev/null
  "$anvil_bin" --version >/dev/null || { log "Anvil was installed but does not run: $anvil_bin"; exit 1; }
fi

# 5. Real photographs for the tests and the demo: Debian's python3-skimage installs its sample
# photos (astronaut, coffee, chelsea, rocket, ...) under its data folder. The package also brings
# python3-numpy and python3-pil, which the watermark evaluation harness runs on.
SKIMAGE_DATA=/usr/lib/python3/dist-packages/skimage/data
if [ ! -f "$SKIMAGE_DATA/astronaut.png" ]; then
  log "installing python3-skimage for its sample photographs"
  apt_install python3-skimage
fi

# kubectl renders the Kubernetes overlays offline for the manifest check in deploy/. The overlays
# need its built-in Kustomize 5 (kubectl 1.27 or newer). Debian 12's kubernetes-client is 1.20 with
# Kustomize 2, so it is installed only where no kubectl exists, and the check then reports the old version.
if [ "$TEST_TOOLS" = "1" ] && ! command -v kubectl >/dev/null; then
  log "installing kubectl (Debian's kubernetes-client)"
  apt_install kubernetes-client
fi

log "ready: PostgreSQL $PG_MAJOR on $PG_HOST:$PG_PORT, databases $DATABASES, pgvector $(psql_admin -At -d postgres -c "SELECT max(version) FROM pg_available_extension_versions WHERE name = 'vector'")"
