package org.roundtable.conference.infrastructure.cache;

import java.util.Set;

/** These nodes left the cluster (a new view without them): what they held in memory is gone. */
public record NodesLeft(Set<String> nodes) {

    public NodesLeft {
        nodes = Set.copyOf(nodes);
    }
}
