-- Gatehouse identity store, version 4: web console sessions, in the database so that any node
-- serves the next request. The session ID is a bearer secret: only its SHA-256 (hex) is kept.
-- state is PENDING_MFA (password accepted, code owed) or AUTHENTICATED; mfa_serial is the device
-- whose code completed the sign-in (NULL without MFA); authenticated_at is NULL while pending.
-- csrf_secret is random; the forms' token is derived from it. Times are epoch milliseconds.

CREATE TABLE console_sessions (
    id_sha256                 TEXT    NOT NULL PRIMARY KEY,
    account_id                TEXT    NOT NULL REFERENCES accounts (id),
    principal_key             TEXT    NOT NULL,
    state                     TEXT    NOT NULL,
    mfa_serial                TEXT,
    password_change_required  INTEGER NOT NULL,
    created_at                BIGINT  NOT NULL,
    authenticated_at          BIGINT,
    last_seen_at              BIGINT  NOT NULL,
    reauthenticated_at        BIGINT,
    csrf_secret               TEXT    NOT NULL
);
-- Every session of a principal ends together (a deleted user, a reset password).
CREATE INDEX console_sessions_by_principal ON console_sessions (account_id, principal_key);
-- The sweep at each new sign-in deletes by either timeout.
CREATE INDEX console_sessions_by_last_seen ON console_sessions (last_seen_at);
CREATE INDEX console_sessions_by_creation ON console_sessions (created_at);
