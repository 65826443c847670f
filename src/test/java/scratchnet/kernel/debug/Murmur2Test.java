package scratchnet.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Known answers of the reference MurmurHash2 over UTF-8 (JupyterLab's {@code murmur2} in the
 * debugger's hash.ts, and ipykernel's {@code murmur2_x86}, which agree), for every tail length
 * and for characters of two, three and four UTF-8 bytes.
 */
class Murmur2Test {
    /** The seed ipykernel announces in debugInfo. */
    private static final int SEED = 0xC70F6907;

    @Test
    void everyTailLength() {
        assertEquals(3990065800L, Murmur2.hash("", SEED));
        assertEquals(2167009006L, Murmur2.hash("a", SEED));
        assertEquals(2805137849L, Murmur2.hash("ab", SEED));
        assertEquals(3350977461L, Murmur2.hash("abc", SEED));
        assertEquals(804720481L, Murmur2.hash("abcd", SEED));
    }

    @Test
    void otherSeeds() {
        assertEquals(0L, Murmur2.hash("", 0));
        assertEquals(2456313694L, Murmur2.hash("a", 0));
        assertEquals(4059720760L, Murmur2.hash("int x = 1;\nx + 1", 0));
    }

    @Test
    void hashesUtf8NotChars() {
        assertEquals(501940937L, Murmur2.hash("int x = 1;\nx + 1", SEED));
        // é and ü are two bytes, € three, the emoji four (two UTF-16 chars)
        assertEquals(3684404162L, Murmur2.hash("var é = \"ü€😀\";", SEED));
        assertEquals(2297197387L, Murmur2.hash("var é = \"ü€😀\";", 0));
    }
}
