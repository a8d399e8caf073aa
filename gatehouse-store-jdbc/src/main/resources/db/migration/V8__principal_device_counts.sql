-- How many MFA devices each principal has enabled, for the 8-device limit only, kept by the
-- statements that assign and unassign them; it replaces principal_locks. EnableMFADevice checks the
-- limit and takes a place in one statement on this row, whose lock serialises racing enables for one
-- principal (under PostgreSQL's READ COMMITTED two counts could each have seen 7). Locking, then
-- counting the principal's devices left the choice of index to PostgreSQL's planner: with no
-- statistics (autovacuum off, or before its first ANALYZE) a plan cached on a small table walked
-- every device of the account on every enable. Whether a principal has MFA is still read from the
-- devices themselves. Nodes of an older version do not keep the counts: stop them all before the
-- first node of this version starts and migrates.
CREATE TABLE principal_devices (
    account_id     TEXT    NOT NULL,
    principal_key  TEXT    NOT NULL,
    assigned       INTEGER NOT NULL,
    PRIMARY KEY (account_id, principal_key)
);

INSERT INTO principal_devices (account_id, principal_key, assigned)
    SELECT account_id, assigned_principal_key, COUNT(*) FROM mfa_devices
    WHERE assigned_principal_key IS NOT NULL GROUP BY account_id, assigned_principal_key;

DROP TABLE principal_locks;
