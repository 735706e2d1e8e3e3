-- The search index and what search records: one row per (credential, skill concept) for every credential a
-- recruiter may see, maintained in the same transaction as any change that affects it.

ALTER TABLE achievements ADD COLUMN calibration_multiplier real NOT NULL DEFAULT 1.0
    CHECK (calibration_multiplier BETWEEN 0.5 AND 1.5);

CREATE TABLE credential_skills (
    skill_id integer NOT NULL,
    earner_id uuid NOT NULL,
    credential_id uuid NOT NULL,
    -- The row's static score: alignment confidence × proficiency factor × issuer trust × calibration (docs/ranking.md).
    -- Recency and the query's own confidence are applied at query time.
    score real NOT NULL,
    proficiency real,
    alignment_confidence real NOT NULL,
    rule text NOT NULL,
    verified boolean NOT NULL,
    awarded_at timestamptz NOT NULL,
    valid_until timestamptz,
    issuer_id uuid NOT NULL,
    achievement_id uuid NOT NULL,
    achievement_type text,
    framework text NOT NULL,
    trust text NOT NULL,
    PRIMARY KEY (skill_id, earner_id, credential_id)
);
-- Random access by earner (does this earner hold skill X?), and clean-up by credential.
CREATE INDEX credential_skills_earner_idx ON credential_skills (earner_id, skill_id) INCLUDE (score, verified, valid_until);
CREATE INDEX credential_skills_credential_idx ON credential_skills (credential_id);
-- Sorted access per skill, best first, covering what ranking reads.
CREATE INDEX credential_skills_rank_idx ON credential_skills (skill_id, score DESC)
    INCLUDE (earner_id, verified, valid_until, awarded_at, proficiency, trust);

-- Rebuilds the index rows of the given credentials from their current state: discoverable earner, shown (under
-- consent scope 'selected'), newest version, verified (or unverifiable, searchable only when a query asks),
-- issuer not blocked, alignments resolved and not rejected. Every change that can affect search calls this.
CREATE FUNCTION refresh_credential_skills(ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    inserted integer;
BEGIN
    DELETE FROM credential_skills WHERE credential_id = ANY(ids);
    INSERT INTO credential_skills (skill_id, earner_id, credential_id, score, proficiency, alignment_confidence, rule,
        verified, awarded_at, valid_until, issuer_id, achievement_id, achievement_type, framework, trust)
    SELECT DISTINCT ON (al.skill_id, c.id)
        al.skill_id, c.earner_id, c.id,
        (coalesce(al.confidence, 1) * (0.5 + 0.5 * coalesce(p.proficiency, 0.5))
            * CASE i.trust WHEN 'trusted' THEN 1.0 ELSE 0.8 END * a.calibration_multiplier)::real,
        p.proficiency, coalesce(al.confidence, 1), al.rule,
        c.verification = 'verified', c.awarded_at, c.valid_until, c.issuer_id, c.achievement_id, a.achievement_type, s.framework, i.trust
    FROM credentials c
    JOIN earners e ON e.id = c.earner_id
    JOIN issuers i ON i.id = c.issuer_id
    JOIN achievements a ON a.id = c.achievement_id
    JOIN achievement_alignments al ON al.achievement_id = c.achievement_id
    JOIN skills s ON s.id = al.skill_id
    LEFT JOIN LATERAL (
        -- The proficiency this alignment speaks to: its own result description's result, else the credential's best.
        SELECT coalesce(
            (SELECT max(r.normalized) FROM credential_results r
             WHERE r.credential_id = c.id AND al.source = 'result_description' AND r.result_description_uri = al.source_ref),
            (SELECT max(r.normalized) FROM credential_results r WHERE r.credential_id = c.id)
        ) AS proficiency
    ) p ON true
    WHERE c.id = ANY(ids)
      AND e.discoverable
      AND (e.consent_scope = 'all' OR c.shown)
      AND c.superseded_by IS NULL
      AND c.verification IN ('verified', 'unverifiable')
      AND i.trust <> 'blocked'
      AND al.skill_id IS NOT NULL AND al.review <> 'rejected' AND al.rule IS DISTINCT FROM 'not_needed'
      -- An alignment on a rubric level counts only for credentials that achieved that level.
      AND (al.source <> 'rubric_level' OR EXISTS (
          SELECT 1 FROM credential_results r WHERE r.credential_id = c.id AND r.level_uri = al.source_ref))
    ORDER BY al.skill_id, c.id, coalesce(al.confidence, 1) DESC;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN inserted;
END;
$$;

-- Every search, for demand and gap reports: what was asked and how many matched; nothing about who matched.
CREATE TABLE searches (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    key_id uuid REFERENCES api_keys (id),
    at timestamptz NOT NULL DEFAULT now(),
    query jsonb NOT NULL,
    terms text[] NOT NULL,
    concept_ids integer[] NOT NULL,
    result_count integer NOT NULL,
    zero_results boolean NOT NULL,
    saved_search_id uuid
);
CREATE INDEX searches_organization_idx ON searches (organization_id, at);
CREATE INDEX searches_concepts_idx ON searches USING gin (concept_ids);

-- Which organisations saw an earner in results or opened their evidence: shown to the earner.
CREATE TABLE earner_views (
    earner_id uuid NOT NULL REFERENCES earners (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    kind text NOT NULL CHECK (kind IN ('result', 'evidence')),
    search_id uuid,
    credential_id uuid,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX earner_views_earner_idx ON earner_views (earner_id, at DESC);

-- Employer actions on candidates: how employer recognition of a badge is measured.
CREATE TABLE signals (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    key_id uuid REFERENCES api_keys (id),
    earner_id uuid NOT NULL REFERENCES earners (id) ON DELETE CASCADE,
    credential_id uuid REFERENCES credentials (id) ON DELETE SET NULL,
    search_id uuid,
    kind text NOT NULL CHECK (kind IN ('shortlisted', 'contacted', 'interviewed', 'badge_referenced', 'accepted_in_screening', 'hired')),
    note text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signals_credential_idx ON signals (credential_id, kind);
CREATE INDEX signals_organization_idx ON signals (organization_id, at);

CREATE TABLE saved_searches (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    key_id uuid REFERENCES api_keys (id),
    name text NOT NULL,
    query jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_searches_organization_idx ON saved_searches (organization_id);

-- When an earner became discoverable, so saved searches can report who newly matches.
ALTER TABLE earners ADD COLUMN discoverable_since timestamptz;
