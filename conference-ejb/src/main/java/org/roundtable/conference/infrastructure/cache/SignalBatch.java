package org.roundtable.conference.infrastructure.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * Signals one node sends together, as one entry of the signals cache (ClusterSignals): one
 * replicated write carries every signal that queued while the previous write was under way.
 * {@code sender} names the sending node's run (a fresh id each start), {@code sequence} counts its
 * batches from 0, so each receiver can pass them on in the order they were sent.
 *
 * <p>The text: a first line "sender sequence", then each signal as "topic", its length in chars,
 * and the text itself, each followed by a newline (texts may hold newlines of their own).
 */
record SignalBatch(String sender, long sequence, List<ClusterSignal> signals) {

    SignalBatch {
        if (sender.isEmpty() || sender.contains(" ") || sender.contains("\n")) {
            throw new IllegalArgumentException("A sender id has no spaces or newlines: " + sender);
        }
        signals = List.copyOf(signals);
    }

    String text() {
        var b = new StringBuilder(64 + signals.stream().mapToInt(s -> s.topic().length() + s.text().length() + 16).sum());
        b.append(sender).append(' ').append(sequence).append('\n');
        for (ClusterSignal s : signals) {
            b.append(s.topic()).append('\n').append(s.text().length()).append('\n').append(s.text()).append('\n');
        }
        return b.toString();
    }

    /** The batch in a cache entry's text; IllegalArgumentException if it is not one. */
    static SignalBatch parse(String text) {
        try {
            int end = text.indexOf('\n');
            String[] head = text.substring(0, end).split(" ");
            if (head.length != 2) {
                throw new IllegalArgumentException("No \"sender sequence\" line");
            }
            var signals = new ArrayList<ClusterSignal>();
            int at = end + 1;
            while (at < text.length()) {
                int topicEnd = text.indexOf('\n', at);
                int lengthEnd = text.indexOf('\n', topicEnd + 1);
                String topic = text.substring(at, topicEnd);
                int length = Integer.parseInt(text.substring(topicEnd + 1, lengthEnd));
                int textEnd = lengthEnd + 1 + length;
                if (length < 0 || textEnd >= text.length() || text.charAt(textEnd) != '\n') {
                    throw new IllegalArgumentException("A signal's text is not as long as it says");
                }
                signals.add(new ClusterSignal(topic, text.substring(lengthEnd + 1, textEnd)));
                at = textEnd + 1;
            }
            return new SignalBatch(head[0], Long.parseLong(head[1]), signals);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a batch of signals", e);
        }
    }
}
