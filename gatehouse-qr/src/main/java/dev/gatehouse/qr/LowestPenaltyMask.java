package dev.gatehouse.qr;

import io.nayuki.qrcodegen.QrCode;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the mask of a QR code as Nayuki's encoder does (the lowest penalty of ISO/IEC 18004,
 * 7.8.3, the first of equals), scoring the eight masked symbols as bit rows and columns.
 *
 * <p>Why: the library scores a mask module by module, with a copy of its run history at every
 * change of colour; for the 41-module symbol of a key URI that is 330 µs of the 374 µs the symbol
 * takes, and every CreateVirtualMFADevice pays it, a sixth of the server's work in the write mix.
 * Scored here from one encoding with mask 0 it takes a small part of that.
 *
 * <p>How, without redoing the library's layout: masking XORs a pattern into the modules that are
 * not function patterns (the data, and the remainder bits, light before masking), and the format
 * modules depend on the mask and the error-correction level alone. So for any fixed content, call
 * it {@code Z_m} the symbol of the same version and level with mask {@code m}, the symbol of other
 * data with mask {@code m} is {@code S_0 XOR Z_0 XOR Z_m}: on the masked modules the fixed content
 * and mask 0 cancel, on function modules {@code S_0} and {@code Z_0} are equal and {@code Z_m}
 * brings mask {@code m}'s format bits. The library makes the {@code Z_m} (of an empty text), once
 * per version and error-correction level.
 *
 * <p>Only symbols whose rows fit in a long are scored here: up to version 11 (61 modules); key URIs
 * take versions 5 to 7.
 */
final class LowestPenaltyMask {

    /** The largest symbol, in modules a side, that {@link #choose} could score: 61 (version 11) in practice. */
    static final int MAX_SIZE = Long.SIZE;

    private static final int MASKS = 8;
    private static final int PENALTY_N1 = 3;
    private static final int PENALTY_N2 = 3;
    private static final int PENALTY_N3 = 40;
    private static final int PENALTY_N4 = 10;

    /** The eight {@code Z_m} of each version and error-correction level, made when first needed. */
    private static final ConcurrentHashMap<Integer, BitSymbol[]> EMPTY_SYMBOLS = new ConcurrentHashMap<>();

    private LowestPenaltyMask() {
    }

    /**
     * The mask the library's automatic choice would give the data of {@code encodedWithMask0}.
     *
     * @throws IllegalArgumentException if the symbol was not encoded with mask 0 or is larger than
     *     {@value #MAX_SIZE} modules
     */
    static int choose(QrCode encodedWithMask0) {
        return lowestPenalty(maskedSymbols(encodedWithMask0));
    }

    /**
     * The symbol of {@code encodedWithMask0}'s data with the mask {@link #choose} gives: module for
     * module the library's symbol with that mask, so it is drawn as it is, without a second encoding.
     *
     * @throws IllegalArgumentException as {@link #choose}
     */
    static BitSymbol lowestPenaltySymbol(QrCode encodedWithMask0) {
        BitSymbol[] masked = maskedSymbols(encodedWithMask0);
        return masked[lowestPenalty(masked)];
    }

