-- 002-cases: applicants, the qualification catalog, appraisal agencies and
-- cases with their workflow.
--
-- The workflow is data: case_states and case_transitions say which role
-- may move a case from which state to which, and the triggers on cases
-- refuse anything else, whatever program writes. The actor functions
-- qd_role(), qd_user_id() and qd_office_id() are registered with
-- qd_actor() on every qualdesk connection; the role 'system' is the
-- schema's own and that of the local demo-data loader, never a login's.
--
-- The audit triggers and the plain guards (version, never deleted, who
-- may write) are declared with the modules that own the tables
-- (src/case/tables.c, src/catalog/tables.c, src/schema-core.c for the
-- drafts) and made when this file is applied, right after each CREATE
-- TABLE; `qualdesk schema show 002-cases.sql` prints them. The rules of
-- the workflow are written here.

-- Mainland levels of skill (职业技能等级), one (highest) to five.
CREATE TABLE levels (
	level		INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 5),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
);
INSERT INTO levels (level, name_zh, name_en) VALUES
	(1, '一级/高级技师', 'Level 1, senior technician'),
	(2, '二级/技师', 'Level 2, technician'),
	(3, '三级/高级工', 'Level 3, senior worker'),
	(4, '四级/中级工', 'Level 4, intermediate worker'),
	(5, '五级/初级工', 'Level 5, junior worker');

-- Mainland occupations (职业/工种). code is the occupation code of the
-- national classification, e.g. 6-18-01-01.
CREATE TABLE occupations (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE
			CHECK (length(code) BETWEEN 1 AND 20
			    AND code NOT GLOB '*[^0-9A-Za-z.-]*'),
	name		TEXT NOT NULL UNIQUE
			CHECK (length(name) BETWEEN 1 AND 40),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version		INTEGER NOT NULL DEFAULT 1
);

-- The comparison catalog (标准比对): a Taiwan qualification and level and
-- the mainland occupation and level it compares to. mode says whether it
-- is recognised directly (采认) or adopted case by case (采信).
CREATE TABLE catalog (
	id		INTEGER PRIMARY KEY,
	tw_qual		TEXT NOT NULL CHECK (length(tw_qual) BETWEEN 1 AND 60),
	tw_level	TEXT NOT NULL CHECK (length(tw_level) BETWEEN 1 AND 20),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	mode		TEXT NOT NULL
			CHECK (mode IN ('recognition', 'adoption')),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	note		TEXT NOT NULL DEFAULT ''
			CHECK (length(note) <= 200),
	version		INTEGER NOT NULL DEFAULT 1,
	UNIQUE (tw_qual, tw_level)
);
CREATE INDEX catalog_by_occupation ON catalog (occupation_id);

-- Skill-level appraisal agencies (等级认定机构), each in one office's city,
-- with the occupations it may confirm.
CREATE TABLE agencies (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE
			CHECK (length(name) BETWEEN 1 AND 60),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE agency_occupations (
	agency_id	INTEGER NOT NULL REFERENCES agencies (id)
			ON DELETE CASCADE,
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	PRIMARY KEY (agency_id, occupation_id)
) WITHOUT ROWID;
CREATE INDEX agency_occupations_by_occupation
    ON agency_occupations (occupation_id, agency_id);

-- Applicants (台胞). name is as written; name_key is the name folded to
-- Simplified by qualdesk (OpenCC) for search. mtp is the 8-digit number of
-- the Mainland Travel Permit; mtp_raw keeps an older 10-digit form as
-- given (mtp_old = 1).
CREATE TABLE applicants (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
	name_key	TEXT NOT NULL CHECK (length(name_key) BETWEEN 1 AND 40),
	sex		TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth_date	TEXT NOT NULL
			CHECK (birth_date GLOB
			    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
			    AND date(birth_date) = birth_date),
	mtp		TEXT NOT NULL UNIQUE
			CHECK (length(mtp) = 8 AND mtp NOT GLOB '*[^0-9]*'),
	mtp_raw		TEXT CHECK (mtp_raw IS NULL OR length(mtp_raw) <= 16),
	mtp_old		INTEGER NOT NULL DEFAULT 0 CHECK (mtp_old IN (0, 1)),
	residence_no	TEXT UNIQUE
			CHECK (residence_no IS NULL OR (length(residence_no) = 18
			    AND residence_no GLOB '830000*'
			    AND substr(residence_no, 7, 8) =
			    replace(birth_date, '-', ''))),
	taiwan_id	TEXT UNIQUE
			CHECK (taiwan_id IS NULL OR (length(taiwan_id) = 10
			    AND taiwan_id GLOB '[A-Z][0-9]*'
			    AND substr(taiwan_id, 2) NOT GLOB '*[^0-9]*')),
	phone		TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 24),
	email		TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	address		TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 200),
	in_taiwan	INTEGER NOT NULL DEFAULT 0 CHECK (in_taiwan IN (0, 1)),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX applicants_by_name ON applicants (name_key, birth_date, id);

