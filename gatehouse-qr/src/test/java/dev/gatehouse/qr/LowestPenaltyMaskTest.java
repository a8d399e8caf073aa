package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.qr.LowestPenaltyMask.BitSymbol;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import io.nayuki.qrcodegen.QrSegmentAdvanced;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The library's own encoder is the oracle: the same masked symbols, the same choice of mask. */
class LowestPenaltyMaskTest {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /**
     * Every version the fast path takes, at every error-correction level, with every mask: the same
     * modules, and the same penalty as the library's own scorer gives its symbol (called by
     * reflection: it is private), so that an error shifting every mask's score alike is caught too.
     */
    @Test
    void makesEachMaskedSymbolModuleForModuleAsTheLibraryWithItsPenalty() throws ReflectiveOperationException {
        Method libraryPenalty = QrCode.class.getDeclaredMethod("getPenaltyScore");
        libraryPenalty.setAccessible(true);
        Random random = new Random(7);
        for (QrCode.Ecc ecc : QrCode.Ecc.values()) {
            for (int version = 1; version * 4 + 17 <= LowestPenaltyMask.MAX_SIZE; version++) {
                List<QrSegment> segments = List.of(QrSegment.makeBytes(randomBytes(random, version * 4)));
                QrCode withMask0 = QrCode.encodeSegments(segments, ecc, version, version, 0, false);

                BitSymbol[] masked = LowestPenaltyMask.maskedSymbols(withMask0);

                for (int mask = 0; mask < 8; mask++) {
                    QrCode expected = QrCode.encodeSegments(segments, ecc, version, version, mask, false);
                    for (int y = 0; y < expected.size; y++) {
                        for (int x = 0; x < expected.size; x++) {
                            assertThat(masked[mask].isDark(x, y))
                                    .as("version %d, %s, mask %d, x=%d y=%d", version, ecc, mask, x, y)
                                    .isEqualTo(expected.getModule(x, y));
                        }
                    }
                    assertThat(masked[mask].penalty()).as("version %d, %s, mask %d", version, ecc, mask)
                            .isEqualTo(libraryPenalty.invoke(expected));
                }
            }
        }
    }

    /**
     * Key URIs like a device's, and random text in every version up to the limit: the mask chosen is
     * the library's automatic choice, every time, and all eight masks are chosen somewhere.
     */
    @Test
    void choosesTheMaskTheLibraryChooses() {
        Random random = new Random(42);
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertSameChoice(keyUri(random), 1, 11, chosen);
        }
        for (int version = 1; version <= 11; version++) {
            for (int i = 0; i < 200; i++) {
                // At most 12 bytes a version more than 2: within the byte-mode capacity at M of each.
                assertSameChoice(randomText(random, 1 + random.nextInt(12 * version + 2)), version, version, chosen);
            }
        }
        assertThat(chosen).hasSize(8);
    }

    private static void assertSameChoice(String text, int minVersion, int maxVersion, Set<Integer> chosen) {
        List<QrSegment> segments = QrSegmentAdvanced.makeSegmentsOptimally(text, QrCode.Ecc.MEDIUM, minVersion, maxVersion);
        QrCode automatic = QrCode.encodeSegments(segments, QrCode.Ecc.MEDIUM, minVersion, maxVersion, -1, false);
        QrCode withMask0 = QrCode.encodeSegments(segments, QrCode.Ecc.MEDIUM, minVersion, maxVersion, 0, false);

        assertThat(LowestPenaltyMask.choose(withMask0)).as("version %d: %s", automatic.version, text)
                .isEqualTo(automatic.mask);
        chosen.add(automatic.mask);
    }

    @Test
    void refusesASymbolWithAnotherMaskOrTooLarge() {
        List<QrSegment> small = List.of(QrSegment.makeBytes(new byte[10]));
        assertThatThrownBy(() -> LowestPenaltyMask.choose(QrCode.encodeSegments(small, QrCode.Ecc.MEDIUM, 1, 40, 3, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask 0");
        List<QrSegment> large = List.of(QrSegment.makeBytes(new byte[300]));
        assertThatThrownBy(() -> LowestPenaltyMask.choose(QrCode.encodeSegments(large, QrCode.Ecc.MEDIUM, 1, 40, 0, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 64");
    }

    private static String keyUri(Random random) {
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            seed.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return "otpauth://totp/user-" + random.nextInt(1_000_000) + "@" + (100_000_000_000L + random.nextInt(1_000_000))
                + "?secret=" + seed;
    }

    /** Printable ASCII. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
