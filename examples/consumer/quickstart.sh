#!/usr/bin/env bash
# Retort's quick start: the Alembic workflow on this example, as the README shows it. It runs on the
# embedded PostgreSQL (its data in .retort/ here), or on the server RETORT_URL names. Running it again
# is safe: the second revision --autogenerate finds no changes, the second upgrade nothing to do.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

# Prints a command as typed, then runs it.
show() {
  printf '\n$ %s\n' "$1"
  eval "$1"
}

show 'TARGET_SCHEMA=tenant_a ../../retort revision --autogenerate -m "initial"'
show 'cat migrations/*'
show 'TARGET_SCHEMA=tenant_a ../../retort upgrade head'
show 'TARGET_SCHEMA=tenant_a ../../retort check'

# Beyond the seed: the SQL for a schema without touching the database, and the same revision for
# another tenant, which leaves tenant_a as it is.
show '../../retort upgrade head --sql --schema tenant_a'
show '../../retort upgrade head --schema tenant_b'
show '../../retort current --schema tenant_a'
show '../../retort downgrade base --schema tenant_b'