-- The states of a case. owner is whose desk the case is on.
CREATE TABLE case_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	owner		TEXT NOT NULL CHECK (owner IN ('office', 'center',
			    'closed'))
) WITHOUT ROWID;
INSERT INTO case_states (state, ord, name_zh, name_en, owner) VALUES
	('accepted', 1, '已受理', 'Accepted', 'office'),
	('forwarded', 2, '已报送', 'Forwarded', 'center'),
	('returned', 3, '退回补正', 'Returned', 'office'),
	('agency', 4, '委托认定中', 'With agency', 'center'),
	('approved', 5, '审核通过', 'Approved', 'office'),
	('rejected', 6, '不予通过', 'Rejected', 'office'),
	('notified', 7, '已通知', 'Notified', 'office'),
	('collected', 8, '已领证', 'Collected', 'closed'),
	('closed', 9, '已结案', 'Closed', 'closed'),
	('withdrawn', 10, '已撤回', 'Withdrawn', 'closed');

-- The allowed transitions: who (role) may do action to a case in state
-- from_state, and the state it leaves the case in. Nothing else moves a
-- case. held says the center user must hold the case (take it first).
CREATE TABLE case_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES case_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES case_states (state),
	held		INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
CREATE INDEX case_transitions_by_move
    ON case_transitions (from_state, to_state, role);
INSERT INTO case_transitions
    (action, from_state, role, to_state, held, name_zh, name_en) VALUES
	('forward', 'accepted', 'clerk', 'forwarded', 0, '报送', 'Forward'),
	('forward', 'accepted', 'liaison', 'forwarded', 0, '报送', 'Forward'),
	('forward', 'returned', 'clerk', 'forwarded', 0, '报送', 'Forward'),
	('forward', 'returned', 'liaison', 'forwarded', 0, '报送', 'Forward'),
	('withdraw', 'accepted', 'clerk', 'withdrawn', 0, '撤回', 'Withdraw'),
	('withdraw', 'accepted', 'liaison', 'withdrawn', 0, '撤回',
	    'Withdraw'),
	('withdraw', 'returned', 'clerk', 'withdrawn', 0, '撤回', 'Withdraw'),
	('withdraw', 'returned', 'liaison', 'withdrawn', 0, '撤回',
	    'Withdraw'),
	('approve', 'forwarded', 'center', 'approved', 1, '通过', 'Approve'),
	('reject', 'forwarded', 'center', 'rejected', 1, '不予通过',
	    'Reject'),
	('return', 'forwarded', 'center', 'returned', 1, '退回补正',
	    'Return'),
	('route', 'forwarded', 'center', 'agency', 1, '委托认定',
	    'Send to agency'),
	('confirm', 'agency', 'center', 'approved', 1, '认定确认',
	    'Agency confirmed'),
	('reject', 'agency', 'center', 'rejected', 1, '不予通过', 'Reject'),
	('notify', 'approved', 'clerk', 'notified', 0, '通知领证', 'Notify'),
	('notify', 'approved', 'liaison', 'notified', 0, '通知领证',
	    'Notify'),
	('notify', 'rejected', 'clerk', 'closed', 0, '通知结果', 'Notify'),
	('notify', 'rejected', 'liaison', 'closed', 0, '通知结果', 'Notify'),
	('collect', 'notified', 'clerk', 'collected', 0, '领证', 'Collected'),
	('collect', 'notified', 'liaison', 'collected', 0, '领证',
	    'Collected');

