package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.CliException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The vault on disk. Reads decrypt the file; updates hold a lock beside it from read to write, so
 * two commands cannot both read counter 5 and both write 6, and replace it atomically with mode
 * 0600. Nothing is written unless the old content decrypted and the change succeeded: a wrong
 * passphrase or a damaged file leaves the file exactly as it was.
 */
final class VaultFile {

    /** Whether an update may create the vault. */
    enum WhenMissing {
        CREATE,
        REFUSE,
    }

    private final Path path;
    private final PassphraseSource passphrases;
    private final VaultFormat format;
    private final Argon2idParameters parameters;

    VaultFile(Path path, PassphraseSource passphrases, VaultFormat format, Argon2idParameters parameters) {
        this.path = Objects.requireNonNull(path, "path");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
        this.format = Objects.requireNonNull(format, "format");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    Path path() {
        return path;
    }

    /**
     * The vault's content.
     *
     * @throws CliException if there is no vault, it cannot be read, or it does not open
     */
    Vault read() {
        byte[] bytes = readExisting();
        char[] passphrase = passphrases.passphrase(path);
        try {
            return open(bytes, passphrase).vault();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Applies {@code change} to the vault and writes the result, under the lock.
     *
     * @return the vault as written
     * @throws CliException if the vault cannot be read, opened or written, or {@code change} refuses
     */
    @SuppressWarnings("try") // The lock is only held, for the length of the block, never referenced.
    Vault update(UnaryOperator<Vault> change, WhenMissing whenMissing) {
        Path target = resolveTarget();
        try (FileChannel lockChannel = openLock(target); FileLock lock = lockChannel.lock()) {
            boolean exists = Files.exists(target);
            if (!exists && whenMissing == WhenMissing.REFUSE) {
                throw missing();
            }
            char[] passphrase = exists ? passphrases.passphrase(path) : passphrases.newPassphrase(path);
            try {
                Vault vault = Vault.empty();
                VaultKey key = null;
                if (exists) {
                    VaultFormat.Opened opened = open(readExisting(), passphrase);
                    vault = opened.vault();
                    key = opened.key();
                }
                Vault changed = change.apply(vault);
                // The key of the read is reused (one Argon2id per command) unless it is weaker than
                // today's parameters: then the vault is re-keyed at the new cost with fresh salt.
                if (key == null || !key.parameters().atLeast(parameters)) {
                    key = format.newKey(passphrase, parameters);
                }
                PrivateFiles.writeAtomically(target, format.seal(changed, key));
                return changed;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        } catch (IOException e) {
            throw new CliException("cannot write the vault " + path + ": " + describe(e), e);
        }
    }

    private VaultFormat.Opened open(byte[] bytes, char[] passphrase) {
        try {
            return format.open(bytes, passphrase);
        } catch (VaultFormatException e) {
            throw new CliException(e.getMessage() + ": " + path, e);
        }
    }

    private byte[] readExisting() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw missing();
        } catch (IOException e) {
            throw new CliException("cannot read the vault " + path + ": " + describe(e), e);
        }
    }

    private CliException missing() {
        return new CliException("no vault at " + path + "; create one with 'gatehouse authenticator add'");
    }

    /** The file to replace: through a symbolic link, its target, so the link survives the rename. */
    private Path resolveTarget() {
        try {
            if (Files.exists(path)) {
                return path.toRealPath();
            }
            Path parent = path.toAbsolutePath().getParent();
            PrivateFiles.createPrivateDirectories(parent);
            return path.toAbsolutePath();
        } catch (IOException e) {
            throw new CliException("cannot create the vault's directory for " + path + ": " + describe(e), e);
        }
    }

    private static FileChannel openLock(Path target) throws IOException {
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PrivateFiles.ownerReadWrite());
    }

    /** An I/O failure in words: the JDK's messages for these are only the file name. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
