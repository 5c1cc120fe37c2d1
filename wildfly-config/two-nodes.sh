#!/usr/bin/env bash
# Two nodes of the HA server (target/server-ha) on this machine with HAProxy in front, with the
# demo data: http://localhost:8490 (docs/cluster.md). Ctrl+C stops all three.
#
#   wildfly-config/two-nodes.sh           run until Ctrl+C
#   wildfly-config/two-nodes.sh --check   start, check the cluster and the balancer, stop (exit 0 if fine)
#
# Needs: mvn -B -DskipTests package (the servers and the WAR), and Debian's haproxy.
# Database: PostgreSQL when DB_URL (and DB_USER, DB_PASSWORD) are set, for example
#   DB_URL=jdbc:postgresql://localhost:5432/roundtable DB_USER=roundtable DB_PASSWORD=... wildfly-config/two-nodes.sh
# else one H2 file both nodes share, ~/.roundtable/two-nodes (AUTO_SERVER: the first node to open
# it serves it to the other over TCP, so the database lives in one node's process). H2 is for
# trying it out on one machine; run a real cluster on PostgreSQL (docs/cluster.md).
# Node A starts first and makes the schema and the demo data; node B starts once A answers.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=wildfly-config/target/server-ha
WAR=conference-web/target/roundtable.war
RUN=wildfly-config/target/two-nodes
FRONT=8490
CHECK=false
[ "${1:-}" = "--check" ] && CHECK=true

[ -x "$SERVER/bin/standalone.sh" ] && [ -f "$WAR" ] || { echo "Build first: mvn -B -DskipTests package" >&2; exit 1; }
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "Install HAProxy: apt-get install haproxy" >&2; exit 1; }
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)

if [ -n "${DB_URL:-}" ]; then
    DB=(-Droundtable.db.driver=postgresql "-Droundtable.db.url=$DB_URL" "-Droundtable.db.user=${DB_USER:-roundtable}"
        "-Droundtable.db.password=${DB_PASSWORD:-roundtable}")
else
    mkdir -p "$HOME/.roundtable"
    H2="jdbc:h2:file:$HOME/.roundtable/two-nodes;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    DB=(-Droundtable.db.driver=h2 "-Droundtable.db.url=$H2" -Droundtable.db.user=sa -Droundtable.db.password=sa)
fi

PIDS=()
stop() {
    # Each node's java child too: stopping standalone.sh alone leaves the JVM running.
    local all=()
    for pid in "${PIDS[@]}"; do all+=($(pgrep -P "$pid" || true) "$pid"); done
    for pid in "${all[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${all[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || continue 2; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap stop EXIT

rm -rf "$RUN"
mkdir -p "$RUN"
MEMBERS="127.0.0.1[8100],127.0.0.1[8200]"   # JGroups: 7600 + port offset

start_node() { # name offset
    local base="$RUN/$1"
    cp -r "$SERVER/standalone" "$base"
    cp "$WAR" "$base/deployments/"
    "$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$base" -Djboss.node.name="$1" -Djboss.tx.node.id="$1" \
        -Djboss.socket.binding.port-offset="$2" -Droundtable.cluster.members="$MEMBERS" "${DB[@]}" -Droundtable.demo=true \
        -Droundtable.public-url=http://localhost:$FRONT -Droundtable.trusted-proxies=127.0.0.1 \
        -Droundtable.allowed-origins="http://localhost:$FRONT,http://localhost:$((8080 + $2))" \
        > "$RUN/$1.log" 2>&1 &
    PIDS+=($!)
}

await_node() { # name port
    for _ in $(seq 1 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$2/api/auth/me")" = "401" ] && { echo "$1 answers on $2"; return 0; }
        sleep 0.5
    done
    echo "$1 did not start; see $RUN/$1.log" >&2
    return 1
}

start_node node-a 500
await_node node-a 8580
start_node node-b 600
await_node node-b 8680

# The one HAProxy configuration, which the tests' Balancer fills in too: the server line once per node.
awk -v front="$FRONT" -v stats="$((FRONT + 1))" -v servers="127.0.0.1:8580 127.0.0.1:8680" '
    /@SERVER_ADDRESS@/ {
        n = split(servers, s, " ")
        for (i = 1; i <= n; i++) { line = $0; gsub(/@SERVER_NAME@/, "node" i, line); gsub(/@SERVER_ADDRESS@/, s[i], line); print line }
        next
    }
    { gsub(/@FRONT_PORT@/, front); gsub(/@STATS_PORT@/, stats); print }
' wildfly-config/src/main/haproxy/roundtable.cfg.template > "$RUN/haproxy.cfg"
"$HAPROXY" -db -f "$RUN/haproxy.cfg" > "$RUN/haproxy.log" 2>&1 &
PIDS+=($!)
await_node haproxy $FRONT

echo "Cluster view:"
grep -h "WFLYCLJG0033\|ISPN100000" "$RUN/node-a.log" "$RUN/node-b.log" | sed 's/^.*\] //'
if $CHECK; then
    grep -q "WFLYCLJG0033.* (2) " "$RUN/node-a.log" "$RUN/node-b.log" || { echo "no cluster view of two nodes" >&2; exit 1; }
    jar=$(mktemp)
    code=$(curl -s -c "$jar" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "Origin: http://localhost:$FRONT" \
        -d '{"username":"chair","password":"roundtable-demo"}' "http://localhost:$FRONT/api/auth/sign-in")
    [ "$code" = "200" ] || { echo "sign-in through the balancer: $code" >&2; exit 1; }
    for i in 1 2 3 4; do
        code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://localhost:$FRONT/api/auth/me")
        [ "$code" = "200" ] || { echo "request $i through the balancer: $code" >&2; exit 1; }
    done
    rm -f "$jar"
    echo "Checked: two nodes in one cluster; signed in through the balancer, recognised by both nodes."
    exit 0
fi
echo "Roundtable on two nodes: http://localhost:$FRONT (HAProxy stats: http://localhost:$((FRONT + 1))/stats). Ctrl+C stops."
wait
