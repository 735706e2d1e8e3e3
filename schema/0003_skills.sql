-- Skill concepts from every framework (ESCO, O*NET, custom and CASE frameworks), their labels and relations.

CREATE TABLE skill_frameworks (
    id text PRIMARY KEY,
    name text NOT NULL,
    -- The name normalised by the Skills library, so alignments naming the framework in any spelling find it.
    name_key text NOT NULL DEFAULT '',
    version text,
    -- NULL for the built-in frameworks; the importing organisation for custom and CASE frameworks.
    organization_id uuid REFERENCES organizations (id),
    source_url text,
    -- SHA-256 of what was loaded (the seed MANIFEST, or the imported file), so an unchanged reload is skipped.
    content_sha256 text,
    imported_at timestamptz NOT NULL DEFAULT now()
);

-- One row per concept: skills and knowledge, occupations, technologies, groups, custom items.
-- `id` is a compact integer because the search index holds one per (skill, credential).
CREATE TABLE skills (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    framework text NOT NULL REFERENCES skill_frameworks (id),
    code text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('skill', 'knowledge', 'occupation', 'technology', 'group', 'item')),
    preferred_label text NOT NULL,
    description text,
    skill_type text,
    reuse_level text,
    hot_technology boolean NOT NULL DEFAULT false,
    -- The item's own URL (CASE CFItem uri, custom framework item page), for alignments that name it by URL.
    url text,
    UNIQUE (framework, code)
);
CREATE INDEX skills_code_idx ON skills (code);
CREATE INDEX skills_url_idx ON skills (url) WHERE url IS NOT NULL;

-- Every label of a concept with its normalised form (computed by the Skills library, the same function
-- that normalises queries). Exact look-ups use the btree; autocomplete and fuzzy matching use the trigram index;
-- multi-word text uses the full-text index.
CREATE TABLE skill_labels (
    skill_id integer NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    label text NOT NULL,
    normalized text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('preferred', 'alternative', 'code')),
    PRIMARY KEY (skill_id, normalized)
);
CREATE INDEX skill_labels_normalized_idx ON skill_labels (normalized text_pattern_ops);
CREATE INDEX skill_labels_trgm_idx ON skill_labels USING gin (normalized gin_trgm_ops);
CREATE INDEX skill_labels_fts_idx ON skill_labels USING gin (to_tsvector('simple', normalized));

-- Directed relations: `broader` (child → parent), `essential`/`optional` (occupation → skill), `related`,
-- `crosswalk` (occupation ↔ occupation across frameworks), `exact_match` (a custom item mapped to a concept),
-- `rated` (O*NET occupation → element, weight = importance 1–5, level 0–7), `technology` (occupation → tool).
CREATE TABLE skill_relations (
    from_skill integer NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    to_skill integer NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('broader', 'essential', 'optional', 'related', 'crosswalk', 'exact_match', 'technology', 'rated')),
    weight real,
    level real,
    PRIMARY KEY (from_skill, kind, to_skill)
);
CREATE INDEX skill_relations_to_idx ON skill_relations (to_skill, kind);
