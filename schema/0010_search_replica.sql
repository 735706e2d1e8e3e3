-- The search service answers from an in-memory copy of `credential_skills` (docs/ranking.md §6). Two things make
-- that copy exact: a rank that does not change with time, and a log of which credentials' rows changed.

-- log2 of a row's value at the Unix epoch: static score × verification factor × 2^(award time / half-life). A row's
-- value at any instant is then term confidence × 2^(rank − now / half-life), so rows keep one order for ever and both
-- engines compute the same number. The half-life (3 years of 365.25 days) is `Ranking.recencyHalfLife`.
CREATE FUNCTION credential_skill_rank(score real, awarded_at timestamptz, verified boolean) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ln(score::float8 * CASE WHEN verified THEN 1.0 ELSE 0.5 END) / ln(2.0::float8)
           + extract(epoch FROM awarded_at)::float8 / 94672800.0;

ALTER TABLE credential_skills ADD COLUMN rank float8 NOT NULL
    GENERATED ALWAYS AS (credential_skill_rank(score, awarded_at, verified)) STORED;

-- Which credentials' index rows changed, by the transaction that changed them. A replica reads the entries of every
-- transaction at or after the oldest one still running when it last read (its horizon): those below the horizon had
-- finished by then, so nothing committed out of order is missed. Entries are kept an hour.
CREATE TABLE search_changes (
    seq bigserial PRIMARY KEY,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    at timestamptz NOT NULL DEFAULT now(),
    credential_ids uuid[] NOT NULL
);
CREATE INDEX search_changes_txid_idx ON search_changes (txid);
CREATE INDEX search_changes_at_idx ON search_changes (at);

-- Every writer of the index is logged, whatever path it takes (refresh, erasure, bulk load).
CREATE FUNCTION note_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_changes (credential_ids)
    SELECT array_agg(DISTINCT credential_id) FROM changed_rows HAVING count(*) > 0;
    RETURN NULL;
END;
$$;
CREATE TRIGGER credential_skills_inserted AFTER INSERT ON credential_skills
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_change();
CREATE TRIGGER credential_skills_updated AFTER UPDATE ON credential_skills
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_change();
CREATE TRIGGER credential_skills_deleted AFTER DELETE ON credential_skills
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_change();
