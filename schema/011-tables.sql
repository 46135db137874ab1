-- 011-tables: the audit triggers and plain guards of the tables of
-- 004-exam.sql to 009-report.sql are declared (src/MODULE/tables.c), and
-- the roles their rules named are rows of the permissions table.
--
-- A database made before this migration has those triggers as they were
-- written by hand; after this file they are made again from their
-- declarations where they differ, each where a new database has it, so
-- that both fire in the same order (src/schema.c).

INSERT INTO permissions (noun, verb, role) VALUES
	-- Exam demand: recorded by an office; moved on by it and the center.
	('exam-demand', 'record', 'clerk'), ('exam-demand', 'record', 'liaison'),
	('exam-demand', 'write', 'clerk'), ('exam-demand', 'write', 'liaison'),
	('exam-demand', 'write', 'center'), ('exam-demand', 'write', 'admin'),
	-- Exam plans and their sittings: the center's.
	('exam-plan', 'write', 'center'), ('exam-plan', 'write', 'admin'),
	-- Seats: an office seats its people; it or the center cancels.
	('exam-seat', 'write', 'clerk'), ('exam-seat', 'write', 'liaison'),
	('exam-seat', 'cancel', 'clerk'), ('exam-seat', 'cancel', 'liaison'),
	('exam-seat', 'cancel', 'center'), ('exam-seat', 'cancel', 'admin'),
	-- Results and the certificates of passes: entered by the center.
	('exam-result', 'record', 'center'), ('exam-result', 'record', 'admin'),
	-- An office marks the exam notices it received read.
	('exam-notice', 'mark-read', 'clerk'),
	('exam-notice', 'mark-read', 'liaison'),
	-- The links between trainers and the people they trained, which
	-- keep exams apart from training: the training records write them.
	('training-link', 'write', 'admin'),
	-- Training providers and the occupations they train for.
	('training-provider', 'write', 'admin'),
	-- Training needs: recorded and reported by an office.
	('training-need', 'write', 'clerk'), ('training-need', 'write', 'liaison'),
	-- Classes, their quotas, roster and completion certificates: the
	-- center's; an office enrols its people; either cancels.
	('training-class', 'write', 'center'),
	('training-class', 'write', 'admin'),
	('training-class', 'certify', 'center'),
	('training-class', 'certify', 'admin'),
	('training-class', 'enrol', 'clerk'),
	('training-class', 'enrol', 'liaison'),
	('training-class', 'cancel-enrolment', 'clerk'),
	('training-class', 'cancel-enrolment', 'liaison'),
	('training-class', 'cancel-enrolment', 'center'),
	('training-class', 'cancel-enrolment', 'admin'),
	-- Subsidy rates and rules are the admin's; a certificate's intake
	-- comes with its issue; claims are worked by an office and the
	-- center; batches are the center's.
	('subsidy-rate', 'write', 'admin'),
	('subsidy-rule', 'write', 'admin'),
	('subsidy-intake', 'write', 'center'),
	('subsidy-intake', 'write', 'admin'),
	('subsidy-claim', 'write', 'clerk'), ('subsidy-claim', 'write', 'liaison'),
	('subsidy-claim', 'write', 'center'), ('subsidy-claim', 'write', 'admin'),
	('subsidy-claim', 'docs', 'clerk'), ('subsidy-claim', 'docs', 'liaison'),
	('subsidy-claim', 'docs', 'center'),
	('subsidy-batch', 'submit', 'center'),
	-- Job needs: an office's. Employers, postings, proposals and service
	-- plans: the center's; an office records a match's outcome, and a
	-- hire counts a posting down.
	('job-need', 'write', 'clerk'), ('job-need', 'write', 'liaison'),
	('employer', 'write', 'center'), ('employer', 'write', 'admin'),
	('job-posting', 'write', 'center'), ('job-posting', 'write', 'admin'),
	('job-posting', 'update', 'clerk'), ('job-posting', 'update', 'liaison'),
	('job-posting', 'update', 'center'), ('job-posting', 'update', 'admin'),
	('job-match', 'propose', 'center'), ('job-match', 'propose', 'admin'),
	('job-match', 'record', 'clerk'), ('job-match', 'record', 'liaison'),
	('job-plan', 'write', 'center'), ('job-plan', 'write', 'admin'),
	-- Policy documents and answers: the center's for the province, an
	-- office's for its own city. Questions: recorded by an office,
	-- replied to by the center; the office marks replies read and given.
	('policy-doc', 'write', 'clerk'), ('policy-doc', 'write', 'liaison'),
	('policy-doc', 'write', 'center'), ('policy-doc', 'write', 'admin'),
	('policy-answer', 'write', 'clerk'), ('policy-answer', 'write', 'liaison'),
	('policy-answer', 'write', 'center'), ('policy-answer', 'write', 'admin'),
	('policy-question', 'record', 'clerk'),
	('policy-question', 'record', 'liaison'),
	('policy-question', 'write', 'clerk'),
	('policy-question', 'write', 'liaison'),
	('policy-question', 'write', 'center'),
	('policy-question', 'write', 'admin'),
	('policy-question', 'reply', 'center'),
	('policy-question', 'reply', 'admin'),
	-- Closing a month of the reports.
	('report', 'close', 'center'), ('report', 'close', 'admin');

