-- 004-exam: custom group exams (定制式考试). The cities record and report
-- demand (考试需求), the center draws group exam plans from it (组团考试
-- 计划) with on-site and cross-border sittings (跨境考), the cities seat
-- their people, the examining body's results come back and a pass waits
-- for its certificate. Exams are kept apart from training (考培分离).
--
-- As for cases, the workflow is data (the *_states and *_transitions
-- tables) and the triggers refuse anything else, whatever program writes.
-- The audit triggers and plain guards of its tables are declared in
-- src/exam/tables.c; `qualdesk schema show 004-exam.sql` prints them.

-- The three kinds of certificate of the green channel.
CREATE TABLE exam_kinds (
	kind		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO exam_kinds (kind, ord, name_zh, name_en) VALUES
	('qualification', 1, '职业资格证书', 'Vocational qualification'),
	('skill', 2, '职业技能等级证书', 'Skill level certificate'),
	('special', 3, '专项职业能力证书', 'Special ability certificate');

-- Demand: one person wants one exam. open says the demand still counts
-- against a second one for the same occupation and level.
CREATE TABLE exam_demand_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	open		INTEGER NOT NULL CHECK (open IN (0, 1))
) WITHOUT ROWID;
INSERT INTO exam_demand_states (state, ord, name_zh, name_en, open) VALUES
	('recorded', 1, '已登记', 'Recorded', 1),
	('reported', 2, '已报送', 'Reported', 1),
	('invited', 3, '已编入计划', 'In a plan', 1),
	('done', 4, '已考试', 'Examined', 0),
	('withdrawn', 5, '已撤回', 'Withdrawn', 0);
CREATE TABLE exam_demand_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES exam_demand_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES exam_demand_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO exam_demand_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('report', 'recorded', 'clerk', 'reported', '报送', 'Report'),
	('report', 'recorded', 'liaison', 'reported', '报送', 'Report'),
	('withdraw', 'recorded', 'clerk', 'withdrawn', '撤回', 'Withdraw'),
	('withdraw', 'recorded', 'liaison', 'withdrawn', '撤回', 'Withdraw'),
	('withdraw', 'reported', 'clerk', 'withdrawn', '撤回', 'Withdraw'),
	('withdraw', 'reported', 'liaison', 'withdrawn', '撤回', 'Withdraw'),
	('invite', 'reported', 'center', 'invited', '编入计划', 'Invite'),
	('invite', 'reported', 'admin', 'invited', '编入计划', 'Invite'),
	('release', 'invited', 'center', 'reported', '退回需求', 'Release'),
	('release', 'invited', 'admin', 'reported', '退回需求', 'Release'),
	('sit', 'invited', 'center', 'done', '已考试', 'Examined'),
	('sit', 'invited', 'admin', 'done', '已考试', 'Examined');

CREATE TABLE exam_demands (
	id		INTEGER PRIMARY KEY,
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	kind		TEXT NOT NULL REFERENCES exam_kinds (kind),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	in_taiwan	INTEGER NOT NULL CHECK (in_taiwan IN (0, 1)),
	period		TEXT NOT NULL DEFAULT '' CHECK (length(period) <= 40),
	notes		TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
	state		TEXT NOT NULL REFERENCES exam_demand_states (state),
	action		TEXT NOT NULL DEFAULT 'record',
	plan_id		INTEGER REFERENCES exam_plans (id),
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	reported_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((state = 'invited') = (plan_id IS NOT NULL)
	    OR (state = 'done' AND plan_id IS NOT NULL)),
	CHECK (state = 'recorded' OR state = 'withdrawn'
	    OR reported_at IS NOT NULL)
);
-- One open demand per person, occupation and level.
CREATE UNIQUE INDEX exam_demands_one_open
    ON exam_demands (applicant_id, occupation_id, level)
    WHERE state IN ('recorded', 'reported', 'invited');
-- A cell of the demand table, oldest first; an office's list.
CREATE INDEX exam_demands_cell ON exam_demands
    (state, occupation_id, level, kind, office_id, in_taiwan, reported_at);
CREATE INDEX exam_demands_by_office ON exam_demands (office_id, state, id);
CREATE INDEX exam_demands_by_plan ON exam_demands (plan_id, state);

