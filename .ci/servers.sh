# The real database servers the tests use, from Debian's packages, on 127.0.0.1 only, each with
# its data in a fresh temporary folder and run as its own system user. Sourced by .ci/run (and
# usable by hand: `source .ci/servers.sh && start_postgres && start_mariadb`); exports the URLs the
# tests read: OTO_TEST_PG_URL, OTO_TEST_MYSQL_URL.

OTO_PG_PORT=${OTO_PG_PORT:-54329}
OTO_MYSQL_PORT=${OTO_MYSQL_PORT:-33069}
OTO_SERVERS_DIR=${OTO_SERVERS_DIR:-$(mktemp -d /tmp/oto-servers.XXXXXX)}
chmod 755 "$OTO_SERVERS_DIR"

apt_install() {
  if ! command -v apt-get >/dev/null; then echo "apt-get is needed to install $*" >&2; return 1; fi
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  local data="$OTO_SERVERS_DIR/postgres"
  mkdir -p "$data" && chown postgres:postgres "$data"
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w -o \"-h 127.0.0.1 -p $OTO_PG_PORT -k '$data' -c max_locks_per_transaction=256\" start >/dev/null"
  psql -h 127.0.0.1 -p "$OTO_PG_PORT" -U postgres -q -c "CREATE ROLE oto LOGIN PASSWORD 'oto-secret' SUPERUSER" -c "CREATE DATABASE oto OWNER oto" >/dev/null
  export OTO_TEST_PG_URL="postgresql://oto:oto-secret@127.0.0.1:$OTO_PG_PORT/oto"
  OTO_PG_BIN=$bin
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$OTO_PG_PORT"
}

stop_postgres() {
  [ -n "${OTO_PG_BIN:-}" ] || return 0
  su postgres -s /bin/sh -c "'$OTO_PG_BIN/pg_ctl' -D '$OTO_SERVERS_DIR/postgres' -m fast -w stop >/dev/null" || true
}

start_mariadb() {
  command -v mariadbd >/dev/null || command -v mysqld >/dev/null || apt_install mariadb-server
  local server; server=$(command -v mariadbd || command -v mysqld)
  local data="$OTO_SERVERS_DIR/mariadb"
  mkdir -p "$data" && chown mysql:mysql "$data"
  mariadb-install-db --user=mysql --datadir="$data" --auth-root-authentication-method=socket --skip-test-db >/dev/null 2>&1
  "$server" --user=mysql --datadir="$data" --bind-address=127.0.0.1 --port="$OTO_MYSQL_PORT" \
    --socket="$data/mysqld.sock" --pid-file="$data/mysqld.pid" --log-error="$data/error.log" --skip-name-resolve >/dev/null 2>&1 &
  local i
  for i in $(seq 1 60); do
    mariadb --socket="$data/mysqld.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb --socket="$data/mysqld.sock" -u root -e "CREATE USER 'oto'@'127.0.0.1' IDENTIFIED BY 'oto-secret'; GRANT ALL ON *.* TO 'oto'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE oto;"
  export OTO_TEST_MYSQL_URL="mysql://oto:oto-secret@127.0.0.1:$OTO_MYSQL_PORT/oto"
  OTO_MYSQL_SOCKET="$data/mysqld.sock"
  echo "MariaDB $("$server" --version | awk '{print $3}') on 127.0.0.1:$OTO_MYSQL_PORT"
}

stop_mariadb() {
  [ -n "${OTO_MYSQL_SOCKET:-}" ] || return 0
  mariadb-admin --socket="$OTO_MYSQL_SOCKET" -u root shutdown >/dev/null 2>&1 || true
}

stop_servers() {
  stop_postgres
  stop_mariadb
  rm -rf "$OTO_SERVERS_DIR"
}