-- Cases. action is the last transition's name (set with every state
-- change, checked against case_transitions). held_by is the center user
-- who took the case for review. occupation_id is the occupation the
-- catalog entry gives (for filters); decided_* is what the center
-- confirmed.
CREATE TABLE cases (
	id		INTEGER PRIMARY KEY,
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	type		TEXT NOT NULL
			CHECK (type IN ('adoption', 'recognition')),
	catalog_id	INTEGER REFERENCES catalog (id),
	occupation_id	INTEGER REFERENCES occupations (id),
	tw_qual		TEXT NOT NULL CHECK (length(tw_qual) BETWEEN 1 AND 80),
	tw_cert_no	TEXT NOT NULL
			CHECK (length(tw_cert_no) BETWEEN 1 AND 40),
	mat_id		INTEGER NOT NULL DEFAULT 0 CHECK (mat_id IN (0, 1)),
	mat_cert	INTEGER NOT NULL DEFAULT 0 CHECK (mat_cert IN (0, 1)),
	mat_photo	INTEGER NOT NULL DEFAULT 0 CHECK (mat_photo IN (0, 1)),
	mat_form	INTEGER NOT NULL DEFAULT 0 CHECK (mat_form IN (0, 1)),
	notes		TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
	state		TEXT NOT NULL REFERENCES case_states (state),
	action		TEXT NOT NULL DEFAULT 'accept',
	held_by		INTEGER REFERENCES users (id),
	held_at		TEXT,
	decided_occupation_id INTEGER REFERENCES occupations (id),
	decided_level	INTEGER REFERENCES levels (level),
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
	agency_id	INTEGER REFERENCES agencies (id),
	agency_ref	TEXT NOT NULL DEFAULT ''
			CHECK (length(agency_ref) <= 60),
	collected_on	TEXT CHECK (collected_on IS NULL
			    OR date(collected_on) = collected_on),
	created_by	INTEGER REFERENCES users (id),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	forwarded_at	TEXT,
	decided_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	-- Recognition needs a catalog entry; the free text is for adoption.
	CHECK (type = 'adoption' OR catalog_id IS NOT NULL),
	-- An approved case names the confirmed occupation and level.
	CHECK (state NOT IN ('approved', 'notified', 'collected')
	    OR (decided_occupation_id IS NOT NULL
	    AND decided_level IS NOT NULL)),
	-- A refusal or a return says why.
	CHECK (state NOT IN ('rejected', 'returned') OR length(reason) > 0),
	CHECK (state <> 'agency' OR (type = 'recognition'
	    AND agency_id IS NOT NULL)),
	-- Recognition is approved by an appraisal agency's confirmation.
	CHECK (type = 'adoption' OR state NOT IN ('approved', 'notified',
	    'collected') OR (agency_id IS NOT NULL AND agency_ref <> '')),
	CHECK (state <> 'collected' OR collected_on IS NOT NULL),
	CHECK ((held_by IS NULL) = (held_at IS NULL))
);
-- The queues: the center's oldest first, the offices' by state.
CREATE INDEX cases_queue ON cases (state, forwarded_at, id);
CREATE INDEX cases_queue_office ON cases (state, office_id, forwarded_at, id);
CREATE INDEX cases_queue_type ON cases (state, type, forwarded_at, id);
CREATE INDEX cases_queue_occupation
    ON cases (state, occupation_id, forwarded_at, id);
CREATE INDEX cases_by_state ON cases (state, id);
CREATE INDEX cases_by_office ON cases (office_id, state, id);
CREATE INDEX cases_by_applicant ON cases (applicant_id, id);

-- How many cases are in each state, per office and type: the queue
-- counts without counting a million rows.
CREATE TABLE case_counts (
	state		TEXT NOT NULL,
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (state, office_id, type)
) WITHOUT ROWID;

-- The history of every case: one row per transition, written by trigger.
CREATE TABLE case_events (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES cases (id),
	at		TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,
	from_state	TEXT,
	to_state	TEXT NOT NULL,
	note		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);
-- Never changed nor deleted (declared).

-- Notices to applicants (通知台胞): what was said, how and when; a
-- delivery command may send them.
CREATE TABLE notices (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES cases (id),
	channel		TEXT NOT NULL
			CHECK (channel IN ('sms', 'phone', 'email', 'wechat',
			    'in_person', 'post')),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
	recorded_by	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	status		TEXT NOT NULL DEFAULT 'recorded'
			CHECK (status IN ('recorded', 'sent', 'failed')),
	sent_at		TEXT,
	detail		TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
);
CREATE INDEX notices_by_case ON notices (case_id, id);
CREATE INDEX notices_by_status ON notices (status, id);

-- Drafts of forms, saved while typing so a dropped link loses nothing.
-- data is the form's fields as "column<TAB>value" lines.
CREATE TABLE drafts (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id)
			ON DELETE CASCADE,
	form		TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 32),
	ref		INTEGER NOT NULL DEFAULT 0,
	data		TEXT NOT NULL CHECK (length(data) <= 16384),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (user_id, form, ref)
);

