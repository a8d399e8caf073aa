package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveCommandTest {

    @TempDir
    Path directory;

    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new Authenticator(directory.resolve("test.vault"), new FixedPassphrase("correct horse"));
        authenticator.run("add", "one", "--secret", "JBSWY3DPEHPK3PXP");
        authenticator.run("add", "two", "--secret", "GEZDGNBVGY3TQOJQ");
    }

    @Test
    void removesOnlyTheNamedDevice() {
        Authenticator.Result result = authenticator.run("remove", "one");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("removed 'one' from ");
        assertThat(authenticator.run("list").out()).doesNotContain("one").contains("two");
        assertThat(authenticator.run("code", "one").exitCode()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownNameAndLeavesTheVaultAsItWas() throws IOException {
        byte[] before = authenticator.vaultBytes();

        Authenticator.Result result = authenticator.run("remove", "three");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: no entry named 'three' in the vault" + System.lineSeparator());
        assertThat(authenticator.vaultBytes()).isEqualTo(before);
    }

    @Test
    void createsNothingWhenThereIsNoVault() {
        Path missing = directory.resolve("nowhere/test.vault");

        Authenticator.Result result = new Authenticator(missing, new FixedPassphrase("p")).run("remove", "one");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: no vault at " + missing);
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void requiresAName() {
        assertThat(authenticator.run("remove").exitCode()).isEqualTo(2);
    }
}
