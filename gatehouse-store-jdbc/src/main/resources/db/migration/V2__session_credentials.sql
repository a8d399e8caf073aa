-- Gatehouse identity store, version 2: temporary credentials from STS GetSessionToken.
-- The secret is sealed like an access key's; the session token is a bearer secret, so only its
-- SHA-256 digest (hex) is kept. No foreign key to access_keys: AWS's temporary credentials outlive
-- the deletion of the long-term key they were issued with. mfa_serial and mfa_authenticated_at are
-- both NULL when no MFA code was given.

CREATE TABLE session_credentials (
    id                    TEXT   NOT NULL PRIMARY KEY,
    account_id            TEXT   NOT NULL REFERENCES accounts (id),
    principal_key         TEXT   NOT NULL,
    source_access_key_id  TEXT   NOT NULL,
    created_at            BIGINT NOT NULL,
    expires_at            BIGINT NOT NULL,
    secret_key_id         TEXT   NOT NULL,
    secret_ciphertext     TEXT   NOT NULL,
    token_sha256          TEXT   NOT NULL,
    mfa_serial            TEXT,
    mfa_authenticated_at  BIGINT
);
-- The opportunistic clean-up deletes by expiry.
CREATE INDEX session_credentials_by_expiry ON session_credentials (expires_at);
