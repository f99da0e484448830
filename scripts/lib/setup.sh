#!/usr/bin/env bash
# Machine setup shared by .ci/run and scripts/demo.sh: start the local services if they are down and install
# the project's dependencies (Node 24 included). Source it; it defines functions only.

fail() {
  echo "ERROR: $*" >&2
  return 1
}

# ---------------------------------------------------------------------------------------------------------
# Services: the MariaDB and Redis installed on the machine (no Docker engine here; see docker-compose.yml
# for laptops). Each is started only if it does not already answer.
# ---------------------------------------------------------------------------------------------------------
wait_for() {
  local what=$1 seconds=$2
  shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then
      echo "${what} answers"
      return 0
    fi
    sleep 1
  done
  fail "${what} did not answer within ${seconds}s"
}

start_mariadb() {
  if mariadb-admin ping >/dev/null 2>&1; then
    echo 'MariaDB is already running'
    return 0
  fi
  echo 'Starting MariaDB'
  # The socket directory lives on a tmpfs that a fresh boot empties.
  install -d -o mysql -g mysql /run/mysqld 2>/dev/null || mkdir -p /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for MariaDB 60 mariadb-admin ping
}

start_redis() {
  if redis-cli ping >/dev/null 2>&1; then
    echo 'Redis is already running'
    return 0
  fi
  echo 'Starting Redis'
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis 30 redis-cli ping
}

install_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    echo "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown')"
    return 0
  fi
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium chromium-driver
  /usr/bin/chromium --version
}

# ---------------------------------------------------------------------------------------------------------
# Dependencies
#
# npm 11 runs a dependency's install scripts only when package.json `allowScripts` approves it (the `node`
# package's postinstall is what puts Node 24 in node_modules/.bin). --strict-allow-scripts makes a new,
# unreviewed install script fail the install instead of being skipped with a notice: approve or deny it
# with `npm install-scripts approve|deny <pkg>` and commit package.json.
#
# npm ci on these machines: the registry here serves no versions of some platform-specific optional
# packages (darwin/win32/... builds of @swc/core and others), so the lock file written here has no entries
# for them, and npm ci's sync check reports them as "Missing: <name>@ from lock file" (an empty version)
# before it would skip them as optional. Only in exactly that case we fall back to `npm install --no-save`,
# which installs the locked versions without writing the lock file. Any other mismatch fails the build.
# ---------------------------------------------------------------------------------------------------------
install_dependencies() {
  local log
  log=$(mktemp)
  if npm ci --no-audit --no-fund --strict-allow-scripts 2>&1 | tee "$log"; then
    rm -f "$log"
  elif grep -q 'can only install packages when your package.json and package-lock.json' "$log" &&
    ! grep -Eq 'Invalid: |Missing: [^ ]+@[^ ]+ from lock file' "$log"; then
    rm -f "$log"
    echo
    echo 'npm ci refused only because optional platform packages that this registry does not serve are'
    echo 'absent from package-lock.json (see the comment in .ci/run); installing the locked versions with'
    echo 'npm install --no-save instead.'
    rm -rf node_modules
    npm install --no-audit --no-fund --no-save --strict-allow-scripts
    git diff --quiet -- package-lock.json package.json ||
      fail 'npm install changed package-lock.json or package.json: update the lock file and commit it'
  else
    rm -f "$log"
    fail 'npm ci failed (see above)'
  fi

  local node_version
  node_version=$(node_modules/.bin/node --version 2>/dev/null || true)
  if [[ $node_version != v24.* ]]; then
    fail "node_modules/.bin/node prints '${node_version:-nothing}', not v24: the install script of the" \
      "'node' package did not run. Is it approved in package.json allowScripts?"
  fi
  echo "Project Node: ${node_version}"
}