-- The demand table's counts (reported, waiting for a plan) and the
-- oldest report of each, kept by the triggers so that the table never
-- reads 200,000 rows: a demand leaving a group looks the oldest up
-- again only when it was the oldest, in one index probe.
CREATE TABLE exam_demand_counts (
	occupation_id	INTEGER NOT NULL,
	level		INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	office_id	INTEGER NOT NULL,
	in_taiwan	INTEGER NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	oldest		TEXT,
	PRIMARY KEY (occupation_id, level, kind, office_id, in_taiwan)
) WITHOUT ROWID;

-- Plans (组团考试计划) and their states.
CREATE TABLE exam_plan_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO exam_plan_states (state, ord, name_zh, name_en) VALUES
	('draft', 1, '草拟', 'Draft'),
	('published', 2, '已发布', 'Published'),
	('closed_reg', 3, '报名截止', 'Registration closed'),
	('held', 4, '已考试', 'Held'),
	('results', 5, '成绩已录', 'Results recorded'),
	('closed', 6, '已结束', 'Closed'),
	('cancelled', 7, '已取消', 'Cancelled');
CREATE TABLE exam_plan_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES exam_plan_states (state),
	role		TEXT NOT NULL CHECK (role IN ('center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES exam_plan_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO exam_plan_transitions
    (action, from_state, role, to_state, name_zh, name_en)
SELECT t.action, t.from_state, r.role, t.to_state, t.name_zh, t.name_en
FROM (SELECT 'publish' AS action, 'draft' AS from_state,
	'published' AS to_state, '发布' AS name_zh, 'Publish' AS name_en
    UNION ALL SELECT 'close_reg', 'published', 'closed_reg', '截止报名',
	'Close registration'
    UNION ALL SELECT 'hold', 'closed_reg', 'held', '已举行', 'Mark held'
    UNION ALL SELECT 'record', 'held', 'results', '录入成绩',
	'Record results'
    UNION ALL SELECT 'close', 'results', 'closed', '结束', 'Close'
    UNION ALL SELECT 'cancel', 'draft', 'cancelled', '取消', 'Cancel'
    UNION ALL SELECT 'cancel', 'published', 'cancelled', '取消', 'Cancel'
    UNION ALL SELECT 'cancel', 'closed_reg', 'cancelled', '取消', 'Cancel')
    t, (SELECT 'center' AS role UNION ALL SELECT 'admin') r;

-- professional marks a professional-technical qualification exam
-- (专业技术职业资格), where 考培分离 is a hard rule. The examining body
-- is an agency of the catalog or, when it is none, named in body_name.
CREATE TABLE exam_plans (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL REFERENCES exam_kinds (kind),
	professional	INTEGER NOT NULL DEFAULT 0
			CHECK (professional IN (0, 1)),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	agency_id	INTEGER REFERENCES agencies (id),
	body_name	TEXT NOT NULL DEFAULT ''
			CHECK (length(body_name) <= 60),
	exam_on		TEXT NOT NULL CHECK (date(exam_on) IS exam_on),
	start_time	TEXT NOT NULL CHECK (length(start_time) = 5
			    AND time(start_time || ':00') IS start_time
			    || ':00'),
	deadline	TEXT NOT NULL CHECK (date(deadline) IS deadline),
	fee_note	TEXT NOT NULL DEFAULT ''
			CHECK (length(fee_note) <= 100),
	notes		TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
	state		TEXT NOT NULL DEFAULT 'draft'
			REFERENCES exam_plan_states (state),
	action		TEXT NOT NULL DEFAULT 'draft',
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	published_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (professional = 0 OR kind = 'qualification'),
	CHECK (agency_id IS NOT NULL OR length(body_name) > 0),
	CHECK (deadline <= exam_on),
	CHECK (state <> 'cancelled' OR length(reason) > 0)
);
CREATE INDEX exam_plans_by_state ON exam_plans (state, exam_on, id);

-- Sittings of a plan: on site in a city, or cross-border at a named
-- remote site or proctored online, each with its capacity.
CREATE TABLE exam_sittings (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER NOT NULL REFERENCES exam_plans (id),
	mode		TEXT NOT NULL
			CHECK (mode IN ('onsite', 'remote', 'online')),
	office_id	INTEGER REFERENCES offices (id),
	venue		TEXT NOT NULL CHECK (length(venue) BETWEEN 1 AND 60),
	capacity	INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((mode = 'onsite') = (office_id IS NOT NULL))
);
CREATE INDEX exam_sittings_by_plan ON exam_sittings (plan_id, id);

-- Registrations: a seat, a place on the waiting list (first in, first
-- promoted) or cancelled. seat_no is held only while seated.
CREATE TABLE exam_registrations (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER NOT NULL REFERENCES exam_plans (id),
	sitting_id	INTEGER NOT NULL REFERENCES exam_sittings (id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	demand_id	INTEGER REFERENCES exam_demands (id),
	status		TEXT NOT NULL
			CHECK (status IN ('seated', 'waiting', 'cancelled')),
	seat_no		INTEGER CHECK (seat_no IS NULL OR seat_no >= 1),
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	notified_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((status = 'seated') = (seat_no IS NOT NULL))
);
-- One live registration per plan and person; one person per seat.
CREATE UNIQUE INDEX exam_registrations_one_live
    ON exam_registrations (plan_id, applicant_id)
    WHERE status IN ('seated', 'waiting');
CREATE UNIQUE INDEX exam_registrations_seat
    ON exam_registrations (sitting_id, seat_no) WHERE status = 'seated';
CREATE INDEX exam_registrations_by_sitting
    ON exam_registrations (sitting_id, status, id);
CREATE INDEX exam_registrations_by_plan
    ON exam_registrations (plan_id, id);

-- 考培分离: who trained whom for which occupation. The training module's
-- completions of training classes will fill it; the trainer is an agency
-- of the catalog or a provider named in provider_name, and trainer_user
-- the user who taught, when recorded.
CREATE TABLE training_links (
	id		INTEGER PRIMARY KEY,
	agency_id	INTEGER REFERENCES agencies (id),
	provider_name	TEXT NOT NULL DEFAULT ''
			CHECK (length(provider_name) <= 60),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	trainer_user	INTEGER REFERENCES users (id),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK (agency_id IS NOT NULL OR length(provider_name) > 0)
);
CREATE INDEX training_links_by_person
    ON training_links (applicant_id, occupation_id);

-- The examining body's result per seated person; once recorded it stays.
CREATE TABLE exam_results (
	registration_id	INTEGER PRIMARY KEY
			REFERENCES exam_registrations (id),
	plan_id		INTEGER NOT NULL REFERENCES exam_plans (id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	outcome		TEXT NOT NULL
			CHECK (outcome IN ('pass', 'fail', 'absent')),
	score		REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
	recorded_by	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK (outcome <> 'absent' OR score IS NULL)
);
CREATE INDEX exam_results_by_plan ON exam_results (plan_id, office_id);

-- Passes and the certificate the examining body issues for them: what a
-- training-subsidy claim (职业培训补贴) rests on. One row per pass,
-- written with the result; the certificate's number and date are
-- entered once, later.
CREATE TABLE exam_passes (
	id		INTEGER PRIMARY KEY,
	registration_id	INTEGER NOT NULL UNIQUE
			REFERENCES exam_results (registration_id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	plan_id		INTEGER NOT NULL REFERENCES exam_plans (id),
	kind		TEXT NOT NULL REFERENCES exam_kinds (kind),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	passed_on	TEXT NOT NULL,
	cert_no		TEXT CHECK (cert_no IS NULL
			    OR length(cert_no) BETWEEN 1 AND 40),
	cert_issued_on	TEXT CHECK (cert_issued_on IS NULL
			    OR date(cert_issued_on) IS cert_issued_on),
	cert_recorded_by TEXT,
	cert_recorded_at TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((cert_no IS NULL) = (cert_issued_on IS NULL)),
	CHECK (cert_issued_on IS NULL OR cert_issued_on >= passed_on)
);
CREATE INDEX exam_passes_by_applicant ON exam_passes (applicant_id, id);
CREATE INDEX exam_passes_by_cert ON exam_passes (cert_issued_on, id)
    WHERE cert_no IS NOT NULL;

-- What the cities are told: each office's inbox of exam notices, and
-- the outbox of notices to send, as for cases.
CREATE TABLE exam_notices (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER NOT NULL REFERENCES exam_plans (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	kind		TEXT NOT NULL
			CHECK (kind IN ('published', 'cancelled', 'results')),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 600),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	read_at		TEXT,
	read_by		TEXT
);
CREATE INDEX exam_notices_by_office ON exam_notices (office_id, id);

-- Who may write demands: an office's clerk or liaison, for a person of
-- their office (registered there or with a case there).
CREATE TRIGGER exam_demands_write BEFORE INSERT ON exam_demands
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'recorded'
    AND NEW.action = 'record' AND NEW.plan_id IS NULL
    AND (EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND office_id = NEW.office_id) OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = NEW.applicant_id
    AND office_id = NEW.office_id))))
BEGIN
	SELECT RAISE(ABORT, '仅本办公室窗口或联络员可为本办公室的台胞登记考试需求 only an office''s clerk or liaison records exam demand, for a person of their office');
END;
CREATE TRIGGER exam_demands_occupation BEFORE INSERT ON exam_demands
WHEN NOT EXISTS (SELECT 1 FROM occupations WHERE id = NEW.occupation_id
    AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '请从目录中选择现行职业 choose an active occupation of the catalog');
END;
CREATE TRIGGER exam_demands_change BEFORE UPDATE ON exam_demands
WHEN NEW.version IS NOT OLD.version + 1 OR NEW.id IS NOT OLD.id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
    OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.in_taiwan IS NOT OLD.in_taiwan
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
	SELECT RAISE(ABORT, '考试需求的台胞、职业和等级不可更改 a demand''s person, occupation and level are fixed, and its version rises by one');
END;
CREATE TRIGGER exam_demands_change_office BEFORE UPDATE ON exam_demands
WHEN coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center', 'admin',
    'system') OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此考试需求属于其他办公室 this demand belongs to another office');
