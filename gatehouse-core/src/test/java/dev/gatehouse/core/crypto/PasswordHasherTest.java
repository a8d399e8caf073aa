package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void writesAnArgon2idPhcStringWithOwaspParameters() {
        PasswordHash hash = hasher.hash(Password.of("Correct-Horse-7"));
        assertThat(hash.phc()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesTheRightPasswordAndNoOther() {
        PasswordHash hash = hasher.hash(Password.of("Correct-Horse-7"));
        assertThat(hasher.verify(Password.of("Correct-Horse-7"), hash)).isTrue();
        assertThat(hasher.verify(Password.of("correct-Horse-7"), hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash(Password.of("same")).phc()).isNotEqualTo(hasher.hash(Password.of("same")).phc());
    }

    @Test
    void verifiesAHashMadeWithOtherParametersAndAsksForARehash() {
        PasswordHash weak = new PasswordHasher(new Argon2Parameters(64, 1, 1)).hash(Password.of("pässwörd"));
        assertThat(hasher.verify(Password.of("pässwörd"), weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash(Password.of("pässwörd")))).isFalse();
    }

    @Test
    void rejectsAMalformedHashWithoutThrowing() {
        assertThat(hasher.verify(Password.of("x"), new PasswordHash("$bcrypt$whatever"))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash("$bcrypt$whatever"))).isTrue();
    }

    @Test
    void redactsPasswordsAndHashes() {
        assertThat(Password.of("Correct-Horse-7").toString()).doesNotContain("Correct");
        PasswordHash hash = hasher.hash(Password.of("Correct-Horse-7"));
        assertThat(hash.toString()).doesNotContain(hash.phc());
    }
}
