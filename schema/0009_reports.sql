-- Alignment reports for curriculum teams (issue 9).

-- A report's scope includes the achievements whose credentials an organisation's keys submitted; this keeps that
-- look-up off a full scan of credentials.
CREATE INDEX credentials_received_by_idx ON credentials (received_by, achievement_id);

-- Whether an employer agreed to be named in issuers' recognition reports; until it does, its actions are pooled with
-- other unnamed employers'.
ALTER TABLE organizations ADD COLUMN named_in_reports boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ADD COLUMN named_in_reports_at timestamptz;

-- Cohorts of a course an issuing organisation runs, with badges or without, and their learners' activity as the
-- learning platform reports it, for uplift reports. `learner` is the platform's own pseudonymous id: it is never
-- joined to earners, and reports publish only group figures.
CREATE TABLE cohorts (
    id uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    with_badges boolean NOT NULL,
    -- The badge the cohort could earn, so an achievement filter finds its cohorts.
    achievement_id uuid REFERENCES achievements (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cohorts_organization_idx ON cohorts (organization_id);

-- A re-sent event is the same row (the key), so ingestion is idempotent.
CREATE TABLE learner_events (
    cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    -- Empty for cohort-wide events (an assignment's release).
    learner text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('enrolled', 'check_in', 'assignment_released', 'submission', 'discussion_post',
                                       'module_completed', 'course_completed')),
    module text NOT NULL DEFAULT '',
    at timestamptz NOT NULL,
    PRIMARY KEY (cohort_id, learner, kind, module, at)
);