END;
CREATE TRIGGER exam_demands_change_state BEFORE UPDATE OF state
ON exam_demands
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM exam_demand_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此考试需求当前状态不允许此操作 this step is not allowed for this demand now');
END;
CREATE TRIGGER exam_demands_change_edit BEFORE UPDATE ON exam_demands
WHEN NEW.state IS OLD.state AND qd_role() <> 'system'
    AND (OLD.state <> 'recorded' OR qd_role() NOT IN ('clerk', 'liaison')
    OR NEW.plan_id IS NOT OLD.plan_id)
BEGIN
	SELECT RAISE(ABORT, '考试需求报送后不可修改 a demand is edited only by its office before it is reported');
END;
CREATE TRIGGER exam_demands_counted AFTER INSERT ON exam_demands
WHEN NEW.state = 'reported'
BEGIN
	INSERT INTO exam_demand_counts (occupation_id, level, kind, office_id,
	    in_taiwan, n, oldest)
	VALUES (NEW.occupation_id, NEW.level, NEW.kind, NEW.office_id,
	    NEW.in_taiwan, 1, NEW.reported_at)
	ON CONFLICT DO UPDATE SET n = n + 1,
	    oldest = min(coalesce(oldest, excluded.oldest), excluded.oldest);
END;
CREATE TRIGGER exam_demands_recount AFTER UPDATE OF state ON exam_demands
WHEN (NEW.state = 'reported') <> (OLD.state = 'reported')
BEGIN
	UPDATE exam_demand_counts SET n = n - 1,
	    oldest = CASE WHEN oldest IS NOT OLD.reported_at THEN oldest
	    ELSE (SELECT min(d.reported_at) FROM exam_demands d
	    WHERE d.state = 'reported' AND d.occupation_id = OLD.occupation_id
	    AND d.level = OLD.level AND d.kind = OLD.kind
	    AND d.office_id = OLD.office_id AND d.in_taiwan = OLD.in_taiwan)
	    END
	WHERE OLD.state = 'reported' AND occupation_id = OLD.occupation_id
	    AND level = OLD.level AND kind = OLD.kind
	    AND office_id = OLD.office_id AND in_taiwan = OLD.in_taiwan;
	INSERT INTO exam_demand_counts (occupation_id, level, kind, office_id,
	    in_taiwan, n, oldest)
	SELECT NEW.occupation_id, NEW.level, NEW.kind, NEW.office_id,
	    NEW.in_taiwan, 1, NEW.reported_at WHERE NEW.state = 'reported'
	ON CONFLICT DO UPDATE SET n = n + 1,
	    oldest = min(coalesce(oldest, excluded.oldest), excluded.oldest);
