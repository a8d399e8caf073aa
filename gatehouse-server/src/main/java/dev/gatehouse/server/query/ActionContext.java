package dev.gatehouse.server.query;

/**
 * Who is calling and how, for one action.
 *
 * @param caller the principal whose key signed the request
 * @param accessKeyId the key that signed it
 * @param region the region of the signature's scope
 * @param sourceIp the client's address, for audit events
 */
public record ActionContext<P>(P caller, String accessKeyId, String region, String requestId, String sourceIp,
        String userAgent) {
}
