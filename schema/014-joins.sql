-- 014-joins: the modules joined up. An exam pass whose certificate is
-- entered drafts its training-subsidy claim, as an adoption certificate
-- and a training completion certificate already do; a completed training
-- class tells the exams who trained whom (考培分离); and the exams,
-- training and subsidies count their figures into report_facts in the
-- transaction of each change, as 009-report.sql does for cases.
--
-- Months are China time; a date column (a China date already) gives its
-- own month. Every count is written twice: for the office and for office
-- 0, the province.

-- An exam pass qualifies once its certificate (number and date) is
-- entered: the subsidy intake decides the claim or records why none.
CREATE TRIGGER exam_passes_subsidy AFTER UPDATE OF cert_no ON exam_passes
WHEN OLD.cert_no IS NULL AND NEW.cert_no IS NOT NULL
BEGIN
	INSERT INTO subsidy_intake (source, source_id, cert_number, kind,
	    applicant_id, office_id, occupation_id, level, issued_on)
	VALUES ('exam', NEW.id, NEW.cert_no, NEW.kind, NEW.applicant_id,
	    NEW.office_id, NEW.occupation_id, NEW.level, NEW.cert_issued_on);
END;
INSERT INTO subsidy_intake (source, source_id, cert_number, kind,
    applicant_id, office_id, occupation_id, level, issued_on)
SELECT 'exam', x.id, x.cert_no, x.kind, x.applicant_id, x.office_id,
    x.occupation_id, x.level, x.cert_issued_on
FROM exam_passes x WHERE x.cert_no IS NOT NULL AND NOT EXISTS (SELECT 1
    FROM subsidy_intake i WHERE i.source = 'exam' AND i.source_id = x.id)
ORDER BY x.id;

-- 考培分离: a person who completed a finished class is linked to its
-- provider for the class's occupation (and to the catalog's agency of
-- the same name, when the provider is also one), so that the provider
-- never examines them in a professional-technical exam. The center,
-- which finishes classes and keeps the roster, writes those links and
-- no others.
INSERT INTO permissions (noun, verb, role) VALUES
	('training-link', 'record', 'center');
DROP TRIGGER IF EXISTS training_links_write;
CREATE TRIGGER training_links_write BEFORE INSERT ON training_links
WHEN NOT qd_may('training-link', 'write')
    AND NOT (qd_may('training-link', 'record') AND EXISTS (SELECT 1
    FROM training_completions k JOIN training_providers p
    ON p.id = k.trainer WHERE k.applicant = NEW.applicant_id
    AND k.occupation = NEW.occupation_id AND p.name = NEW.provider_name))
BEGIN
	SELECT RAISE(ABORT, '培训记录由培训模块写入 training links are written by the training records');
END;
CREATE TRIGGER training_classes_links AFTER UPDATE OF state
    ON training_classes
WHEN NEW.state = 'finished' AND OLD.state IS NOT 'finished'
BEGIN
	INSERT INTO training_links (agency_id, provider_name, applicant_id,
	    occupation_id)
	SELECT (SELECT a.id FROM agencies a WHERE a.name = p.name), p.name,
	    e.applicant_id, NEW.occupation_id
	FROM training_enrolments e JOIN training_providers p
	    ON p.id = NEW.provider_id
	WHERE e.class_id = NEW.id AND e.completed = 1
	    AND NOT EXISTS (SELECT 1 FROM training_links t
	    WHERE t.applicant_id = e.applicant_id
	    AND t.occupation_id = NEW.occupation_id
	    AND t.provider_name = p.name);
END;
CREATE TRIGGER training_enrolments_links AFTER UPDATE OF completed
    ON training_enrolments
WHEN NEW.completed = 1 AND OLD.completed IS NOT 1
    AND (SELECT state FROM training_classes WHERE id = NEW.class_id)
    = 'finished'
BEGIN
	INSERT INTO training_links (agency_id, provider_name, applicant_id,
	    occupation_id)
	SELECT (SELECT a.id FROM agencies a WHERE a.name = p.name), p.name,
	    NEW.applicant_id, c.occupation_id
	FROM training_classes c JOIN training_providers p
	    ON p.id = c.provider_id
	WHERE c.id = NEW.class_id AND NOT EXISTS (SELECT 1
	    FROM training_links t WHERE t.applicant_id = NEW.applicant_id
	    AND t.occupation_id = c.occupation_id
	    AND t.provider_name = p.name);
