package scratchnet.kernel.debug;

import java.nio.charset.StandardCharsets;

/**
 * 32-bit MurmurHash2 of a string's UTF-8 bytes, as JupyterLab's debugger computes it to name a
 * cell's file: a front end finds the file of a cell as {@code tmpFilePrefix + murmur2(code, hashSeed)
 * + tmpFileSuffix}, so the kernel must hash exactly the same way.
 * <pre>{@code
 * Murmur2.hash("a", 0);   // 2456313694
 * }</pre>
 */
public final class Murmur2 {
    private static final int M = 0x5bd1e995;

    private Murmur2() {
    }

    /** The hash of {@code text}'s UTF-8 bytes with {@code seed}, as an unsigned 32-bit number. */
    public static long hash(String text, int seed) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int len = data.length;
        int h = seed ^ len;
        int i = 0;
        // whole 4-byte blocks, little-endian: k *= m; k ^= k >>> 24; k *= m; h = h·m ^ k
        for (; len - i >= 4; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> 24;
            k *= M;
            h = h * M ^ k;
        }
        // the last 1-3 bytes
        switch (len - i) {
            case 3:
                h ^= (data[i + 2] & 0xff) << 16;
                // fall through
            case 2:
                h ^= (data[i + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[i] & 0xff;
                h *= M;
                break;
            default:
                break;
        }
        // final avalanche
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return Integer.toUnsignedLong(h);
    }
}
