package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ServiceFailureException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] SECRET = "JBSWY3DPEHPK3PXP seed bytes".getBytes(StandardCharsets.UTF_8);
    private final SecretCipher cipher = new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom())));

    @Test
    void opensWhatItSealedForTheSameRow() {
        SealedSecret sealed = cipher.seal(SECRET, "mfa-device:1");
        assertThat(cipher.open(sealed, "mfa-device:1")).isEqualTo(SECRET);
        assertThat(sealed.keyId()).isEqualTo(cipher.keys().current().id());
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(cipher.seal(SECRET, "row").ciphertext()).isNotEqualTo(cipher.seal(SECRET, "row").ciphertext());
    }

    @Test
    void refusesACiphertextMovedToAnotherRow() {
        SealedSecret sealed = cipher.seal(SECRET, "mfa-device:1");
        assertThatThrownBy(() -> cipher.open(sealed, "mfa-device:2")).isInstanceOf(ServiceFailureException.class);
    }

    @Test
    void refusesAnAlteredCiphertext() {
        SealedSecret sealed = cipher.seal(SECRET, "row");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SealedSecret altered = new SealedSecret(sealed.keyId(), Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> cipher.open(altered, "row")).isInstanceOf(ServiceFailureException.class);
    }

    @Test
    void refusesACiphertextOfAnUnknownKey() {
        SealedSecret sealed = new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))).seal(SECRET, "row");
        assertThatThrownBy(() -> cipher.open(sealed, "row")).isInstanceOf(ServiceFailureException.class)
                .hasMessageNotContaining(sealed.ciphertext());
    }

    @Test
    void opensOldCiphertextsAfterRotationAndResealsUnderTheNewKey() {
        SealedSecret old = cipher.seal(SECRET, "row");
        SecretCipher rotated = cipher.rotatedTo(MasterKey.generate(new SecureRandom()));
        SealedSecret resealed = rotated.reseal(old, "row");
        assertThat(resealed.keyId()).isNotEqualTo(old.keyId()).isEqualTo(rotated.keys().current().id());
        assertThat(rotated.open(resealed, "row")).isEqualTo(SECRET);
        assertThat(rotated.open(old, "row")).isEqualTo(SECRET);
    }

    @Test
    void keepsKeysOutOfToString() {
        MasterKey key = MasterKey.generate(new SecureRandom());
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
        assertThat(KeyRing.of(key).toString()).contains(key.id());
    }
}
