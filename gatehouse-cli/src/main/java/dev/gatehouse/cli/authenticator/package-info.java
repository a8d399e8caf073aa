/**
 * {@code gatehouse authenticator}: a virtual MFA device on the command line.
 *
 * <p>What it protects against: a copy of the vault file (a backup, a synced folder, a stolen
 * disk) reveals no secret without the passphrase, and costs an attacker one Argon2id per guess;
 * a change to any byte of the file is detected. What it does not: a process running as the same
 * user while a command runs, which can read the passphrase from the environment or memory.
 *
 * <p>One class per job: {@code VaultFormat} (bytes and
 * encryption), {@code VaultJson} (the plaintext), {@code VaultFile} (the file, its lock and atomic
 * replacement), {@code Vault} and {@code VaultEntry} (content), a command class per subcommand.
 */
package dev.gatehouse.cli.authenticator;
