#!/bin/bash
# Two nodes of the HA server on loopback, each with its own H2 file (the cluster view is what is checked).
set -u
cd /work/main
mvn -B -o -q package -pl wildfly-config -Pcluster > /tmp/ha/provision.log 2>&1 || { echo "provisioning failed"; tail -40 /tmp/ha/provision.log; exit 1; }
S=/work/main/wildfly-config/target/server-ha
ls $S/standalone/configuration/ || exit 1
grep -c "TCPPING" $S/standalone/configuration/standalone.xml
WAR=/work/main/conference-web/target/roundtable.war
rm -rf /tmp/ha/a /tmp/ha/b
for n in a b; do cp -r $S/standalone /tmp/ha/$n; cp $WAR /tmp/ha/$n/deployments/; done
H2='MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0'
start() { # name offset
  $S/bin/standalone.sh -Djboss.server.base.dir=/tmp/ha/$1 -Djboss.node.name=$1 -Djboss.tx.node.id=$1 \
    -Djboss.socket.binding.port-offset=$2 -Droundtable.cluster.members='127.0.0.1[8100],127.0.0.1[8200]' \
    -Droundtable.db.driver=h2 "-Droundtable.db.url=jdbc:h2:file:/tmp/ha/$1/db;$H2" -Droundtable.db.user=sa -Droundtable.db.password=sa \
    -Droundtable.demo=true > /tmp/ha/$1.out 2>&1 &
  echo $! > /tmp/ha/$1.pid
}
start a 500; start b 600
for i in $(seq 1 60); do
  if curl -sf -o /dev/null http://127.0.0.1:8580/ && curl -sf -o /dev/null http://127.0.0.1:8680/; then echo "both up after $((i*5)) s"; break; fi
  sleep 5
done
sleep 5
grep -h "cluster view\|ISPN000094\|ISPN000079\|JGRP" /tmp/ha/a.out /tmp/ha/b.out | head -10
grep -h "ERROR" /tmp/ha/a.out /tmp/ha/b.out | head -10
pkill -f "jboss.server.base.dir=/tmp/ha/" ; sleep 5
