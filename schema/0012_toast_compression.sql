-- Stored documents are compressed with lz4 rather than pglz where the server supports it: pglz compression was the
-- largest single cost of PostgreSQL during imports, and lz4 compresses several times faster. Only new values are
-- affected; existing ones stay readable as they are. A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE credentials ALTER COLUMN document SET COMPRESSION lz4, ALTER COLUMN normalized SET COMPRESSION lz4;
    ALTER TABLE verifications ALTER COLUMN checks SET COMPRESSION lz4;
    ALTER TABLE achievements ALTER COLUMN definition SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 compression is not available on this server; documents keep the default compression';
END
$$;