-- The rules of 004 to 009 that named roles ask the table instead; a role
-- with an office (a clerk, a liaison) is one whose qd_office_id() is set.
-- Each keeps its place in the order triggers fire.
DROP TRIGGER exam_demands_write;
CREATE TRIGGER exam_demands_write BEFORE INSERT ON exam_demands
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-demand', 'record')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'recorded'
    AND NEW.action = 'record' AND NEW.plan_id IS NULL
    AND (EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND office_id = NEW.office_id) OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = NEW.applicant_id
    AND office_id = NEW.office_id))))
BEGIN
	SELECT RAISE(ABORT, '仅本办公室窗口或联络员可为本办公室的台胞登记考试需求 only an office''s clerk or liaison records exam demand, for a person of their office');
END;
DROP TRIGGER exam_demands_change_office;
CREATE TRIGGER exam_demands_change_office BEFORE UPDATE ON exam_demands
WHEN NOT qd_may('exam-demand', 'write') OR (qd_office_id() IS NOT NULL
    AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此考试需求属于其他办公室 this demand belongs to another office');
END;
DROP TRIGGER exam_demands_change_edit;
CREATE TRIGGER exam_demands_change_edit BEFORE UPDATE ON exam_demands
WHEN NEW.state IS OLD.state AND qd_role() <> 'system'
    AND (OLD.state <> 'recorded' OR NOT qd_may('exam-demand', 'record')
    OR NEW.plan_id IS NOT OLD.plan_id)
BEGIN
	SELECT RAISE(ABORT, '考试需求报送后不可修改 a demand is edited only by its office before it is reported');
END;
DROP TRIGGER exam_plans_write;
CREATE TRIGGER exam_plans_write BEFORE INSERT ON exam_plans
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-plan', 'write')
    AND NEW.state = 'draft' AND NEW.action = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订考试计划 only the center drafts exam plans');
END;
DROP TRIGGER exam_plans_change;
CREATE TRIGGER exam_plans_change BEFORE UPDATE ON exam_plans
WHEN NOT qd_may('exam-plan', 'write')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.id IS NOT OLD.id
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改考试计划 only the center changes exam plans, raising version by one');
END;
DROP TRIGGER exam_sittings_write;
CREATE TRIGGER exam_sittings_write BEFORE INSERT ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-plan', 'write')
    AND (SELECT state FROM exam_plans WHERE id = NEW.plan_id) = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里安排考场 only the center adds sittings, to a draft plan');
END;
DROP TRIGGER exam_sittings_change;
CREATE TRIGGER exam_sittings_change BEFORE UPDATE ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-plan', 'write')
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id) = 'draft'))
    OR NEW.version IS NOT OLD.version + 1 OR NEW.plan_id IS NOT OLD.plan_id
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里更改考场 only the center changes sittings, of a draft plan');
END;
DROP TRIGGER exam_sittings_remove;
CREATE TRIGGER exam_sittings_remove BEFORE DELETE ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-plan', 'write')
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id) = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里删除考场 only the center removes sittings, of a draft plan');
END;
DROP TRIGGER exam_registrations_write;
CREATE TRIGGER exam_registrations_write BEFORE INSERT ON exam_registrations
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-seat', 'write')
    AND NEW.office_id = qd_office_id()
    AND (EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND office_id = NEW.office_id) OR EXISTS (SELECT 1 FROM exam_demands
    WHERE applicant_id = NEW.applicant_id AND office_id = NEW.office_id)
    OR EXISTS (SELECT 1 FROM cases WHERE applicant_id = NEW.applicant_id
    AND office_id = NEW.office_id))))