END;

-- Plans: the center's. A plan's subject and examining body are fixed
-- once published; every state change is a row of exam_plan_transitions.
CREATE TRIGGER exam_plans_write BEFORE INSERT ON exam_plans
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.state = 'draft' AND NEW.action = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订考试计划 only the center drafts exam plans');
END;
CREATE TRIGGER exam_plans_change BEFORE UPDATE ON exam_plans
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.id IS NOT OLD.id
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改考试计划 only the center changes exam plans, raising version by one');
END;
CREATE TRIGGER exam_plans_change_fixed BEFORE UPDATE ON exam_plans
WHEN OLD.state <> 'draft' AND qd_role() <> 'system'
    AND (NEW.kind IS NOT OLD.kind OR NEW.professional IS NOT OLD.professional
    OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.agency_id IS NOT OLD.agency_id
    OR NEW.body_name IS NOT OLD.body_name OR NEW.exam_on IS NOT OLD.exam_on
    OR NEW.start_time IS NOT OLD.start_time
    OR NEW.deadline IS NOT OLD.deadline)
BEGIN
	SELECT RAISE(ABORT, '已发布的考试计划不可更改科目、考评机构和日期 a published plan keeps its subject, examining body and dates');
END;
CREATE TRIGGER exam_plans_change_state BEFORE UPDATE OF state ON exam_plans
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM exam_plan_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此考试计划当前状态不允许此操作 this step is not allowed for this plan now');
END;
CREATE TRIGGER exam_plans_publish_sittings BEFORE UPDATE OF state
ON exam_plans
WHEN NEW.state = 'published' AND OLD.state = 'draft'
    AND NOT EXISTS (SELECT 1 FROM exam_sittings WHERE plan_id = OLD.id)
