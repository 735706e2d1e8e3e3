-- Documents fetched on behalf of verification and ingest (DID documents, status lists, OB 2.0 badge classes
-- and issuers, JWKS), and documents admins preload for offline or air-gapped operation.
CREATE TABLE documents (
    url text PRIMARY KEY,
    media_type text,
    body bytea NOT NULL,
    sha256 bytea NOT NULL,
    -- `preloaded` documents are served until replaced or deleted; `fetched` ones until `expires_at`.
    source text NOT NULL CHECK (source IN ('preloaded', 'fetched')),
    http_status integer NOT NULL DEFAULT 200,
    fetched_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    CHECK (source = 'preloaded' OR expires_at IS NOT NULL)
);