    /** The index of the first symbol of lowest penalty. */
    private static int lowestPenalty(BitSymbol[] masked) {
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < masked.length; mask++) {
            int penalty = masked[mask].penalty();
            if (penalty < lowest) {
                best = mask;
                lowest = penalty;
            }
        }
        return best;
    }

    /** The symbol with each of the eight masks, index by mask: {@code S_0 XOR Z_0 XOR Z_m}. */
    static BitSymbol[] maskedSymbols(QrCode encodedWithMask0) {
        if (encodedWithMask0.mask != 0) {
            throw new IllegalArgumentException("the symbol must be encoded with mask 0, not " + encodedWithMask0.mask);
        }
        if (encodedWithMask0.size > MAX_SIZE) {
            throw new IllegalArgumentException("a symbol of " + encodedWithMask0.size + " modules is over "
                    + MAX_SIZE);
        }
        BitSymbol[] empty = emptySymbols(encodedWithMask0.version, encodedWithMask0.errorCorrectionLevel);
        BitSymbol data = BitSymbol.of(encodedWithMask0).xor(empty[0]);
        BitSymbol[] masked = new BitSymbol[MASKS];
        for (int mask = 0; mask < MASKS; mask++) {
            masked[mask] = data.xor(empty[mask]);
        }
        return masked;
    }

    private static BitSymbol[] emptySymbols(int version, QrCode.Ecc ecc) {
        return EMPTY_SYMBOLS.computeIfAbsent(version * 4 + ecc.ordinal(), key -> {
            BitSymbol[] symbols = new BitSymbol[MASKS];
            for (int mask = 0; mask < MASKS; mask++) {
                symbols[mask] = BitSymbol.of(QrCode.encodeSegments(List.of(), ecc, version, version, mask, false));
            }
            return symbols;
        });
    }

    /**
     * A symbol as bits: {@code rows[y]} has module {@code (x, y)} in bit {@code x}, {@code columns[x]}
     * the same module in bit {@code y}; a set bit is dark. Never changed once made (the empty
     * symbols are shared between threads); a record for brevity, so equality is the arrays' identity.
     */
    record BitSymbol(int size, long[] rows, long[] columns) implements QrModules {

        static BitSymbol of(QrCode symbol) {
            int size = symbol.size;
            long[] rows = new long[size];
            long[] columns = new long[size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (symbol.getModule(x, y)) {
                        rows[y] |= 1L << x;
                        columns[x] |= 1L << y;
                    }
                }
            }
            return new BitSymbol(size, rows, columns);
        }

        @Override
        public boolean isDark(int x, int y) {
            return (rows[y] >>> x & 1) != 0;
        }

        BitSymbol xor(BitSymbol other) {
            long[] xorRows = new long[size];
            long[] xorColumns = new long[size];
            for (int i = 0; i < size; i++) {
                xorRows[i] = rows[i] ^ other.rows[i];
                xorColumns[i] = columns[i] ^ other.columns[i];
            }
            return new BitSymbol(size, xorRows, xorColumns);
        }

        /** The penalty score, with the library's reading of each rule. */
        int penalty() {
            int result = 0;
            for (long row : rows) {
                result += linePenalty(row);
            }
            for (long column : columns) {
                result += linePenalty(column);
            }
            result += sameColourBlocks() * PENALTY_N2;
            result += balancePenalty();
            return result;
        }

        /**
         * Rules N1 and N3 for one row or column: runs of five or more of a colour, and finder-like
         * patterns. As the library: a run's length in the history counts the light border (the line's
         * size) before the first run and after the last, and a pattern counts once for each side with
         * four times its module width of light.
         */
        private int linePenalty(long line) {
            int result = 0;
            // The starts of runs after the first: where a module differs from the one before it,
            // the module before the line counting as light. (A symbol's size is odd, so under 64.)
            long changes = (line ^ (line << 1)) & ((1L << size) - 1);
            FinderHistory history = new FinderHistory(size);
            boolean dark = false;
            int start = 0;
            while (changes != 0) {
                int next = Long.numberOfTrailingZeros(changes);
                changes &= changes - 1;
                int length = next - start;
                result += runPenalty(length);
                history.add(length);
                if (!dark) {
                    result += history.patterns() * PENALTY_N3;
                }
                dark = !dark;
                start = next;
            }
            int last = size - start;
            result += runPenalty(last);
            if (dark) {
                history.add(last);
                last = 0;
            }
            history.add(last + size);
            return result + history.patterns() * PENALTY_N3;
        }

        private static int runPenalty(int length) {
            return length >= 5 ? PENALTY_N1 + length - 5 : 0;
        }

        /** Rule N2: the 2 by 2 blocks of one colour. */
        private int sameColourBlocks() {
            long lastPairs = (1L << (size - 1)) - 1;
            int blocks = 0;
            for (int y = 0; y + 1 < size; y++) {
                long upper = rows[y];
                long lower = rows[y + 1];
                long sameAcross = ~(upper ^ upper >>> 1) & ~(lower ^ lower >>> 1) & ~(upper ^ lower);
                blocks += Long.bitCount(sameAcross & lastPairs);
            }
            return blocks;
        }

        /** Rule N4: ten points for each 5% step of dark modules away from the 45-55% band. */
        private int balancePenalty() {
            int dark = 0;
            for (long row : rows) {
                dark += Long.bitCount(row);
            }
            int total = size * size;
            int steps = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
            return steps * PENALTY_N4;
        }
    }

    /** The lengths of a line's last seven runs, newest first, as the library keeps them for rule N3. */
    private static final class FinderHistory {
        private final int border;
        private final int[] runs = new int[7];

        FinderHistory(int border) {
            this.border = border;
        }

        void add(int length) {
            // The first run is the one after the light border before the line.
            int withBorder = runs[0] == 0 ? length + border : length;
            System.arraycopy(runs, 0, runs, 1, runs.length - 1);
            runs[0] = withBorder;
        }

        /** Called after a light run is added: 0, 1 or 2 finder-like patterns end there. */
        int patterns() {
            int n = runs[1];
            boolean core = n > 0 && runs[2] == n && runs[3] == n * 3 && runs[4] == n && runs[5] == n;
            return (core && runs[0] >= n * 4 && runs[6] >= n ? 1 : 0) + (core && runs[6] >= n * 4 && runs[0] >= n ? 1 : 0);
        }
    }
}
