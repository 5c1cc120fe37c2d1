package org.roundtable.conference.infrastructure.cache;

import java.util.Set;

/** The cluster's members changed (a node joined or left), and with them who owns which plan: the nodes there now. */
public record ClusterMembersChanged(Set<String> members) {
}
