-- Earned badges: issuers, achievements (stored once however many credentials carry them), earners,
-- credentials with their raw bytes, results, evidence, alignments and verification history.
-- Tables keyed by earner carry earner_id on every row so they can later be distributed on it (DESIGN.md §6).

CREATE TABLE issuers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    uri text NOT NULL UNIQUE,
    name text,
    url text,
    email text,
    image_url text,
    -- The issuer profile as last received; self-asserted unless the proof's key controller is this issuer.
    profile jsonb NOT NULL DEFAULT '{}',
    -- The deployment's issuer registry: search can hide unknown issuers, and never shows blocked ones.
    trust text NOT NULL DEFAULT 'unknown' CHECK (trust IN ('trusted', 'unknown', 'blocked')),
    -- The issuing organisation whose curriculum team owns this issuer's achievements, once claimed.
    organization_id uuid REFERENCES organizations (id),
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issuers_organization_idx ON issuers (organization_id);

CREATE TABLE achievements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issuer_id uuid NOT NULL REFERENCES issuers (id),
    uri text NOT NULL,
    name text NOT NULL,
    description text,
    criteria_url text,
    criteria_narrative text,
    achievement_type text,
    version text,
    tags text[] NOT NULL DEFAULT '{}',
    human_code text,
    field_of_study text,
    specialization text,
    image_url text,
    in_language text,
    -- The achievement object as last received (result descriptions and rubric levels live here).
    definition jsonb NOT NULL,
    definition_sha256 text NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer_id, uri)
);
CREATE INDEX achievements_uri_idx ON achievements (uri);

-- Each alignment as received, where it sits in the credential, and the skill concept it resolved to.
CREATE TABLE achievement_alignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    achievement_id uuid NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    -- achievement | result_description | rubric_level | result | tag | name
    source text NOT NULL,
    source_ref text NOT NULL DEFAULT '',
    target_type text,
    target_framework text,
    target_code text,
    target_url text,
    target_name text,
    target_description text,
    skill_id integer REFERENCES skills (id),
    rule text,
    confidence real,
    -- Low confidence or ambiguous (rivals within a hair): kept, and listed for the issuer to confirm or correct.
    needs_review boolean NOT NULL DEFAULT false,
    rivals integer[] NOT NULL DEFAULT '{}',
    -- automatic until an issuer confirms, corrects or rejects it
    review text NOT NULL DEFAULT 'automatic' CHECK (review IN ('automatic', 'confirmed', 'corrected', 'rejected')),
    reviewed_by uuid REFERENCES api_keys (id),
    resolved_at timestamptz
);
CREATE UNIQUE INDEX achievement_alignments_identity_idx ON achievement_alignments (
    achievement_id, source, source_ref, coalesce(target_url, ''), coalesce(target_code, ''), coalesce(target_name, '')
);
CREATE INDEX achievement_alignments_skill_idx ON achievement_alignments (skill_id);

CREATE TABLE earners (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The identity credentials name the earner by: credentialSubject.id, or a typed (hashed) identifier.
    subject text NOT NULL UNIQUE,
    display_name text,
    discoverable boolean NOT NULL DEFAULT false,
    consent_at timestamptz,
    -- 'earner' when the earner's own key consented, else the organisation id of the issuer acting on recorded consent.
    consent_given_by text,
    -- all credentials, or only those marked shown
    consent_scope text NOT NULL DEFAULT 'all' CHECK (consent_scope IN ('all', 'selected')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Self-reported attributes for equity reports: apart from everything searched, only ever aggregated.
CREATE TABLE earner_attributes (
    earner_id uuid NOT NULL REFERENCES earners (id) ON DELETE CASCADE,
    attribute text NOT NULL,
    value text NOT NULL,
    given_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (earner_id, attribute)
);

ALTER TABLE api_keys ADD CONSTRAINT api_keys_earner_fk FOREIGN KEY (earner_id) REFERENCES earners (id) ON DELETE CASCADE;

CREATE TABLE credentials (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    earner_id uuid NOT NULL REFERENCES earners (id) ON DELETE CASCADE,
    achievement_id uuid NOT NULL REFERENCES achievements (id),
    issuer_id uuid NOT NULL REFERENCES issuers (id),
    -- The credential's own id; with content_sha256 it makes ingest idempotent.
    uri text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    superseded_by uuid REFERENCES credentials (id) ON DELETE SET NULL,
    clr_uri text,
    format text NOT NULL,
    packaging text NOT NULL,
    spec_version text NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz,
    awarded_at timestamptz NOT NULL,
    -- The credential document byte for byte (the baked text of a PNG or SVG) and its SHA-256.
    document bytea NOT NULL,
    document_sha256 text NOT NULL,
    -- SHA-256 of the secured form (sorted-key JSON, or the compact JWS): the same badge delivered as JSON or baked
    -- into an image, or re-serialised, is the same credential.
    content_sha256 text NOT NULL,
    media_type text,
    -- The normalised badge as the API serves it, and the tolerated deviations.
    normalized jsonb NOT NULL,
    warnings jsonb NOT NULL DEFAULT '[]',
    status_entries jsonb NOT NULL DEFAULT '[]',
    verification text NOT NULL DEFAULT 'unverifiable'
        CHECK (verification IN ('verified', 'failed', 'revoked', 'suspended', 'expired', 'not_yet_valid', 'unverifiable')),
    verified_at timestamptz,
    -- Under consent scope 'selected', only shown credentials appear in search.
    shown boolean NOT NULL DEFAULT true,
    received_at timestamptz NOT NULL DEFAULT now(),
    received_by uuid REFERENCES api_keys (id),
    UNIQUE (uri, content_sha256)
);
CREATE INDEX credentials_uri_idx ON credentials (uri, version);
CREATE INDEX credentials_earner_idx ON credentials (earner_id);
CREATE INDEX credentials_achievement_idx ON credentials (achievement_id);
CREATE INDEX credentials_issuer_idx ON credentials (issuer_id);

CREATE TABLE credential_results (
    credential_id uuid NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    earner_id uuid NOT NULL,
    position integer NOT NULL,
    result_description_uri text,
    level_uri text,
    level_name text,
    ordinal integer,
    level_count integer,
    normalized real,
    points text,
    value text,
    status text,
    PRIMARY KEY (credential_id, position)
);

CREATE TABLE evidence (
    credential_id uuid NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    earner_id uuid NOT NULL,
    position integer NOT NULL,
    url text,
    name text,
    narrative text,
    description text,
    genre text,
    audience text,
    PRIMARY KEY (credential_id, position)
);

CREATE TABLE verifications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credential_id uuid NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    earner_id uuid NOT NULL,
    checked_at timestamptz NOT NULL DEFAULT now(),
    outcome text NOT NULL,
    checks jsonb NOT NULL,
    proof_type text,
    key_id text,
    trigger text NOT NULL DEFAULT 'ingest'
);
CREATE INDEX verifications_credential_idx ON verifications (credential_id, checked_at DESC);