BEGIN
	SELECT RAISE(ABORT, '考试计划至少需要一个考场 a plan needs at least one sitting');
END;
CREATE TRIGGER exam_plans_publish_deadline BEFORE UPDATE OF state
ON exam_plans
WHEN NEW.state = 'published' AND OLD.state = 'draft'
    AND qd_role() <> 'system' AND NEW.deadline < date('now', 'localtime')
BEGIN
	SELECT RAISE(ABORT, '报名截止日期已过 the registration deadline has passed');
END;
-- Publishing tells every office; cancelling tells them why, frees the
-- seats and gives the demand back to the table.
CREATE TRIGGER exam_plans_published AFTER UPDATE OF state ON exam_plans
WHEN NEW.state = 'published' AND OLD.state = 'draft'
BEGIN
	INSERT INTO exam_notices (plan_id, office_id, kind, text)
	SELECT NEW.id, o.id, 'published',
	    '考试计划 ' || NEW.id || ' 已发布：' || oc.name || ' '
	    || l.name_zh || '，' || NEW.exam_on || ' ' || NEW.start_time
	    || '，报名截止 ' || NEW.deadline || '  plan ' || NEW.id
	    || ' published; register by ' || NEW.deadline
	FROM offices o, occupations oc, levels l
	WHERE oc.id = NEW.occupation_id AND l.level = NEW.level;
END;
CREATE TRIGGER exam_plans_cancelled AFTER UPDATE OF state ON exam_plans
WHEN NEW.state = 'cancelled' AND OLD.state <> 'cancelled'
BEGIN
	UPDATE exam_registrations SET status = 'cancelled', seat_no = NULL,
	    reason = substr(NEW.reason, 1, 200), version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE plan_id = NEW.id AND status <> 'cancelled';
	UPDATE exam_demands SET state = 'reported', action = 'release',
	    plan_id = NULL, version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE plan_id = NEW.id AND state = 'invited';
	INSERT INTO exam_notices (plan_id, office_id, kind, text)
	SELECT NEW.id, o.id, 'cancelled',
	    '考试计划 ' || NEW.id || ' 已取消：' || NEW.reason
	    || '  plan ' || NEW.id || ' cancelled'
	FROM offices o WHERE OLD.state <> 'draft';
