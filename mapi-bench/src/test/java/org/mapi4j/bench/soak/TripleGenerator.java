package org.mapi4j.bench.soak;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random Logoff arguments from a seeded {@link RandomGenerator}, biased toward the values where
 * validation code goes wrong: the four valid flag values, 0, 1, 2, 3, -1, {@code Integer.MIN_VALUE}
 * and {@code MAX_VALUE}, every single bit, and for {@code ulUIParam} also {@code Long.MIN_VALUE},
 * {@code Long.MAX_VALUE} and the 32-bit boundaries. About half of the flags and half of the reserved
 * values are valid, so that a quarter of the calls pass validation and reach the policy, the
 * confirmation and the logoff itself.
 */
final class TripleGenerator {

    private static final int[] VALID_FLAGS = {0, 1, 2, 3};
    private static final int[] INT_EDGES = intEdges();
    private static final long[] LONG_EDGES = longEdges();

    private final RandomGenerator random;

    /** @param seed the seed; the same seed gives the same sequence */
    TripleGenerator(long seed) {
        random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    Triple next() {
        return new Triple(uiParam(), flags(), reserved());
    }

    private int flags() {
        double p = random.nextDouble();
        if (p < 0.5) {
            return VALID_FLAGS[random.nextInt(VALID_FLAGS.length)];
        }
        if (p < 0.8) {
            return INT_EDGES[random.nextInt(INT_EDGES.length)];
        }
        return random.nextInt();
    }

    private int reserved() {
        double p = random.nextDouble();
        if (p < 0.5) {
            return 0;
        }
        if (p < 0.8) {
            return INT_EDGES[random.nextInt(INT_EDGES.length)];
        }
        return random.nextInt();
    }

    private long uiParam() {
        double p = random.nextDouble();
        if (p < 0.3) {
            return 0;
        }
        if (p < 0.7) {
            return LONG_EDGES[random.nextInt(LONG_EDGES.length)];
        }
        return random.nextLong();
    }

    private static int[] intEdges() {
        int[] fixed = {0, 1, 2, 3, 4, 7, -1, -2, ~3, Integer.MIN_VALUE, Integer.MAX_VALUE,
            Integer.MIN_VALUE | 1, Integer.MIN_VALUE | 3};
        int[] edges = new int[fixed.length + 32];
        System.arraycopy(fixed, 0, edges, 0, fixed.length);
        for (int bit = 0; bit < 32; bit++) {
            edges[fixed.length + bit] = 1 << bit;
        }
        return edges;
    }

    private static long[] longEdges() {
        long[] fixed = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL, 0x1_0000_0000L,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0x8000_0000L};
        long[] edges = new long[fixed.length + 64];
        System.arraycopy(fixed, 0, edges, 0, fixed.length);
        for (int bit = 0; bit < 64; bit++) {
            edges[fixed.length + bit] = 1L << bit;
        }
        return edges;
    }
}
