package dev.gatehouse.cli.authenticator;

import java.nio.file.Path;

/**
 * Where the vault's passphrase comes from. The command's default reads the environment or asks on
 * the console ({@link EnvironmentOrConsolePassphrase}); tests supply their own.
 *
 * <p>Callers own the returned array and wipe it when done.
 */
interface PassphraseSource {

    /**
     * The passphrase of the existing vault at {@code vault}.
     *
     * @throws dev.gatehouse.cli.CliException if there is no way to get one
     */
    char[] passphrase(Path vault);

    /**
     * A passphrase for a vault about to be created at {@code vault}; asked twice where typed.
     *
     * @throws dev.gatehouse.cli.CliException if there is no way to get one, or the two differ
     */
    char[] newPassphrase(Path vault);
}