END;
-- Results tell the cities; who was invited but sat no exam waits again.
CREATE TRIGGER exam_plans_results AFTER UPDATE OF state ON exam_plans
WHEN NEW.state = 'results' AND OLD.state = 'held'
BEGIN
	UPDATE exam_demands SET state = 'reported', action = 'release',
	    plan_id = NULL, version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE plan_id = NEW.id AND state = 'invited';
	INSERT INTO exam_notices (plan_id, office_id, kind, text)
	SELECT NEW.id, r.office_id, 'results',
	    '考试计划 ' || NEW.id || ' 成绩已录入：合格 '
	    || sum(r.outcome = 'pass') || ' 人，共 ' || count(*)
	    || ' 人  plan ' || NEW.id || ' results: ' || sum(r.outcome = 'pass')
	    || ' of ' || count(*) || ' passed'
	FROM exam_results r WHERE r.plan_id = NEW.id GROUP BY r.office_id;
END;

-- Sittings: set by the center while its plan is a draft.
CREATE TRIGGER exam_sittings_write BEFORE INSERT ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND (SELECT state FROM exam_plans WHERE id = NEW.plan_id) = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里安排考场 only the center adds sittings, to a draft plan');
END;
CREATE TRIGGER exam_sittings_change BEFORE UPDATE ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id) = 'draft'))
    OR NEW.version IS NOT OLD.version + 1 OR NEW.plan_id IS NOT OLD.plan_id
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里更改考场 only the center changes sittings, of a draft plan');
END;
CREATE TRIGGER exam_sittings_remove BEFORE DELETE ON exam_sittings
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id) = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在草拟中的计划里删除考场 only the center removes sittings, of a draft plan');
END;

-- Registrations: an office seats its own people on a published plan
-- before the deadline. Seats never pass capacity: writers are serialised
-- (BEGIN IMMEDIATE) and this trigger counts in the writing transaction.
CREATE TRIGGER exam_registrations_write BEFORE INSERT ON exam_registrations
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id()
    AND (EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND office_id = NEW.office_id) OR EXISTS (SELECT 1 FROM exam_demands
    WHERE applicant_id = NEW.applicant_id AND office_id = NEW.office_id)
    OR EXISTS (SELECT 1 FROM cases WHERE applicant_id = NEW.applicant_id
    AND office_id = NEW.office_id))))
BEGIN
	SELECT RAISE(ABORT, '仅本办公室窗口或联络员可为本办公室的台胞报名 only an office''s clerk or liaison registers a person of their office');
END;
CREATE TRIGGER exam_registrations_open BEFORE INSERT ON exam_registrations
WHEN qd_role() <> 'system' AND ((SELECT state FROM exam_plans
    WHERE id = NEW.plan_id) IS NOT 'published'
    OR NEW.status NOT IN ('seated', 'waiting'))
BEGIN
	SELECT RAISE(ABORT, '此考试计划未开放报名 this plan is not open for registration');
END;
CREATE TRIGGER exam_registrations_deadline BEFORE INSERT
ON exam_registrations
WHEN qd_role() <> 'system' AND date('now', 'localtime') >
    (SELECT deadline FROM exam_plans WHERE id = NEW.plan_id)
BEGIN
	SELECT RAISE(ABORT, '报名已截止 registration for this plan has closed');
END;
CREATE TRIGGER exam_registrations_sitting BEFORE INSERT
ON exam_registrations
WHEN (SELECT plan_id FROM exam_sittings WHERE id = NEW.sitting_id)
    IS NOT NEW.plan_id
BEGIN
	SELECT RAISE(ABORT, '考场不属于此考试计划 the sitting is not one of this plan''s');
END;
CREATE TRIGGER exam_registrations_taiwan BEFORE INSERT ON exam_registrations
WHEN (SELECT mode FROM exam_sittings WHERE id = NEW.sitting_id) = 'onsite'
    AND coalesce((SELECT in_taiwan FROM exam_demands
    WHERE id = NEW.demand_id), (SELECT in_taiwan FROM applicants
    WHERE id = NEW.applicant_id)) = 1
BEGIN
	SELECT RAISE(ABORT, '在台台胞只能参加跨境考 a person in Taiwan takes only a cross-border sitting');
END;
CREATE TRIGGER exam_registrations_full BEFORE INSERT ON exam_registrations
WHEN NEW.status = 'seated' AND (SELECT count(*) FROM exam_registrations
    WHERE sitting_id = NEW.sitting_id AND status = 'seated') >=
    (SELECT capacity FROM exam_sittings WHERE id = NEW.sitting_id)
