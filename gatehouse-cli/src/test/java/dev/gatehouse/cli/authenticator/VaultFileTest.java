package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vault on disk, through the commands: modes, atomic replacement, and refusing what does not open. */
class VaultFileTest {

    @TempDir
    Path directory;

    private Path vault;
    private Authenticator authenticator;

    @BeforeEach
    void createVault() {
        vault = directory.resolve("test.vault");
        authenticator = new Authenticator(vault, new FixedPassphrase("correct horse"));
        assertThat(authenticator.run("add", "aws", "--secret", "JBSWY3DPEHPK3PXP").exitCode()).isZero();
    }

    @Test
    void isReadableByItsOwnerOnlyAndLeavesNoTemporaryFiles() throws IOException {
        authenticator.run("add", "second", "--secret", "GEZDGNBVGY3TQOJQ");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("test.vault", "test.vault.lock");
        }
    }

    @Test
    void createsTheVaultsDirectoryForItsOwnerOnly() throws IOException {
        Path nested = directory.resolve("config/gatehouse/authenticator.vault");
        Authenticator fresh = new Authenticator(nested, new FixedPassphrase("p"));

        assertThat(fresh.run("add", "aws", "--secret", "JBSWY3DPEHPK3PXP").exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void neverHoldsTheSecretOrTheNamesInTheClear() throws IOException {
        String file = new String(authenticator.vaultBytes(), StandardCharsets.ISO_8859_1);

        assertThat(file).doesNotContain("JBSWY3DPEHPK3PXP", "aws", "TOTP");
    }

    @Test
    void refusesAWrongPassphraseAndLeavesTheVaultUntouched() throws IOException {
        byte[] before = authenticator.vaultBytes();
        Authenticator intruder = new Authenticator(vault, new FixedPassphrase("wrong horse"));

        for (String[] command : new String[][] {{"list"}, {"code", "aws"}, {"add", "x", "--secret", "GEZDGNBVGY3TQOJQ"}, {"remove", "aws"}}) {
            Authenticator.Result result = intruder.run(command);

            assertThat(result.exitCode()).as("%s", Arrays.toString(command)).isEqualTo(1);
            assertThat(result.err()).isEqualTo("gatehouse: wrong passphrase or damaged vault: " + vault + System.lineSeparator());
            assertThat(result.out()).isEmpty();
        }
        assertThat(authenticator.vaultBytes()).isEqualTo(before);
    }

    @ParameterizedTest(name = "byte {0} changed")
    @ValueSource(ints = {10, 12, 16, 25, 40, 60, -1})
    void refusesAVaultWithAnyByteChangedAndLeavesItUntouched(int offset) throws IOException {
        byte[] damaged = authenticator.vaultBytes();
        int position = offset < 0 ? damaged.length + offset : offset;
        damaged[position] ^= 0x01;
        Files.write(vault, damaged);

        Authenticator.Result result = authenticator.run("add", "x", "--secret", "GEZDGNBVGY3TQOJQ");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("damaged vault").doesNotContain("Exception", "\tat ");
        assertThat(authenticator.vaultBytes()).isEqualTo(damaged);
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 5, 30, 47, 60})
    void refusesATruncatedVaultAndLeavesItUntouched(int length) throws IOException {
        byte[] truncated = Arrays.copyOf(authenticator.vaultBytes(), length);
        Files.write(vault, truncated);

        Authenticator.Result result = authenticator.run("remove", "aws");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).containsAnyOf("damaged vault", "not a Gatehouse authenticator vault");
        assertThat(authenticator.vaultBytes()).isEqualTo(truncated);
    }

    @Test
    void refusesAFileThatIsNotAVaultBeforeAskingForThePassphrase() throws IOException {
        Files.writeString(vault, "{\"entries\": []}", StandardCharsets.UTF_8);
        FixedPassphrase passphrase = new FixedPassphrase("correct horse");

        Authenticator.Result result = new Authenticator(vault, passphrase).run("list");

        assertThat(passphrase.requests()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: not a Gatehouse authenticator vault: " + vault + System.lineSeparator());
    }

    @Test
    void refusesAVaultOfANewerFormat() throws IOException {
        byte[] newer = authenticator.vaultBytes();
        ByteBuffer.wrap(newer).putShort(8, (short) 2);
        Files.write(vault, newer);

        Authenticator.Result result = authenticator.run("list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("vault format 2 is not supported by this version of Gatehouse, which reads format 1");
    }

    @Test
    void refusesAHeaderAskingForAbsurdKeyDerivationCosts() throws IOException {
        byte[] greedy = authenticator.vaultBytes();
        ByteBuffer.wrap(greedy).putInt(11, Integer.MAX_VALUE);
        Files.write(vault, greedy);

        Authenticator.Result result = authenticator.run("list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("damaged vault: Argon2id memory must be");
    }

    @Test
    void keepsTheKeyOfTheReadForTheWriteButNeverTheNonce() throws IOException {
        byte[] before = authenticator.vaultBytes();

        authenticator.run("add", "second", "--secret", "GEZDGNBVGY3TQOJQ");
        byte[] after = authenticator.vaultBytes();

        assertThat(Arrays.copyOfRange(after, 0, 36)).as("header up to the salt").isEqualTo(Arrays.copyOfRange(before, 0, 36));
        assertThat(Arrays.copyOfRange(after, 36, 48)).as("nonce").isNotEqualTo(Arrays.copyOfRange(before, 36, 48));
    }

    @Test
    void rekeysAtTheCurrentCostWhenTheVaultWasWrittenAtALowerOne() throws IOException {
        Argon2idParameters raised = new Argon2idParameters(128, 2, 1);
        authenticator.withKeyDerivation(raised);

        authenticator.run("add", "second", "--secret", "GEZDGNBVGY3TQOJQ");

        ByteBuffer header = ByteBuffer.wrap(authenticator.vaultBytes());
        assertThat(header.getInt(11)).isEqualTo(128);
        assertThat(header.getInt(15)).isEqualTo(2);
        assertThat(authenticator.run("list").out()).contains("aws", "second");
    }

    @Test
    void opensAVaultWrittenAtAnotherCostWithoutRewritingIt() throws IOException {
        byte[] before = authenticator.vaultBytes();
        authenticator.withKeyDerivation(new Argon2idParameters(256, 1, 1));

        assertThat(authenticator.run("code", "aws").exitCode()).isZero();
        assertThat(authenticator.vaultBytes()).isEqualTo(before);
    }

    @Test
    void replacesTheFileASymbolicLinkPointsToAndKeepsTheLink() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("link.vault"), vault);
        Authenticator throughLink = new Authenticator(link, new FixedPassphrase("correct horse"));

        assertThat(throughLink.run("add", "second", "--secret", "GEZDGNBVGY3TQOJQ").exitCode()).isZero();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(authenticator.run("list").out()).contains("second");
    }
}