BEGIN
	SELECT RAISE(ABORT, '仅本办公室窗口或联络员可为本办公室的台胞报名 only an office''s clerk or liaison registers a person of their office');
END;
DROP TRIGGER exam_registrations_change_who;
CREATE TRIGGER exam_registrations_change_who BEFORE UPDATE
ON exam_registrations
WHEN qd_role() <> 'system' AND NOT (OLD.status = 'waiting'
    AND NEW.status = 'seated') AND NOT (qd_may('exam-seat', 'cancel')
    AND (qd_office_id() IS NULL OR OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '此报名属于其他办公室 this registration belongs to another office');
END;
DROP TRIGGER exam_results_write;
CREATE TRIGGER exam_results_write BEFORE INSERT ON exam_results
WHEN NOT (qd_role() = 'system' OR (qd_may('exam-result', 'record')
    AND (SELECT state FROM exam_plans WHERE id = NEW.plan_id) = 'held'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在考试举行后录入成绩 only the center records results, once the exam is held');
END;
DROP TRIGGER exam_passes_change;
CREATE TRIGGER exam_passes_change BEFORE UPDATE ON exam_passes
WHEN NOT qd_may('exam-result', 'record')
    OR NEW.version IS NOT OLD.version + 1 OR OLD.cert_no IS NOT NULL
    OR NEW.cert_no IS NULL OR NEW.registration_id IS NOT OLD.registration_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.plan_id IS NOT OLD.plan_id
    OR NEW.kind IS NOT OLD.kind OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.passed_on IS NOT OLD.passed_on
BEGIN
	SELECT RAISE(ABORT, '仅中心可录入一次证书编号和日期 only the center enters the certificate''s number and date, once');
END;
DROP TRIGGER exam_notices_change;
CREATE TRIGGER exam_notices_change BEFORE UPDATE ON exam_notices
WHEN NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
    OR NEW.text IS NOT OLD.text OR NEW.created_at IS NOT OLD.created_at
    OR OLD.read_at IS NOT NULL OR NOT (qd_role() = 'system'
    OR (qd_may('exam-notice', 'mark-read')
    AND OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅收件办公室可标记已读 only the receiving office marks a notice read');
END;
DROP TRIGGER training_needs_write;
CREATE TRIGGER training_needs_write BEFORE INSERT ON training_needs
WHEN NOT (qd_role() = 'system' OR (qd_may('training-need', 'write')
    AND NEW.office_id = qd_office_id() AND NEW.reported_at IS NULL))
BEGIN
	SELECT RAISE(ABORT, '仅办公室可登记本市台胞的培训需求 only an office records training needs, for its own city');
END;
DROP TRIGGER training_needs_change;
CREATE TRIGGER training_needs_change BEFORE UPDATE ON training_needs
WHEN NOT (qd_role() = 'system' OR (qd_may('training-need', 'write')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR OLD.reported_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '需求已上报或属于其他办公室 the need was reported already or belongs to another office');
END;
DROP TRIGGER training_classes_write;
CREATE TRIGGER training_classes_write BEFORE INSERT ON training_classes
WHEN NOT qd_may('training-class', 'write')
    OR NEW.state <> 'draft'
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订办班计划 only the center plans classes, as drafts');
END;
DROP TRIGGER training_class_quotas_write;
CREATE TRIGGER training_class_quotas_write BEFORE INSERT ON training_class_quotas
WHEN NOT qd_may('training-class', 'write')
    OR (SELECT state FROM training_classes WHERE id = NEW.class_id)
    IS NOT 'draft'
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
DROP TRIGGER training_class_quotas_change;
CREATE TRIGGER training_class_quotas_change BEFORE UPDATE ON training_class_quotas
WHEN NOT qd_may('training-class', 'write')
    OR (SELECT state FROM training_classes WHERE id = OLD.class_id) <> 'draft'
    OR NEW.class_id IS NOT OLD.class_id
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
DROP TRIGGER training_class_quotas_remove;
CREATE TRIGGER training_class_quotas_remove BEFORE DELETE ON training_class_quotas
WHEN NOT qd_may('training-class', 'write')
    OR (SELECT state FROM training_classes WHERE id = OLD.class_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
DROP TRIGGER training_enrolments_write;
CREATE TRIGGER training_enrolments_write BEFORE INSERT ON training_enrolments
WHEN NOT (qd_role() = 'system' OR (qd_may('training-class', 'enrol')
    AND NEW.office_id = qd_office_id()))
    OR NEW.status = 'cancelled' OR NEW.completed IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '仅办公室可为本市台胞报名 only an office enrols its own people');
END;
DROP TRIGGER training_enrolments_cancel;
CREATE TRIGGER training_enrolments_cancel BEFORE UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'cancelled' AND NOT (qd_role() = 'system'
    OR (qd_may('training-class', 'cancel-enrolment')
    AND (qd_office_id() IS NULL OR OLD.office_id = qd_office_id())))
BEGIN
	SELECT RAISE(ABORT, '只能取消本办公室的报名 you may cancel only your own office''s enrolments');
END;
DROP TRIGGER training_enrolments_roster;
CREATE TRIGGER training_enrolments_roster BEFORE UPDATE ON training_enrolments
WHEN (NEW.hours IS NOT OLD.hours OR NEW.completed IS NOT OLD.completed)
    AND NOT (qd_may('training-class', 'write')
    AND (SELECT state FROM training_classes WHERE id = OLD.class_id)
    IN ('running', 'finished') AND OLD.status = 'enrolled')
BEGIN
	SELECT RAISE(ABORT, '考勤和结业由中心在开班后录入 the center records attendance and completion once the class runs');
END;
DROP TRIGGER training_certificates_issue;
CREATE TRIGGER training_certificates_issue BEFORE INSERT ON training_certificates
WHEN NOT qd_may('training-class', 'certify')
    OR NOT EXISTS (SELECT 1 FROM training_enrolments e
    JOIN training_classes c ON c.id = e.class_id
    WHERE e.id = NEW.enrolment_id AND e.completed = 1
    AND c.state = 'finished' AND e.applicant_id = NEW.applicant_id
    AND e.office_id = NEW.office_id AND c.id = NEW.class_id
    AND c.occupation_id = NEW.occupation_id AND c.level = NEW.level)
BEGIN
	SELECT RAISE(ABORT, '结业证书由中心为已结业的学员签发 the center issues completion certificates to those who completed a finished class');
END;
DROP TRIGGER subsidy_rates_change;
CREATE TRIGGER subsidy_rates_change BEFORE UPDATE ON subsidy_rates
WHEN NOT qd_may('subsidy-rate', 'write')
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.kind IS NOT OLD.kind OR NEW.level IS NOT OLD.level
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护补贴标准 only a center admin may change subsidy rates, raising version by one');
END;
DROP TRIGGER subsidy_rules_change;
CREATE TRIGGER subsidy_rules_change BEFORE UPDATE ON subsidy_rules
WHEN NOT qd_may('subsidy-rule', 'write')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.rule IS NOT OLD.rule
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可调整补贴规则 only a center admin may adjust the rules, raising version by one');
END;
DROP TRIGGER subsidy_intake_write;
CREATE TRIGGER subsidy_intake_write BEFORE INSERT ON subsidy_intake
WHEN NOT qd_may('subsidy-intake', 'write')
    OR NEW.outcome <> 'pending'
BEGIN
	SELECT RAISE(ABORT, '补贴登记只随证书签发产生 a subsidy intake comes only with a certificate''s issue');
END;
DROP TRIGGER subsidy_claims_change;
CREATE TRIGGER subsidy_claims_change BEFORE UPDATE ON subsidy_claims
WHEN NEW.version IS NOT OLD.version + 1
    OR NOT qd_may('subsidy-claim', 'write') OR (qd_office_id() IS NOT NULL
    AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此补贴申请属于其他办公室或已被他人修改 this claim belongs to another office or was changed by someone else');
END;
DROP TRIGGER subsidy_batches_change;
CREATE TRIGGER subsidy_batches_change BEFORE UPDATE ON subsidy_batches
WHEN NOT qd_may('subsidy-batch', 'submit')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.period IS NOT OLD.period
    OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
	SELECT RAISE(ABORT, '批次报送后不可更改 a batch is kept as submitted');
END;
DROP TRIGGER job_needs_write;
CREATE TRIGGER job_needs_write BEFORE INSERT ON job_needs
WHEN NOT (qd_role() = 'system' OR (qd_may('job-need', 'write')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'recorded'
    AND NEW.action = 'record'))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记就业需求，且只在本办公室 only an office''s clerk or liaison may record a job need, in their own office');
END;
DROP TRIGGER job_needs_change;
CREATE TRIGGER job_needs_change BEFORE UPDATE ON job_needs
WHEN NOT (qd_role() = 'system' OR (qd_may('job-need', 'write')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
BEGIN
	SELECT RAISE(ABORT, '此就业需求属于其他办公室 this job need belongs to another office, or lost a race');
END;
DROP TRIGGER job_need_occupations_write;
CREATE TRIGGER job_need_occupations_write BEFORE INSERT ON job_need_occupations
WHEN NOT (qd_role() = 'system' OR (qd_may('job-need', 'write')
    AND (SELECT office_id FROM job_needs WHERE id = NEW.need_id)
    = qd_office_id()))
    OR NOT EXISTS (SELECT 1 FROM occupations
    WHERE id = NEW.occupation_id AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '职业不在目录中或需求属于其他办公室 the occupation is not in the catalog, or the need belongs to another office');
END;
DROP TRIGGER job_need_cities_write;
CREATE TRIGGER job_need_cities_write BEFORE INSERT ON job_need_cities
WHEN NOT (qd_role() = 'system' OR (qd_may('job-need', 'write')
    AND (SELECT office_id FROM job_needs WHERE id = NEW.need_id)
    = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '此就业需求属于其他办公室 this job need belongs to another office');
END;
DROP TRIGGER job_employers_write;
CREATE TRIGGER job_employers_write BEFORE INSERT ON job_employers
WHEN NOT qd_may('employer', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心可登记用人单位 only the center may add employers');
END;
DROP TRIGGER job_postings_write;
CREATE TRIGGER job_postings_write BEFORE INSERT ON job_postings
WHEN NOT qd_may('job-posting', 'write')
    OR (qd_role() <> 'system' AND (NEW.state <> 'draft'
    OR NEW.action <> 'add'))
    OR NEW.office_id IS NOT (SELECT office_id FROM job_employers
    WHERE id = NEW.employer_id)
    OR NOT EXISTS (SELECT 1 FROM occupations
    WHERE id = NEW.occupation_id AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '仅中心可发布岗位，城市为用人单位所在地，职业须在目录中 only the center adds postings, in the employer''s city, for an occupation of the catalog');
END;
DROP TRIGGER job_postings_change;
CREATE TRIGGER job_postings_change BEFORE UPDATE ON job_postings
WHEN NEW.version IS NOT OLD.version + 1
    OR NEW.employer_id IS NOT OLD.employer_id
    OR NEW.office_id IS NOT OLD.office_id
    OR NOT qd_may('job-posting', 'update')
    OR (qd_office_id() IS NOT NULL AND (NEW.openings IS NOT
    OLD.openings - 1 OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.min_level IS NOT OLD.min_level OR NEW.pay_min IS NOT OLD.pay_min
    OR NEW.pay_max IS NOT OLD.pay_max OR NEW.closes_on IS NOT OLD.closes_on
    OR NEW.contact IS NOT OLD.contact OR NEW.hired IS NOT OLD.hired + 1
    OR NEW.hired IS NOT (SELECT count(*) FROM job_matches m
    WHERE m.posting_id = OLD.id AND m.state = 'hired')))
    OR (qd_role() <> 'system' AND qd_may('job-posting', 'write')
    AND NEW.hired IS NOT OLD.hired)
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改岗位；城市只能在录用时减少空缺 only the center changes a posting; a city only counts down its openings by a hire');
END;
DROP TRIGGER job_matches_write;
CREATE TRIGGER job_matches_write BEFORE INSERT ON job_matches
WHEN NOT (qd_role() = 'system' OR (qd_may('job-match', 'propose')
    AND NEW.state = 'proposed' AND NEW.action = 'propose'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可推荐岗位 only the center proposes matches');
END;
DROP TRIGGER job_matches_change;
CREATE TRIGGER job_matches_change BEFORE UPDATE ON job_matches
WHEN NOT (qd_role() = 'system' OR (qd_may('job-match', 'record')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.posting_id IS NOT OLD.posting_id
    OR NEW.need_id IS NOT OLD.need_id OR NEW.office_id IS NOT OLD.office_id
    OR NEW.reason IS NOT OLD.reason
BEGIN
	SELECT RAISE(ABORT, '此推荐属于其他办公室 this match belongs to another office, or lost a race');
END;
DROP TRIGGER job_plans_write;
CREATE TRIGGER job_plans_write BEFORE INSERT ON job_plans
WHEN NOT (qd_role() = 'system' OR (qd_may('job-plan', 'write')
    AND NEW.state = 'planned' AND NEW.action = 'plan'))
    OR NEW.office_id IS NOT (SELECT office_id FROM job_needs
    WHERE id = NEW.need_id)
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订就业服务方案 only the center makes service plans');
END;
DROP TRIGGER job_plans_change;
CREATE TRIGGER job_plans_change BEFORE UPDATE ON job_plans
WHEN NOT qd_may('job-plan', 'write')
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.need_id IS NOT OLD.need_id OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改就业服务方案 only the center changes service plans, raising version by one');
END;
DROP TRIGGER policy_docs_write;
CREATE TRIGGER policy_docs_write BEFORE INSERT ON policy_docs
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-doc', 'write')
    AND NEW.office_id IS qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '中心登记全省政策文件，各地只登记本地的 the center adds the province''s documents, an office only its own city''s');
END;
DROP TRIGGER policy_answers_write;
CREATE TRIGGER policy_answers_write BEFORE INSERT ON policy_answers
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-answer', 'write')
    AND NEW.office_id IS qd_office_id()))
    OR (SELECT office_id FROM policy_docs WHERE id = NEW.doc_id)
    IS NOT NEW.office_id
    AND (SELECT office_id FROM policy_docs WHERE id = NEW.doc_id)
    IS NOT NULL
    OR (qd_role() <> 'system' AND (NEW.state <> 'published'
    OR NEW.action <> 'publish'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可发布全省答复，各地只发布本地政策信息 only the center publishes for the province, an office only its own city''s information');
END;
DROP TRIGGER policy_docs_change;
CREATE TRIGGER policy_docs_change BEFORE UPDATE ON policy_docs
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-doc', 'write')
    AND OLD.office_id IS qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id OR NEW.doc_no IS NOT OLD.doc_no
BEGIN
	SELECT RAISE(ABORT, '此政策文件不属于您的办公室 this document is not your office''s, or lost a race');
END;
DROP TRIGGER policy_answers_change;
CREATE TRIGGER policy_answers_change BEFORE UPDATE ON policy_answers
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-answer', 'write')
    AND OLD.office_id IS qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '此答复不属于您的办公室 this answer is not your office''s, or lost a race');
END;
DROP TRIGGER policy_questions_write;
CREATE TRIGGER policy_questions_write BEFORE INSERT ON policy_questions
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-question', 'record')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'open'
    AND NEW.action = 'ask'))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记咨询，且只在本办公室 only an office''s clerk or liaison may record a question, in their own office');
END;
DROP TRIGGER policy_questions_change;
CREATE TRIGGER policy_questions_change BEFORE UPDATE ON policy_questions
WHEN NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id OR NEW.text IS NOT OLD.text
    OR NEW.created_by IS NOT OLD.created_by
    OR NOT qd_may('policy-question', 'write')
    OR (qd_office_id() IS NOT NULL
    AND OLD.office_id IS NOT qd_office_id())
    OR (qd_role() <> 'system' AND qd_may('policy-question', 'reply')
    AND NEW.state IS OLD.state)
BEGIN
	SELECT RAISE(ABORT, '此咨询属于其他办公室 this question belongs to another office, or lost a race');
END;
DROP TRIGGER policy_inbox_write;
CREATE TRIGGER policy_inbox_write BEFORE INSERT ON policy_inbox
WHEN NOT qd_may('policy-question', 'reply')
    OR NEW.office_id IS NOT (SELECT office_id FROM policy_questions
    WHERE id = NEW.question_id)
BEGIN
	SELECT RAISE(ABORT, '收件箱只收中心的答复 the inbox takes only the center''s replies');
END;
DROP TRIGGER policy_notices_write;
CREATE TRIGGER policy_notices_write BEFORE INSERT ON policy_notices
WHEN NOT qd_may('policy-question', 'reply')
    OR NEW.office_id IS NOT (SELECT office_id FROM policy_questions
    WHERE id = NEW.question_id)
BEGIN
	SELECT RAISE(ABORT, '通知只由中心答复生成 notices come only from the center''s replies');
END;
DROP TRIGGER policy_inbox_change;
CREATE TRIGGER policy_inbox_change BEFORE UPDATE ON policy_inbox
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-question', 'record')
    AND OLD.office_id = qd_office_id()))
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.question_id IS NOT OLD.question_id
    OR NEW.arrived_at IS NOT OLD.arrived_at OR OLD.read_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '只能由本城市标记已读 only the city marks its inbox read');
END;
DROP TRIGGER policy_notices_change;
CREATE TRIGGER policy_notices_change BEFORE UPDATE ON policy_notices
WHEN NOT (qd_role() = 'system' OR (qd_may('policy-question', 'record')
    AND OLD.office_id = qd_office_id()))
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.question_id IS NOT OLD.question_id OR NEW.text IS NOT OLD.text
    OR NEW.contact IS NOT OLD.contact OR OLD.status = 'given'
BEGIN
	SELECT RAISE(ABORT, '只能由本城市标记通知已告知 only the city marks its notice given');
END;
DROP TRIGGER report_snapshot_write;
CREATE TRIGGER report_snapshot_write BEFORE INSERT ON report_snapshot
WHEN NOT qd_may('report', 'close')
    OR EXISTS (SELECT 1 FROM report_months WHERE month = NEW.month)
BEGIN
	SELECT RAISE(ABORT, '已结账月份的数据不可更改 a closed month''s figures cannot be changed');
END;
