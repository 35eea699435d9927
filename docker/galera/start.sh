#!/bin/bash
# Entry point of every Galera node in docker/compose-cluster.yaml: the image's own entrypoint, with
# --wsrep-new-cluster added only where bootstrapping is safe:
#  - on the first start of the node marked GALERA_BOOTSTRAP_EMPTY=1 (galera1), whose volume is empty;
#  - on a node whose grastate.dat says safe_to_bootstrap: 1, i.e. it was the last member of the cluster
#    to stop cleanly, after all three stopped.
# Any other start joins the running nodes: bootstrapping while others run would split the cluster.
set -euo pipefail
datadir=/var/lib/mysql
if [[ ! -d $datadir/mysql ]]; then
	if [[ ${GALERA_BOOTSTRAP_EMPTY:-0} == 1 ]]; then
		echo "galera start: empty volume on the first node: bootstrapping a new cluster"
		set -- --wsrep-new-cluster "$@"
	fi
elif grep -q '^safe_to_bootstrap: *1' "$datadir/grastate.dat" 2>/dev/null; then
	echo "galera start: this node stopped last (safe_to_bootstrap: 1): bootstrapping the cluster again"
	set -- --wsrep-new-cluster "$@"
fi
exec docker-entrypoint.sh mariadbd "$@"
