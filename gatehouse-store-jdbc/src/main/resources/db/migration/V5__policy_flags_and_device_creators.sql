-- The password policy's last two AWS fields. Existing policies keep what Gatehouse did before:
-- users may change their own password, and an expired one can still be changed at sign-in.
ALTER TABLE accounts ADD COLUMN policy_allow_users_to_change_password INTEGER NOT NULL DEFAULT 1;
ALTER TABLE accounts ADD COLUMN policy_hard_expiry INTEGER NOT NULL DEFAULT 0;

-- Who created each virtual MFA device (PrincipalRef key), so that a user who is not an
-- administrator can delete only its own unassigned devices. NULL for devices created before,
-- and by the bootstrap: only administrators may delete those.
ALTER TABLE mfa_devices ADD COLUMN created_by TEXT;
