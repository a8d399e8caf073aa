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
 * The vault on disk, for the length of one command. Reads decrypt the file; updates hold a lock
 * beside it from read to write, so two commands cannot both read counter 5 and both write 6, and
 * replace it atomically with mode 0600. Nothing is written unless the old content decrypted and
 * the change succeeded: a wrong passphrase or a damaged file leaves the file exactly as it was.
 *
 * <p>The passphrase is asked for at most once and the derived key kept, so a command that reads
 * and then updates (an HOTP code) costs one prompt and one Argon2id; {@link #close} wipes the
 * passphrase.
 */
final class VaultFile implements AutoCloseable {

    /** Whether an update may create the vault. */
    enum WhenMissing {
        CREATE,
        REFUSE,
    }

    private final Path path;
    private final PassphraseSource passphrases;
    private final VaultFormat format;
    private final Argon2idParameters parameters;
    private char[] passphrase;
    private VaultKey key;

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
        return open(readExisting(path)).vault();
    }

    /**
     * Applies {@code change} to the vault and writes the result, under the lock.
     *
     * @return the vault as written
     * @throws CliException if the vault cannot be read, opened or written, or {@code change} refuses
     */
    @SuppressWarnings("try") // The lock is only held, for the length of the block, never referenced.
    Vault update(UnaryOperator<Vault> change, WhenMissing whenMissing) {
        if (whenMissing == WhenMissing.REFUSE && !Files.exists(path)) {
            // Before the lock file or any directory is created for a vault that is not there.
            throw missing();
        }
        Path target = resolveTarget();
        try (FileChannel lockChannel = openLock(target); FileLock lock = lockChannel.lock()) {
            boolean exists = Files.exists(target);
            if (!exists && whenMissing == WhenMissing.REFUSE) {
                throw missing();
            }
            Vault vault = exists ? open(readExisting(target)).vault() : Vault.empty();
            char[] secret = passphrase(!exists);
            Vault changed = change.apply(vault);
            // The key of the read is reused (one Argon2id per command) unless it is weaker than
            // today's parameters: then the vault is re-keyed at the new cost with fresh salt.
            if (key == null || !key.parameters().atLeast(parameters)) {
                key = format.newKey(secret, parameters);
            }
            PrivateFiles.writeAtomically(target, format.seal(changed, key));
            return changed;
        } catch (IOException e) {
            throw new CliException("cannot write the vault " + path + ": " + describe(e), e);
        }
    }

    /** Wipes the passphrase, if one was asked for. */
    @Override
    public void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
            passphrase = null;
        }
    }

    private VaultFormat.Opened open(byte[] bytes) {
        try {
            VaultFormat.Opened opened = format.open(bytes, this::keyFor);
            key = opened.key();
            return opened;
        } catch (VaultFormatException e) {
            throw new CliException(e.getMessage() + ": " + path, e);
        }
    }

    private VaultKey keyFor(Argon2idParameters headerParameters, byte[] salt) {
        if (key != null && key.matches(headerParameters, salt)) {
            return key;
        }
        return VaultKey.derive(passphrase(false), headerParameters, salt);
    }

    private char[] passphrase(boolean forNewVault) {
        if (passphrase == null) {
            passphrase = forNewVault ? passphrases.newPassphrase(path) : passphrases.passphrase(path);
        }
        return passphrase;
    }

    private byte[] readExisting(Path file) {
        try {
            return Files.readAllBytes(file);
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