END;
INSERT INTO training_links (agency_id, provider_name, applicant_id,
    occupation_id)
SELECT DISTINCT (SELECT a.id FROM agencies a WHERE a.name = p.name),
    p.name, k.applicant, k.occupation
FROM training_completions k JOIN training_providers p ON p.id = k.trainer
WHERE NOT EXISTS (SELECT 1 FROM training_links t
    WHERE t.applicant_id = k.applicant AND t.occupation_id = k.occupation
    AND t.provider_name = p.name);

-- The exams' figures. exam.demand: demands reported to the center, at
-- the report; exam.sat and exam.passed: results of people who sat (pass
-- or fail; the absent are not counted), at the result. Type is the kind
-- of certificate.
CREATE TRIGGER report_exam_demands_new AFTER INSERT ON exam_demands
WHEN NEW.reported_at IS NOT NULL
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'exam.demand', strftime('%Y-%m', NEW.reported_at, '+8 hours'),
	    o.id, NEW.kind, NEW.occupation_id, NEW.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', NEW.reported_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_exam_demands_reported AFTER UPDATE OF reported_at
    ON exam_demands
WHEN OLD.reported_at IS NULL AND NEW.reported_at IS NOT NULL
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'exam.demand', strftime('%Y-%m', NEW.reported_at, '+8 hours'),
	    o.id, NEW.kind, NEW.occupation_id, NEW.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', NEW.reported_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_exam_results AFTER INSERT ON exam_results
WHEN NEW.outcome IN ('pass', 'fail')
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT s.indicator, strftime('%Y-%m', NEW.recorded_at, '+8 hours'),
	    o.id, p.kind, p.occupation_id, p.level, -1, 1
	FROM (SELECT 'exam.sat' AS indicator UNION ALL SELECT 'exam.passed'
	    WHERE NEW.outcome = 'pass') s,
	    (SELECT NEW.office_id AS id UNION ALL SELECT 0) o,
	    exam_plans p
	WHERE p.id = NEW.plan_id
	    AND strftime('%Y-%m', NEW.recorded_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;

-- Training's figures. training.needs: needs reported, at the report;
-- training.enrolled: seats taken (an enrolment, or a promotion from the
-- waiting list), at that moment; training.completed: completions of a
-- finished class, in the month the class ended. Type is '' (none).
CREATE TRIGGER report_training_needs AFTER UPDATE OF reported_at
    ON training_needs
WHEN OLD.reported_at IS NULL AND NEW.reported_at IS NOT NULL
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.needs', strftime('%Y-%m', NEW.reported_at,
	    '+8 hours'), o.id, '', NEW.occupation_id, NEW.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', NEW.reported_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_training_needs_new AFTER INSERT ON training_needs
WHEN NEW.reported_at IS NOT NULL
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.needs', strftime('%Y-%m', NEW.reported_at,
	    '+8 hours'), o.id, '', NEW.occupation_id, NEW.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', NEW.reported_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_training_enrolled AFTER INSERT ON training_enrolments