-- Applicants: written by the offices' clerks and liaisons. An office
-- registers a person under itself; an office that has a case of theirs
-- may correct their details. ID numbers reach the audit trail masked.
CREATE TRIGGER applicants_write BEFORE INSERT ON applicants
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记台胞，且只登记在本办公室 only an office''s clerk or liaison may register an applicant, under their own office');
END;
CREATE TRIGGER applicants_change BEFORE UPDATE ON applicants
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND (OLD.office_id = qd_office_id() OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = OLD.id AND office_id = qd_office_id()))))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '此台胞属于其他办公室 this applicant belongs to another office');
END;

-- Cases: opened by an office's clerk or liaison in its own office.
CREATE TRIGGER cases_open BEFORE INSERT ON cases
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'accepted'
    AND NEW.action = 'accept' AND NEW.held_by IS NULL))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可受理案件，且只在本办公室 only an office''s clerk or liaison may open a case, in their own office');
END;

-- What identifies a case never changes (and every update raises its
-- version by one, as declared).
CREATE TRIGGER cases_change_fixed BEFORE UPDATE ON cases
WHEN NEW.id IS NOT OLD.id OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.type IS NOT OLD.type
    OR NEW.created_at IS NOT OLD.created_at
    OR NEW.created_by IS NOT OLD.created_by
BEGIN
	SELECT RAISE(ABORT, '案件的台胞、办公室和类型不可更改 a case''s applicant, office and type are fixed');
END;
-- A clerk or liaison acts only on their own office's cases; the auditor
-- and unknown roles never write.
CREATE TRIGGER cases_change_office BEFORE UPDATE ON cases
WHEN coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center', 'admin',
    'system') OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此案件属于其他办公室 this case belongs to another office');
END;
-- A change of state must be an allowed transition for the role, named
-- by action; a transition marked held needs the case held by the actor.
CREATE TRIGGER cases_change_state BEFORE UPDATE OF state ON cases
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM case_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此案件当前状态不允许此操作 this step is not allowed for this case now');
END;
CREATE TRIGGER cases_change_held BEFORE UPDATE OF state ON cases
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND OLD.held_by IS NOT qd_user_id()
    AND EXISTS (SELECT 1 FROM case_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.role = qd_role() AND t.held = 1)
BEGIN
	SELECT RAISE(ABORT, '请先领取案件再作决定 take the case before deciding it');
END;
-- Without a change of state: the office edits its cases while they are
-- on its desk; the center only takes and releases them.
CREATE TRIGGER cases_change_edit BEFORE UPDATE ON cases
WHEN NEW.state IS OLD.state AND qd_role() IN ('clerk', 'liaison')
    AND (OLD.state NOT IN ('accepted', 'returned')
    OR NEW.held_by IS NOT OLD.held_by)
BEGIN
	SELECT RAISE(ABORT, '案件已不在本办公室处理中 this case is no longer on the office''s desk');
END;
CREATE TRIGGER cases_change_hold BEFORE UPDATE ON cases
WHEN NEW.state IS OLD.state AND qd_role() IN ('center', 'admin')
    AND (NEW.catalog_id IS NOT OLD.catalog_id
    OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.tw_qual IS NOT OLD.tw_qual OR NEW.tw_cert_no IS NOT OLD.tw_cert_no
    OR NEW.mat_id IS NOT OLD.mat_id OR NEW.mat_cert IS NOT OLD.mat_cert
    OR NEW.mat_photo IS NOT OLD.mat_photo OR NEW.mat_form IS NOT OLD.mat_form
    OR NEW.notes IS NOT OLD.notes OR NEW.reason IS NOT OLD.reason
    OR NEW.decided_occupation_id IS NOT OLD.decided_occupation_id
    OR NEW.decided_level IS NOT OLD.decided_level
    OR NEW.agency_id IS NOT OLD.agency_id
    OR NEW.agency_ref IS NOT OLD.agency_ref
    OR NEW.collected_on IS NOT OLD.collected_on
    OR OLD.state NOT IN ('forwarded', 'agency')
    OR (NEW.held_by IS NOT NULL AND (qd_role() <> 'center'
    OR OLD.held_by IS NOT NULL OR NEW.held_by IS NOT qd_user_id())))
BEGIN
	SELECT RAISE(ABORT, '中心只能领取、释放或决定已报送的案件 the center takes or releases a forwarded case; it changes it only by deciding');
END;

