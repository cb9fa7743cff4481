#!/usr/bin/env bash
# Creates Certana's Secrets in a namespace, with random values generated on this machine by
# openssl. A Secret that already exists is kept unchanged, so running the script again never
# replaces a key that stored data depends on (the master key, the watermark key, the pepper).
# Not generated: the SMTP login (certana-smtp) and the anchoring account key (certana-anchor-evm),
# which come from their providers; create them from their templates when needed.
#
# Usage: create-secrets.sh --namespace NAMESPACE [--dry-run]
#   --dry-run  print the Secrets as YAML instead of creating them; no cluster is contacted.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

namespace=""
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--namespace)
      [ $# -ge 2 ] || { echo "create-secrets.sh: --namespace needs a value" >&2; exit 2; }
      namespace=$2
      shift 2
      ;;
    --dry-run)
      dry_run=1
      shift
      ;;
    -h|--help)
      usage
      exit 0
      ;;
    *)
      echo "create-secrets.sh: unknown argument '$1'" >&2
      usage >&2
      exit 2
      ;;
  esac
done
[ -n "$namespace" ] || { echo "create-secrets.sh: missing --namespace NAMESPACE" >&2; usage >&2; exit 2; }
for tool in openssl kubectl; do
  command -v "$tool" >/dev/null || { echo "create-secrets.sh: $tool not found on PATH" >&2; exit 1; }
done

# Values go through files in a private folder, never through command lines that other users of
# this machine could read in the process list.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
umask 077

random_file() { # name, bytes of randomness
  openssl rand -base64 "$2" | tr -d '\n' > "$work/$1"
}

exists() {
  [ "$dry_run" -eq 0 ] && kubectl --namespace "$namespace" get secret "$1" >/dev/null 2>&1
}

create() { # secret name, then the arguments of kubectl create secret after the type
  local name=$1
  shift
  if exists "$name"; then
    echo "create-secrets.sh: $name exists in namespace $namespace; kept unchanged" >&2
    return
  fi
  if [ "$dry_run" -eq 1 ]; then
    echo "---"
    kubectl create secret generic "$name" "$@" --namespace "$namespace" --dry-run=client -o yaml
  else
    kubectl create secret generic "$name" "$@" --namespace "$namespace" >/dev/null
    echo "create-secrets.sh: created $name in namespace $namespace" >&2
  fi
}

random_file token 48
create certana-internal-token --from-file=token="$work/token"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
create certana-jwt --from-file=jwt-private.pem="$work/jwt-private.pem" \
  --from-file=jwt-public.pem="$work/jwt-public.pem"

random_file pepper 48
create certana-api-key-pepper --from-file=pepper="$work/pepper"

random_file master-key 32
create certana-asset-master-key --from-file=master-key="$work/master-key"

random_file watermark-key 32
create certana-watermark-key --from-file=key="$work/watermark-key"

for service in identity asset verification; do
  random_file "db-$service" 24
  create "certana-db-$service" --type=kubernetes.io/basic-auth \
    --from-literal=username="certana_$service" --from-file=password="$work/db-$service"
done
