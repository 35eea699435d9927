#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on 127.0.0.1, from Debian's mariadb-server and galera-4, for the
# fault test (ops/fault-test.sh) and for trying coopflow on Galera by hand. Source it for the functions,
# or run it: `ops/galera.sh start DIR` (then `ops/galera.sh stop DIR`).
#
# Node n (1..3): SQL port 331n, group communication 4567/4577/4587, IST 4568/4578/4588, SST (rsync)
# 4444/4454/4464; data, socket, log and pid under DIR/node<n>. Camunda's documented Galera settings
# exactly, plus utf8mb4 (docs/operations.md) and small buffers: two cores carry three nodes and JVMs.
# The user cf/cf (all privileges, from 127.0.0.1) is for coopflow and the test.

GALERA_LIB=${GALERA_LIB:-/usr/lib/galera/libgalera_smm.so}

galera_port() { echo $((3310 + $1)); }

galera_cnf() { # DIR N
  local dir=$1 n=$2 off=$((($2 - 1) * 10))
  cat >"$dir/node$n.cnf" <<CNF
[mysqld]
user=mysql
datadir=$dir/node$n/data
socket=$dir/node$n/mysqld.sock
pid-file=$dir/node$n/mysqld.pid
log-error=$dir/node$n/error.log
port=$(galera_port "$n")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
max_connections=200
performance_schema=OFF
# Camunda's documented Galera configuration
binlog_format=row
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
transaction-isolation=READ-COMMITTED
wsrep_on=ON
${GALERA_CAUSAL_READS-wsrep_causal_reads=1}
wsrep_sync_wait=7
wsrep_provider=$GALERA_LIB
wsrep_cluster_name=coopflow-fault-test
wsrep_cluster_address=gcomm://127.0.0.1:4567,127.0.0.1:4577,127.0.0.1:4587
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$((4567 + off))
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((4567 + off));ist.recv_addr=127.0.0.1:$((4568 + off));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT10S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4444 + off))
wsrep_slave_threads=2
CNF
}

galera_sql() { # N SQL...
  local n=$1; shift
  mariadb --protocol=TCP -h 127.0.0.1 -P "$(galera_port "$n")" -u cf -pcf -N -B -e "$*"
}

galera_wait_synced() { # N [SECONDS]
  local n=$1 limit=${2:-90} s
  for ((s = 0; s < limit; s++)); do
    [ "$(galera_sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ] && return 0
    sleep 1
  done
  echo "galera node $n not synced after ${limit}s; its log:" >&2
  tail -20 "$GALERA_DIR/node$n/error.log" >&2
  return 1
}

galera_start() { # N [--wsrep-new-cluster]
  local n=$1; shift
  [ -f "$GALERA_DIR/node$n.cnf" ] || galera_cnf "$GALERA_DIR" "$n"
  # a node killed -9 while it was the last one standing refuses to bootstrap unless told it is safe
  [ "${1:-}" = --wsrep-new-cluster ] && [ -f "$GALERA_DIR/node$n/data/grastate.dat" ] &&
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$GALERA_DIR/node$n/data/grastate.dat"
  # after a kill -9 the state file no longer knows the last transaction (seqno -1): recover it from
  # InnoDB first (what Debian's galera_recovery does), so that the node asks only for what it missed
  # (IST) instead of a full copy (SST)
  local state=$GALERA_DIR/node$n/data/grastate.dat position
  if [ "${1:-}" != --wsrep-new-cluster ] && [ -f "$state" ] && grep -q '^seqno: *-1' "$state"; then
    /usr/sbin/mariadbd --defaults-file="$GALERA_DIR/node$n.cnf" --wsrep-recover \
      --log-error="$GALERA_DIR/node$n/recover.log" >/dev/null 2>&1 || true
    position=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$GALERA_DIR/node$n/recover.log" | tail -1)
    [ -n "$position" ] && set -- "$@" --wsrep-start-position="$position"
  fi
  setsid /usr/sbin/mariadbd --defaults-file="$GALERA_DIR/node$n.cnf" "$@" </dev/null >>"$GALERA_DIR/node$n/stdout.log" 2>&1 &
  echo $! >"$GALERA_DIR/node$n/server.pid"
  disown $! 2>/dev/null || true
}

galera_pid() { cat "$GALERA_DIR/node$1/server.pid" 2>/dev/null; }

galera_kill() { # N: kill -9, as a crashed machine would
  local pid; pid=$(galera_pid "$1")
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  rm -f "$GALERA_DIR/node$1/server.pid"
}

galera_up() { # DIR: create and start three nodes, the first bootstrapping the cluster
  GALERA_DIR=$1
  mkdir -p "$GALERA_DIR"
  local n
  for n in 1 2 3; do galera_cnf "$GALERA_DIR" "$n"; mkdir -p "$GALERA_DIR/node$n/data"; done
  # the servers run as mysql: the rsync daemon that receives a state transfer drops root's rights
  chmod 755 "$GALERA_DIR"; chown -R mysql:mysql "$GALERA_DIR"/node?
  mariadb-install-db --defaults-file="$GALERA_DIR/node1.cnf" --user=mysql --auth-root-authentication-method=normal \
    --skip-test-db >"$GALERA_DIR/node1/install.log" 2>&1 || { cat "$GALERA_DIR/node1/install.log" >&2; return 1; }
  galera_start 1 --wsrep-new-cluster
  local s
  for ((s = 0; s < 60; s++)); do
    mariadb -S "$GALERA_DIR/node1/mysqld.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
  done
  mariadb -S "$GALERA_DIR/node1/mysqld.sock" -u root -e \
    "CREATE USER IF NOT EXISTS 'cf'@'127.0.0.1' IDENTIFIED BY 'cf'; GRANT ALL PRIVILEGES ON *.* TO 'cf'@'127.0.0.1' WITH GRANT OPTION;" || return 1
  galera_wait_synced 1 || return 1
  # the others join empty and receive a full copy (SST by rsync); started one at a time, as a donor
  # serves one joiner at a time
  galera_start 2; galera_wait_synced 2 || return 1
  galera_start 3; galera_wait_synced 3 || return 1
}

galera_down() { # stop every node this run started
  local n
  for n in 1 2 3; do galera_kill "$n"; done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) galera_up "${2:?DIR}"; galera_sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" ;;
    stop) GALERA_DIR=${2:?DIR}; galera_down ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
  esac
fi
