#!/usr/bin/env bash
# What loading the demo portfolio adds to coopflow's first start: starts the packaged jar on a fresh H2
# data directory, alternately with the portfolio and without it, and times each start from launch until
#  - "http":  GET /login first answers, 200 or 503 (Tomcat is up; the loader, an ApplicationRunner, may still run,
#             and asks requests to wait with 503 meanwhile)
#  - "ready": GET /actuator/health/readiness answers 200 (Boot's ApplicationReadyEvent: every runner done,
#             so the portfolio is in)
# and prints each run, then the medians and the added time (median with - median without). On a shared
# machine whole starts vary by tens of seconds, so it also prints "ready - http" (the runners' share of each
# start, measured within one run) and its medians: with the portfolio minus without it is the loader's cost.
# Usage: ./mvnw -B -q -o -DskipTests package && src/test/bench/demo-startup.sh [runs per mode, default 3]
# LAUNCH=classpath starts coopflow as `./mvnw spring-boot:run` does (a JVM on target/classes and the dependencies'
# jars in the local repository, with the -XX:TieredStopAtLevel=1 its optimised launch adds: the newcomer's way)
# instead of the packaged jar (`java -jar`, the Docker image's way).
# JAVA_OPTS="-XX:..." passes JVM flags; EXTRA="--logging.level.org.coopflow.demo=debug" passes arguments to
# coopflow (that one logs each step of the loader); KEEP_LOGS=1 keeps each start's log under target/.
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=$(ls "$ROOT"/target/coopflow-*.jar | grep -v plain | head -1)
LAUNCH=${LAUNCH:-jar}
if [ "$LAUNCH" = classpath ]; then
	(cd "$ROOT" && ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime \
		-Dmdep.outputFile="$ROOT/target/runtime-classpath.txt" >/dev/null)
	RUN=(-XX:TieredStopAtLevel=1 -cp "$ROOT/target/classes:$(cat "$ROOT/target/runtime-classpath.txt")" org.coopflow.CoopflowApplication)
	JAR="target/classes (as spring-boot:run)"
else
	RUN=(-jar "$JAR")
fi
PORT=${PORT:-18$((RANDOM % 900 + 100))}
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
results=$(mktemp)
echo "jar $JAR, port $PORT, $(nproc) cores, $RUNS runs per mode"
printf '%-6s %-3s %7s %7s %7s %8s %-22s %s\n' mode run http ready after booted load "loader's line"
for run in $(seq 1 "$RUNS"); do
	for enabled in true false; do
		dir=$(mktemp -d)
		load_before=$(cut -d' ' -f1 /proc/loadavg)
		start=$(now)
		(cd "$dir" && exec java ${JAVA_OPTS:-} "${RUN[@]}" --server.port="$PORT" --coopflow.demo.portfolio.enabled="$enabled" \
			--management.endpoint.health.probes.enabled=true ${EXTRA:-} >"$dir/log" 2>&1) &
		pid=$!
		http=""; ready=""
		while [ -z "$ready" ]; do
			if ! kill -0 "$pid" 2>/dev/null; then echo "coopflow stopped; see $dir/log" >&2; exit 1; fi
			if [ -z "$http" ] && [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" =~ ^(200|503)$ ]]; then
				http=$(ms "$start" "$(now)")
			fi
			if [ -n "$http" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness" || true)" = 200 ]; then
				ready=$(ms "$start" "$(now)")
			fi
			sleep 0.05
		done
		load_after=$(cut -d' ' -f1 /proc/loadavg)
		booted=$(grep -o 'Started CoopflowApplication in [0-9.]* seconds' "$dir/log" | grep -o '[0-9.]*' | head -1)
		line=$(grep -o 'Demo portfolio loaded in [0-9]* ms ([0-9]* ms of CPU)' "$dir/log" | head -1 || true)
		kill "$pid"; wait "$pid" 2>/dev/null || true
		printf '%-6s %-3s %7s %7s %7s %8s %-22s %s\n' "$enabled" "$run" "$http" "$ready" "$((ready - http))" "${booted}s" \
			"$load_before -> $load_after" "$line"
		echo "$enabled $http $ready $((ready - http))" >>"$results"
		[ -n "${KEEP_LOGS:-}" ] && cp "$dir/log" "$ROOT/target/demo-startup-$enabled-$run.log"
		rm -rf "$dir"
	done
done
for what in http ready after; do
	col=$(case $what in http) echo 2 ;; ready) echo 3 ;; *) echo 4 ;; esac)
	with=$(awk -v c=$col '$1 == "true" {print $c}' "$results" | median)
	without=$(awk -v c=$col '$1 == "false" {print $c}' "$results" | median)
	echo "median $what: with the portfolio $with ms, without $without ms, added $((with - without)) ms"
done
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$results"
