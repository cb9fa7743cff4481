#!/usr/bin/env bash
# Measures the on-disk size per row of asset-service's three HNSW indexes (PDQ bit(256) with
# Hamming distance, CLIP vector(768) and DINO vector(1024) with cosine distance) and of the table,
# on random values, and prints them per row and per million rows. docs/deploy.md sizes PostgreSQL
# memory from this output. It creates and drops a scratch database, certana_hnsw_sizing.
#
# Usage: hnsw-sizing.sh [ROWS]       ROWS defaults to 20000 (about a minute on 2 cores)
# Environment: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres): a role that may
# create databases and the vector extension.
set -euo pipefail

rows=${1:-20000}
[[ "$rows" =~ ^[1-9][0-9]*$ ]] || { echo "hnsw-sizing.sh: ROWS must be a positive integer, got '$rows'" >&2; exit 2; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=certana_hnsw_sizing

run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

run -d postgres -c "DROP DATABASE IF EXISTS $database" 2>/dev/null
run -d postgres -c "CREATE DATABASE $database"
trap 'run -d postgres -c "DROP DATABASE IF EXISTS $database"' EXIT

run -d "$database" <<SQL
CREATE EXTENSION vector;
CREATE TABLE fingerprints (id bigserial PRIMARY KEY, pdq bit(256), clip vector(768), dino vector(1024));
-- The correlated "WHERE g > 0" makes PostgreSQL draw new random values for every row.
INSERT INTO fingerprints (pdq, clip, dino)
SELECT (SELECT string_agg(CASE WHEN random() < 0.5 THEN '0' ELSE '1' END, '') FROM generate_series(1, 256) WHERE g > 0)::bit(256),
       (SELECT array_agg(random()::real) FROM generate_series(1, 768) WHERE g > 0)::vector,
       (SELECT array_agg(random()::real) FROM generate_series(1, 1024) WHERE g > 0)::vector
FROM generate_series(1, $rows) g;
SET maintenance_work_mem = '512MB';
CREATE INDEX pdq_hnsw ON fingerprints USING hnsw (pdq bit_hamming_ops);
CREATE INDEX clip_hnsw ON fingerprints USING hnsw (clip vector_cosine_ops);
CREATE INDEX dino_hnsw ON fingerprints USING hnsw (dino vector_cosine_ops);
SQL

echo "pgvector $(run -At -d "$database" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'"), $rows rows"
run -d "$database" <<'SQL'
SELECT name AS "relation",
       pg_size_pretty(bytes) AS "size",
       round(bytes / rows) AS "bytes per row",
       round(bytes / rows * 1e6 / 1e9, 2) AS "GB per million rows"
FROM (SELECT relname AS name, pg_relation_size(oid)::numeric AS bytes,
             (SELECT count(*) FROM fingerprints)::numeric AS rows
      FROM pg_class WHERE relname IN ('pdq_hnsw', 'clip_hnsw', 'dino_hnsw')
      UNION ALL
      SELECT 'table with TOAST', pg_table_size('fingerprints')::numeric, (SELECT count(*) FROM fingerprints)
     ) sizes
ORDER BY bytes;
SQL
