-- Rubrics and their immutable versions, calibration sessions (anonymised artefacts, ratings, hiring-bar verdicts),
-- revision proposals, and each achievement's calibration summary for search ranking (issue 8).

-- One rubric per achievement; what changes over time are its versions.
CREATE TABLE rubrics (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    achievement_id uuid NOT NULL UNIQUE REFERENCES achievements (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Versions never change once written (the trigger below refuses it): a credential assessed under version 2 must
-- still find version 2 as it was, and a revision's trace must keep naming the feedback it answered.
CREATE TABLE rubric_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    rubric_id uuid NOT NULL REFERENCES rubrics (id),
    number integer NOT NULL CHECK (number >= 1),
    -- The criteria with their ordered levels, as the Calibration library's `RubricCriterion` encodes them.
    criteria jsonb NOT NULL,
    -- definition: derived from the achievement's Open Badges result descriptions; authored: written by the
    -- curriculum team; revision: answering calibration proposals or feedback.
    source text NOT NULL CHECK (source IN ('definition', 'authored', 'revision')),
    -- Credentials that do not say which version assessed them take the newest version in effect at their award
    -- date (NULL: since the beginning).
    effective_from timestamptz,
    note text,
    answered_proposal_ids text[] NOT NULL DEFAULT '{}',
    -- The proposals decided and the reviewer feedback this version answers, as recorded when it was made.
    trace jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES api_keys (id),
    UNIQUE (rubric_id, number)
);

CREATE FUNCTION rubric_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rubric versions are immutable; add a new version instead';
END;
$$;

CREATE TRIGGER rubric_versions_immutable BEFORE UPDATE OR DELETE ON rubric_versions
    FOR EACH ROW EXECUTE FUNCTION rubric_versions_refuse_change();

-- Which version each achievement definition (by digest of its result descriptions) carries, so a credential whose
-- embedded achievement has that digest says which version it was assessed under.
CREATE TABLE rubric_definition_digests (
    rubric_id uuid NOT NULL REFERENCES rubrics (id),
    digest text NOT NULL,
    version_id uuid NOT NULL REFERENCES rubric_versions (id),
    PRIMARY KEY (rubric_id, digest)
);

-- The rubric version a credential was assessed under: 'credential' when its own achievement definition says,
-- 'date' when read from its award date.
ALTER TABLE credentials ADD COLUMN rubric_version_id uuid REFERENCES rubric_versions (id);
ALTER TABLE credentials ADD COLUMN rubric_version_basis text CHECK (rubric_version_basis IN ('credential', 'date'));
-- RubricSync assigns versions to the credentials still without one; this keeps that look-up off the full table.
CREATE INDEX credentials_unassessed_idx ON credentials (achievement_id) WHERE rubric_version_id IS NULL;

CREATE TABLE calibration_sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The issuer or employer organisation running the session.
    organization_id uuid NOT NULL REFERENCES organizations (id),
    achievement_id uuid NOT NULL REFERENCES achievements (id),
    rubric_version_id uuid NOT NULL REFERENCES rubric_versions (id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    show_issuer_level boolean NOT NULL DEFAULT false,
    -- "Meets our hiring bar for <role>".
    hiring_bar_role text,
    -- How the sample was drawn: enough to draw it again from the same credentials.
    sample_requested integer NOT NULL CHECK (sample_requested BETWEEN 1 AND 500),
    sample_stratified boolean NOT NULL,
    sample_stratify_by text,
    sample_allocation text NOT NULL CHECK (sample_allocation IN ('equal', 'proportional')),
    sample_seed bigint NOT NULL,
    sample_strata jsonb NOT NULL DEFAULT '[]',
    -- The report's figures frozen at close (proposals live in revision_proposals, with their decisions).
    final_figures jsonb,
    created_by uuid REFERENCES api_keys (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    opened_at timestamptz,
    closed_at timestamptz
);
CREATE INDEX calibration_sessions_organization_idx ON calibration_sessions (organization_id, created_at);
CREATE INDEX calibration_sessions_achievement_idx ON calibration_sessions (achievement_id, state);

-- Invited reviewers: one hiring manager's key, or every hiring-manager key of an organisation.
CREATE TABLE calibration_reviewers (
    session_id uuid NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    key_id uuid REFERENCES api_keys (id),
    organization_id uuid REFERENCES organizations (id),
    CHECK ((key_id IS NULL) <> (organization_id IS NULL))
);
CREATE UNIQUE INDEX calibration_reviewers_key_idx ON calibration_reviewers (session_id, key_id) WHERE key_id IS NOT NULL;
CREATE UNIQUE INDEX calibration_reviewers_organization_idx ON calibration_reviewers (session_id, organization_id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX calibration_reviewers_lookup_idx ON calibration_reviewers (key_id, organization_id);

-- The anonymised artefacts: a snapshot of the evidence at draw time and the issuer's levels, never the earner.
CREATE TABLE calibration_artifacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    position integer NOT NULL,
    label text NOT NULL,
    -- Kept only to redact the snapshot if the credential is erased; never shown.
    credential_id uuid REFERENCES credentials (id) ON DELETE SET NULL,
    -- The issuer's level on the stratification criterion (NULL when the sample was not stratified).
    stratum text,
    -- Criterion id → level id as the issuer assessed it.
    issuer_levels jsonb NOT NULL DEFAULT '{}',
    evidence jsonb NOT NULL,
    redacted_at timestamptz,
    UNIQUE (session_id, position)
);
CREATE INDEX calibration_artifacts_credential_idx ON calibration_artifacts (credential_id) WHERE credential_id IS NOT NULL;

-- Erasing a credential (an earner's deletion) removes its evidence from every session's snapshot too.
CREATE FUNCTION calibration_artifacts_redact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE calibration_artifacts SET evidence = '[]', redacted_at = now() WHERE credential_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER calibration_artifacts_redact BEFORE DELETE ON credentials
    FOR EACH ROW EXECUTE FUNCTION calibration_artifacts_redact();

-- One row per (artefact, reviewer key, criterion): a reviewer may change it until the session closes, keeping its id,
-- so proposals cite a rating that stays the same record.
CREATE TABLE calibration_ratings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    artifact_id uuid NOT NULL REFERENCES calibration_artifacts (id) ON DELETE CASCADE,
    reviewer_key_id uuid NOT NULL REFERENCES api_keys (id),
    reviewer_organization_id uuid NOT NULL REFERENCES organizations (id),
    criterion_id text NOT NULL,
    level_id text NOT NULL,
    comment text,
    changes integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (artifact_id, reviewer_key_id, criterion_id)
);
CREATE INDEX calibration_ratings_session_idx ON calibration_ratings (session_id, reviewer_key_id);

-- "Meets our hiring bar for <role>": one answer per (artefact, reviewer key).
CREATE TABLE calibration_verdicts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    artifact_id uuid NOT NULL REFERENCES calibration_artifacts (id) ON DELETE CASCADE,
    reviewer_key_id uuid NOT NULL REFERENCES api_keys (id),
    reviewer_organization_id uuid NOT NULL REFERENCES organizations (id),
    meets_bar boolean NOT NULL,
    role text,
    comment text,
    changes integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (artifact_id, reviewer_key_id)
);
CREATE INDEX calibration_verdicts_session_idx ON calibration_verdicts (session_id);

-- Proposals made at close (ids as the Calibration library makes them: "<session>:<kind>:<criterion>[:<levels>]"),
-- and what the curriculum team decided.
CREATE TABLE revision_proposals (
    id text PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES calibration_sessions (id),
    rubric_id uuid NOT NULL REFERENCES rubrics (id),
    rubric_version_id uuid NOT NULL REFERENCES rubric_versions (id),
    position integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('clarify_descriptors', 'recalibrate_levels', 'merge_levels', 'split_level')),
    criterion_id text NOT NULL,
    -- The proposal with its rationale, figures and cited ratings, verdicts and comments.
    detail jsonb NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'edited', 'rejected')),
    decision_note text,
    decided_by uuid REFERENCES api_keys (id),
    decided_at timestamptz,
    answered_by_version_id uuid REFERENCES rubric_versions (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revision_proposals_rubric_idx ON revision_proposals (rubric_id, status);

-- Each achievement's calibration pooled over its closed sessions: what ranking multiplies by
-- (achievements.calibration_multiplier) and what the alignment reports show.
CREATE TABLE calibration_summaries (
    achievement_id uuid PRIMARY KEY REFERENCES achievements (id),
    summary jsonb NOT NULL,
    ranking_multiplier double precision NOT NULL,
    sessions integer NOT NULL,
    artefacts integer NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now()
);