WHEN NEW.status = 'enrolled'
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.enrolled', strftime('%Y-%m', NEW.created_at,
	    '+8 hours'), o.id, '', c.occupation_id, c.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o,
	    training_classes c
	WHERE c.id = NEW.class_id
	    AND strftime('%Y-%m', NEW.created_at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_training_promoted AFTER UPDATE OF status
    ON training_enrolments
WHEN OLD.status = 'waiting' AND NEW.status = 'enrolled'
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.enrolled', strftime('%Y-%m', 'now', '+8 hours'),
	    o.id, '', c.occupation_id, c.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o,
	    training_classes c
	WHERE c.id = NEW.class_id
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_training_finished AFTER UPDATE OF state
    ON training_classes
WHEN NEW.state = 'finished' AND OLD.state IS NOT 'finished'
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.completed', substr(NEW.ends_on, 1, 7),
	    CASE w.own WHEN 1 THEN e.office_id ELSE 0 END, '',
	    NEW.occupation_id, NEW.level, -1, count(*)
	FROM training_enrolments e, (SELECT 0 AS own UNION ALL SELECT 1) w
	WHERE e.class_id = NEW.id AND e.completed = 1
	GROUP BY 3
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_training_completed AFTER UPDATE OF completed
    ON training_enrolments
WHEN (NEW.completed IS 1) <> (OLD.completed IS 1)
    AND (SELECT state FROM training_classes WHERE id = NEW.class_id)
    = 'finished'
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'training.completed', substr(c.ends_on, 1, 7), o.id, '',
	    c.occupation_id, c.level, -1, CASE WHEN NEW.completed IS 1
	    THEN 1 ELSE 0 END
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o,
	    training_classes c
	WHERE c.id = NEW.class_id
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = max(0, n + CASE WHEN excluded.n = 1
	    THEN 1 ELSE -1 END);
END;

-- Subsidies' figures. subsidy.claims: claims drafted, in the month of
-- the certificate they rest on (the claim's period); subsidy.paid and
-- subsidy.paid_fen: claims paid and the amount paid, in fen, in the
-- month of payment. Type is the kind of certificate.
CREATE TRIGGER report_subsidy_claims AFTER INSERT ON subsidy_claims
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'subsidy.claims', NEW.period, o.id, NEW.kind,
	    NEW.occupation_id, NEW.level, -1, 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE NEW.period IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_subsidy_paid AFTER UPDATE OF state ON subsidy_claims
WHEN NEW.state = 'paid' AND OLD.state IS NOT 'paid'
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT s.indicator, substr(NEW.paid_on, 1, 7), o.id, NEW.kind,
	    NEW.occupation_id, NEW.level, -1, s.n
	FROM (SELECT 'subsidy.paid' AS indicator, 1 AS n
	    UNION ALL SELECT 'subsidy.paid_fen', NEW.paid_fen) s,
	    (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE NEW.paid_on IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;

-- The counts of the rows there were before this migration.
INSERT INTO report_facts (indicator, month, office_id, type, occupation_id,
    level, days, n)
SELECT s.indicator, s.month, CASE w.own WHEN 1 THEN s.office_id ELSE 0 END,
    s.type, s.occupation_id, s.level, -1, sum(s.n)
FROM (SELECT 'exam.demand' AS indicator,
	strftime('%Y-%m', reported_at, '+8 hours') AS month, office_id,
	kind AS type, occupation_id, level, 1 AS n
	FROM exam_demands WHERE reported_at IS NOT NULL
    UNION ALL SELECT 'exam.sat', strftime('%Y-%m', r.recorded_at,
	'+8 hours'), r.office_id, p.kind, p.occupation_id, p.level, 1
	FROM exam_results r JOIN exam_plans p ON p.id = r.plan_id
	WHERE r.outcome IN ('pass', 'fail')
    UNION ALL SELECT 'exam.passed', strftime('%Y-%m', r.recorded_at,
	'+8 hours'), r.office_id, p.kind, p.occupation_id, p.level, 1
	FROM exam_results r JOIN exam_plans p ON p.id = r.plan_id
	WHERE r.outcome = 'pass'
    UNION ALL SELECT 'training.needs', strftime('%Y-%m', reported_at,
	'+8 hours'), office_id, '', occupation_id, level, 1
	FROM training_needs WHERE reported_at IS NOT NULL
    UNION ALL SELECT 'training.enrolled', strftime('%Y-%m', e.created_at,
	'+8 hours'), e.office_id, '', c.occupation_id, c.level, 1
	FROM training_enrolments e JOIN training_classes c ON c.id = e.class_id
	WHERE e.status = 'enrolled'
    UNION ALL SELECT 'training.completed', substr(c.ends_on, 1, 7),
	e.office_id, '', c.occupation_id, c.level, 1
	FROM training_enrolments e JOIN training_classes c ON c.id = e.class_id
	WHERE e.completed = 1 AND c.state = 'finished'
    UNION ALL SELECT 'subsidy.claims', period, office_id, kind,
	occupation_id, level, 1 FROM subsidy_claims
    UNION ALL SELECT 'subsidy.paid', substr(paid_on, 1, 7), office_id, kind,
	occupation_id, level, 1 FROM subsidy_claims WHERE state = 'paid'
    UNION ALL SELECT 'subsidy.paid_fen', substr(paid_on, 1, 7), office_id,
	kind, occupation_id, level, paid_fen FROM subsidy_claims
	WHERE state = 'paid') s,
    (SELECT 0 AS own UNION ALL SELECT 1) w
WHERE s.month IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT (indicator, month, office_id, type, occupation_id, level, days)
DO UPDATE SET n = n + excluded.n;
