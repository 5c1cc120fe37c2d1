package org.roundtable.conference.infrastructure.cache;

/** A short message from another node of the cluster (ClusterSignals): what it is about, and its text. */
public record ClusterSignal(String topic, String text) {

    /** A topic is one line: signals travel in batches whose text is line by line (SignalBatch). */
    public ClusterSignal {
        if (topic.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A topic is one line: " + topic);
        }
    }
}
