-- 007-job: employment (就业): the job needs the cities record for their
-- applicants, the employers and postings the center keeps, the matches it
-- proposes and the service plans it follows to an outcome.
--
-- As for cases, every workflow is data: a table of states and one of
-- allowed transitions (who may do which action from which state), checked
-- by a trigger whatever program writes; the center admin may do what a
-- center reviewer may. Occupations are the catalog's,
-- cities are the offices.
--
-- The audit triggers and plain guards of its tables are declared in
-- src/job/tables.c; `qualdesk schema show 007-job.sql` prints them.

-- Job needs (就业需求): what an applicant would do, where, for what pay.
CREATE TABLE job_need_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_need_states (state, ord, name_zh, name_en) VALUES
	('recorded', 1, '已登记', 'Recorded'),
	('reported', 2, '已报中心', 'Reported'),
	('placed', 3, '已就业', 'Placed'),
	('closed', 4, '已关闭', 'Closed');
CREATE TABLE job_need_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES job_need_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES job_need_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO job_need_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('report', 'recorded', 'clerk', 'reported', '报中心', 'Report'),
	('report', 'recorded', 'liaison', 'reported', '报中心', 'Report'),
	('close', 'recorded', 'clerk', 'closed', '关闭', 'Close'),
	('close', 'recorded', 'liaison', 'closed', '关闭', 'Close'),
	('close', 'reported', 'clerk', 'closed', '关闭', 'Close'),
	('close', 'reported', 'liaison', 'closed', '关闭', 'Close'),
	-- A hire the city records places the person.
	('place', 'reported', 'clerk', 'placed', '已就业', 'Placed'),
	('place', 'reported', 'liaison', 'placed', '已就业', 'Placed');

CREATE TABLE job_needs (
	id		INTEGER PRIMARY KEY,
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	pay_min		INTEGER NOT NULL DEFAULT 0
			CHECK (pay_min BETWEEN 0 AND 1000000),
	available_from	TEXT NOT NULL
			CHECK (date(available_from) = available_from),
	note		TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
	state		TEXT NOT NULL DEFAULT 'recorded'
			REFERENCES job_need_states (state),
	action		TEXT NOT NULL DEFAULT 'record',
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX job_needs_by_office ON job_needs (office_id, state, id);
CREATE INDEX job_needs_by_applicant ON job_needs (applicant_id, id);

-- The occupations wanted, each with the person's level in it as their
-- certificates and approved cases show when the need was recorded (NULL:
-- none on record) and where that level comes from.
CREATE TABLE job_need_occupations (
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER REFERENCES levels (level),
	source		TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 60),
	CHECK ((level IS NULL) = (source = '')),
	PRIMARY KEY (need_id, occupation_id)
) WITHOUT ROWID;
-- Matching reads a posting's occupation best level first (none last) and
-- stops at the page, so no level counts as 9 here.
CREATE INDEX job_need_occupations_match
    ON job_need_occupations (occupation_id, coalesce(level, 9), need_id);
-- The cities they would work in.
CREATE TABLE job_need_cities (
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	PRIMARY KEY (need_id, office_id)
) WITHOUT ROWID;

-- Employers (用人单位), kept by the center.
CREATE TABLE job_employers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	taiwan_funded	INTEGER NOT NULL DEFAULT 0
			CHECK (taiwan_funded IN (0, 1)),
	contact		TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 80),
	version		INTEGER NOT NULL DEFAULT 1
);

-- Job postings (就业岗位招聘信息). office_id is the employer's city, kept
-- with the posting for matching. min_level is the lowest level taken
-- (level 1 is the highest; NULL: any); hired counts the hires the cities
-- recorded, each one opening fewer. A posting is closed when its
-- openings are filled or by the center; past closes_on it is no longer
-- matched and shows as expired.
CREATE TABLE job_posting_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_posting_states (state, ord, name_zh, name_en) VALUES
	('draft', 1, '草稿', 'Draft'),
	('published', 2, '已发布', 'Published'),
	('filled', 3, '已招满', 'Filled'),
	('closed', 4, '已关闭', 'Closed');
