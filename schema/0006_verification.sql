-- Re-verification and the issuer registry: when each credential was last checked, why an issuer has its trust,
-- and the status lists verification has fetched, so a restart (or an air-gapped deployment) starts warm.

-- The last time anything checked this credential (ingest, the re-verification job, an on-demand or public check).
-- `verified_at` stays "when the stored outcome was last established"; this also moves when nothing changed.
-- Existing rows count as checked when this migration ran.
ALTER TABLE credentials ADD COLUMN checked_at timestamptz NOT NULL DEFAULT now();

-- What the job walks, oldest check first. Failed proofs and expired credentials cannot come back, and superseded
-- versions are out of search, so they are left out of the index and of the walk.
CREATE INDEX credentials_recheck_idx ON credentials (checked_at, id)
    WHERE superseded_by IS NULL AND verification NOT IN ('failed', 'expired');

ALTER TABLE issuers ADD COLUMN trust_note text;
ALTER TABLE issuers ADD COLUMN trust_updated_at timestamptz;

-- Lists the issuer registry by trust state.
CREATE INDEX issuers_trust_idx ON issuers (trust, uri);

-- Verified, decoded status lists (Bitstring Status List, StatusList2021) as the verifier's cache held them.
CREATE TABLE status_list_snapshots (
    url text PRIMARY KEY,
    credential_type text NOT NULL,
    list_credential_id text,
    issuer_uri text,
    purposes text[] NOT NULL,
    bits bytea NOT NULL,
    valid_until timestamptz,
    fetched_at timestamptz NOT NULL,
    -- Loaded back only while this is in the future: the list's ttl, the deployment default or its validUntil.
    refresh_after timestamptz NOT NULL,
    warnings jsonb NOT NULL DEFAULT '[]',
    stored_at timestamptz NOT NULL DEFAULT now()
);
