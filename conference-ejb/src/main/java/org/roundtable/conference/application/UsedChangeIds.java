package org.roundtable.conference.application;

/**
 * Every change id a plan has used, kept as 64-bit fingerprints (8 to 16 bytes each), so a plan
 * with a long history costs little memory. The plan's authority remembers the last 1,024 ids,
 * which is enough to recognise any resend (a resend's base is within the history kept); this
 * catches an old id used again for a different change, which would otherwise be taken in memory
 * and then refused by the database's unique key, making the plan reload for everyone. A match
 * may be a fingerprint collision, so the caller confirms it with the database.
 */
final class UsedChangeIds {

    private long[] slots = new long[64];
    private int size;

    void add(String changeId) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, fingerprint(changeId))) {
            size++;
        }
    }

    /** False means never used; true means used, or (very rarely) another id with the same fingerprint. */
    boolean mayContain(String changeId) {
        long f = fingerprint(changeId);
        int mask = slots.length - 1;
        for (int i = (int) mix(f) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == f) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long f : slots) {
            if (f != 0) {
                insert(bigger, f);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long f) {
        int mask = table.length - 1;
        int i = (int) mix(f) & mask;
        while (table[i] != 0) {
            if (table[i] == f) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = f;
        return true;
    }

    /** FNV-1a over the UTF-16 code units; 0 marks an empty slot, so it is never a fingerprint. */
    static long fingerprint(String changeId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < changeId.length(); i++) {
            h ^= changeId.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** Spreads the fingerprint's bits over the low ones used as the slot. */
    private static long mix(long f) {
        f ^= f >>> 33;
        f *= 0xff51afd7ed558ccdL;
        return f ^ (f >>> 33);
    }
}