CREATE TABLE job_posting_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES job_posting_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES job_posting_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO job_posting_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('publish', 'draft', 'center', 'published', '发布', 'Publish'),
	('close', 'draft', 'center', 'closed', '关闭', 'Close'),
	('close', 'published', 'center', 'closed', '关闭', 'Close'),
	-- The last hire a city records fills the posting.
	('fill', 'published', 'clerk', 'filled', '已招满', 'Filled'),
	('fill', 'published', 'liaison', 'filled', '已招满', 'Filled');
CREATE TABLE job_postings (
	id		INTEGER PRIMARY KEY,
	employer_id	INTEGER NOT NULL REFERENCES job_employers (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	min_level	INTEGER REFERENCES levels (level),
	openings	INTEGER NOT NULL CHECK (openings BETWEEN 0 AND 10000),
	hired		INTEGER NOT NULL DEFAULT 0 CHECK (hired >= 0),
	pay_min		INTEGER NOT NULL CHECK (pay_min BETWEEN 0 AND 1000000),
	pay_max		INTEGER NOT NULL CHECK (pay_max BETWEEN 0 AND 1000000),
	closes_on	TEXT NOT NULL CHECK (date(closes_on) = closes_on),
	contact		TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 80),
	state		TEXT NOT NULL DEFAULT 'draft'
			REFERENCES job_posting_states (state),
	action		TEXT NOT NULL DEFAULT 'add',
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (pay_max >= pay_min),
	-- Filled means no opening left; published means one at least.
	CHECK (state <> 'filled' OR openings = 0),
	CHECK (state NOT IN ('draft', 'published') OR openings > 0)
);
CREATE INDEX job_postings_match
    ON job_postings (occupation_id, state, office_id, closes_on);
CREATE INDEX job_postings_by_state ON job_postings (state, id);

-- Matches (供需对接): a posting proposed to a person's city, and what came
-- of it. reason is the one line that says why they fit.
CREATE TABLE job_match_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_match_states (state, ord, name_zh, name_en) VALUES
	('proposed', 1, '已推荐', 'Proposed'),
	('interested', 2, '有意向', 'Interested'),
	('interviewed', 3, '已面试', 'Interviewed'),
	('hired', 4, '已录用', 'Hired'),
	('declined', 5, '未成功', 'Declined');
CREATE TABLE job_match_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES job_match_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES job_match_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO job_match_transitions
    (action, from_state, role, to_state, name_zh, name_en)
SELECT a.action, f.state, r.role, a.to_state, a.name_zh, a.name_en
FROM (SELECT 'interested' AS action, 'interested' AS to_state,
	'有意向' AS name_zh, 'Interested' AS name_en
    UNION ALL SELECT 'interview', 'interviewed', '已面试', 'Interviewed'
    UNION ALL SELECT 'hire', 'hired', '录用', 'Hired'
    UNION ALL SELECT 'decline', 'declined', '未成功', 'Declined') a,
    (SELECT 'proposed' AS state UNION ALL SELECT 'interested'
    UNION ALL SELECT 'interviewed') f,
    (SELECT 'clerk' AS role UNION ALL SELECT 'liaison') r
WHERE a.to_state <> f.state
    AND NOT (a.action = 'interested' AND f.state = 'interviewed');
CREATE TABLE job_matches (
	id		INTEGER PRIMARY KEY,
	posting_id	INTEGER NOT NULL REFERENCES job_postings (id),
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	reason		TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
	state		TEXT NOT NULL DEFAULT 'proposed'
			REFERENCES job_match_states (state),
	action		TEXT NOT NULL DEFAULT 'propose',
	note		TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
	proposed_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	UNIQUE (posting_id, need_id)
);
CREATE INDEX job_matches_by_office ON job_matches (office_id, state, id);
CREATE INDEX job_matches_by_need ON job_matches (need_id, id);

-- Service plans (就业服务方案): what the center will do for a person.
CREATE TABLE job_plan_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_plan_states (state, ord, name_zh, name_en) VALUES
	('planned', 1, '已制订', 'Planned'),
	('active', 2, '服务中', 'In progress'),
	('done', 3, '已完成', 'Done'),
	('dropped', 4, '已终止', 'Dropped');
