package dev.gatehouse.server.sigv4;

/** A request whose signature checked out: who signed it, and for which region and service. */
public record VerifiedRequest<P>(P principal, String accessKeyId, String region, String service) {
}
