package dev.gatehouse.server.sigv4;

import java.util.Optional;

/** Finds the credential behind an access key ID; implemented over the identity store. */
@FunctionalInterface
public interface CredentialLookup<P> {

    Optional<SigningCredential<P>> find(String accessKeyId);
}