CREATE TABLE job_plan_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES job_plan_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES job_plan_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO job_plan_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('start', 'planned', 'center', 'active', '开始服务', 'Start'),
	('finish', 'active', 'center', 'done', '完成', 'Finish'),
	('drop', 'planned', 'center', 'dropped', '终止', 'Drop'),
	('drop', 'active', 'center', 'dropped', '终止', 'Drop');
CREATE TABLE job_plans (
	id		INTEGER PRIMARY KEY,
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
	outcome		TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 200),
	state		TEXT NOT NULL DEFAULT 'planned'
			REFERENCES job_plan_states (state),
	action		TEXT NOT NULL DEFAULT 'plan',
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	-- An ended plan says how it ended.
	CHECK (state NOT IN ('done', 'dropped') OR length(outcome) > 0)
);
CREATE INDEX job_plans_by_need ON job_plans (need_id, id);

-- Needs: the city records them for its own applicants and moves them by
-- the transitions; the center reads them.
CREATE TRIGGER job_needs_write BEFORE INSERT ON job_needs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'recorded'
    AND NEW.action = 'record'))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记就业需求，且只在本办公室 only an office''s clerk or liaison may record a job need, in their own office');
END;
CREATE TRIGGER job_needs_change BEFORE UPDATE ON job_needs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
BEGIN
	SELECT RAISE(ABORT, '此就业需求属于其他办公室 this job need belongs to another office, or lost a race');
END;
CREATE TRIGGER job_needs_change_state BEFORE UPDATE OF state ON job_needs
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM job_need_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此就业需求当前状态不允许此操作 this step is not allowed for this job need now');
END;
CREATE TRIGGER job_need_occupations_write BEFORE INSERT ON job_need_occupations
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND (SELECT office_id FROM job_needs WHERE id = NEW.need_id)
    = qd_office_id()))
    OR NOT EXISTS (SELECT 1 FROM occupations
    WHERE id = NEW.occupation_id AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '职业不在目录中或需求属于其他办公室 the occupation is not in the catalog, or the need belongs to another office');
END;
CREATE TRIGGER job_need_cities_write BEFORE INSERT ON job_need_cities
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND (SELECT office_id FROM job_needs WHERE id = NEW.need_id)
    = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '此就业需求属于其他办公室 this job need belongs to another office');
END;

-- Employers and postings are the center's; a city's only change to a
-- posting is the count-down of a hire it records (below).
CREATE TRIGGER job_employers_write BEFORE INSERT ON job_employers
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心可登记用人单位 only the center may add employers');
END;
CREATE TRIGGER job_postings_write BEFORE INSERT ON job_postings
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR (qd_role() <> 'system' AND (NEW.state <> 'draft'
    OR NEW.action <> 'add'))
    OR NEW.office_id IS NOT (SELECT office_id FROM job_employers
    WHERE id = NEW.employer_id)
    OR NOT EXISTS (SELECT 1 FROM occupations
    WHERE id = NEW.occupation_id AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '仅中心可发布岗位，城市为用人单位所在地，职业须在目录中 only the center adds postings, in the employer''s city, for an occupation of the catalog');
END;
CREATE TRIGGER job_postings_change BEFORE UPDATE ON job_postings
WHEN NEW.version IS NOT OLD.version + 1
    OR NEW.employer_id IS NOT OLD.employer_id
    OR NEW.office_id IS NOT OLD.office_id
    OR coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center',
    'admin', 'system')
    OR (qd_role() IN ('clerk', 'liaison') AND (NEW.openings IS NOT
    OLD.openings - 1 OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.min_level IS NOT OLD.min_level OR NEW.pay_min IS NOT OLD.pay_min
    OR NEW.pay_max IS NOT OLD.pay_max OR NEW.closes_on IS NOT OLD.closes_on
    OR NEW.contact IS NOT OLD.contact OR NEW.hired IS NOT OLD.hired + 1
    OR NEW.hired IS NOT (SELECT count(*) FROM job_matches m
    WHERE m.posting_id = OLD.id AND m.state = 'hired')))
    OR (qd_role() IN ('center', 'admin') AND NEW.hired IS NOT OLD.hired)
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改岗位；城市只能在录用时减少空缺 only the center changes a posting; a city only counts down its openings by a hire');
END;
CREATE TRIGGER job_postings_change_state BEFORE UPDATE OF state ON job_postings
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM job_posting_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = (CASE WHEN qd_role() = 'admin'
    THEN 'center' ELSE qd_role() END))
