package dev.legalgen.quality.dedup;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit hashes that are the same in every JVM and every release: the index stores them, and the export's splits
 * follow them, so neither {@code String.hashCode} (32 bits) nor a per-process seed will do. Changing anything here
 * changes every stored key and moves samples between splits.
 */
public final class StableHash {

    private StableHash() {}

    /** FNV-1a over the UTF-8 bytes, then {@link #mix}ed so that similar texts give unrelated hashes. */
    public static long of(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** SplitMix64's finaliser: every bit of the input affects every bit of the output. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of {@code hash} followed by {@code value}, for keys made of several parts. */
    static long combine(long hash, long value) {
        return mix(hash ^ mix(value + 0x9e3779b97f4a7c15L));
    }
}
