-- How much of each per-account quota is used: 'users' (UsersPerAccount) and 'virtual-mfa-devices'
-- (VirtualMFADevicesPerAccount), 5,000 each as on AWS. Kept by the statements that create and delete
-- what they count, so that a creation checks its quota and takes its place in one statement on one
-- row, where counting the account's devices read up to 5,000 index entries on every creation and
-- let two creations racing at the edge both pass. Nodes of an older version do not keep it: stop
-- them all before the first node of this version starts and migrates.
CREATE TABLE account_quota_use (
    account_id  TEXT   NOT NULL REFERENCES accounts (id),
    quota       TEXT   NOT NULL,
    used        BIGINT NOT NULL,
    PRIMARY KEY (account_id, quota)
);

INSERT INTO account_quota_use (account_id, quota, used)
    SELECT account_id, 'virtual-mfa-devices', COUNT(*) FROM mfa_devices WHERE kind = 'VIRTUAL_TOTP' GROUP BY account_id;

INSERT INTO account_quota_use (account_id, quota, used)
    SELECT account_id, 'users', COUNT(*) FROM iam_users GROUP BY account_id;
