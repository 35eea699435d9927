#!/usr/bin/env bash
# Backup and restore, proven (issue 16, point 7).
#
# Starts a source MariaDB of its own (fresh datadir, 127.0.0.1:3320) and coopflow on it (:18091, the
# `mysql,demo` profiles: the demo portfolio gives programmes, pledges, open tasks and waiting timers),
# puts it under light load (donors posting pledges with Idempotency-Keys, an officer creating
# programmes and verifying pledges), takes a backup of the RUNNING system with
#   mariadb-dump --single-transaction --routines --triggers --events --hex-blob
# restores it into a FRESH server (new datadir, :3321), starts coopflow on the restored database
# (:18092) and checks:
#   - every pledge, programme, open task and waiting job committed before the dump started is there
#     (ids noted by SQL just before the dump, and every key a client saw answered 2xx before it);
#   - the snapshot is consistent: every restored pledge in PLEDGED has its running process instance;
#   - Liquibase applies nothing on the restored database (DATABASECHANGELOG unchanged);
#   - a waiting timer still fires: the lapse timer of a pledge waiting for its agreement is brought
#     forward BY SQL (DUEDATE_ in the past, simulating time passing) and the restored node's job
#     executor must run it: job gone, ACT_HI_JOB_LOG success, process ended, pledge LAPSED.
# Exits non-zero when a check fails; prints figures; removes every process and temp dir it made.
#
# Touches only 127.0.0.1. Bounded: ~5 minutes on 2 cores.
# Environment: COOPFLOW_JAR=path (skip the build), LOAD_SECONDS (default 25), KEEP_TMP=1 (keep logs),
# DUMP_SLOW=seconds (default 10: the dump is read that slowly, so the snapshot is held open under load),
# BACKUP=mariabackup (a physical hot backup with mariabackup, Debian package mariadb-backup, instead of
# the dump), SABOTAGE=1 (delete one waiting timer after the restore: the script must then fail).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SRC_DB_PORT=3320 DST_DB_PORT=3321
SRC_APP_PORT=18091 DST_APP_PORT=18092
LOAD_SECONDS=${LOAD_SECONDS:-25}
BACKUP=${BACKUP:-dump} # dump (mariadb-dump --single-transaction) or mariabackup
DEADLINE=$((SECONDS + ${TIME_LIMIT:-480}))
TMP=$(mktemp -d /tmp/cf-backup-restore.XXXXXX)
PIDS=()
FAILURES=0

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
ok() { log "ok:   $*"; }

