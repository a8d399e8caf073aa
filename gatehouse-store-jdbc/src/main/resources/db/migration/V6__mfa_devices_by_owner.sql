-- ListMFADevices pages through a principal's devices by serial number: with the serial in the
-- index, the page is read in order, without a sort. The old index is this one's prefix.
CREATE INDEX mfa_devices_by_owner ON mfa_devices (account_id, assigned_principal_key, serial);
DROP INDEX mfa_devices_by_assignment;
