-- Foundation: organisations, API keys and the audit log.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('employer', 'issuer', 'platform')),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- `credence keys create --org NAME` finds organisations by name, whatever its case.
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

-- A key is `crd_<prefix>_<secret>`: the prefix finds the row, the secret is kept only as its SHA-256.
-- Secrets are 256 random bits, so a fast hash is enough; a slow password hash would add nothing but latency.
CREATE TABLE api_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    role text NOT NULL CHECK (role IN ('admin', 'issuer', 'recruiter', 'hiring_manager', 'earner')),
    label text NOT NULL DEFAULT '',
    prefix text NOT NULL UNIQUE,
    secret_hash bytea NOT NULL,
    earner_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES api_keys (id),
    last_used_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id);

-- Who did what to which record. Append-only: the trigger below refuses updates and deletes.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    actor_key_id uuid,
    actor_organization_id uuid,
    action text NOT NULL,
    record_type text NOT NULL,
    record_id text,
    request_id text,
    detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id);
CREATE INDEX audit_log_organization_idx ON audit_log (actor_organization_id, at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
