package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static byte[] bytes(int fill) {
        byte[] bytes = new byte[MasterKey.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void derivesTheSameKeyForAPurposeOnEveryNode() {
        SecretKey here = MasterKey.of(bytes(7)).deriveHmacKey("console-form-csrf");
        SecretKey there = MasterKey.of(bytes(7)).deriveHmacKey("console-form-csrf");
        assertThat(here.getEncoded()).hasSize(32).isEqualTo(there.getEncoded());
        assertThat(here.getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @Test
    void derivesUnrelatedKeysForOtherPurposesAndOtherMasterKeys() {
        byte[] csrf = MasterKey.of(bytes(7)).deriveHmacKey("console-form-csrf").getEncoded();
        assertThat(MasterKey.of(bytes(7)).deriveHmacKey("something-else").getEncoded()).isNotEqualTo(csrf);
        assertThat(MasterKey.of(bytes(8)).deriveHmacKey("console-form-csrf").getEncoded()).isNotEqualTo(csrf);
        assertThat(csrf).as("never the master key itself").isNotEqualTo(bytes(7));
    }
}
