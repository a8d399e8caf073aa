-- Each account's latest credential report, so that GenerateCredentialReport's state and the
-- report's age survive restarts and are the same on every node. The content is AWS's CSV;
-- it holds names, ARNs and dates, no secret.
CREATE TABLE credential_reports (
    account_id    TEXT   NOT NULL PRIMARY KEY REFERENCES accounts (id),
    generated_at  BIGINT NOT NULL,
    content       TEXT   NOT NULL
);
