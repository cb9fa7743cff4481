#!/usr/bin/env bash
# Measures how long identity-service takes to reject a login for an unknown email and for a known
# email with a wrong password, and prints a table of latencies. The two rows should match: both
# cases run one bcrypt check of cost 12, so response time does not reveal which emails have accounts.
#
# Usage: bench/login-timing.sh [base-url] [samples]   (defaults: http://127.0.0.1:8081 20)
#
# Every sample is a failed login from this address, and the service throttles an address after
# certana.identity.login.max-failures-per-ip failures (50 by default) per 15 minutes. For more than
# 25 samples, start the service with a higher limit, for example
#   CERTANA_IDENTITY_LOGIN_MAX_FAILURES_PER_IP=100000 QUARKUS_PROFILE=dev java -jar target/quarkus-app/quarkus-run.jar
# The script creates one unverified account per sample (emails under bench-*.example.com).
set -euo pipefail

BASE=${1:-http://127.0.0.1:8081}
SAMPLES=${2:-20}
RUN=$(date +%s)-$$

post() { # path body -> "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$BASE$1" \
    -H 'Content-Type: application/json' -d "$2"
}

known=()
for i in $(seq 1 "$SAMPLES"); do
  email="known-$i-$RUN@bench-$RUN.example.com"
  read -r status _ < <(post /api/v1/auth/signup "{\"email\":\"$email\",\"password\":\"bench password $i\",\"fullName\":\"Bench\"}")
  [ "$status" = 201 ] || { echo "signup failed with HTTP $status" >&2; exit 1; }
  known+=("$email")
done

unknown_times=()
wrong_times=()
for i in $(seq 1 "$SAMPLES"); do
  # Interleave the two cases, so drift in machine load affects both alike.
  read -r status seconds < <(post /api/v1/auth/login "{\"email\":\"nobody-$i-$RUN@bench-$RUN.example.com\",\"password\":\"wrong password\"}")
  [ "$status" = 401 ] || { echo "unknown email returned HTTP $status, expected 401" >&2; exit 1; }
  unknown_times+=("$seconds")
  read -r status seconds < <(post /api/v1/auth/login "{\"email\":\"${known[$((i - 1))]}\",\"password\":\"wrong password\"}")
  [ "$status" = 401 ] || { echo "wrong password returned HTTP $status, expected 401" >&2; exit 1; }
  wrong_times+=("$seconds")
done

summarize() { # label times...
  local label=$1
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '
    { t[NR] = $1 * 1000; sum += t[NR] }
    END {
      p50 = t[int((NR + 1) / 2)]; p90 = t[int(NR * 0.9 + 0.5)]
      printf "| %-22s | %7d | %8.1f | %8.1f | %8.1f | %8.1f |\n", label, NR, t[1], p50, p90, sum / NR
    }'
}

echo "login rejection latency against $BASE, $SAMPLES samples each (ms)"
echo "| case                   | samples |      min |   median |      p90 |     mean |"
echo "| ---------------------- | ------- | -------- | -------- | -------- | -------- |"
summarize "unknown email" "${unknown_times[@]}"
summarize "wrong password" "${wrong_times[@]}"
