package org.roundtable.conference.infrastructure.cache;

/** A short message from another node of the cluster (ClusterSignals): what it is about, and its text. */
public record ClusterSignal(String topic, String text) {
}
