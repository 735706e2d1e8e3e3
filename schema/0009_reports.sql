-- Alignment reports for curriculum teams (issue 9).

-- A report's scope includes the achievements whose credentials an organisation's keys submitted; this keeps that
-- look-up off a full scan of credentials.
CREATE INDEX credentials_received_by_idx ON credentials (received_by, achievement_id);

-- Whether an employer agreed to be named in issuers' recognition reports; until it does, its actions are pooled with
-- other unnamed employers'.
ALTER TABLE organizations ADD COLUMN named_in_reports boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ADD COLUMN named_in_reports_at timestamptz;