BEGIN
	SELECT RAISE(ABORT, '此岗位当前状态不允许此操作 this step is not allowed for this posting now');
END;

-- Matches: the center proposes only what fits (the same occupation, the
-- level at or above the minimum, a city the person wants, a published
-- posting not past its date, a reported need); the person's city records
-- the outcome by the transitions.
CREATE TRIGGER job_matches_write BEFORE INSERT ON job_matches
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.state = 'proposed' AND NEW.action = 'propose'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可推荐岗位 only the center proposes matches');
END;
CREATE TRIGGER job_matches_fit BEFORE INSERT ON job_matches
WHEN NOT EXISTS (SELECT 1 FROM job_postings p, job_needs n,
    job_need_occupations o, job_need_cities c
    WHERE p.id = NEW.posting_id AND n.id = NEW.need_id
    AND p.state = 'published' AND p.closes_on >= date('now', 'localtime')
    AND n.state = 'reported' AND n.office_id = NEW.office_id
    AND o.need_id = n.id AND o.occupation_id = p.occupation_id
    AND (p.min_level IS NULL OR o.level <= p.min_level)
    AND c.need_id = n.id AND c.office_id = p.office_id)
BEGIN
	SELECT RAISE(ABORT, '岗位与需求不匹配（职业、等级、城市或状态） the posting does not fit the need (occupation, level, city or state)');
END;
CREATE TRIGGER job_matches_change BEFORE UPDATE ON job_matches
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.posting_id IS NOT OLD.posting_id
    OR NEW.need_id IS NOT OLD.need_id OR NEW.office_id IS NOT OLD.office_id
    OR NEW.reason IS NOT OLD.reason
BEGIN
	SELECT RAISE(ABORT, '此推荐属于其他办公室 this match belongs to another office, or lost a race');
END;
CREATE TRIGGER job_matches_change_state BEFORE UPDATE OF state ON job_matches
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM job_match_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此推荐当前状态不允许此操作 this step is not allowed for this match now');
END;
CREATE TRIGGER job_matches_hire_open BEFORE UPDATE OF state ON job_matches
WHEN NEW.state = 'hired' AND OLD.state <> 'hired'
    AND (SELECT state FROM job_postings WHERE id = OLD.posting_id)
    <> 'published'
BEGIN
	SELECT RAISE(ABORT, '岗位已招满或已关闭 the posting is filled or closed');
END;
-- A hire counts the posting's openings down (filling it at none) and
-- places the person, in the same transaction.
CREATE TRIGGER job_matches_hired AFTER UPDATE OF state ON job_matches
WHEN NEW.state = 'hired' AND OLD.state <> 'hired'
BEGIN
	UPDATE job_postings SET openings = openings - 1, hired = hired + 1,
	    state = CASE WHEN openings = 1 THEN 'filled' ELSE state END,
	    action = CASE WHEN openings = 1 THEN 'fill' ELSE action END,
	    version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.posting_id;
	UPDATE job_needs SET state = 'placed', action = 'place',
	    version = version + 1,
	    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.need_id AND state = 'reported';
END;

-- Plans: the center's, for a reported need.
CREATE TRIGGER job_plans_write BEFORE INSERT ON job_plans
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.state = 'planned' AND NEW.action = 'plan'))
    OR NEW.office_id IS NOT (SELECT office_id FROM job_needs
    WHERE id = NEW.need_id)
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订就业服务方案 only the center makes service plans');
END;
CREATE TRIGGER job_plans_change BEFORE UPDATE ON job_plans
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.need_id IS NOT OLD.need_id OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改就业服务方案 only the center changes service plans, raising version by one');
END;
CREATE TRIGGER job_plans_change_state BEFORE UPDATE OF state ON job_plans
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM job_plan_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = (CASE WHEN qd_role() = 'admin'
    THEN 'center' ELSE qd_role() END))
BEGIN
	SELECT RAISE(ABORT, '此方案当前状态不允许此操作 this step is not allowed for this plan now');
END;