BEGIN
	SELECT RAISE(ABORT, '考场座位已满 the sitting is full');
END;
CREATE TRIGGER exam_registrations_queue BEFORE INSERT ON exam_registrations
WHEN NEW.status = 'waiting' AND (SELECT count(*) FROM exam_registrations
    WHERE sitting_id = NEW.sitting_id AND status = 'seated') <
    (SELECT capacity FROM exam_sittings WHERE id = NEW.sitting_id)
BEGIN
	SELECT RAISE(ABORT, '考场尚有空位，不必候补 the sitting has free seats: no waiting list yet');
END;
-- 考培分离: a professional-technical exam's body never examines a person
-- it trained for the occupation.
CREATE TRIGGER exam_registrations_apart BEFORE INSERT ON exam_registrations
WHEN EXISTS (SELECT 1 FROM exam_plans p JOIN training_links t
    ON t.applicant_id = NEW.applicant_id
    AND t.occupation_id = p.occupation_id
    WHERE p.id = NEW.plan_id AND p.professional = 1
    AND ((p.agency_id IS NOT NULL AND t.agency_id = p.agency_id)
    OR (p.body_name <> '' AND t.provider_name = p.body_name)))
BEGIN
	SELECT RAISE(ABORT, '考培分离：考评机构曾培训此人此职业，不得报名专业技术类考试 exams apart from training: the examining body trained this person for this occupation');
END;
CREATE TRIGGER exam_registrations_change BEFORE UPDATE ON exam_registrations
WHEN NEW.version IS NOT OLD.version + 1 OR NEW.id IS NOT OLD.id
    OR NEW.plan_id IS NOT OLD.plan_id
    OR NEW.sitting_id IS NOT OLD.sitting_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.demand_id IS NOT OLD.demand_id
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
	SELECT RAISE(ABORT, '报名的计划、考场和台胞不可更改 a registration''s plan, sitting and person are fixed, and its version rises by one');
END;
-- Cancelling is for the person's office or the center; the first on the
-- waiting list takes a freed seat whoever freed it.
CREATE TRIGGER exam_registrations_change_who BEFORE UPDATE
ON exam_registrations
WHEN qd_role() <> 'system' AND NOT (OLD.status = 'waiting'
    AND NEW.status = 'seated') AND NOT (qd_role() IN ('center', 'admin')
    OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '此报名属于其他办公室 this registration belongs to another office');
END;
CREATE TRIGGER exam_registrations_change_status BEFORE UPDATE OF status
ON exam_registrations
WHEN NEW.status IS NOT OLD.status AND qd_role() <> 'system'
    AND NOT ((OLD.status IN ('seated', 'waiting')
    AND NEW.status = 'cancelled') OR (OLD.status = 'waiting'
    AND NEW.status = 'seated'))
BEGIN
	SELECT RAISE(ABORT, '报名状态不允许此更改 this change of registration is not allowed');
END;
CREATE TRIGGER exam_registrations_change_plan BEFORE UPDATE OF status
ON exam_registrations
WHEN NEW.status IS NOT OLD.status AND qd_role() <> 'system'
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id)
    NOT IN ('published', 'closed_reg', 'cancelled')
BEGIN
	SELECT RAISE(ABORT, '考试已举行，报名不可更改 the exam was held: registrations stay');
END;
CREATE TRIGGER exam_registrations_promote_order BEFORE UPDATE OF status
ON exam_registrations
WHEN OLD.status = 'waiting' AND NEW.status = 'seated'
    AND ((SELECT count(*) FROM exam_registrations
    WHERE sitting_id = OLD.sitting_id AND status = 'seated') >=
    (SELECT capacity FROM exam_sittings WHERE id = OLD.sitting_id)
    OR EXISTS (SELECT 1 FROM exam_registrations
    WHERE sitting_id = OLD.sitting_id AND status = 'waiting'
    AND id < OLD.id))
BEGIN
	SELECT RAISE(ABORT, '候补按先后递补，且须有空位 the waiting list moves up in order, into a free seat');
