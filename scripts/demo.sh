#!/usr/bin/env bash
# npm run demo: the whole product on this machine with a seeded trust and the local stand-ins.
# Starts MariaDB and Redis if they are down, installs what is missing, migrates and seeds the demo database,
# then runs the sandbox (identity provider, Wonde, Twilio, SES, Stripe), the API, the worker and the web app until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/setup.sh
source scripts/lib/setup.sh

start_mariadb
start_redis
if [[ $(node_modules/.bin/node --version 2>/dev/null) == v24.* && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo 'Dependencies are installed'
else
  install_dependencies
fi
export PATH="$PWD/node_modules/.bin:$PATH"

if [[ ! -f .env ]]; then
  cp .env.example .env
  echo 'Created .env from .env.example'
else
  # A .env from an older checkout: add the variables .env.example has gained since, leaving the others alone.
  while IFS= read -r line; do
    if [[ $line =~ ^([A-Z0-9_]+)= ]] && ! grep -q "^${BASH_REMATCH[1]}=" .env; then
      echo "$line" >>.env
      echo "Added ${BASH_REMATCH[1]} to .env from .env.example"
    fi
  done <.env.example
fi
set -a
# shellcheck source=/dev/null
source .env
set +a
mkdir -p .demo

echo 'Building'
npm run --silent build:server
npm run --silent build:web >/dev/null
node dist/scripts/migrate.js
node dist/scripts/seed-demo.js >.demo/accounts.txt

concurrently --kill-others --names sandbox,api,worker,web --prefix-colors blue,green,magenta,cyan \
  'node dist/apps/sandbox/src/main.js' \
  'node dist/apps/api/src/main.js' \
  'node dist/apps/worker/src/main.js' \
  'node dist/scripts/web-main.js' &
processes=$!
trap 'kill -TERM $processes 2>/dev/null; wait $processes 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 60); do
  if node -e "fetch('http://${API_HOST}:${API_PORT}/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" &&
    node -e "fetch('http://${WEB_HOST}:${WEB_PORT}/config.json').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    # Past trips and clubs with bookings and registers for the event reports, once the first sync has pupils.
    node dist/scripts/seed-demo-activity.js >.demo/activity.log 2>&1 &
    # The demo parent's contact record arrives with the worker's first Oakfield sync: link it once it is there.
    echo 'Waiting for the first Oakfield sync to link the demo parent'
    parent=$(node dist/scripts/link-demo-parent.js || echo 'WARNING: the demo parent could not be linked (see above)')
    cat <<BANNER

  Rowan is running.
    Web app          http://${WEB_HOST}:${WEB_PORT}
    API docs         http://${API_HOST}:${API_PORT}/api/docs
    Health           http://${API_HOST}:${API_PORT}/health/ready
    Queues           http://${API_HOST}:${API_PORT}/ops/queues  (${OPS_DASHBOARD_USER} / ${OPS_DASHBOARD_PASSWORD})
    Identity (sandbox FusionAuth)  ${OIDC_ISSUER}
    SMS sent (sandbox Twilio)      http://${SANDBOX_HOST}:${SANDBOX_TWILIO_PORT}/sandbox/twilio
    Email sent (sandbox SES)       http://${SANDBOX_HOST}:${SANDBOX_SES_PORT}/sandbox/ses
    Payments (sandbox Stripe)      http://${SANDBOX_HOST}:${SANDBOX_STRIPE_PORT:-4014}/sandbox/stripe

$(sed 's/^/  /' .demo/accounts.txt)
  ${parent}

  Ctrl-C stops everything.
BANNER
    wait $processes
    exit $?
  fi
  sleep 1
done
echo 'ERROR: the API did not become ready within 60 s (see the logs above)' >&2
kill -TERM $processes 2>/dev/null || true
exit 1
