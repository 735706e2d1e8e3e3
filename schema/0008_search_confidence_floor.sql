-- Alignments resolved with low confidence (a loose trigram match, say) stay visible for issuers to review but do not
-- put credentials into search until confirmed or corrected: a weak guess must not make a badge answer a query.
CREATE OR REPLACE FUNCTION refresh_credential_skills(ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
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
      AND (al.review IN ('confirmed', 'corrected') OR coalesce(al.confidence, 1) >= 0.5)
      AND (al.source <> 'rubric_level' OR EXISTS (
          SELECT 1 FROM credential_results r WHERE r.credential_id = c.id AND r.level_uri = al.source_ref))
    ORDER BY al.skill_id, c.id, coalesce(al.confidence, 1) DESC;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN inserted;
END;
$$;
