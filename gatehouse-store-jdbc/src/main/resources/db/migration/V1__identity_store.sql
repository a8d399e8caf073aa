-- Gatehouse identity store, version 1.
-- Portable SQL: it runs unchanged on SQLite and PostgreSQL and stays within what
-- PostgreSQL-compatible distributed engines accept. Only TEXT, INTEGER and BIGINT columns;
-- instants are epoch milliseconds; booleans are INTEGER 0/1; every ID is made in Java, so
-- there is no SERIAL or AUTOINCREMENT to differ between engines.

CREATE TABLE accounts (
    id                        TEXT    NOT NULL PRIMARY KEY,
    alias                     TEXT    UNIQUE,
    root_email                TEXT    NOT NULL,
    root_email_normalized     TEXT    NOT NULL UNIQUE,
    policy_minimum_length     INTEGER NOT NULL,
    policy_require_symbols    INTEGER NOT NULL,
    policy_require_numbers    INTEGER NOT NULL,
    policy_require_uppercase  INTEGER NOT NULL,
    policy_require_lowercase  INTEGER NOT NULL,
    policy_minimum_classes    INTEGER NOT NULL,
    policy_reuse_prevention   INTEGER NOT NULL,
    policy_maximum_age_days   INTEGER NOT NULL,
    created_at                BIGINT  NOT NULL
);

CREATE TABLE iam_users (
    id               TEXT    NOT NULL PRIMARY KEY,
    account_id       TEXT    NOT NULL REFERENCES accounts (id),
    name             TEXT    NOT NULL,
    name_normalized  TEXT    NOT NULL,
    path             TEXT    NOT NULL,
    administrator    INTEGER NOT NULL,
    created_at       BIGINT  NOT NULL,
    UNIQUE (account_id, name_normalized)
);

-- principal_key is 'root' or the IAM user's ID, within account_id.
CREATE TABLE login_profiles (
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    principal_key   TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    reset_required  INTEGER NOT NULL,
    created_at      BIGINT  NOT NULL,
    changed_at      BIGINT  NOT NULL,
    last_used_at    BIGINT,
    PRIMARY KEY (account_id, principal_key)
);

CREATE TABLE password_history (
    account_id     TEXT   NOT NULL,
    principal_key  TEXT   NOT NULL,
    position       BIGINT NOT NULL,
    password_hash  TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, principal_key, position)
);

CREATE TABLE access_keys (
    id                 TEXT   NOT NULL PRIMARY KEY,
    account_id         TEXT   NOT NULL REFERENCES accounts (id),
    principal_key      TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    created_at         BIGINT NOT NULL,
    secret_key_id      TEXT   NOT NULL,
    secret_ciphertext  TEXT   NOT NULL,
    last_used_at       BIGINT,
    last_used_region   TEXT,
    last_used_service  TEXT
);
CREATE INDEX access_keys_by_principal ON access_keys (account_id, principal_key);

-- last_step is the replay guard: advanced only by UPDATE ... WHERE last_step < ?.
CREATE TABLE mfa_devices (
    id                      TEXT    NOT NULL PRIMARY KEY,
    account_id              TEXT    NOT NULL REFERENCES accounts (id),
    serial                  TEXT    NOT NULL UNIQUE,
    kind                    TEXT    NOT NULL,
    name                    TEXT    NOT NULL,
    name_normalized         TEXT    NOT NULL,
    path                    TEXT    NOT NULL,
    totp_algorithm          TEXT,
    totp_digits             INTEGER,
    totp_period_millis      BIGINT,
    totp_t0_millis          BIGINT,
    seed_key_id             TEXT,
    seed_ciphertext         TEXT,
    created_at              BIGINT  NOT NULL,
    assigned_principal_key  TEXT,
    enabled_at              BIGINT,
    drift_steps             BIGINT  NOT NULL,
    last_step               BIGINT  NOT NULL,
    UNIQUE (account_id, kind, name_normalized)
);
CREATE INDEX mfa_devices_by_assignment ON mfa_devices (account_id, assigned_principal_key);

-- One row per principal that has enabled a device: updating it takes a row lock that serialises
-- concurrent enables for that principal, so the 8-device quota holds on PostgreSQL too.
CREATE TABLE principal_locks (
    account_id     TEXT   NOT NULL,
    principal_key  TEXT   NOT NULL,
    version        BIGINT NOT NULL,
    PRIMARY KEY (account_id, principal_key)
);

-- resource is 'user:<id>' or 'mfa-device:<id>'.
CREATE TABLE tags (
    resource   TEXT NOT NULL,
    tag_key    TEXT NOT NULL,
    tag_value  TEXT NOT NULL,
    PRIMARY KEY (resource, tag_key)
);

CREATE TABLE mfa_throttles (
    throttle_key   TEXT    NOT NULL PRIMARY KEY,
    failures       INTEGER NOT NULL,
    blocked_until  BIGINT  NOT NULL
);

CREATE TABLE audit_events (
    id              TEXT    NOT NULL PRIMARY KEY,
    at              BIGINT  NOT NULL,
    account_id      TEXT,
    actor           TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    caller_arn      TEXT,
    source_address  TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL,
    mfa_used        INTEGER NOT NULL,
    detail          TEXT    NOT NULL
);
CREATE INDEX audit_events_by_account ON audit_events (account_id, at);
