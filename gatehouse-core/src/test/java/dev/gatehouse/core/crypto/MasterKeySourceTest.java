package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    @TempDir
    Path data;

    @Test
    void createsAKeyFileReadableByItsOwnerOnlyOnFirstStart() throws Exception {
        MasterKeySource source = new MasterKeySource(Map.of(), data, new SecureRandom());
        KeyRing ring = source.load();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(source.keyFile()))).isEqualTo("rw-------");
        assertThat(new MasterKeySource(Map.of(), data, new SecureRandom()).load().current().id())
                .isEqualTo(ring.current().id());
    }

    @Test
    void createsAMissingDataDirectoryForItsOwnerOnly() throws Exception {
        Path fresh = data.resolve("gatehouse-data");
        new MasterKeySource(Map.of(), fresh, new SecureRandom()).load();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void prefersTheEnvironmentVariable() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MasterKeySource source = new MasterKeySource(
                Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, Base64.getEncoder().encodeToString(key)), data,
                new SecureRandom());
        assertThat(source.load().current().id()).isEqualTo(MasterKey.of(key).id());
        assertThat(Files.exists(source.keyFile())).isFalse();
    }

    @Test
    void rejectsAKeyOfTheWrongLength() {
        MasterKeySource source = new MasterKeySource(
                Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, Base64.getEncoder().encodeToString(new byte[16])), data,
                new SecureRandom());
        assertThatThrownBy(source::load).isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }

    @Test
    void addsANewCurrentKeyAndKeepsTheOldOne() throws Exception {
        MasterKeySource source = new MasterKeySource(Map.of(), data, new SecureRandom());
        KeyRing first = source.load();
        KeyRing second = source.addKey();
        assertThat(second.current().id()).isNotEqualTo(first.current().id());
        assertThat(second.find(first.current().id())).isPresent();
        KeyRing reloaded = source.load();
        assertThat(reloaded.current().id()).isEqualTo(second.current().id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(source.keyFile()))).isEqualTo("rw-------");
    }
}