END;
-- A freed seat goes to the first on the waiting list, with its number.
CREATE TRIGGER exam_registrations_promote AFTER UPDATE OF status
ON exam_registrations
WHEN OLD.status = 'seated' AND NEW.status <> 'seated'
    AND (SELECT state FROM exam_plans WHERE id = OLD.plan_id)
    IN ('published', 'closed_reg')
BEGIN
	UPDATE exam_registrations SET status = 'seated', seat_no = OLD.seat_no,
	    version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = (SELECT id FROM exam_registrations
	    WHERE sitting_id = OLD.sitting_id AND status = 'waiting'
	    ORDER BY id LIMIT 1);
END;

-- Training links: the training module's (and the schema's) to write;
-- their guards are declared with their audit (src/exam/tables.c).

-- Results: the center records the examining body's, for seated people
-- of a plan that was held; the person's trainer never records theirs in
-- a professional-technical exam (考培分离).
CREATE TRIGGER exam_results_write BEFORE INSERT ON exam_results
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND (SELECT state FROM exam_plans WHERE id = NEW.plan_id) = 'held'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可在考试举行后录入成绩 only the center records results, once the exam is held');
END;
CREATE TRIGGER exam_results_seated BEFORE INSERT ON exam_results
WHEN NOT EXISTS (SELECT 1 FROM exam_registrations
    WHERE id = NEW.registration_id AND status = 'seated'
    AND plan_id = NEW.plan_id AND applicant_id = NEW.applicant_id
    AND office_id = NEW.office_id)
BEGIN
	SELECT RAISE(ABORT, '此人未在此计划中就座 this person holds no seat in this plan');
END;
CREATE TRIGGER exam_results_apart BEFORE INSERT ON exam_results
WHEN EXISTS (SELECT 1 FROM exam_plans p JOIN training_links t
    ON t.applicant_id = NEW.applicant_id
    AND t.occupation_id = p.occupation_id
    WHERE p.id = NEW.plan_id AND p.professional = 1
    AND t.trainer_user = qd_user_id())
BEGIN
	SELECT RAISE(ABORT, '考培分离：培训过此人的人员不得录入其成绩 exams apart from training: who trained this person may not record their result');
END;
-- A result closes the person's demand; a pass waits for its certificate.
CREATE TRIGGER exam_results_recorded AFTER INSERT ON exam_results
BEGIN
	UPDATE exam_demands SET state = 'done', action = 'sit',
	    version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE plan_id = NEW.plan_id AND applicant_id = NEW.applicant_id
	    AND state = 'invited';
	INSERT INTO exam_passes (registration_id, applicant_id, office_id,
	    plan_id, kind, occupation_id, level, passed_on)
	SELECT NEW.registration_id, NEW.applicant_id, NEW.office_id, p.id,
	    p.kind, p.occupation_id, p.level, p.exam_on
	FROM exam_plans p WHERE p.id = NEW.plan_id AND NEW.outcome = 'pass';
END;

-- Passes: written with the result; the center enters the certificate
-- once, and nothing else changes.
CREATE TRIGGER exam_passes_write BEFORE INSERT ON exam_passes
WHEN NEW.cert_no IS NOT NULL OR NOT EXISTS (SELECT 1 FROM exam_results
    WHERE registration_id = NEW.registration_id AND outcome = 'pass')
BEGIN
	SELECT RAISE(ABORT, '合格记录随成绩生成 a pass is written with its result');
END;
CREATE TRIGGER exam_passes_change BEFORE UPDATE ON exam_passes
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.version IS NOT OLD.version + 1 OR OLD.cert_no IS NOT NULL
    OR NEW.cert_no IS NULL OR NEW.registration_id IS NOT OLD.registration_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.plan_id IS NOT OLD.plan_id
    OR NEW.kind IS NOT OLD.kind OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.passed_on IS NOT OLD.passed_on
BEGIN
	SELECT RAISE(ABORT, '仅中心可录入一次证书编号和日期 only the center enters the certificate''s number and date, once');
END;

-- Notices: written by the plans' triggers; an office only marks its own
-- read.
CREATE TRIGGER exam_notices_change BEFORE UPDATE ON exam_notices
WHEN NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
    OR NEW.text IS NOT OLD.text OR NEW.created_at IS NOT OLD.created_at
    OR OLD.read_at IS NOT NULL OR NOT (qd_role() = 'system'
    OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅收件办公室可标记已读 only the receiving office marks a notice read');
END;