-- The counts and the history follow every change (and the audit trail,
-- as declared).
CREATE TRIGGER cases_opened AFTER INSERT ON cases
BEGIN
	INSERT INTO case_counts (state, office_id, type, n)
	VALUES (NEW.state, NEW.office_id, NEW.type, 1)
	ON CONFLICT (state, office_id, type) DO UPDATE SET n = n + 1;
	INSERT INTO case_events (case_id, actor, action, to_state)
	VALUES (NEW.id, qd_actor(), NEW.action, NEW.state);
END;
CREATE TRIGGER cases_moved AFTER UPDATE OF state ON cases
WHEN NEW.state IS NOT OLD.state
BEGIN
	UPDATE case_counts SET n = n - 1
	WHERE state = OLD.state AND office_id = OLD.office_id
	    AND type = OLD.type;
	INSERT INTO case_counts (state, office_id, type, n)
	VALUES (NEW.state, NEW.office_id, NEW.type, 1)
	ON CONFLICT (state, office_id, type) DO UPDATE SET n = n + 1;
	INSERT INTO case_events (case_id, actor, action, from_state, to_state,
	    note)
	VALUES (NEW.id, qd_actor(), NEW.action, OLD.state, NEW.state,
	    CASE NEW.action
	    WHEN 'approve' THEN (SELECT o.name || ' ' || l.name_zh
	        FROM occupations o, levels l
	        WHERE o.id = NEW.decided_occupation_id
	        AND l.level = NEW.decided_level)
	    WHEN 'confirm' THEN (SELECT name FROM agencies
	        WHERE id = NEW.agency_id) || ' ' || NEW.agency_ref
	    WHEN 'route' THEN (SELECT name FROM agencies
	        WHERE id = NEW.agency_id)
	    WHEN 'reject' THEN NEW.reason
	    WHEN 'return' THEN NEW.reason
	    WHEN 'collect' THEN NEW.collected_on
	    ELSE '' END);
END;
CREATE TRIGGER cases_held AFTER UPDATE OF held_by ON cases
WHEN NEW.held_by IS NOT OLD.held_by AND NEW.state IS OLD.state
BEGIN
	INSERT INTO case_events (case_id, actor, action, from_state, to_state,
	    note)
	VALUES (NEW.id, qd_actor(),
	    CASE WHEN NEW.held_by IS NULL THEN 'release' ELSE 'take' END,
	    OLD.state, NEW.state,
	    coalesce((SELECT login FROM users WHERE id = NEW.held_by),
	    (SELECT login FROM users WHERE id = OLD.held_by)));
END;

-- Notices: recorded by the case's office; afterwards only their delivery
-- status changes.
CREATE TRIGGER notices_write BEFORE INSERT ON notices
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND (SELECT office_id FROM cases WHERE id = NEW.case_id)
    = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅案件所属办公室可通知台胞 only the case''s office may notify its applicant');
END;
CREATE TRIGGER notices_change BEFORE UPDATE ON notices
WHEN NEW.case_id IS NOT OLD.case_id OR NEW.channel IS NOT OLD.channel
    OR NEW.text IS NOT OLD.text OR NEW.recorded_by IS NOT OLD.recorded_by
    OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN
	SELECT RAISE(ABORT, '通知记录不可更改 a notice is kept as it was recorded');
END;
-- The notify step needs a notice recorded first, in the same transaction.
CREATE TRIGGER cases_notify_needs_notice BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'notify' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM notices WHERE case_id = OLD.id
    AND recorded_at >= coalesce(OLD.decided_at, OLD.created_at))
BEGIN
	SELECT RAISE(ABORT, '请先记录对台胞的通知 record the notice to the applicant first');
END;

-- Drafts belong to their user. Saving one is not audited, starting and
-- dropping one are (declared).
CREATE TRIGGER drafts_write BEFORE INSERT ON drafts
WHEN NEW.user_id IS NOT qd_user_id()
BEGIN
	SELECT RAISE(ABORT, '草稿只属于输入它的用户 a draft belongs to the user who types it');
END;
CREATE TRIGGER drafts_change BEFORE UPDATE ON drafts
WHEN OLD.user_id IS NOT qd_user_id() OR NEW.user_id IS NOT OLD.user_id
BEGIN
	SELECT RAISE(ABORT, '草稿只属于输入它的用户 a draft belongs to the user who types it');
END;
CREATE TRIGGER drafts_remove BEFORE DELETE ON drafts
WHEN OLD.user_id IS NOT qd_user_id() AND qd_role() <> 'system'
BEGIN
	SELECT RAISE(ABORT, '草稿只属于输入它的用户 a draft belongs to the user who types it');
END;
