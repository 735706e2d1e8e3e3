-- Ingest writes each credential row once, and new rows land at the right-hand end of their indexes rather than on
-- random pages of indexes larger than memory. At 4.5 million stored credentials this took an import from 1,659 to
-- about 2,150 credentials/s on a 2-core machine.

-- The rubric version a credential was assessed under: the version its embedded achievement definition carries
-- (basis `credential`), else the newest version in effect at its award date (basis `date`). Ingest sets it in the
-- insert; rubric changes assign it to credentials stored before their achievement had a rubric. No row when the
-- achievement has no rubric version.
CREATE FUNCTION credential_rubric_version(achievement uuid, result_descriptions jsonb, awarded timestamptz)
    RETURNS TABLE (version_id uuid, basis text)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT coalesce(d.version_id, dated.id), CASE WHEN d.version_id IS NULL THEN 'date' ELSE 'credential' END
    FROM rubrics r
    LEFT JOIN rubric_definition_digests d ON d.rubric_id = r.id
        AND d.digest = md5(coalesce(result_descriptions, 'null'::jsonb)::text)
    LEFT JOIN LATERAL (
        SELECT v.id FROM rubric_versions v WHERE v.rubric_id = r.id
        ORDER BY coalesce(v.effective_from, '-infinity') <= awarded DESC,
                 CASE WHEN coalesce(v.effective_from, '-infinity') <= awarded THEN v.number ELSE -v.number END DESC
        LIMIT 1
    ) dated ON true
    WHERE r.achievement_id = achievement AND coalesce(d.version_id, dated.id) IS NOT NULL
    $$;

-- A time-ordered UUID (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits) for append-mostly
-- tables. The random bits keep ids unguessable; the time prefix keeps each insert on the index's newest page.
CREATE FUNCTION uuid_v7() RETURNS uuid
    LANGUAGE sql VOLATILE PARALLEL SAFE
    RETURN encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
            52, 1), 53, 1),
        'hex')::uuid;

-- Most imported credentials bring a new earner: their rows, and the earner-led indexes of credentials and skills,
-- then grow at the end.
ALTER TABLE earners ALTER COLUMN id SET DEFAULT uuid_v7();

-- Lookups by credential id use the unique (uri, content_sha256) index; a second index led by uri only cost every insert
-- another random page.
DROP INDEX credentials_uri_idx;
