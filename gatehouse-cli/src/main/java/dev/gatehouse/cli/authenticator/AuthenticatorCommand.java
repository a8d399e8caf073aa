package dev.gatehouse.cli.authenticator;

import picocli.CommandLine.Command;

/** Placeholder: the virtual MFA device on the command line is being built. */
@Command(name = "authenticator", description = "A virtual MFA device on the command line.")
public final class AuthenticatorCommand {
}
