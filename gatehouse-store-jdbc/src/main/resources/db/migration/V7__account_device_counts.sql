-- How many MFA devices each account holds, kept by the statements that create and delete them:
-- CreateVirtualMFADevice checks the account's quota (5,000) and takes its place in one statement on
-- one row, where counting the account's devices read up to 5,000 index entries on every creation
-- and let two creations racing at the edge both pass.
CREATE TABLE account_device_counts (
    account_id  TEXT   NOT NULL PRIMARY KEY REFERENCES accounts (id),
    devices     BIGINT NOT NULL
);

INSERT INTO account_device_counts (account_id, devices)
    SELECT account_id, COUNT(*) FROM mfa_devices GROUP BY account_id;