cleanup() {
	local rc=$?
	touch "$TMP/stop-load"
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	sleep 2
	for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [[ ${KEEP_TMP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
	exit $rc
}
trap cleanup EXIT INT TERM

for port in $SRC_DB_PORT $DST_DB_PORT $SRC_APP_PORT $DST_APP_PORT; do
	if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use" >&2; exit 2; fi
done

JAR=${COOPFLOW_JAR:-}
if [[ -z $JAR ]]; then
	log "building the jar (./mvnw -B -q -DskipTests package)"
	./mvnw -B -q -DskipTests package
	JAR=$(ls "$ROOT"/target/coopflow-*.jar | grep -v plain | head -1)
fi
log "jar: $JAR"

# ---- MariaDB ---------------------------------------------------------------------------------------
# The settings coopflow needs (docs/operations.md, CAMUNDA-MYSQL.md): utf8mb4 server default, InnoDB,
# READ COMMITTED (coopflow sets it per connection too); small buffers: two cores, two servers, two JVMs.
start_db() { # name port [prepared] -- "prepared": the datadir is already there (mariabackup --copy-back)
	local name=$1 port=$2 dir=$TMP/$1
	mkdir -p "$dir"
	if [[ ${3:-} != prepared ]]; then
		mariadb-install-db --no-defaults --user=root --datadir="$dir/data" --auth-root-authentication-method=normal \
			--skip-test-db >"$dir/install.log" 2>&1
	fi
	mariadbd --no-defaults --user=root --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
		--socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--default-storage-engine=InnoDB --transaction-isolation=READ-COMMITTED \
		--innodb-buffer-pool-size=96M --innodb-log-file-size=48M --innodb-flush-log-at-trx-commit=2 \
		--max-connections=100 --skip-name-resolve &
	PIDS+=($!)
	for _ in $(seq 60); do
		mariadb -h127.0.0.1 -P"$port" -uroot -e 'select 1' >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "MariaDB $name did not start" >&2; cat "$dir/error.log" >&2; return 1
}
sql() { # port statement -> tab-separated rows, no header
	mariadb -h127.0.0.1 -P"$1" -uroot --default-character-set=utf8mb4 -N -B coopflow -e "$2"
}

# ---- coopflow --------------------------------------------------------------------------------------
start_app() { # name app-port db-port
	local name=$1 port=$2 dbport=$3
	SPRING_PROFILES_ACTIVE=mysql,demo \
	SPRING_DATASOURCE_URL="jdbc:mysql://127.0.0.1:$dbport/coopflow?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8" \
	SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
		java -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="$port" \
		>"$TMP/$name.log" 2>&1 &
	PIDS+=($!)
	local started=$SECONDS
	# ready = health UP and the API answering (503 while the demo portfolio loads on the first start)
	until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' \
		&& [[ $(curl -s -o /dev/null -w '%{http_code}' -u admin:demo "http://127.0.0.1:$port/api/me") == 200 ]]; do
		if ((SECONDS - started > 240)); then echo "coopflow $name not ready in 240 s" >&2; tail -50 "$TMP/$name.log" >&2; return 1; fi
		sleep 2
	done
	log "coopflow $name ready on :$port in $((SECONDS - started)) s"
}
api() { # user method port path [body] -> prints "status" and writes the body to $TMP/last.json
	local user=$1 method=$2 port=$3 path=$4 body=${5:-}
	curl -sS -o "$TMP/last.json" -w '%{http_code}' -u "$user:demo" -X "$method" \
		-H 'Content-Type: application/json' ${body:+--data "$body"} "http://127.0.0.1:$port$path"
}

# ---- light load --------------------------------------------------------------------------------------
# Each client appends "epoch_ms key status id" per answered request; a request that failed or timed out
# is retried with the same key, as a careful client would.
now_ms() { date +%s%3N; }
pledge_client() { # donor n
	local donor=$1 n=0 key status id body
	while [[ ! -e $TMP/stop-load ]]; do
		n=$((n + 1)); key="br-$donor-$n"
		body="{\"amount\": $((1000 + n)), \"currency\": \"USD\", \"earmarking\": \"NONE\", \"office\": \"CPCJD\", \"note\": \"backup test 🌍 $key\"}"
		for _ in 1 2 3; do
			status=$(curl -sS -m 20 -o "$TMP/p.$donor.json" -w '%{http_code}' -u "$donor:demo" -X POST \
				-H 'Content-Type: application/json' -H "Idempotency-Key: $key" --data "$body" \
				"http://127.0.0.1:$SRC_APP_PORT/api/pledges" 2>/dev/null || echo 000)
			[[ $status == 2* ]] && break
		done
		id=$(jq -r '.id // empty' "$TMP/p.$donor.json" 2>/dev/null || true)
		echo "$(now_ms) $key $status ${id:-?}" >>"$TMP/pledges.$donor.log"
		sleep 0.3
	done
}
programme_client() {
	local n=0 status id start end
	start=$(date -u -d '+60 days' +%F) end=$(date -u -d '+400 days' +%F)
	while [[ ! -e $TMP/stop-load ]]; do
		n=$((n + 1))
		status=$(curl -sS -m 20 -o "$TMP/prog.json" -w '%{http_code}' -u officerCpcjd:demo -X POST \
			-H 'Content-Type: application/json' --data "{\"office\": \"CPCJD\", \"title\": \"Backup test programme $n\",
			\"description\": \"Training judges, created while a backup runs\", \"scope\": \"NATIONAL\", \"countries\": [\"MW\"],
			\"standards\": [\"BP-JUDICIARY\"], \"activityTypes\": [\"TRAINING\"], \"plannedStart\": \"$start\",
			\"plannedEnd\": \"$end\", \"budget\": {\"amount\": 120000, \"currency\": \"USD\"}}" \
			"http://127.0.0.1:$SRC_APP_PORT/api/programmes" 2>/dev/null || echo 000)
		id=$(jq -r '.id // empty' "$TMP/prog.json" 2>/dev/null || true)
		echo "$(now_ms) programme-$n $status ${id:-?}" >>"$TMP/programmes.log"
		sleep 0.5
	done
}
verify_client() { # verifies the pledges the donors created: each becomes a "Conclude agreement" task with a lapse timer
	local done_ids=" " id status
	while [[ ! -e $TMP/stop-load ]]; do
		for id in $(cat "$TMP"/pledges.*.log 2>/dev/null | awk '$3 ~ /^20/ && $4 != "?" {print $4}' | sort -un); do
			[[ $done_ids == *" $id "* ]] && continue
			[[ -e $TMP/stop-load ]] && break
			status=$(curl -sS -m 20 -o /dev/null -w '%{http_code}' -u officerCpcjd:demo -X PUT \
				-H 'Content-Type: application/json' --data '{"verified": true}' \
				"http://127.0.0.1:$SRC_APP_PORT/api/pledges/$id/verification" 2>/dev/null || echo 000)
			echo "$(now_ms) verify-$id $status $id" >>"$TMP/verifications.log"
			done_ids+="$id "
		done
		sleep 1
	done
}

slow_copy() { # seconds: copies stdin to stdout in 20 chunks spread over that long
	local chunk=0
	while IFS= read -r -d $'\n' line || [[ -n $line ]]; do
		printf '%s\n' "$line"
		chunk=$((chunk + ${#line}))
		if ((chunk > 120000)); then chunk=0; sleep "$(awk -v s="$1" 'BEGIN {print s / 20}')"; fi
	done
}

# ---- 1. source ---------------------------------------------------------------------------------------
log "starting the source MariaDB on :$SRC_DB_PORT"
start_db src $SRC_DB_PORT
mariadb -h127.0.0.1 -P$SRC_DB_PORT -uroot -e 'CREATE DATABASE coopflow CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
start_app src $SRC_APP_PORT $SRC_DB_PORT

log "light load for ${LOAD_SECONDS} s (2 donors, 1 officer creating programmes, 1 officer verifying)"
pledge_client donorNorway & PIDS+=($!)
pledge_client donorJapan & PIDS+=($!)
programme_client & PIDS+=($!)
verify_client & PIDS+=($!)
sleep $((LOAD_SECONDS / 2))

# ---- 2. backup of the running system -----------------------------------------------------------------
# What was committed before the dump started: ids read now, and the time every client answer is compared
# to. The dump's snapshot is taken after this, so it must hold all of them (and may hold a few more).
sql $SRC_DB_PORT 'SELECT id FROM pledge ORDER BY id' >"$TMP/before.pledges"
sql $SRC_DB_PORT 'SELECT id FROM programme ORDER BY id' >"$TMP/before.programmes"
sql $SRC_DB_PORT 'SELECT ID_ FROM ACT_RU_TASK ORDER BY ID_' >"$TMP/before.tasks"
sql $SRC_DB_PORT 'SELECT ID_, TYPE_ FROM ACT_RU_JOB ORDER BY ID_' >"$TMP/before.jobs-and-types"
cut -f1 "$TMP/before.jobs-and-types" >"$TMP/before.jobs"
awk '$2 == "timer" {print $1}' "$TMP/before.jobs-and-types" >"$TMP/before.timers"
DUMP_START_MS=$(now_ms)
log "backup starts; committed before it: $(wc -l <"$TMP/before.pledges") pledges, $(wc -l <"$TMP/before.programmes") programmes, $(wc -l <"$TMP/before.tasks") open tasks, $(wc -l <"$TMP/before.jobs") jobs ($(wc -l <"$TMP/before.timers") timers)"
dump_started=$SECONDS
# --single-transaction: one consistent InnoDB snapshot without locking writers (every coopflow and
# Camunda table is InnoDB); --hex-blob: ACT_GE_BYTEARRAY's BYTES_ (deployed models, serialized variables)
# as hex, immune to any character-set conversion on the way; --routines/--triggers/--events for
# completeness (coopflow has none today); --databases writes CREATE DATABASE with its utf8mb4 default.
if [[ $BACKUP == mariabackup ]]; then
	# physical hot backup of the whole server: InnoDB pages copied while the redo log is followed
	mariabackup --backup --host=127.0.0.1 --port=$SRC_DB_PORT --user=root --target-dir="$TMP/backup" \
		>"$TMP/mariabackup.log" 2>&1 || { tail -20 "$TMP/mariabackup.log"; exit 1; }
	BACKUP_FILE=$TMP/backup
else
	# The dump of this small database takes under a second; read slowly (DUMP_SLOW seconds, default 10)
	# so that the snapshot stays open while the clients keep writing, as a large database's would.
	mariadb-dump -h127.0.0.1 -P$SRC_DB_PORT -uroot --single-transaction --routines --triggers --events --hex-blob \
		--default-character-set=utf8mb4 --databases coopflow \
		| slow_copy "${DUMP_SLOW:-10}" >"$TMP/coopflow.sql"
	BACKUP_FILE=$TMP/coopflow.sql
fi
DUMP_END_MS=$(now_ms)
DUMP_SECONDS=$((SECONDS - dump_started))
log "backup ($BACKUP) done in ${DUMP_SECONDS} s: $(du -sh "$BACKUP_FILE" | cut -f1)"
sleep $((LOAD_SECONDS - LOAD_SECONDS / 2))
touch "$TMP/stop-load"
sleep 3
sql $SRC_DB_PORT 'SELECT COUNT(*) FROM DATABASECHANGELOG' >"$TMP/src.changelog"

pledge_answers=$(cat "$TMP"/pledges.*.log | wc -l)
pledge_2xx=$(cat "$TMP"/pledges.*.log | awk '$3 ~ /^20/' | wc -l)
programme_2xx=$(awk '$3 ~ /^20/' "$TMP/programmes.log" | wc -l)
verified_2xx=$(awk '$3 ~ /^20/' "$TMP/verifications.log" 2>/dev/null | wc -l)
log "load: $pledge_answers pledge requests ($pledge_2xx answered 2xx), $programme_2xx programmes created, $verified_2xx pledges verified"
((pledge_2xx > 0)) || fail "no pledge was accepted under load (see the client logs)"
((programme_2xx > 0)) || fail "no programme was created under load"

# ---- 3. restore into a fresh server --------------------------------------------------------------------
restore_started=$SECONDS
if [[ $BACKUP == mariabackup ]]; then
	log "preparing the backup and copying it into a fresh datadir for :$DST_DB_PORT"
	mkdir -p "$TMP/dst/data"
	mariabackup --prepare --target-dir="$TMP/backup" >>"$TMP/mariabackup.log" 2>&1
	mariabackup --copy-back --target-dir="$TMP/backup" --datadir="$TMP/dst/data" >>"$TMP/mariabackup.log" 2>&1
	start_db dst $DST_DB_PORT prepared
else
	log "starting a fresh MariaDB on :$DST_DB_PORT and restoring"
	start_db dst $DST_DB_PORT
	mariadb -h127.0.0.1 -P$DST_DB_PORT -uroot --default-character-set=utf8mb4 <"$TMP/coopflow.sql"
fi
RESTORE_SECONDS=$((SECONDS - restore_started))
if [[ ${SABOTAGE:-0} == 1 ]]; then
	# proves the checks can fail: one waiting timer "lost" in the restore
	log "SABOTAGE=1: deleting one waiting timer from the restored database"
	sql $DST_DB_PORT "DELETE FROM ACT_RU_JOB WHERE ID_='$(tail -1 "$TMP/before.timers")'"
fi
log "restore done in ${RESTORE_SECONDS} s"

missing() { # file-of-ids query -> ids in the file that the restored database lacks
	sql $DST_DB_PORT "$2" | sort >"$TMP/restored.ids"
	sort "$1" | comm -23 - "$TMP/restored.ids"
}
check_all_there() { # label file query
	local gone
	gone=$(missing "$2" "$3" | wc -l)
	if ((gone == 0)); then ok "$1: all $(wc -l <"$2") committed before the dump are restored ($(wc -l <"$TMP/restored.ids") in the restored database)"
	else fail "$1: $gone of $(wc -l <"$2") committed before the dump are missing: $(missing "$2" "$3" | head -5 | tr '\n' ' ')"; fi
}
check_all_there pledges "$TMP/before.pledges" 'SELECT id FROM pledge'
check_all_there programmes "$TMP/before.programmes" 'SELECT id FROM programme'
# A task open before the dump may have been completed (a pledge verified) before the snapshot: then it
# must be there as completed history instead. Either way none is lost.
check_all_there "open tasks (open, or completed in the restored history)" "$TMP/before.tasks" \
	'SELECT ID_ FROM ACT_RU_TASK UNION SELECT ID_ FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL'
# A job done between the id query and the snapshot is rightly absent; timers waiting for days are not.
sql $SRC_DB_PORT "SELECT ID_ FROM ACT_RU_JOB WHERE TYPE_='timer' AND DUEDATE_ > NOW() + INTERVAL 1 HOUR" | sort \
	| comm -12 - <(sort "$TMP/before.timers") >"$TMP/before.later-timers"
check_all_there "timers due later than in an hour" "$TMP/before.later-timers" "SELECT ID_ FROM ACT_RU_JOB WHERE TYPE_='timer'"

# Bytes and text survive: the deployed models (ACT_GE_BYTEARRAY blobs) and the donors' notes (utf8mb4,
# an emoji in each) are identical on both sides.
same() { # label query
	if [[ $(sql $SRC_DB_PORT "$2" | md5sum) == "$(sql $DST_DB_PORT "$2" | md5sum)" ]]; then ok "$1 identical in source and restored database"
	else fail "$1 differ between source and restored database"; fi
}
same "deployed resources (ACT_GE_BYTEARRAY of deployments, CRC32 of BYTES_)" \
	'SELECT ID_, NAME_, LENGTH(BYTES_), CRC32(BYTES_) FROM ACT_GE_BYTEARRAY WHERE DEPLOYMENT_ID_ IS NOT NULL ORDER BY ID_'
same "notes of the pledges committed before the dump (HEX, utf8mb4)" \
	"SELECT id, HEX(note) FROM pledge WHERE id <= $(tail -1 "$TMP/before.pledges") ORDER BY id"
emoji=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM pledge WHERE note LIKE '%🌍%'")
((emoji > 0)) && ok "notes with an emoji in the restored database: $emoji" || fail "no note with an emoji in the restored database"

# Every pledge a client saw accepted before the dump started is restored under its key.
awk -v t="$DUMP_START_MS" '$1 < t && $3 ~ /^20/ {print $2}' "$TMP"/pledges.*.log | sort -u >"$TMP/keys.before"
lost=$(sql $DST_DB_PORT 'SELECT idempotency_key FROM pledge WHERE idempotency_key IS NOT NULL' | sort | comm -23 "$TMP/keys.before" - | wc -l)
if ((lost == 0)); then ok "idempotency keys answered 2xx before the dump: $(wc -l <"$TMP/keys.before"), all restored"
else fail "$lost idempotency keys answered 2xx before the dump are not in the restored database"; fi
# Pledges accepted while the backup ran: a dump holds none committed after its snapshot (taken at its
# start), a physical backup those committed before its end. A figure, not a check.
awk -v s="$DUMP_START_MS" -v e="$DUMP_END_MS" '$1 >= s && $1 < e && $3 ~ /^20/ {print $2}' "$TMP"/pledges.*.log \
	| sort -u >"$TMP/keys.during"
during_restored=$(sql $DST_DB_PORT 'SELECT idempotency_key FROM pledge WHERE idempotency_key IS NOT NULL' | sort \
	| comm -12 "$TMP/keys.during" - | wc -l)
log "pledges accepted while the backup ran: $(wc -l <"$TMP/keys.during"), of them in the restored database: $during_restored"
# --single-transaction is consistent only for transactional tables
non_innodb=$(sql $SRC_DB_PORT "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='coopflow' AND engine <> 'InnoDB'")
if ((non_innodb == 0)); then ok "every table of the source is InnoDB ($(sql $SRC_DB_PORT "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='coopflow'") tables)"
else fail "$non_innodb tables of the source are not InnoDB: the dump is not one snapshot for them"; fi
# A consistent snapshot: every PLEDGED pledge has its running process (coopflow's row and Camunda's rows
# of one transaction come together or not at all).
orphans=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM pledge p WHERE p.status='PLEDGED' AND NOT EXISTS
	(SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_=CONCAT('pledge-', p.id) AND e.PARENT_ID_ IS NULL)")
if ((orphans == 0)); then ok "every PLEDGED pledge in the restored database has its running process instance"
else fail "$orphans PLEDGED pledges have no running process instance in the restored database"; fi
# ... and waits at the task its row says: "Verify pledge" until verified_at is set, then "Conclude
# agreement" (the verification and the task completion are one transaction, so one snapshot has both).
misplaced=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM pledge p WHERE p.status='PLEDGED' AND NOT EXISTS
	(SELECT 1 FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
	 WHERE e.BUSINESS_KEY_ = CONCAT('pledge-', p.id)
	   AND t.TASK_DEF_KEY_ = IF(p.verified_at IS NULL, 'Task_VerifyPledge', 'Task_ConcludeAgreement'))")
pledged=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM pledge WHERE status='PLEDGED'")
if ((misplaced == 0)); then ok "all $pledged PLEDGED pledges wait at the task their row says (verify, or conclude once verified)"
else fail "$misplaced of $pledged PLEDGED pledges do not wait at the task their row says"; fi

# ---- 4. coopflow on the restored database ---------------------------------------------------------------
# The timer to fire: a lapse timer ("Lapse date reached", on "Conclude agreement"), due weeks from now.
read -r TIMER_ID TIMER_PI TIMER_DUE < <(sql $DST_DB_PORT "SELECT j.ID_, j.PROCESS_INSTANCE_ID_, DATE_FORMAT(j.DUEDATE_, '%Y-%m-%dT%H:%i')
	FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
	WHERE j.TYPE_='timer' AND d.ACT_ID_='BoundaryEvent_LapseDateReached' AND j.DUEDATE_ > NOW() ORDER BY j.DUEDATE_ LIMIT 1") || true
[[ -n ${TIMER_ID:-} ]] || { fail "no waiting lapse timer in the restored database"; exit 1; }
TIMER_PLEDGE=$(sql $DST_DB_PORT "SELECT SUBSTRING(BUSINESS_KEY_, 8) FROM ACT_RU_EXECUTION WHERE ID_='$TIMER_PI'")
locked=$(sql $DST_DB_PORT 'SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL')
log "jobs locked by the source's job executor in the dump: $locked (they wait for LOCK_EXP_TIME_, at most 5 min, before the restored node takes them)"
changelog_before=$(sql $DST_DB_PORT 'SELECT COUNT(*) FROM DATABASECHANGELOG')
counts_sql="SELECT (SELECT COUNT(*) FROM pledge), (SELECT COUNT(*) FROM programme), (SELECT COUNT(*) FROM ACT_RU_TASK)"
restored_counts=$(sql $DST_DB_PORT "$counts_sql")

start_app dst $DST_APP_PORT $DST_DB_PORT

changelog_after=$(sql $DST_DB_PORT 'SELECT COUNT(*) FROM DATABASECHANGELOG')
if [[ $changelog_before == "$changelog_after" && $changelog_after == "$(cat "$TMP/src.changelog")" ]]; then
	ok "Liquibase applied nothing on the restored database ($changelog_after changesets, as on the source)"
else fail "DATABASECHANGELOG: source $(cat "$TMP/src.changelog"), restored $changelog_before, after start $changelog_after"; fi
after_counts=$(sql $DST_DB_PORT "$counts_sql")
if [[ $after_counts == "$restored_counts" ]]; then ok "pledges, programmes, open tasks after the restored node started: $(echo $after_counts | tr ' ' '/') (unchanged)"
else fail "counts changed when the restored node started: $restored_counts -> $after_counts"; fi

# Through the API, too: every pledge and programme noted before the dump answers on the restored node.
api_missing=0
for id in $(cat "$TMP/before.pledges"); do
	[[ $(api officerCpcjd GET $DST_APP_PORT "/api/pledges/$id") == 200 ]] || api_missing=$((api_missing + 1))
done
for id in $(cat "$TMP/before.programmes"); do
	[[ $(api officerCpcjd GET $DST_APP_PORT "/api/programmes/$id") == 200 ]] || api_missing=$((api_missing + 1))
done
if ((api_missing == 0)); then ok "API of the restored node: every pledge and programme noted before the dump answers 200"
else fail "API of the restored node: $api_missing pledges/programmes noted before the dump do not answer 200"; fi

# ---- 5. a waiting timer fires on the restored node ---------------------------------------------------------
# Time passing is simulated: the timer's due date is moved into the past by SQL (it was $TIMER_DUE).
log "timer $TIMER_ID (lapse of pledge $TIMER_PLEDGE, due $TIMER_DUE): DUEDATE_ moved to one minute ago by SQL"
sql $DST_DB_PORT "UPDATE ACT_RU_JOB SET DUEDATE_ = NOW() - INTERVAL 1 MINUTE WHERE ID_='$TIMER_ID'"
fired_started=$SECONDS
until [[ $(sql $DST_DB_PORT "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_='$TIMER_ID'") == 0 ]]; do
	if ((SECONDS - fired_started > 90)); then break; fi
	sleep 1
done
FIRE_SECONDS=$((SECONDS - fired_started))
job_gone=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_='$TIMER_ID'")
job_success=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_='$TIMER_ID' AND JOB_STATE_=2")
job_failed=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_='$TIMER_ID' AND JOB_STATE_=1")
ended=$(sql $DST_DB_PORT "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_='$TIMER_PI' AND END_TIME_ IS NOT NULL AND END_ACT_ID_='EndEvent_PledgeLapsed'")
api officerCpcjd GET $DST_APP_PORT "/api/pledges/$TIMER_PLEDGE" >/dev/null
status=$(jq -r .status "$TMP/last.json" 2>/dev/null || echo '?')
if [[ $job_gone == 0 && $job_success == 1 && $job_failed == 0 && $ended == 1 && $status == LAPSED ]]; then
	ok "the timer fired on the restored node in ${FIRE_SECONDS} s: job gone, one successful ACT_HI_JOB_LOG entry, process ended at 'Pledge lapsed', pledge $TIMER_PLEDGE LAPSED"
else
	fail "timer $TIMER_ID: in ACT_RU_JOB $job_gone, successes $job_success, failures $job_failed, process ended at lapse $ended, pledge status $status"
fi
((SECONDS < DEADLINE)) || fail "took longer than the time limit"

echo
echo "figures: load ${LOAD_SECONDS} s, $pledge_answers pledge requests ($pledge_2xx 2xx), $programme_2xx programmes, $verified_2xx verifications;"
echo "         committed before the dump: $(wc -l <"$TMP/before.pledges") pledges, $(wc -l <"$TMP/before.programmes") programmes, $(wc -l <"$TMP/before.tasks") open tasks, $(wc -l <"$TMP/before.timers") timers;"
echo "         backup ($BACKUP) $(du -sh "$BACKUP_FILE" | cut -f1) in ${DUMP_SECONDS} s, restore ${RESTORE_SECONDS} s, timer fired ${FIRE_SECONDS} s after its due date was moved; total ${SECONDS} s"
if ((FAILURES > 0)); then echo "backup-restore-test: $FAILURES check(s) FAILED"; exit 1; fi
echo "backup-restore-test: all checks passed"
