package org.roundtable.shared.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A change to one text field, as a walk over the old text: keep n characters, insert a string,
 * delete n characters. Lengths count UTF-16 code units, as JavaScript strings do, so the browser
 * and the server agree on every position. Two edits made at once to the same text are merged by
 * {@link #transform}, so that both people keep their words.
 */
public final class TextOperation {

    /** One step of the walk: exactly one of the three is set. */
    public record Component(int retain, String insert, int delete) {

        public static Component retainOf(int n) {
            return new Component(n, null, 0);
        }

        public static Component insertOf(String s) {
            return new Component(0, s, 0);
        }

        public static Component deleteOf(int n) {
            return new Component(0, null, n);
        }

        boolean isRetain() {
            return retain > 0;
        }

        boolean isInsert() {
            return insert != null;
        }

        boolean isDelete() {
            return delete > 0;
        }
    }

    private final List<Component> components;
    private final int baseLength;
    private final int targetLength;

    private TextOperation(List<Component> components) {
        this.components = Collections.unmodifiableList(components);
        int base = 0;
        int target = 0;
        for (Component c : components) {
            if (c.isRetain()) {
                base += c.retain();
                target += c.retain();
            } else if (c.isInsert()) {
                target += c.insert().length();
            } else {
                base += c.delete();
            }
        }
        this.baseLength = base;
        this.targetLength = target;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the canonical form: no empty steps, neighbours of one kind merged, inserts before deletes. */
    public static final class Builder {
        private final List<Component> list = new ArrayList<>();

        public Builder retain(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retain must not be negative");
            }
            if (n == 0) {
                return this;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last).isRetain()) {
                list.set(last, Component.retainOf(list.get(last).retain() + n));
            } else {
                list.add(Component.retainOf(n));
            }
            return this;
        }

        public Builder insert(String s) {
            Objects.requireNonNull(s);
            if (s.isEmpty()) {
                return this;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last).isInsert()) {
                list.set(last, Component.insertOf(list.get(last).insert() + s));
            } else if (last >= 0 && list.get(last).isDelete()) {
                // Keep inserts before deletes, so equal operations have one spelling.
                if (last - 1 >= 0 && list.get(last - 1).isInsert()) {
                    list.set(last - 1, Component.insertOf(list.get(last - 1).insert() + s));
                } else {
                    list.add(last, Component.insertOf(s));
                }
            } else {
                list.add(Component.insertOf(s));
            }
            return this;
        }

        public Builder delete(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("delete must not be negative");
            }
            if (n == 0) {
                return this;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last).isDelete()) {
                list.set(last, Component.deleteOf(list.get(last).delete() + n));
            } else {
                list.add(Component.deleteOf(n));
            }
            return this;
        }

        public TextOperation build() {
            return new TextOperation(new ArrayList<>(list));
        }
    }

    /** An operation that inserts text at a position of a text of the given length. */
    public static TextOperation insertAt(int length, int position, String text) {
        return builder().retain(position).insert(text).retain(length - position).build();
    }

    /** An operation that deletes count characters at a position of a text of the given length. */
    public static TextOperation deleteAt(int length, int position, int count) {
        return builder().retain(position).delete(count).retain(length - position - count).build();
    }

    /** The identity on a text of the given length. */
    public static TextOperation identity(int length) {
        return builder().retain(length).build();
    }

    public static TextOperation of(List<Component> components) {
        var b = builder();
        for (Component c : components) {
            int kinds = (c.retain() > 0 ? 1 : 0) + (c.insert() != null ? 1 : 0) + (c.delete() > 0 ? 1 : 0);
            if (kinds != 1) {
                throw new IllegalArgumentException("each component is one of retain, insert or delete");
            }
            if (c.isRetain()) {
                b.retain(c.retain());
            } else if (c.isInsert()) {
                b.insert(c.insert());
            } else {
                b.delete(c.delete());
            }
        }
        return b.build();
    }

    public List<Component> components() {
        return components;
    }

    /** The length of text this operation applies to. */
    public int baseLength() {
        return baseLength;
    }

    public int targetLength() {
        return targetLength;
    }

    public boolean isIdentity() {
        return components.stream().allMatch(Component::isRetain);
    }

    public String apply(String text) {
        if (text.length() != baseLength) {
            throw new IllegalArgumentException("the edit is for a text of " + baseLength
                    + " characters but the text has " + text.length());
        }
        var out = new StringBuilder(targetLength);
        int index = 0;
        for (Component c : components) {
            if (c.isRetain()) {
                out.append(text, index, index + c.retain());
                index += c.retain();
            } else if (c.isInsert()) {
                out.append(c.insert());
            } else {
                index += c.delete();
            }
        }
        return out.toString();
    }

    /**
     * The pair (a', b') such that applying a then b' gives the same text as b then a'. When both
     * insert at the same place, b's text comes first: b is the edit the server already applied.
     */
    public static TextOperation[] transform(TextOperation a, TextOperation b) {
        if (a.baseLength != b.baseLength) {
            throw new IllegalArgumentException("both edits must start from the same text");
        }
        var aPrime = builder();
        var bPrime = builder();
        var ai = new Cursor(a.components);
        var bi = new Cursor(b.components);
        while (ai.hasNext() || bi.hasNext()) {
            if (bi.peekInsert() != null) {
                String s = bi.takeInsert();
                aPrime.retain(s.length());
                bPrime.insert(s);
                continue;
            }
            if (ai.peekInsert() != null) {
                String s = ai.takeInsert();
                aPrime.insert(s);
                bPrime.retain(s.length());
                continue;
            }
            if (!ai.hasNext() || !bi.hasNext()) {
                throw new IllegalStateException("edits of different lengths");
            }
            int n = Math.min(ai.remaining(), bi.remaining());
            boolean aRetains = ai.isRetain();
            boolean bRetains = bi.isRetain();
            if (aRetains && bRetains) {
                aPrime.retain(n);
                bPrime.retain(n);
            } else if (!aRetains && bRetains) {
                aPrime.delete(n);
            } else if (aRetains) {
                bPrime.delete(n);
            }
            // Both delete the same characters: nothing left for either to do.
            ai.advance(n);
            bi.advance(n);
        }
        return new TextOperation[] {aPrime.build(), bPrime.build()};
    }

    /** Walks components, splitting retains and deletes as the other side needs. */
    private static final class Cursor {
        private final List<Component> list;
        private int index;
        private int used;

        Cursor(List<Component> list) {
            this.list = list;
        }

        boolean hasNext() {
            return index < list.size();
        }

        String peekInsert() {
            return hasNext() && list.get(index).isInsert() ? list.get(index).insert() : null;
        }

        String takeInsert() {
            return list.get(index++).insert();
        }

        boolean isRetain() {
            return list.get(index).isRetain();
        }

        int remaining() {
            Component c = list.get(index);
            return (c.isRetain() ? c.retain() : c.delete()) - used;
        }

        void advance(int n) {
            used += n;
            if (used == (list.get(index).isRetain() ? list.get(index).retain() : list.get(index).delete())) {
                index++;
                used = 0;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextOperation t && t.components.equals(components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    @Override
    public String toString() {
        return components.toString();
    }
}
