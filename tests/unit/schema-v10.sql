-- A database at schema version 10, as qualdesk made it before the tables
-- of 004-exam.sql to 009-report.sql were declared: their hand-written
-- audit and guard triggers, the role lists of their rules, and what the
-- migrations wrote (its signing key replaced by fixed bytes). The tests
-- upgrade it to see that a database of the field does what a new one
-- does.
PRAGMA application_id = 1902406449;
PRAGMA user_version = 10;
BEGIN TRANSACTION;
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	actor		TEXT NOT NULL,
	via		TEXT,
	action		TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
	tbl		TEXT,
	record		INTEGER,
	before		TEXT,
	after		TEXT
);
INSERT INTO audit VALUES(1,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',1,NULL,'{"code":"fuzhou","name_zh":"福州市","name_en":"Fuzhou","is_center":0}');
INSERT INTO audit VALUES(2,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',2,NULL,'{"code":"xiamen","name_zh":"厦门市","name_en":"Xiamen","is_center":0}');
INSERT INTO audit VALUES(3,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',3,NULL,'{"code":"zhangzhou","name_zh":"漳州市","name_en":"Zhangzhou","is_center":0}');
INSERT INTO audit VALUES(4,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',4,NULL,'{"code":"quanzhou","name_zh":"泉州市","name_en":"Quanzhou","is_center":0}');
INSERT INTO audit VALUES(5,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',5,NULL,'{"code":"sanming","name_zh":"三明市","name_en":"Sanming","is_center":0}');
INSERT INTO audit VALUES(6,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',6,NULL,'{"code":"putian","name_zh":"莆田市","name_en":"Putian","is_center":0}');
INSERT INTO audit VALUES(7,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',7,NULL,'{"code":"nanping","name_zh":"南平市","name_en":"Nanping","is_center":0}');
INSERT INTO audit VALUES(8,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',8,NULL,'{"code":"longyan","name_zh":"龙岩市","name_en":"Longyan","is_center":0}');
INSERT INTO audit VALUES(9,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',9,NULL,'{"code":"ningde","name_zh":"宁德市","name_en":"Ningde","is_center":0}');
INSERT INTO audit VALUES(10,'2026-12-03T13:01:31.673Z','(schema)','migration 001-core.sql','insert','offices',10,NULL,'{"code":"pingtan","name_zh":"平潭综合实验区","name_en":"Pingtan","is_center":1}');
INSERT INTO audit VALUES(11,'2026-12-03T13:01:31.687Z','(schema)','migration 003-certificates.sql','insert','cert_keys',1,NULL,'{"kid":29008,"public":"1111111111111111111111111111111111111111111111111111111111111111"}');
CREATE TABLE offices (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE
			CHECK (length(code) BETWEEN 1 AND 32
			    AND code NOT GLOB '*[^a-z]*'),
	name_zh		TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 32),
	name_en		TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 64),
	is_center	INTEGER NOT NULL DEFAULT 0 CHECK (is_center IN (0, 1))
);
INSERT INTO offices VALUES(1,'fuzhou','福州市','Fuzhou',0);
INSERT INTO offices VALUES(2,'xiamen','厦门市','Xiamen',0);
INSERT INTO offices VALUES(3,'zhangzhou','漳州市','Zhangzhou',0);
INSERT INTO offices VALUES(4,'quanzhou','泉州市','Quanzhou',0);
INSERT INTO offices VALUES(5,'sanming','三明市','Sanming',0);
INSERT INTO offices VALUES(6,'putian','莆田市','Putian',0);
INSERT INTO offices VALUES(7,'nanping','南平市','Nanping',0);
INSERT INTO offices VALUES(8,'longyan','龙岩市','Longyan',0);
INSERT INTO offices VALUES(9,'ningde','宁德市','Ningde',0);
INSERT INTO offices VALUES(10,'pingtan','平潭综合实验区','Pingtan',1);
CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE
			CHECK (length(login) BETWEEN 1 AND 32
			    AND login GLOB '[a-z]*'
			    AND login NOT GLOB '*[^a-z0-9_.-]*'),
	display_name	TEXT NOT NULL
			CHECK (length(display_name) BETWEEN 1 AND 64),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin',
			    'auditor')),
	office_id	INTEGER REFERENCES offices (id),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((role IN ('clerk', 'liaison')) = (office_id IS NOT NULL))
);
CREATE TABLE user_keys (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL
			REFERENCES users (id) ON DELETE CASCADE,
	type		TEXT NOT NULL
			CHECK (type IN ('ssh-ed25519', 'ecdsa-sha2-nistp256',
			    'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
			    'ssh-rsa')),
	base64		TEXT NOT NULL CHECK (length(base64) BETWEEN 1 AND 16384),
	comment		TEXT NOT NULL DEFAULT ''
			CHECK (length(comment) <= 256),
	fingerprint	TEXT NOT NULL CHECK (fingerprint GLOB 'SHA256:?*'),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (user_id, fingerprint)	-- also the index of keys by user
);
CREATE TABLE levels (
	level		INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 5),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
);
INSERT INTO levels VALUES(1,'一级/高级技师','Level 1, senior technician');
INSERT INTO levels VALUES(2,'二级/技师','Level 2, technician');
INSERT INTO levels VALUES(3,'三级/高级工','Level 3, senior worker');
INSERT INTO levels VALUES(4,'四级/中级工','Level 4, intermediate worker');
INSERT INTO levels VALUES(5,'五级/初级工','Level 5, junior worker');
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
CREATE TABLE case_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	owner		TEXT NOT NULL CHECK (owner IN ('office', 'center',
			    'closed'))
) WITHOUT ROWID;
INSERT INTO case_states VALUES('accepted',1,'已受理','Accepted','office');
INSERT INTO case_states VALUES('agency',4,'委托认定中','With agency','center');
INSERT INTO case_states VALUES('approved',5,'审核通过','Approved','office');
INSERT INTO case_states VALUES('closed',9,'已结案','Closed','closed');
INSERT INTO case_states VALUES('collected',8,'已领证','Collected','closed');
INSERT INTO case_states VALUES('forwarded',2,'已报送','Forwarded','center');
INSERT INTO case_states VALUES('notified',7,'已通知','Notified','office');
INSERT INTO case_states VALUES('rejected',6,'不予通过','Rejected','office');
INSERT INTO case_states VALUES('returned',3,'退回补正','Returned','office');
INSERT INTO case_states VALUES('withdrawn',10,'已撤回','Withdrawn','closed');
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
INSERT INTO case_transitions VALUES('approve','forwarded','center','approved',1,'通过','Approve');
INSERT INTO case_transitions VALUES('collect','notified','clerk','collected',0,'领证','Collected');
INSERT INTO case_transitions VALUES('collect','notified','liaison','collected',0,'领证','Collected');
INSERT INTO case_transitions VALUES('confirm','agency','center','approved',1,'认定确认','Agency confirmed');
INSERT INTO case_transitions VALUES('forward','accepted','clerk','forwarded',0,'报送','Forward');
INSERT INTO case_transitions VALUES('forward','accepted','liaison','forwarded',0,'报送','Forward');
INSERT INTO case_transitions VALUES('forward','returned','clerk','forwarded',0,'报送','Forward');
INSERT INTO case_transitions VALUES('forward','returned','liaison','forwarded',0,'报送','Forward');
INSERT INTO case_transitions VALUES('notify','approved','clerk','notified',0,'通知领证','Notify');
INSERT INTO case_transitions VALUES('notify','approved','liaison','notified',0,'通知领证','Notify');
INSERT INTO case_transitions VALUES('notify','rejected','clerk','closed',0,'通知结果','Notify');
INSERT INTO case_transitions VALUES('notify','rejected','liaison','closed',0,'通知结果','Notify');
INSERT INTO case_transitions VALUES('reject','agency','center','rejected',1,'不予通过','Reject');
INSERT INTO case_transitions VALUES('reject','forwarded','center','rejected',1,'不予通过','Reject');
INSERT INTO case_transitions VALUES('return','forwarded','center','returned',1,'退回补正','Return');
INSERT INTO case_transitions VALUES('route','forwarded','center','agency',1,'委托认定','Send to agency');
INSERT INTO case_transitions VALUES('withdraw','accepted','clerk','withdrawn',0,'撤回','Withdraw');
INSERT INTO case_transitions VALUES('withdraw','accepted','liaison','withdrawn',0,'撤回','Withdraw');
INSERT INTO case_transitions VALUES('withdraw','returned','clerk','withdrawn',0,'撤回','Withdraw');
INSERT INTO case_transitions VALUES('withdraw','returned','liaison','withdrawn',0,'撤回','Withdraw');
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
CREATE TABLE case_counts (
	state		TEXT NOT NULL,
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (state, office_id, type)
) WITHOUT ROWID;
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
CREATE TABLE cert_keys (
	id		INTEGER PRIMARY KEY,
	kid		INTEGER NOT NULL UNIQUE CHECK (kid BETWEEN 0 AND 65535),
	public		BLOB NOT NULL CHECK (length(public) = 32),
	private		BLOB CHECK (private IS NULL OR length(private) = 32),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	retired_at	TEXT,
	CHECK (retired_at IS NOT NULL OR private IS NOT NULL)
);
INSERT INTO cert_keys VALUES(1,29008,X'1111111111111111111111111111111111111111111111111111111111111111',X'2222222222222222222222222222222222222222222222222222222222222222','2026-12-03T13:01:31.687Z',NULL);
CREATE TABLE cert_series (
	code		TEXT PRIMARY KEY,
	case_type	TEXT NOT NULL UNIQUE,
	title_zh	TEXT NOT NULL
);
INSERT INTO cert_series VALUES('CX','adoption','台胞职业资格采信证书');
INSERT INTO cert_series VALUES('CR','recognition','台胞职业资格采认证书');
CREATE TABLE cert_counters (
	series		TEXT NOT NULL REFERENCES cert_series (code),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2255),
	last		INTEGER NOT NULL CHECK (last >= 1),
	PRIMARY KEY (series, year)
) WITHOUT ROWID;
CREATE TABLE certificates (
	id		INTEGER PRIMARY KEY,
	number		TEXT NOT NULL UNIQUE,
	series		TEXT NOT NULL REFERENCES cert_series (code),
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 16777215),
	case_id		INTEGER NOT NULL REFERENCES cases (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	kid		INTEGER NOT NULL REFERENCES cert_keys (kid),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
	sex		TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth_date	TEXT NOT NULL CHECK (date(birth_date) = birth_date),
	mtp		TEXT NOT NULL CHECK (length(mtp) = 8),
	tw_qual		TEXT NOT NULL CHECK (length(tw_qual) BETWEEN 1 AND 80),
	occupation	TEXT NOT NULL CHECK (length(occupation) >= 1),
	level		INTEGER NOT NULL REFERENCES levels (level),
	issued_on	TEXT NOT NULL CHECK (date(issued_on) = issued_on
			    AND CAST(substr(issued_on, 1, 4) AS INTEGER) = year),
	qr_text		TEXT NOT NULL CHECK (qr_text GLOB 'QDC1:*'),
	issued_by	TEXT NOT NULL,
	issued_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	printed_at	TEXT,
	printed_by	TEXT,
	print_count	INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
	handed_at	TEXT,
	revoked_at	TEXT,
	revoked_by	TEXT,
	revoke_reason	TEXT NOT NULL DEFAULT ''
			CHECK (length(revoke_reason) <= 250),
	replaces	INTEGER UNIQUE REFERENCES certificates (id),
	reissue_reason	TEXT NOT NULL DEFAULT ''
			CHECK (length(reissue_reason) <= 250),
	version		INTEGER NOT NULL DEFAULT 1,
	UNIQUE (series, year, seq),
	CHECK (number = series || '-' || year || '-' ||
	    (CASE WHEN seq < 1000000 THEN substr('00000' || seq, -6)
	    ELSE seq END)),
	CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
	CHECK (revoked_at IS NULL OR length(revoke_reason) > 0),
	CHECK (replaces IS NULL OR length(reissue_reason) > 0),
	CHECK ((printed_at IS NULL) = (print_count = 0))
);
CREATE TABLE user_settings (
	user_id		INTEGER PRIMARY KEY REFERENCES users (id),
	print_passthrough INTEGER NOT NULL DEFAULT 0
			CHECK (print_passthrough IN (0, 1))
);
CREATE TABLE exam_kinds (
	kind		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO exam_kinds VALUES('qualification',1,'职业资格证书','Vocational qualification');
INSERT INTO exam_kinds VALUES('skill',2,'职业技能等级证书','Skill level certificate');
INSERT INTO exam_kinds VALUES('special',3,'专项职业能力证书','Special ability certificate');
CREATE TABLE exam_demand_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	open		INTEGER NOT NULL CHECK (open IN (0, 1))
) WITHOUT ROWID;
INSERT INTO exam_demand_states VALUES('done',4,'已考试','Examined',0);
INSERT INTO exam_demand_states VALUES('invited',3,'已编入计划','In a plan',1);
INSERT INTO exam_demand_states VALUES('recorded',1,'已登记','Recorded',1);
INSERT INTO exam_demand_states VALUES('reported',2,'已报送','Reported',1);
INSERT INTO exam_demand_states VALUES('withdrawn',5,'已撤回','Withdrawn',0);
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
INSERT INTO exam_demand_transitions VALUES('invite','reported','admin','invited','编入计划','Invite');
INSERT INTO exam_demand_transitions VALUES('invite','reported','center','invited','编入计划','Invite');
INSERT INTO exam_demand_transitions VALUES('release','invited','admin','reported','退回需求','Release');
INSERT INTO exam_demand_transitions VALUES('release','invited','center','reported','退回需求','Release');
INSERT INTO exam_demand_transitions VALUES('report','recorded','clerk','reported','报送','Report');
INSERT INTO exam_demand_transitions VALUES('report','recorded','liaison','reported','报送','Report');
INSERT INTO exam_demand_transitions VALUES('sit','invited','admin','done','已考试','Examined');
INSERT INTO exam_demand_transitions VALUES('sit','invited','center','done','已考试','Examined');
INSERT INTO exam_demand_transitions VALUES('withdraw','recorded','clerk','withdrawn','撤回','Withdraw');
INSERT INTO exam_demand_transitions VALUES('withdraw','recorded','liaison','withdrawn','撤回','Withdraw');
INSERT INTO exam_demand_transitions VALUES('withdraw','reported','clerk','withdrawn','撤回','Withdraw');
INSERT INTO exam_demand_transitions VALUES('withdraw','reported','liaison','withdrawn','撤回','Withdraw');
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
CREATE TABLE exam_plan_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO exam_plan_states VALUES('cancelled',7,'已取消','Cancelled');
INSERT INTO exam_plan_states VALUES('closed',6,'已结束','Closed');
INSERT INTO exam_plan_states VALUES('closed_reg',3,'报名截止','Registration closed');
INSERT INTO exam_plan_states VALUES('draft',1,'草拟','Draft');
INSERT INTO exam_plan_states VALUES('held',4,'已考试','Held');
INSERT INTO exam_plan_states VALUES('published',2,'已发布','Published');
INSERT INTO exam_plan_states VALUES('results',5,'成绩已录','Results recorded');
CREATE TABLE exam_plan_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES exam_plan_states (state),
	role		TEXT NOT NULL CHECK (role IN ('center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES exam_plan_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO exam_plan_transitions VALUES('cancel','closed_reg','admin','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('cancel','closed_reg','center','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('cancel','draft','admin','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('cancel','draft','center','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('cancel','published','admin','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('cancel','published','center','cancelled','取消','Cancel');
INSERT INTO exam_plan_transitions VALUES('close','results','admin','closed','结束','Close');
INSERT INTO exam_plan_transitions VALUES('close','results','center','closed','结束','Close');
INSERT INTO exam_plan_transitions VALUES('close_reg','published','admin','closed_reg','截止报名','Close registration');
INSERT INTO exam_plan_transitions VALUES('close_reg','published','center','closed_reg','截止报名','Close registration');
INSERT INTO exam_plan_transitions VALUES('hold','closed_reg','admin','held','已举行','Mark held');
INSERT INTO exam_plan_transitions VALUES('hold','closed_reg','center','held','已举行','Mark held');
INSERT INTO exam_plan_transitions VALUES('publish','draft','admin','published','发布','Publish');
INSERT INTO exam_plan_transitions VALUES('publish','draft','center','published','发布','Publish');
INSERT INTO exam_plan_transitions VALUES('record','held','admin','results','录入成绩','Record results');
INSERT INTO exam_plan_transitions VALUES('record','held','center','results','录入成绩','Record results');
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
CREATE TABLE training_providers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE
			CHECK (length(name) BETWEEN 1 AND 60),
	kind		TEXT NOT NULL
			CHECK (kind IN ('institution', 'hr_agency', 'college')),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE training_provider_occupations (
	provider_id	INTEGER NOT NULL REFERENCES training_providers (id)
			ON DELETE CASCADE,
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	PRIMARY KEY (provider_id, occupation_id)
) WITHOUT ROWID;
CREATE TABLE training_needs (
	id		INTEGER PRIMARY KEY,
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	period		TEXT NOT NULL
			CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
			    AND substr(period, 6, 2) BETWEEN '01' AND '12'),
	in_taiwan	INTEGER NOT NULL DEFAULT 0 CHECK (in_taiwan IN (0, 1)),
	note		TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	reported_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE training_need_counts (
	occupation_id	INTEGER NOT NULL,
	level		INTEGER NOT NULL,
	office_id	INTEGER NOT NULL,
	in_taiwan	INTEGER NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (occupation_id, level, office_id, in_taiwan)
) WITHOUT ROWID;
CREATE TABLE training_class_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO training_class_states VALUES('cancelled',6,'已取消','Cancelled');
INSERT INTO training_class_states VALUES('closed',3,'报名截止','Enrolment closed');
INSERT INTO training_class_states VALUES('draft',1,'草拟','Draft');
INSERT INTO training_class_states VALUES('finished',5,'已结业','Finished');
INSERT INTO training_class_states VALUES('published',2,'已发布','Published');
INSERT INTO training_class_states VALUES('running',4,'培训中','Running');
CREATE TABLE training_class_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES training_class_states (state),
	role		TEXT NOT NULL CHECK (role IN ('center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES training_class_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO training_class_transitions VALUES('cancel','closed','admin','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('cancel','closed','center','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('cancel','draft','admin','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('cancel','draft','center','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('cancel','published','admin','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('cancel','published','center','cancelled','取消','Cancel');
INSERT INTO training_class_transitions VALUES('close','published','center','closed','截止报名','Close enrolment');
INSERT INTO training_class_transitions VALUES('finish','running','center','finished','结业','Finish');
INSERT INTO training_class_transitions VALUES('publish','draft','admin','published','发布','Publish');
INSERT INTO training_class_transitions VALUES('publish','draft','center','published','发布','Publish');
INSERT INTO training_class_transitions VALUES('start','closed','center','running','开班','Start');
INSERT INTO training_class_transitions VALUES('start','published','center','running','开班','Start');
CREATE TABLE training_classes (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
	provider_id	INTEGER NOT NULL REFERENCES training_providers (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	starts_on	TEXT NOT NULL CHECK (date(starts_on) = starts_on),
	ends_on		TEXT NOT NULL CHECK (date(ends_on) = ends_on),
	hours		INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 2000),
	place		TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 100),
	online		INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
	seats		INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 10000),
	enrol_from	TEXT NOT NULL CHECK (date(enrol_from) = enrol_from),
	enrol_to	TEXT NOT NULL CHECK (date(enrol_to) = enrol_to),
	quota_cutoff	TEXT CHECK (quota_cutoff IS NULL
			    OR date(quota_cutoff) = quota_cutoff),
	fee_fen		INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
	subsidy_note	TEXT NOT NULL DEFAULT ''
			CHECK (length(subsidy_note) <= 200),
	state		TEXT NOT NULL DEFAULT 'draft'
			REFERENCES training_class_states (state),
	action		TEXT NOT NULL DEFAULT 'plan',
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
	published_at	TEXT,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (starts_on <= ends_on),
	CHECK (enrol_from <= enrol_to AND enrol_to <= ends_on),
	CHECK (quota_cutoff IS NULL OR quota_cutoff BETWEEN enrol_from
	    AND enrol_to),
	CHECK (online = 1 OR length(place) > 0),
	CHECK (state <> 'cancelled' OR length(reason) > 0),
	CHECK (state IN ('draft', 'cancelled') OR published_at IS NOT NULL)
);
CREATE TABLE training_class_quotas (
	class_id	INTEGER NOT NULL REFERENCES training_classes (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	seats		INTEGER NOT NULL CHECK (seats >= 1),
	PRIMARY KEY (class_id, office_id)
) WITHOUT ROWID;
CREATE TABLE training_notices (
	id		INTEGER PRIMARY KEY,
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	class_id	INTEGER NOT NULL REFERENCES training_classes (id),
	applicant_id	INTEGER REFERENCES applicants (id),
	kind		TEXT NOT NULL
			CHECK (kind IN ('published', 'need_match', 'promoted')),
	at		TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE training_enrolments (
	id		INTEGER PRIMARY KEY,
	class_id	INTEGER NOT NULL REFERENCES training_classes (id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	status		TEXT NOT NULL
			CHECK (status IN ('enrolled', 'waiting', 'cancelled')),
	promoted	INTEGER NOT NULL DEFAULT 0 CHECK (promoted IN (0, 1)),
	hours		INTEGER CHECK (hours IS NULL OR hours >= 0),
	completed	INTEGER CHECK (completed IS NULL OR completed IN (0, 1)),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	cancelled_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
	CHECK (completed IS NULL OR status = 'enrolled')
);
CREATE TABLE training_cert_counters (
	year		INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2255),
	last		INTEGER NOT NULL CHECK (last >= 1)
);
CREATE TABLE training_certificates (
	id		INTEGER PRIMARY KEY,
	number		TEXT NOT NULL UNIQUE,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 16777215),
	enrolment_id	INTEGER NOT NULL UNIQUE
			REFERENCES training_enrolments (id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	class_id	INTEGER NOT NULL REFERENCES training_classes (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	kid		INTEGER NOT NULL REFERENCES cert_keys (kid),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
	sex		TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth_date	TEXT NOT NULL CHECK (date(birth_date) = birth_date),
	mtp		TEXT NOT NULL CHECK (length(mtp) = 8),
	course		TEXT NOT NULL CHECK (length(course) BETWEEN 1 AND 120),
	occupation	TEXT NOT NULL CHECK (length(occupation) >= 1),
	level		INTEGER NOT NULL REFERENCES levels (level),
	hours		INTEGER NOT NULL CHECK (hours >= 1),
	issued_on	TEXT NOT NULL CHECK (date(issued_on) = issued_on
			    AND CAST(substr(issued_on, 1, 4) AS INTEGER) = year),
	qr_text		TEXT NOT NULL CHECK (qr_text GLOB 'QDC1:*'),
	issued_by	TEXT NOT NULL,
	issued_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (year, seq),
	CHECK (number = 'PX-' || year || '-' ||
	    (CASE WHEN seq < 1000000 THEN substr('00000' || seq, -6)
	    ELSE seq END))
);
CREATE TABLE subsidy_kinds (
	kind		TEXT PRIMARY KEY,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO subsidy_kinds VALUES('qualification','职业资格证书','Vocational qualification certificate');
INSERT INTO subsidy_kinds VALUES('skill','职业技能等级证书','Skill level certificate');
INSERT INTO subsidy_kinds VALUES('special','专项职业能力证书','Special ability certificate');
INSERT INTO subsidy_kinds VALUES('training','培训结业证书','Training completion certificate');
CREATE TABLE subsidy_rates (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL REFERENCES subsidy_kinds (kind),
	level		INTEGER NOT NULL REFERENCES levels (level),
	amount_fen	INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 100000000),
	valid_from	TEXT NOT NULL CHECK (date(valid_from) = valid_from),
	valid_to	TEXT CHECK (valid_to IS NULL OR (date(valid_to) = valid_to
			    AND valid_to >= valid_from)),
	doc_no		TEXT NOT NULL CHECK (length(doc_no) BETWEEN 1 AND 60),
	demo		INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE subsidy_rules (
	rule		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	value		INTEGER,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (rule <> 'max_per_year' OR value BETWEEN 1 AND 100),
	-- The unique index on claims and the copied rate rely on these two.
	CHECK (rule NOT IN ('once', 'rate') OR active = 1)
) WITHOUT ROWID;
INSERT INTO subsidy_rules VALUES('max_per_year',3,1,3,'每人每年补贴次数有上限','at most N subsidised claims per person per year',1);
INSERT INTO subsidy_rules VALUES('once',2,1,NULL,'同一职业和等级每人只补贴一次','one claim per person per occupation and level',1);
INSERT INTO subsidy_rules VALUES('rate',4,1,NULL,'须有当日有效的补贴标准','a rate in force on the day of the certificate',1);
INSERT INTO subsidy_rules VALUES('resident',1,1,NULL,'须为登记在册的台湾居民（持现行通行证或居住证）','a Taiwan resident of record (a current MTP or a residence permit)',1);
CREATE TABLE subsidy_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO subsidy_states VALUES('approved',4,'已核准','Approved');
INSERT INTO subsidy_states VALUES('complete',2,'材料齐全','Documents complete');
INSERT INTO subsidy_states VALUES('drafted',1,'待补材料','Drafted');
INSERT INTO subsidy_states VALUES('paid',7,'已拨付','Paid');
INSERT INTO subsidy_states VALUES('rejected',6,'不予补贴','Rejected');
INSERT INTO subsidy_states VALUES('returned',5,'退回','Returned');
INSERT INTO subsidy_states VALUES('submitted',3,'已报送','Submitted');
CREATE TABLE subsidy_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES subsidy_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES subsidy_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO subsidy_transitions VALUES('approve','submitted','center','approved','核准','Approve');
INSERT INTO subsidy_transitions VALUES('complete','drafted','center','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('complete','drafted','clerk','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('complete','drafted','liaison','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('complete','returned','center','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('complete','returned','clerk','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('complete','returned','liaison','complete','材料齐全','Complete');
INSERT INTO subsidy_transitions VALUES('pay','approved','center','paid','拨付','Paid');
INSERT INTO subsidy_transitions VALUES('reject','submitted','center','rejected','不予补贴','Reject');
INSERT INTO subsidy_transitions VALUES('return','submitted','center','returned','退回','Return');
INSERT INTO subsidy_transitions VALUES('submit','complete','center','submitted','报送','Submit');
CREATE TABLE subsidy_intake (
	id		INTEGER PRIMARY KEY,
	source		TEXT NOT NULL CHECK (source IN ('certificate',
			    'training_certificate', 'exam')),
	source_id	INTEGER NOT NULL,
	cert_number	TEXT NOT NULL CHECK (length(cert_number) BETWEEN 1 AND 40),
	kind		TEXT NOT NULL REFERENCES subsidy_kinds (kind),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	issued_on	TEXT NOT NULL CHECK (date(issued_on) = issued_on),
	outcome		TEXT NOT NULL DEFAULT 'pending'
			CHECK (outcome IN ('pending', 'claim', 'ineligible')),
	rule		TEXT REFERENCES subsidy_rules (rule),
	reason		TEXT NOT NULL DEFAULT '',
	at		TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (source, source_id),
	CHECK (outcome <> 'ineligible' OR (rule IS NOT NULL
	    AND length(reason) > 0))
);
CREATE TABLE subsidy_claims (
	id		INTEGER PRIMARY KEY,
	intake_id	INTEGER NOT NULL UNIQUE REFERENCES subsidy_intake (id),
	applicant_id	INTEGER NOT NULL REFERENCES applicants (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	kind		TEXT NOT NULL REFERENCES subsidy_kinds (kind),
	cert_number	TEXT NOT NULL,
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER NOT NULL REFERENCES levels (level),
	year		INTEGER NOT NULL,
	period		TEXT NOT NULL CHECK (period GLOB
			    '[12][0-9][0-9][0-9]-[01][0-9]'),
	rate_id		INTEGER NOT NULL REFERENCES subsidy_rates (id),
	amount_fen	INTEGER NOT NULL CHECK (amount_fen >= 1),
	doc_no		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'drafted'
			REFERENCES subsidy_states (state),
	action		TEXT NOT NULL DEFAULT 'draft',
	doc_id		INTEGER NOT NULL DEFAULT 0 CHECK (doc_id IN (0, 1)),
	doc_cert	INTEGER NOT NULL DEFAULT 0 CHECK (doc_cert IN (0, 1)),
	doc_bank	INTEGER NOT NULL DEFAULT 0 CHECK (doc_bank IN (0, 1)),
	doc_form	INTEGER NOT NULL DEFAULT 0 CHECK (doc_form IN (0, 1)),
	bank_name	TEXT NOT NULL DEFAULT '' CHECK (length(bank_name) <= 60),
	bank_account	TEXT NOT NULL DEFAULT ''
			CHECK (bank_account NOT GLOB '*[^0-9]*'
			    AND (bank_account = '' OR length(bank_account)
			    BETWEEN 8 AND 32)),
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
	batch_id	INTEGER REFERENCES subsidy_batches (id),
	paid_on		TEXT CHECK (paid_on IS NULL OR date(paid_on) = paid_on),
	paid_fen	INTEGER CHECK (paid_fen IS NULL OR paid_fen >= 0),
	finance_ref	TEXT NOT NULL DEFAULT '' CHECK (length(finance_ref) <= 60),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (state IN ('drafted', 'returned') OR (doc_id = 1 AND doc_cert = 1
	    AND doc_bank = 1 AND doc_form = 1 AND length(bank_name) > 0
	    AND length(bank_account) > 0)),
	CHECK (state NOT IN ('submitted', 'approved', 'paid', 'rejected')
	    OR batch_id IS NOT NULL),
	CHECK (state NOT IN ('returned', 'rejected') OR length(reason) > 0),
	CHECK ((state = 'paid') = (paid_on IS NOT NULL AND paid_fen IS NOT NULL
	    AND length(finance_ref) > 0))
);
CREATE TABLE subsidy_batches (
	id		INTEGER PRIMARY KEY,
	period		TEXT NOT NULL CHECK (period GLOB
			    '[12][0-9][0-9][0-9]-[01][0-9]'),
	claims		INTEGER NOT NULL CHECK (claims >= 0),
	total_fen	INTEGER NOT NULL CHECK (total_fen >= 0),
	submitted_by	TEXT NOT NULL,
	submitted_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE job_need_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_need_states VALUES('closed',4,'已关闭','Closed');
INSERT INTO job_need_states VALUES('placed',3,'已就业','Placed');
INSERT INTO job_need_states VALUES('recorded',1,'已登记','Recorded');
INSERT INTO job_need_states VALUES('reported',2,'已报中心','Reported');
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
INSERT INTO job_need_transitions VALUES('close','recorded','clerk','closed','关闭','Close');
INSERT INTO job_need_transitions VALUES('close','recorded','liaison','closed','关闭','Close');
INSERT INTO job_need_transitions VALUES('close','reported','clerk','closed','关闭','Close');
INSERT INTO job_need_transitions VALUES('close','reported','liaison','closed','关闭','Close');
INSERT INTO job_need_transitions VALUES('place','reported','clerk','placed','已就业','Placed');
INSERT INTO job_need_transitions VALUES('place','reported','liaison','placed','已就业','Placed');
INSERT INTO job_need_transitions VALUES('report','recorded','clerk','reported','报中心','Report');
INSERT INTO job_need_transitions VALUES('report','recorded','liaison','reported','报中心','Report');
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
CREATE TABLE job_need_occupations (
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	occupation_id	INTEGER NOT NULL REFERENCES occupations (id),
	level		INTEGER REFERENCES levels (level),
	source		TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 60),
	CHECK ((level IS NULL) = (source = '')),
	PRIMARY KEY (need_id, occupation_id)
) WITHOUT ROWID;
CREATE TABLE job_need_cities (
	need_id		INTEGER NOT NULL REFERENCES job_needs (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	PRIMARY KEY (need_id, office_id)
) WITHOUT ROWID;
CREATE TABLE job_employers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	taiwan_funded	INTEGER NOT NULL DEFAULT 0
			CHECK (taiwan_funded IN (0, 1)),
	contact		TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 80),
	version		INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE job_posting_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_posting_states VALUES('closed',4,'已关闭','Closed');
INSERT INTO job_posting_states VALUES('draft',1,'草稿','Draft');
INSERT INTO job_posting_states VALUES('filled',3,'已招满','Filled');
INSERT INTO job_posting_states VALUES('published',2,'已发布','Published');
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
INSERT INTO job_posting_transitions VALUES('close','draft','center','closed','关闭','Close');
INSERT INTO job_posting_transitions VALUES('close','published','center','closed','关闭','Close');
INSERT INTO job_posting_transitions VALUES('fill','published','clerk','filled','已招满','Filled');
INSERT INTO job_posting_transitions VALUES('fill','published','liaison','filled','已招满','Filled');
INSERT INTO job_posting_transitions VALUES('publish','draft','center','published','发布','Publish');
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
CREATE TABLE job_match_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_match_states VALUES('declined',5,'未成功','Declined');
INSERT INTO job_match_states VALUES('hired',4,'已录用','Hired');
INSERT INTO job_match_states VALUES('interested',2,'有意向','Interested');
INSERT INTO job_match_states VALUES('interviewed',3,'已面试','Interviewed');
INSERT INTO job_match_states VALUES('proposed',1,'已推荐','Proposed');
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
INSERT INTO job_match_transitions VALUES('decline','interested','clerk','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('decline','interested','liaison','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('decline','interviewed','clerk','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('decline','interviewed','liaison','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('decline','proposed','clerk','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('decline','proposed','liaison','declined','未成功','Declined');
INSERT INTO job_match_transitions VALUES('hire','interested','clerk','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('hire','interested','liaison','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('hire','interviewed','clerk','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('hire','interviewed','liaison','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('hire','proposed','clerk','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('hire','proposed','liaison','hired','录用','Hired');
INSERT INTO job_match_transitions VALUES('interested','proposed','clerk','interested','有意向','Interested');
INSERT INTO job_match_transitions VALUES('interested','proposed','liaison','interested','有意向','Interested');
INSERT INTO job_match_transitions VALUES('interview','interested','clerk','interviewed','已面试','Interviewed');
INSERT INTO job_match_transitions VALUES('interview','interested','liaison','interviewed','已面试','Interviewed');
INSERT INTO job_match_transitions VALUES('interview','proposed','clerk','interviewed','已面试','Interviewed');
INSERT INTO job_match_transitions VALUES('interview','proposed','liaison','interviewed','已面试','Interviewed');
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
CREATE TABLE job_plan_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO job_plan_states VALUES('active',2,'服务中','In progress');
INSERT INTO job_plan_states VALUES('done',3,'已完成','Done');
INSERT INTO job_plan_states VALUES('dropped',4,'已终止','Dropped');
INSERT INTO job_plan_states VALUES('planned',1,'已制订','Planned');
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
INSERT INTO job_plan_transitions VALUES('drop','active','center','dropped','终止','Drop');
INSERT INTO job_plan_transitions VALUES('drop','planned','center','dropped','终止','Drop');
INSERT INTO job_plan_transitions VALUES('finish','active','center','done','完成','Finish');
INSERT INTO job_plan_transitions VALUES('start','planned','center','active','开始服务','Start');
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
CREATE TABLE policy_docs (
	id		INTEGER PRIMARY KEY,
	doc_no		TEXT NOT NULL UNIQUE
			CHECK (length(doc_no) BETWEEN 1 AND 60),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
	issued_on	TEXT NOT NULL CHECK (date(issued_on) = issued_on),
	office_id	INTEGER REFERENCES offices (id),
	replaced_on	TEXT CHECK (replaced_on IS NULL
			    OR date(replaced_on) = replaced_on),
	replaced_by	INTEGER REFERENCES policy_docs (id),
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (replaced_by IS NULL OR replaced_on IS NOT NULL)
);
CREATE TABLE policy_answer_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO policy_answer_states VALUES('published',1,'已发布','Published');
INSERT INTO policy_answer_states VALUES('withdrawn',2,'已撤下','Withdrawn');
CREATE TABLE policy_answer_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES policy_answer_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES policy_answer_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO policy_answer_transitions VALUES('republish','withdrawn','center','published','重新发布','Publish again');
INSERT INTO policy_answer_transitions VALUES('republish','withdrawn','liaison','published','重新发布','Publish again');
INSERT INTO policy_answer_transitions VALUES('withdraw','published','center','withdrawn','撤下','Withdraw');
INSERT INTO policy_answer_transitions VALUES('withdraw','published','liaison','withdrawn','撤下','Withdraw');
CREATE TABLE policy_answers (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
	tags		TEXT NOT NULL DEFAULT '' CHECK (length(tags) <= 120),
	doc_id		INTEGER NOT NULL REFERENCES policy_docs (id),
	valid_until	TEXT NOT NULL CHECK (date(valid_until) = valid_until),
	office_id	INTEGER REFERENCES offices (id),
	question_id	INTEGER REFERENCES policy_questions (id),
	state		TEXT NOT NULL DEFAULT 'published'
			REFERENCES policy_answer_states (state),
	action		TEXT NOT NULL DEFAULT 'publish',
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	version		INTEGER NOT NULL DEFAULT 1
);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','policy_answers_fts','policy_answers_fts',0,'CREATE VIRTUAL TABLE policy_answers_fts USING fts5(title, tags, body,
    content = ''policy_answers'', content_rowid = ''id'',
    tokenize = ''qd bigram'')');
CREATE TABLE IF NOT EXISTS 'policy_answers_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO policy_answers_fts_data VALUES(1,X'');
INSERT INTO policy_answers_fts_data VALUES(10,X'00000001000000');
CREATE TABLE IF NOT EXISTS 'policy_answers_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'policy_answers_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'policy_answers_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO policy_answers_fts_config VALUES('rank','bm25(4.0, 3.0, 1.0)');
INSERT INTO policy_answers_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','policy_answers_vocab','policy_answers_vocab',0,'CREATE VIRTUAL TABLE policy_answers_vocab USING fts5vocab(policy_answers_fts,
    ''row'')');
CREATE TABLE policy_question_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	owner		TEXT NOT NULL CHECK (owner IN ('office', 'center',
			    'closed'))
) WITHOUT ROWID;
INSERT INTO policy_question_states VALUES('answered',2,'已当场答复','Answered','closed');
INSERT INTO policy_question_states VALUES('forwarded',3,'已转中心','Forwarded','center');
INSERT INTO policy_question_states VALUES('notified',5,'已告知台胞','Notified','closed');
INSERT INTO policy_question_states VALUES('open',1,'待答复','Open','office');
INSERT INTO policy_question_states VALUES('replied',4,'中心已答复','Replied','office');
CREATE TABLE policy_question_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES policy_question_states (state),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES policy_question_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO policy_question_transitions VALUES('answer','open','clerk','answered','当场答复','Answer');
INSERT INTO policy_question_transitions VALUES('answer','open','liaison','answered','当场答复','Answer');
INSERT INTO policy_question_transitions VALUES('forward','open','clerk','forwarded','转中心','Forward');
INSERT INTO policy_question_transitions VALUES('forward','open','liaison','forwarded','转中心','Forward');
INSERT INTO policy_question_transitions VALUES('notify','replied','clerk','notified','已告知','Notified');
INSERT INTO policy_question_transitions VALUES('notify','replied','liaison','notified','已告知','Notified');
INSERT INTO policy_question_transitions VALUES('reply','forwarded','center','replied','中心答复','Reply');
CREATE TABLE policy_questions (
	id		INTEGER PRIMARY KEY,
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	applicant_id	INTEGER REFERENCES applicants (id),
	channel		TEXT NOT NULL
			CHECK (channel IN ('window', 'phone', 'online')),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
	contact		TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 80),
	answer_id	INTEGER REFERENCES policy_answers (id),
	reply		TEXT NOT NULL DEFAULT '' CHECK (length(reply) <= 2000),
	replied_by	TEXT,
	replied_at	TEXT,
	state		TEXT NOT NULL DEFAULT 'open'
			REFERENCES policy_question_states (state),
	action		TEXT NOT NULL DEFAULT 'ask',
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	forwarded_at	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	-- Answered on the spot names the answer used.
	CHECK (state <> 'answered' OR answer_id IS NOT NULL),
	-- The center's reply is its own text or an answer of the base.
	CHECK (state NOT IN ('replied', 'notified') OR length(reply) > 0
	    OR answer_id IS NOT NULL),
	CHECK ((replied_by IS NULL) = (replied_at IS NULL))
);
CREATE TABLE policy_inbox (
	id		INTEGER PRIMARY KEY,
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	question_id	INTEGER NOT NULL REFERENCES policy_questions (id),
	arrived_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	read_at		TEXT,
	read_by		TEXT,
	CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE TABLE policy_notices (
	id		INTEGER PRIMARY KEY,
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	question_id	INTEGER NOT NULL REFERENCES policy_questions (id),
	contact		TEXT NOT NULL DEFAULT '',
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2100),
	status		TEXT NOT NULL DEFAULT 'pending'
			CHECK (status IN ('pending', 'given')),
	created_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	given_at	TEXT,
	given_by	TEXT,
	CHECK ((status = 'given') = (given_at IS NOT NULL)),
	CHECK ((given_at IS NULL) = (given_by IS NULL))
);
CREATE TABLE report_facts (
	indicator	TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 40),
	month		TEXT NOT NULL
			CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	occupation_id	INTEGER NOT NULL DEFAULT 0,
	level		INTEGER NOT NULL DEFAULT 0,
	days		INTEGER NOT NULL DEFAULT -1 CHECK (days >= -1),
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (indicator, month, office_id, type, occupation_id, level,
	    days)
) WITHOUT ROWID;
CREATE TABLE report_open (
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	day		TEXT NOT NULL CHECK (date(day) = day),
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (office_id, type, day)
) WITHOUT ROWID;
CREATE TABLE report_months (
	month		TEXT PRIMARY KEY
			CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
			    AND substr(month, 6, 2) BETWEEN '01' AND '12'),
	closed_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	closed_by	TEXT NOT NULL,
	kid		INTEGER NOT NULL REFERENCES cert_keys (kid),
	rows		INTEGER NOT NULL CHECK (rows >= 0),
	digest		TEXT NOT NULL CHECK (length(digest) = 64),
	signature	TEXT NOT NULL CHECK (length(signature) = 128)
) WITHOUT ROWID;
CREATE TABLE report_snapshot (
	month		TEXT NOT NULL,
	indicator	TEXT NOT NULL,
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	occupation_id	INTEGER NOT NULL,
	level		INTEGER NOT NULL,
	days		INTEGER NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (month, indicator, office_id, type, occupation_id, level,
	    days)
) WITHOUT ROWID;
CREATE TABLE report_prefs (
	user_id		INTEGER PRIMARY KEY REFERENCES users (id),
	indicator	TEXT NOT NULL DEFAULT 'cases.received'
			CHECK (length(indicator) BETWEEN 1 AND 40),
	from_month	TEXT NOT NULL DEFAULT '' CHECK (length(from_month) <= 7),
	to_month	TEXT NOT NULL DEFAULT '' CHECK (length(to_month) <= 7),
	split		TEXT NOT NULL DEFAULT 'month'
			CHECK (split IN ('none', 'office', 'month',
			    'occupation', 'level', 'type')),
	office_id	INTEGER NOT NULL DEFAULT 0,
	ascii		INTEGER NOT NULL DEFAULT 0 CHECK (ascii IN (0, 1))
);
CREATE TABLE permissions (
	noun		TEXT NOT NULL CHECK (length(noun) BETWEEN 1 AND 32
			    AND noun NOT GLOB '*[^a-z_-]*'),
	verb		TEXT NOT NULL CHECK (length(verb) BETWEEN 1 AND 32
			    AND verb NOT GLOB '*[^a-z_-]*'),
	role		TEXT NOT NULL
			CHECK (role IN ('clerk', 'liaison', 'center', 'admin',
			    'auditor')),
	PRIMARY KEY (noun, verb, role)
) WITHOUT ROWID;
INSERT INTO permissions VALUES('agency','write','admin');
INSERT INTO permissions VALUES('applicant','write','clerk');
INSERT INTO permissions VALUES('applicant','write','liaison');
INSERT INTO permissions VALUES('audit','read','admin');
INSERT INTO permissions VALUES('audit','read','auditor');
INSERT INTO permissions VALUES('case','open','clerk');
INSERT INTO permissions VALUES('case','open','liaison');
INSERT INTO permissions VALUES('case','write','admin');
INSERT INTO permissions VALUES('case','write','center');
INSERT INTO permissions VALUES('case','write','clerk');
INSERT INTO permissions VALUES('case','write','liaison');
INSERT INTO permissions VALUES('catalog','write','admin');
INSERT INTO permissions VALUES('cert','issue','admin');
INSERT INTO permissions VALUES('cert','issue','center');
INSERT INTO permissions VALUES('cert','print','admin');
INSERT INTO permissions VALUES('cert','print','clerk');
INSERT INTO permissions VALUES('cert','print','liaison');
INSERT INTO permissions VALUES('cert','revoke','admin');
INSERT INTO permissions VALUES('cert','revoke','center');
INSERT INTO permissions VALUES('cert','rotate-key','admin');
INSERT INTO permissions VALUES('demo','load','admin');
INSERT INTO permissions VALUES('key','read','admin');
INSERT INTO permissions VALUES('key','read','auditor');
INSERT INTO permissions VALUES('key','write','admin');
INSERT INTO permissions VALUES('schema','read','admin');
INSERT INTO permissions VALUES('schema','read','auditor');
INSERT INTO permissions VALUES('user','read','admin');
INSERT INTO permissions VALUES('user','read','auditor');
INSERT INTO permissions VALUES('user','write','admin');
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE INDEX audit_by_record ON audit (tbl, record);
CREATE TRIGGER offices_audit_insert AFTER INSERT ON offices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'offices', NEW.id,
	    json_object('code', NEW.code, 'name_zh', NEW.name_zh,
	    'name_en', NEW.name_en, 'is_center', NEW.is_center));
END;
CREATE TRIGGER offices_audit_update AFTER UPDATE ON offices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'offices', NEW.id,
	    json_object('code', OLD.code, 'name_zh', OLD.name_zh,
	    'name_en', OLD.name_en, 'is_center', OLD.is_center),
	    json_object('code', NEW.code, 'name_zh', NEW.name_zh,
	    'name_en', NEW.name_en, 'is_center', NEW.is_center));
END;
CREATE TRIGGER offices_audit_delete AFTER DELETE ON offices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'offices', OLD.id,
	    json_object('code', OLD.code, 'name_zh', OLD.name_zh,
	    'name_en', OLD.name_en, 'is_center', OLD.is_center));
END;
CREATE UNIQUE INDEX offices_one_center ON offices (is_center)
    WHERE is_center = 1;
CREATE TRIGGER users_version BEFORE UPDATE ON users
WHEN NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, 'users: every update must raise version by one');
END;
CREATE TRIGGER users_audit_insert AFTER INSERT ON users
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'users', NEW.id,
	    json_object('login', NEW.login, 'name', NEW.display_name,
	    'role', NEW.role,
	    'office', (SELECT code FROM offices WHERE id = NEW.office_id),
	    'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER users_audit_update AFTER UPDATE ON users
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'users', NEW.id,
	    json_object('login', OLD.login, 'name', OLD.display_name,
	    'role', OLD.role,
	    'office', (SELECT code FROM offices WHERE id = OLD.office_id),
	    'active', OLD.active, 'version', OLD.version),
	    json_object('login', NEW.login, 'name', NEW.display_name,
	    'role', NEW.role,
	    'office', (SELECT code FROM offices WHERE id = NEW.office_id),
	    'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER users_audit_delete AFTER DELETE ON users
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'users', OLD.id,
	    json_object('login', OLD.login, 'name', OLD.display_name,
	    'role', OLD.role,
	    'office', (SELECT code FROM offices WHERE id = OLD.office_id),
	    'active', OLD.active, 'version', OLD.version));
END;
CREATE INDEX users_by_office ON users (office_id);
CREATE TRIGGER user_keys_audit_insert AFTER INSERT ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'user_keys', NEW.id,
	    json_object('user', (SELECT login FROM users WHERE id = NEW.user_id),
	    'type', NEW.type, 'fingerprint', NEW.fingerprint,
	    'comment', NEW.comment));
END;
CREATE TRIGGER user_keys_audit_update AFTER UPDATE ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'user_keys', NEW.id,
	    json_object('user', (SELECT login FROM users WHERE id = OLD.user_id),
	    'type', OLD.type, 'fingerprint', OLD.fingerprint,
	    'comment', OLD.comment),
	    json_object('user', (SELECT login FROM users WHERE id = NEW.user_id),
	    'type', NEW.type, 'fingerprint', NEW.fingerprint,
	    'comment', NEW.comment));
END;
CREATE TRIGGER user_keys_audit_delete AFTER DELETE ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'user_keys', OLD.id,
	    json_object('user', (SELECT login FROM users WHERE id = OLD.user_id),
	    'type', OLD.type, 'fingerprint', OLD.fingerprint,
	    'comment', OLD.comment));
END;
CREATE TRIGGER occupations_write BEFORE INSERT ON occupations
WHEN NOT qd_may('catalog', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER occupations_change BEFORE UPDATE ON occupations
WHEN NOT qd_may('catalog', 'write')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog, raising version by one');
END;
CREATE TRIGGER occupations_audit_insert AFTER INSERT ON occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'occupations', NEW.id,
	    json_object('code', NEW.code, 'name', NEW.name,
	    'active', NEW.active));
END;
CREATE TRIGGER occupations_audit_update AFTER UPDATE ON occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'occupations', NEW.id,
	    json_object('code', OLD.code, 'name', OLD.name,
	    'active', OLD.active),
	    json_object('code', NEW.code, 'name', NEW.name,
	    'active', NEW.active));
END;
CREATE TRIGGER catalog_write BEFORE INSERT ON catalog
WHEN NOT qd_may('catalog', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER catalog_change BEFORE UPDATE ON catalog
WHEN NOT qd_may('catalog', 'write')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog, raising version by one');
END;
CREATE TRIGGER catalog_remove BEFORE DELETE ON catalog
WHEN NOT qd_may('catalog', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER catalog_audit_insert AFTER INSERT ON catalog
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'catalog', NEW.id,
	    json_object('tw_qual', NEW.tw_qual, 'tw_level', NEW.tw_level,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'mode', NEW.mode, 'active', NEW.active));
END;
CREATE TRIGGER catalog_audit_update AFTER UPDATE ON catalog
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'catalog', NEW.id,
	    json_object('tw_qual', OLD.tw_qual, 'tw_level', OLD.tw_level,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'mode', OLD.mode, 'active', OLD.active),
	    json_object('tw_qual', NEW.tw_qual, 'tw_level', NEW.tw_level,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'mode', NEW.mode, 'active', NEW.active));
END;
CREATE TRIGGER catalog_audit_delete AFTER DELETE ON catalog
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'catalog', OLD.id,
	    json_object('tw_qual', OLD.tw_qual, 'tw_level', OLD.tw_level,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'mode', OLD.mode));
END;
CREATE INDEX catalog_by_occupation ON catalog (occupation_id);
CREATE TRIGGER agencies_write BEFORE INSERT ON agencies
WHEN NOT qd_may('agency', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
END;
CREATE TRIGGER agencies_change BEFORE UPDATE ON agencies
WHEN NOT qd_may('agency', 'write')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies, raising version by one');
END;
CREATE TRIGGER agencies_audit_insert AFTER INSERT ON agencies
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'agencies', NEW.id,
	    json_object('name', NEW.name, 'office', NEW.office_id,
	    'active', NEW.active));
END;
CREATE TRIGGER agencies_audit_update AFTER UPDATE ON agencies
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'agencies', NEW.id,
	    json_object('name', OLD.name, 'office', OLD.office_id,
	    'active', OLD.active),
	    json_object('name', NEW.name, 'office', NEW.office_id,
	    'active', NEW.active));
END;
CREATE TRIGGER agency_occupations_write BEFORE INSERT ON agency_occupations
WHEN NOT qd_may('agency', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
END;
CREATE TRIGGER agency_occupations_remove BEFORE DELETE ON agency_occupations
WHEN NOT qd_may('agency', 'write')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
END;
CREATE TRIGGER agency_occupations_audit_insert AFTER INSERT ON agency_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'agency_occupations', NEW.agency_id,
	    json_object('occupation', NEW.occupation_id));
END;
CREATE TRIGGER agency_occupations_audit_delete AFTER DELETE ON agency_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'agency_occupations', OLD.agency_id,
	    json_object('occupation', OLD.occupation_id));
END;
CREATE INDEX agency_occupations_by_occupation
    ON agency_occupations (occupation_id, agency_id);
CREATE TRIGGER applicants_remove BEFORE DELETE ON applicants
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '台胞记录不可删除 applicants are never deleted');
END;
CREATE TRIGGER applicants_audit_insert AFTER INSERT ON applicants
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'applicants', NEW.id,
	    json_object('name', NEW.name, 'sex', NEW.sex,
	    'mtp', substr(NEW.mtp, 1, 2) || '****' || substr(NEW.mtp, 7),
	    'office', NEW.office_id, 'version', NEW.version));
END;
CREATE TRIGGER applicants_audit_update AFTER UPDATE ON applicants
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'applicants', NEW.id,
	    json_object('name', OLD.name, 'sex', OLD.sex,
	    'birth_year', substr(OLD.birth_date, 1, 4),
	    'mtp', substr(OLD.mtp, 1, 2) || '****' || substr(OLD.mtp, 7),
	    'phone_set', OLD.phone <> '', 'email_set', OLD.email <> '',
	    'in_taiwan', OLD.in_taiwan, 'version', OLD.version),
	    json_object('name', NEW.name, 'sex', NEW.sex,
	    'birth_year', substr(NEW.birth_date, 1, 4),
	    'mtp', substr(NEW.mtp, 1, 2) || '****' || substr(NEW.mtp, 7),
	    'phone_set', NEW.phone <> '', 'email_set', NEW.email <> '',
	    'in_taiwan', NEW.in_taiwan, 'version', NEW.version));
END;
CREATE INDEX applicants_by_name ON applicants (name_key, birth_date, id);
CREATE INDEX case_transitions_by_move
    ON case_transitions (from_state, to_state, role);
CREATE TRIGGER cases_change_version BEFORE UPDATE ON cases
WHEN NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '案件已被他人修改 cases: every update must raise version by one');
END;
CREATE TRIGGER cases_remove BEFORE DELETE ON cases
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '案件不可删除，请撤回 cases are never deleted; withdraw instead');
END;
CREATE TRIGGER cases_audit_insert AFTER INSERT ON cases
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'cases', NEW.id,
	    json_object('office', NEW.office_id, 'type', NEW.type,
	    'applicant', NEW.applicant_id, 'state', NEW.state,
	    'version', NEW.version));
END;
CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    WHEN NEW.held_by IS NOT OLD.held_by THEN
	    CASE WHEN NEW.held_by IS NULL THEN 'release' ELSE 'take' END
	    ELSE 'update' END, 'cases', NEW.id,
	    json_object('state', OLD.state, 'held_by', OLD.held_by,
	    'catalog', OLD.catalog_id,
	    'materials', OLD.mat_id || OLD.mat_cert || OLD.mat_photo || OLD.mat_form,
	    'version', OLD.version),
	    json_object('state', NEW.state, 'held_by', NEW.held_by,
	    'catalog', NEW.catalog_id,
	    'materials', NEW.mat_id || NEW.mat_cert || NEW.mat_photo || NEW.mat_form,
	    'occupation', NEW.decided_occupation_id,
	    'level', NEW.decided_level, 'agency', NEW.agency_id,
	    'version', NEW.version));
END;
CREATE INDEX cases_queue ON cases (state, forwarded_at, id);
CREATE INDEX cases_queue_office ON cases (state, office_id, forwarded_at, id);
CREATE INDEX cases_queue_type ON cases (state, type, forwarded_at, id);
CREATE INDEX cases_queue_occupation
    ON cases (state, occupation_id, forwarded_at, id);
CREATE INDEX cases_by_state ON cases (state, id);
CREATE INDEX cases_by_office ON cases (office_id, state, id);
CREATE INDEX cases_by_applicant ON cases (applicant_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
	SELECT RAISE(ABORT, '案件历史不可更改 case history cannot be changed');
END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
	SELECT RAISE(ABORT, '案件历史不可更改 case history cannot be changed');
END;
CREATE INDEX case_events_by_case ON case_events (case_id, id);
CREATE TRIGGER notices_remove BEFORE DELETE ON notices
BEGIN
	SELECT RAISE(ABORT, '通知记录不可更改 a notice is kept as it was recorded');
END;
CREATE TRIGGER notices_audit_insert AFTER INSERT ON notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'notices', NEW.id,
	    json_object('case', NEW.case_id, 'channel', NEW.channel,
	    'status', NEW.status));
END;
CREATE TRIGGER notices_audit_update AFTER UPDATE ON notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'notices', NEW.id,
	    json_object('status', OLD.status),
	    json_object('status', NEW.status, 'detail', NEW.detail));
END;
CREATE INDEX notices_by_case ON notices (case_id, id);
CREATE INDEX notices_by_status ON notices (status, id);
CREATE TRIGGER drafts_audit_insert AFTER INSERT ON drafts
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'draft', 'drafts', NEW.id,
	    json_object('form', NEW.form, 'ref', NEW.ref));
END;
CREATE TRIGGER drafts_audit_delete AFTER DELETE ON drafts
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'draft-end', 'drafts', OLD.id,
	    json_object('form', OLD.form, 'ref', OLD.ref));
END;
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
CREATE TRIGGER cert_keys_remove BEFORE DELETE ON cert_keys
BEGIN
	SELECT RAISE(ABORT, '签名密钥不可删除 a signing key cannot be removed');
END;
CREATE TRIGGER cert_keys_audit_insert AFTER INSERT ON cert_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'cert_keys', NEW.id,
	    json_object('kid', NEW.kid, 'public', hex(NEW.public)));
END;
CREATE TRIGGER cert_keys_audit_update AFTER UPDATE ON cert_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'cert_keys', NEW.id,
	    json_object('retired_at', OLD.retired_at),
	    json_object('retired_at', NEW.retired_at));
END;
CREATE TRIGGER certificates_issue_role BEFORE INSERT ON certificates
WHEN NOT qd_may('cert', 'issue')
BEGIN
	SELECT RAISE(ABORT, '证书由中心签发 certificates are issued by the center');
END;
CREATE TRIGGER certificates_change_version BEFORE UPDATE ON certificates
WHEN NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '证书已被他人修改，请重新打开 the certificate was changed by someone else; open it again');
END;
CREATE TRIGGER certificates_remove BEFORE DELETE ON certificates
BEGIN
	SELECT RAISE(ABORT, '证书不可删除，只能撤销 a certificate cannot be removed, only revoked');
END;
CREATE TRIGGER certificates_audit_insert AFTER INSERT ON certificates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'certificates', NEW.id,
	    json_object('number', NEW.number, 'case', NEW.case_id,
	    'kid', NEW.kid, 'replaces', NEW.replaces,
	    'reason', NEW.reissue_reason));
END;
CREATE TRIGGER certificates_audit_update AFTER UPDATE ON certificates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'certificates', NEW.id,
	    json_object('print_count', OLD.print_count,
	    'handed_at', OLD.handed_at, 'revoked_at', OLD.revoked_at),
	    json_object('number', NEW.number,
	    'print_count', NEW.print_count, 'handed_at', NEW.handed_at,
	    'revoked_at', NEW.revoked_at, 'reason', NEW.revoke_reason));
END;
CREATE UNIQUE INDEX certificates_in_force ON certificates (case_id)
    WHERE revoked_at IS NULL;
CREATE INDEX certificates_by_case ON certificates (case_id);
CREATE INDEX certificates_by_office_day ON certificates (office_id, issued_on);
CREATE TRIGGER certificates_issue_case BEFORE INSERT ON certificates
WHEN NOT EXISTS (SELECT 1 FROM cases c JOIN cert_series s
    ON s.case_type = c.type WHERE c.id = NEW.case_id
    AND c.state IN ('approved', 'notified', 'collected')
    AND c.office_id = NEW.office_id AND s.code = NEW.series)
BEGIN
	SELECT RAISE(ABORT, '只有审核通过的案件才能发证 only an approved case gets a certificate');
END;
CREATE TRIGGER certificates_issue_number BEFORE INSERT ON certificates
WHEN NEW.seq IS NOT coalesce((SELECT last FROM cert_counters
    WHERE series = NEW.series AND year = NEW.year), 0) + 1
BEGIN
	SELECT RAISE(ABORT, '证书编号必须连续 certificate numbers are given in order, without gaps');
END;
CREATE TRIGGER certificates_issue_once BEFORE INSERT ON certificates
WHEN (NEW.replaces IS NULL AND EXISTS (SELECT 1 FROM certificates
    WHERE case_id = NEW.case_id)) OR (NEW.replaces IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM certificates WHERE id = NEW.replaces
    AND case_id = NEW.case_id AND revoked_at IS NOT NULL))
BEGIN
	SELECT RAISE(ABORT, '此案件已发证；换发须先撤销原证书 this case already has a certificate; revoke it before issuing a replacement');
END;
CREATE TRIGGER user_settings_audit_insert AFTER INSERT ON user_settings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'user_settings', NEW.user_id,
	    json_object('print_passthrough', NEW.print_passthrough));
END;
CREATE TRIGGER user_settings_audit_update AFTER UPDATE ON user_settings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'user_settings', NEW.user_id,
	    json_object('print_passthrough', OLD.print_passthrough),
	    json_object('print_passthrough', NEW.print_passthrough));
END;
CREATE TRIGGER user_settings_write BEFORE INSERT ON user_settings
WHEN NEW.user_id IS NOT qd_user_id()
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
CREATE TRIGGER user_settings_change BEFORE UPDATE ON user_settings
WHEN OLD.user_id IS NOT qd_user_id() OR NEW.user_id IS NOT OLD.user_id
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
CREATE UNIQUE INDEX exam_demands_one_open
    ON exam_demands (applicant_id, occupation_id, level)
    WHERE state IN ('recorded', 'reported', 'invited');
CREATE INDEX exam_demands_cell ON exam_demands
    (state, occupation_id, level, kind, office_id, in_taiwan, reported_at);
CREATE INDEX exam_demands_by_office ON exam_demands (office_id, state, id);
CREATE INDEX exam_demands_by_plan ON exam_demands (plan_id, state);
CREATE INDEX exam_plans_by_state ON exam_plans (state, exam_on, id);
CREATE INDEX exam_sittings_by_plan ON exam_sittings (plan_id, id);
CREATE UNIQUE INDEX exam_registrations_one_live
    ON exam_registrations (plan_id, applicant_id)
    WHERE status IN ('seated', 'waiting');
CREATE UNIQUE INDEX exam_registrations_seat
    ON exam_registrations (sitting_id, seat_no) WHERE status = 'seated';
CREATE INDEX exam_registrations_by_sitting
    ON exam_registrations (sitting_id, status, id);
CREATE INDEX exam_registrations_by_plan
    ON exam_registrations (plan_id, id);
CREATE INDEX training_links_by_person
    ON training_links (applicant_id, occupation_id);
CREATE INDEX exam_results_by_plan ON exam_results (plan_id, office_id);
CREATE INDEX exam_passes_by_applicant ON exam_passes (applicant_id, id);
CREATE INDEX exam_passes_by_cert ON exam_passes (cert_issued_on, id)
    WHERE cert_no IS NOT NULL;
CREATE INDEX exam_notices_by_office ON exam_notices (office_id, id);
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
CREATE TRIGGER exam_demands_remove BEFORE DELETE ON exam_demands
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '考试需求不可删除，请撤回 exam demand is never deleted; withdraw it');
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
CREATE TRIGGER exam_demands_audit_insert AFTER INSERT ON exam_demands
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_demands', NEW.id,
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'kind', NEW.kind, 'occupation', NEW.occupation_id,
	    'level', NEW.level, 'in_taiwan', NEW.in_taiwan,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER exam_demands_audit_update AFTER UPDATE ON exam_demands
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'exam_demands', NEW.id,
	    json_object('state', OLD.state, 'plan', OLD.plan_id,
	    'period', OLD.period, 'version', OLD.version),
	    json_object('state', NEW.state, 'plan', NEW.plan_id,
	    'period', NEW.period, 'version', NEW.version));
END;
CREATE TRIGGER exam_demands_audit_delete AFTER DELETE ON exam_demands
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_demands', OLD.id,
	    json_object('applicant', OLD.applicant_id, 'state', OLD.state,
	    'version', OLD.version));
END;
CREATE TRIGGER exam_plans_write BEFORE INSERT ON exam_plans
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.state = 'draft' AND NEW.action = 'draft'))
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订考试计划 only the center drafts exam plans');
END;
CREATE TRIGGER exam_plans_remove BEFORE DELETE ON exam_plans
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '考试计划不可删除，请取消 an exam plan is never deleted; cancel it');
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
CREATE TRIGGER exam_plans_audit_insert AFTER INSERT ON exam_plans
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_plans', NEW.id,
	    json_object('kind', NEW.kind, 'professional', NEW.professional,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'agency', NEW.agency_id, 'body', NEW.body_name,
	    'exam_on', NEW.exam_on, 'deadline', NEW.deadline,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER exam_plans_audit_update AFTER UPDATE ON exam_plans
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'exam_plans', NEW.id,
	    json_object('state', OLD.state, 'agency', OLD.agency_id,
	    'body', OLD.body_name, 'exam_on', OLD.exam_on,
	    'deadline', OLD.deadline, 'version', OLD.version),
	    json_object('state', NEW.state, 'agency', NEW.agency_id,
	    'body', NEW.body_name, 'exam_on', NEW.exam_on,
	    'deadline', NEW.deadline, 'reason', NEW.reason,
	    'version', NEW.version));
END;
CREATE TRIGGER exam_plans_audit_delete AFTER DELETE ON exam_plans
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_plans', OLD.id,
	    json_object('state', OLD.state, 'version', OLD.version));
END;
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
CREATE TRIGGER exam_sittings_audit_insert AFTER INSERT ON exam_sittings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_sittings', NEW.id,
	    json_object('plan', NEW.plan_id, 'mode', NEW.mode,
	    'office', NEW.office_id, 'venue', NEW.venue,
	    'capacity', NEW.capacity, 'version', NEW.version));
END;
CREATE TRIGGER exam_sittings_audit_update AFTER UPDATE ON exam_sittings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'exam_sittings', NEW.id,
	    json_object('mode', OLD.mode, 'office', OLD.office_id,
	    'venue', OLD.venue, 'capacity', OLD.capacity,
	    'version', OLD.version),
	    json_object('mode', NEW.mode, 'office', NEW.office_id,
	    'venue', NEW.venue, 'capacity', NEW.capacity,
	    'version', NEW.version));
END;
CREATE TRIGGER exam_sittings_audit_delete AFTER DELETE ON exam_sittings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_sittings', OLD.id,
	    json_object('plan', OLD.plan_id, 'mode', OLD.mode,
	    'capacity', OLD.capacity, 'version', OLD.version));
END;
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
CREATE TRIGGER exam_registrations_remove BEFORE DELETE ON exam_registrations
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '报名记录不可删除，请取消 a registration is never deleted; cancel it');
END;
CREATE TRIGGER exam_registrations_audit_insert AFTER INSERT
ON exam_registrations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_registrations', NEW.id,
	    json_object('plan', NEW.plan_id, 'sitting', NEW.sitting_id,
	    'applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'status', NEW.status, 'seat', NEW.seat_no,
	    'version', NEW.version));
END;
CREATE TRIGGER exam_registrations_audit_update AFTER UPDATE
ON exam_registrations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'exam_registrations', NEW.id,
	    json_object('status', OLD.status, 'seat', OLD.seat_no,
	    'notified_at', OLD.notified_at, 'version', OLD.version),
	    json_object('status', NEW.status, 'seat', NEW.seat_no,
	    'notified_at', NEW.notified_at, 'reason', NEW.reason,
	    'version', NEW.version));
END;
CREATE TRIGGER exam_registrations_audit_delete AFTER DELETE
ON exam_registrations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_registrations', OLD.id,
	    json_object('plan', OLD.plan_id, 'status', OLD.status,
	    'version', OLD.version));
END;
CREATE TRIGGER training_links_write BEFORE INSERT ON training_links
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '培训记录由培训模块写入 training links are written by the training records');
END;
CREATE TRIGGER training_links_change BEFORE UPDATE ON training_links
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '培训记录由培训模块写入 training links are written by the training records');
END;
CREATE TRIGGER training_links_remove BEFORE DELETE ON training_links
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '培训记录由培训模块写入 training links are written by the training records');
END;
CREATE TRIGGER training_links_audit_insert AFTER INSERT ON training_links
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_links', NEW.id,
	    json_object('agency', NEW.agency_id,
	    'provider', NEW.provider_name, 'applicant', NEW.applicant_id,
	    'occupation', NEW.occupation_id, 'trainer', NEW.trainer_user));
END;
CREATE TRIGGER training_links_audit_update AFTER UPDATE ON training_links
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_links', NEW.id,
	    json_object('agency', OLD.agency_id,
	    'provider', OLD.provider_name, 'applicant', OLD.applicant_id,
	    'occupation', OLD.occupation_id, 'trainer', OLD.trainer_user),
	    json_object('agency', NEW.agency_id,
	    'provider', NEW.provider_name, 'applicant', NEW.applicant_id,
	    'occupation', NEW.occupation_id, 'trainer', NEW.trainer_user));
END;
CREATE TRIGGER training_links_audit_delete AFTER DELETE ON training_links
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_links', OLD.id,
	    json_object('agency', OLD.agency_id,
	    'provider', OLD.provider_name, 'applicant', OLD.applicant_id,
	    'occupation', OLD.occupation_id, 'trainer', OLD.trainer_user));
END;
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
CREATE TRIGGER exam_results_change BEFORE UPDATE ON exam_results
BEGIN
	SELECT RAISE(ABORT, '成绩录入后不可更改 a result stays as recorded');
END;
CREATE TRIGGER exam_results_remove BEFORE DELETE ON exam_results
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '成绩录入后不可更改 a result stays as recorded');
END;
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
CREATE TRIGGER exam_results_audit_insert AFTER INSERT ON exam_results
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_results',
	    NEW.registration_id,
	    json_object('plan', NEW.plan_id, 'applicant', NEW.applicant_id,
	    'office', NEW.office_id, 'outcome', NEW.outcome,
	    'score', NEW.score));
END;
CREATE TRIGGER exam_results_audit_delete AFTER DELETE ON exam_results
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_results',
	    OLD.registration_id,
	    json_object('plan', OLD.plan_id, 'outcome', OLD.outcome));
END;
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
CREATE TRIGGER exam_passes_remove BEFORE DELETE ON exam_passes
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '合格记录不可删除 a pass is never deleted');
END;
CREATE TRIGGER exam_passes_audit_insert AFTER INSERT ON exam_passes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_passes', NEW.id,
	    json_object('registration', NEW.registration_id,
	    'applicant', NEW.applicant_id, 'plan', NEW.plan_id,
	    'cert_no', NEW.cert_no, 'version', NEW.version));
END;
CREATE TRIGGER exam_passes_audit_update AFTER UPDATE ON exam_passes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'exam_passes', NEW.id,
	    json_object('cert_no', OLD.cert_no,
	    'cert_issued_on', OLD.cert_issued_on, 'version', OLD.version),
	    json_object('cert_no', NEW.cert_no,
	    'cert_issued_on', NEW.cert_issued_on, 'version', NEW.version));
END;
CREATE TRIGGER exam_passes_audit_delete AFTER DELETE ON exam_passes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_passes', OLD.id,
	    json_object('registration', OLD.registration_id,
	    'cert_no', OLD.cert_no, 'version', OLD.version));
END;
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
CREATE TRIGGER exam_notices_remove BEFORE DELETE ON exam_notices
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '通知记录不可删除 a notice is kept as it was sent');
END;
CREATE TRIGGER exam_notices_audit_insert AFTER INSERT ON exam_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'exam_notices', NEW.id,
	    json_object('plan', NEW.plan_id, 'office', NEW.office_id,
	    'kind', NEW.kind));
END;
CREATE TRIGGER exam_notices_audit_update AFTER UPDATE ON exam_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'exam_notices', NEW.id,
	    json_object('read_at', OLD.read_at),
	    json_object('read_at', NEW.read_at, 'read_by', NEW.read_by));
END;
CREATE TRIGGER exam_notices_audit_delete AFTER DELETE ON exam_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'exam_notices', OLD.id,
	    json_object('plan', OLD.plan_id, 'office', OLD.office_id));
END;
CREATE TRIGGER training_providers_write BEFORE INSERT ON training_providers
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护培训机构 only a center admin may change training providers');
END;
CREATE TRIGGER training_providers_change BEFORE UPDATE ON training_providers
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护培训机构 only a center admin may change training providers, raising version by one');
END;
CREATE TRIGGER training_providers_remove BEFORE DELETE ON training_providers
BEGIN
	SELECT RAISE(ABORT, '培训机构不可删除，请停用 a provider is never removed; make it inactive');
END;
CREATE TRIGGER training_provider_occupations_write
BEFORE INSERT ON training_provider_occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护培训机构 only a center admin may change training providers');
END;
CREATE TRIGGER training_provider_occupations_remove
BEFORE DELETE ON training_provider_occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护培训机构 only a center admin may change training providers');
END;
CREATE TRIGGER training_providers_audit_insert AFTER INSERT ON training_providers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_providers', NEW.id,
	    json_object('name', NEW.name, 'kind', NEW.kind,
	    'office', NEW.office_id, 'active', NEW.active,
	    'version', NEW.version));
END;
CREATE TRIGGER training_providers_audit_update AFTER UPDATE ON training_providers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_providers', NEW.id,
	    json_object('name', OLD.name, 'kind', OLD.kind,
	    'office', OLD.office_id, 'active', OLD.active,
	    'version', OLD.version),
	    json_object('name', NEW.name, 'kind', NEW.kind,
	    'office', NEW.office_id, 'active', NEW.active,
	    'version', NEW.version));
END;
CREATE TRIGGER training_providers_audit_delete AFTER DELETE ON training_providers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_providers', OLD.id,
	    json_object('name', OLD.name, 'kind', OLD.kind,
	    'office', OLD.office_id, 'active', OLD.active,
	    'version', OLD.version));
END;
CREATE TRIGGER training_provider_occupations_audit_insert
AFTER INSERT ON training_provider_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_provider_occupations',
	    NEW.provider_id, json_object('occupation', NEW.occupation_id));
END;
CREATE TRIGGER training_provider_occupations_audit_delete
AFTER DELETE ON training_provider_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_provider_occupations',
	    OLD.provider_id, json_object('occupation', OLD.occupation_id));
END;
CREATE INDEX training_needs_by_office ON training_needs (office_id, id);
CREATE INDEX training_needs_match
    ON training_needs (occupation_id, level, reported_at);
CREATE TRIGGER training_needs_write BEFORE INSERT ON training_needs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.reported_at IS NULL))
BEGIN
	SELECT RAISE(ABORT, '仅办公室可登记本市台胞的培训需求 only an office records training needs, for its own city');
END;
CREATE TRIGGER training_needs_applicant BEFORE INSERT ON training_needs
WHEN NOT EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND (office_id = NEW.office_id OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = NEW.applicant_id AND office_id = NEW.office_id)))
BEGIN
	SELECT RAISE(ABORT, '此台胞不属于本办公室 this applicant is not one of the office''s');
END;
CREATE TRIGGER training_needs_change BEFORE UPDATE ON training_needs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR OLD.reported_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '需求已上报或属于其他办公室 the need was reported already or belongs to another office');
END;
CREATE TRIGGER training_needs_remove BEFORE DELETE ON training_needs
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '培训需求不可删除 a training need is never removed');
END;
CREATE TRIGGER training_needs_reported AFTER UPDATE OF reported_at
    ON training_needs
WHEN OLD.reported_at IS NULL AND NEW.reported_at IS NOT NULL
BEGIN
	INSERT INTO training_need_counts (occupation_id, level, office_id,
	    in_taiwan, n)
	VALUES (NEW.occupation_id, NEW.level, NEW.office_id, NEW.in_taiwan, 1)
	ON CONFLICT (occupation_id, level, office_id, in_taiwan)
	DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER training_needs_audit_insert AFTER INSERT ON training_needs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_needs', NEW.id,
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'period', NEW.period, 'in_taiwan', NEW.in_taiwan,
	    'reported_at', NEW.reported_at, 'version', NEW.version));
END;
CREATE TRIGGER training_needs_audit_update AFTER UPDATE ON training_needs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_needs', NEW.id,
	    json_object('applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'period', OLD.period, 'in_taiwan', OLD.in_taiwan,
	    'reported_at', OLD.reported_at, 'version', OLD.version),
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'period', NEW.period, 'in_taiwan', NEW.in_taiwan,
	    'reported_at', NEW.reported_at, 'version', NEW.version));
END;
CREATE TRIGGER training_needs_audit_delete AFTER DELETE ON training_needs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_needs', OLD.id,
	    json_object('applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'period', OLD.period, 'in_taiwan', OLD.in_taiwan,
	    'reported_at', OLD.reported_at, 'version', OLD.version));
END;
CREATE INDEX training_classes_by_state ON training_classes (state, starts_on);
CREATE TRIGGER training_classes_write BEFORE INSERT ON training_classes
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.state <> 'draft'
BEGIN
	SELECT RAISE(ABORT, '仅中心可制订办班计划 only the center plans classes, as drafts');
END;
CREATE TRIGGER training_classes_provider BEFORE INSERT ON training_classes
WHEN NOT EXISTS (SELECT 1 FROM training_providers WHERE id = NEW.provider_id
    AND active = 1)
BEGIN
	SELECT RAISE(ABORT, '培训机构不存在或已停用 the provider is unknown or inactive');
END;
CREATE TRIGGER training_classes_change BEFORE UPDATE ON training_classes
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改办班计划 only the center changes class plans, raising version by one');
END;
CREATE TRIGGER training_classes_fixed BEFORE UPDATE ON training_classes
WHEN OLD.state <> 'draft' AND (NEW.provider_id IS NOT OLD.provider_id
    OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.seats IS NOT OLD.seats
    OR NEW.enrol_from IS NOT OLD.enrol_from
    OR NEW.enrol_to IS NOT OLD.enrol_to
    OR NEW.quota_cutoff IS NOT OLD.quota_cutoff
    OR NEW.fee_fen IS NOT OLD.fee_fen)
BEGIN
	SELECT RAISE(ABORT, '已发布的办班计划不可修改名额、日期和费用 a published plan keeps its seats, dates and fee');
END;
CREATE TRIGGER training_classes_move BEFORE UPDATE OF state ON training_classes
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM training_class_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '办班计划当前状态不允许此操作 this step is not allowed for the class now');
END;
CREATE TRIGGER training_classes_remove BEFORE DELETE ON training_classes
BEGIN
	SELECT RAISE(ABORT, '办班计划不可删除，请取消 a class is never removed; cancel it');
END;
CREATE TRIGGER training_class_quotas_write BEFORE INSERT ON training_class_quotas
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR (SELECT state FROM training_classes WHERE id = NEW.class_id)
    IS NOT 'draft'
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
CREATE TRIGGER training_class_quotas_change BEFORE UPDATE ON training_class_quotas
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR (SELECT state FROM training_classes WHERE id = OLD.class_id) <> 'draft'
    OR NEW.class_id IS NOT OLD.class_id
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
CREATE TRIGGER training_class_quotas_remove BEFORE DELETE ON training_class_quotas
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR (SELECT state FROM training_classes WHERE id = OLD.class_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, '名额分配只能由中心在发布前设定 only the center sets quotas, before publishing');
END;
CREATE TRIGGER training_class_quotas_sum AFTER INSERT ON training_class_quotas
WHEN (SELECT sum(seats) FROM training_class_quotas
    WHERE class_id = NEW.class_id) >
    (SELECT seats FROM training_classes WHERE id = NEW.class_id)
BEGIN
	SELECT RAISE(ABORT, '各市名额之和超过班级名额 the cities'' quotas add up to more than the seats');
END;
CREATE TRIGGER training_class_quotas_sum_update AFTER UPDATE ON training_class_quotas
WHEN (SELECT sum(seats) FROM training_class_quotas
    WHERE class_id = NEW.class_id) >
    (SELECT seats FROM training_classes WHERE id = NEW.class_id)
BEGIN
	SELECT RAISE(ABORT, '各市名额之和超过班级名额 the cities'' quotas add up to more than the seats');
END;
CREATE TRIGGER training_classes_seats_quotas AFTER UPDATE OF seats
    ON training_classes
WHEN (SELECT coalesce(sum(seats), 0) FROM training_class_quotas
    WHERE class_id = NEW.id) > NEW.seats
BEGIN
	SELECT RAISE(ABORT, '各市名额之和超过班级名额 the cities'' quotas add up to more than the seats');
END;
CREATE TRIGGER training_classes_audit_insert AFTER INSERT ON training_classes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_classes', NEW.id,
	    json_object('title', NEW.title, 'provider', NEW.provider_id,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'seats', NEW.seats, 'enrol', NEW.enrol_from || '/' || NEW.enrol_to,
	    'cutoff', NEW.quota_cutoff, 'fee_fen', NEW.fee_fen,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER training_classes_audit_update AFTER UPDATE ON training_classes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'training_classes', NEW.id,
	    json_object('title', OLD.title, 'provider', OLD.provider_id,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'seats', OLD.seats, 'enrol', OLD.enrol_from || '/' || OLD.enrol_to,
	    'cutoff', OLD.quota_cutoff, 'fee_fen', OLD.fee_fen,
	    'state', OLD.state, 'version', OLD.version),
	    json_object('title', NEW.title, 'provider', NEW.provider_id,
	    'occupation', NEW.occupation_id, 'level', NEW.level,
	    'seats', NEW.seats, 'enrol', NEW.enrol_from || '/' || NEW.enrol_to,
	    'cutoff', NEW.quota_cutoff, 'fee_fen', NEW.fee_fen,
	    'state', NEW.state, 'reason', NEW.reason,
	    'version', NEW.version));
END;
CREATE TRIGGER training_classes_audit_delete AFTER DELETE ON training_classes
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_classes', OLD.id,
	    json_object('title', OLD.title, 'provider', OLD.provider_id,
	    'occupation', OLD.occupation_id, 'level', OLD.level,
	    'seats', OLD.seats, 'enrol', OLD.enrol_from || '/' || OLD.enrol_to,
	    'cutoff', OLD.quota_cutoff, 'fee_fen', OLD.fee_fen,
	    'state', OLD.state, 'version', OLD.version));
END;
CREATE TRIGGER training_class_quotas_audit_insert
AFTER INSERT ON training_class_quotas
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_class_quotas',
	    NEW.class_id, json_object('office', NEW.office_id,
	    'seats', NEW.seats));
END;
CREATE TRIGGER training_class_quotas_audit_update
AFTER UPDATE ON training_class_quotas
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_class_quotas',
	    NEW.class_id, json_object('office', OLD.office_id,
	    'seats', OLD.seats), json_object('office', NEW.office_id,
	    'seats', NEW.seats));
END;
CREATE TRIGGER training_class_quotas_audit_delete
AFTER DELETE ON training_class_quotas
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_class_quotas',
	    OLD.class_id, json_object('office', OLD.office_id,
	    'seats', OLD.seats));
END;
CREATE INDEX training_notices_by_office ON training_notices (office_id, id);
CREATE TRIGGER training_notices_change BEFORE UPDATE ON training_notices
BEGIN
	SELECT RAISE(ABORT, '通知记录不可更改 a notice is kept as it was recorded');
END;
CREATE TRIGGER training_notices_remove BEFORE DELETE ON training_notices
BEGIN
	SELECT RAISE(ABORT, '通知记录不可更改 a notice is kept as it was recorded');
END;
CREATE TRIGGER training_notices_audit_insert AFTER INSERT ON training_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_notices', NEW.id,
	    json_object('office', NEW.office_id, 'class', NEW.class_id,
	    'applicant', NEW.applicant_id, 'kind', NEW.kind));
END;
CREATE TRIGGER training_notices_audit_update AFTER UPDATE ON training_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_notices', NEW.id,
	    json_object('kind', OLD.kind), json_object('kind', NEW.kind));
END;
CREATE TRIGGER training_notices_audit_delete AFTER DELETE ON training_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_notices', OLD.id,
	    json_object('kind', OLD.kind));
END;
CREATE TRIGGER training_classes_published AFTER UPDATE OF state
    ON training_classes
WHEN NEW.state = 'published' AND OLD.state = 'draft'
BEGIN
	INSERT INTO training_notices (office_id, class_id, kind)
	SELECT id, NEW.id, 'published' FROM offices WHERE is_center = 0;
	INSERT INTO training_notices (office_id, class_id, applicant_id, kind)
	SELECT DISTINCT n.office_id, NEW.id, n.applicant_id, 'need_match'
	FROM training_needs n WHERE n.occupation_id = NEW.occupation_id
	    AND n.level = NEW.level AND n.reported_at IS NOT NULL;
END;
CREATE UNIQUE INDEX training_enrolments_live
    ON training_enrolments (class_id, applicant_id)
    WHERE status <> 'cancelled';
CREATE INDEX training_enrolments_by_class
    ON training_enrolments (class_id, status, office_id, id);
CREATE INDEX training_enrolments_by_applicant
    ON training_enrolments (applicant_id);
CREATE VIEW training_class_room AS
SELECT c.id AS class_id, o.id AS office_id,
    c.seats - (SELECT count(*) FROM training_enrolments e
	WHERE e.class_id = c.id AND e.status = 'enrolled') AS free_total,
    CASE WHEN NOT EXISTS (SELECT 1 FROM training_class_quotas
	WHERE class_id = c.id)
	OR (c.quota_cutoff IS NOT NULL
	AND date('now', 'localtime') >= c.quota_cutoff)
    THEN c.seats - (SELECT count(*) FROM training_enrolments e
	WHERE e.class_id = c.id AND e.status = 'enrolled')
    WHEN q.seats IS NOT NULL
    THEN q.seats - (SELECT count(*) FROM training_enrolments e
	WHERE e.class_id = c.id AND e.status = 'enrolled'
	AND e.office_id = o.id)
    ELSE c.seats - (SELECT sum(seats) FROM training_class_quotas
	WHERE class_id = c.id) - (SELECT count(*) FROM training_enrolments e
	WHERE e.class_id = c.id AND e.status = 'enrolled'
	AND e.office_id NOT IN (SELECT office_id FROM training_class_quotas
	WHERE class_id = c.id)) END AS free_office
FROM training_classes c CROSS JOIN offices o
LEFT JOIN training_class_quotas q ON q.class_id = c.id
    AND q.office_id = o.id;
CREATE TRIGGER training_enrolments_write BEFORE INSERT ON training_enrolments
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id()))
    OR NEW.status = 'cancelled' OR NEW.completed IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '仅办公室可为本市台胞报名 only an office enrols its own people');
END;
CREATE TRIGGER training_enrolments_applicant BEFORE INSERT ON training_enrolments
WHEN NOT EXISTS (SELECT 1 FROM applicants WHERE id = NEW.applicant_id
    AND (office_id = NEW.office_id OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = NEW.applicant_id AND office_id = NEW.office_id)))
BEGIN
	SELECT RAISE(ABORT, '此台胞不属于本办公室 this applicant is not one of the office''s');
END;
CREATE TRIGGER training_enrolments_window BEFORE INSERT ON training_enrolments
WHEN NOT EXISTS (SELECT 1 FROM training_classes WHERE id = NEW.class_id
    AND state = 'published'
    AND date('now', 'localtime') BETWEEN enrol_from AND enrol_to)
BEGIN
	SELECT RAISE(ABORT, '不在报名期内或班级未开放报名 the class is not open for enrolment today');
END;
CREATE TRIGGER training_enrolments_seat BEFORE INSERT ON training_enrolments
WHEN NEW.status = 'enrolled' AND (SELECT min(free_total, free_office)
    FROM training_class_room WHERE class_id = NEW.class_id
    AND office_id = NEW.office_id) < 1
BEGIN
	SELECT RAISE(ABORT, '名额已满 no seat left in this class for this city');
END;
CREATE TRIGGER training_enrolments_wait BEFORE INSERT ON training_enrolments
WHEN NEW.status = 'waiting' AND (SELECT min(free_total, free_office)
    FROM training_class_room WHERE class_id = NEW.class_id
    AND office_id = NEW.office_id) >= 1
BEGIN
	SELECT RAISE(ABORT, '尚有名额，请直接报名 there is a seat: enrol rather than wait');
END;
CREATE TRIGGER training_enrolments_change BEFORE UPDATE ON training_enrolments
WHEN NEW.version IS NOT OLD.version + 1
    OR NEW.class_id IS NOT OLD.class_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id
    OR OLD.status = 'cancelled'
BEGIN
	SELECT RAISE(ABORT, '报名记录已被他人修改或已取消 the enrolment was changed by someone else or is cancelled');
END;
CREATE TRIGGER training_enrolments_cancel BEFORE UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'cancelled' AND NOT (qd_role() = 'system'
    OR (qd_role() IN ('clerk', 'liaison') AND OLD.office_id = qd_office_id())
    OR qd_role() IN ('center', 'admin'))
BEGIN
	SELECT RAISE(ABORT, '只能取消本办公室的报名 you may cancel only your own office''s enrolments');
END;
CREATE TRIGGER training_enrolments_promote BEFORE UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'enrolled' AND OLD.status = 'waiting'
    AND (NEW.promoted <> 1 OR (SELECT min(free_total, free_office)
    FROM training_class_room WHERE class_id = NEW.class_id
    AND office_id = NEW.office_id) < 1
    OR EXISTS (SELECT 1 FROM training_enrolments w
    JOIN training_class_room r ON r.class_id = w.class_id
    AND r.office_id = w.office_id
    WHERE w.class_id = OLD.class_id AND w.status = 'waiting'
    AND w.id < OLD.id AND min(r.free_total, r.free_office) >= 1))
BEGIN
	SELECT RAISE(ABORT, '候补只能在有空位时按顺序递补 the waiting list moves up only in order, when a seat frees');
END;
CREATE TRIGGER training_enrolments_status BEFORE UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'waiting' AND OLD.status <> 'waiting'
BEGIN
	SELECT RAISE(ABORT, '已报名者不会回到候补 an enrolled person never goes back to the waiting list');
END;
CREATE TRIGGER training_enrolments_roster BEFORE UPDATE ON training_enrolments
WHEN (NEW.hours IS NOT OLD.hours OR NEW.completed IS NOT OLD.completed)
    AND NOT (coalesce(qd_role(), '') IN ('center', 'admin', 'system')
    AND (SELECT state FROM training_classes WHERE id = OLD.class_id)
    IN ('running', 'finished') AND OLD.status = 'enrolled')
BEGIN
	SELECT RAISE(ABORT, '考勤和结业由中心在开班后录入 the center records attendance and completion once the class runs');
END;
CREATE TRIGGER training_enrolments_remove BEFORE DELETE ON training_enrolments
BEGIN
	SELECT RAISE(ABORT, '报名记录不可删除，请取消 an enrolment is never removed; cancel it');
END;
CREATE TRIGGER training_enrolments_cancelled AFTER UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'cancelled' AND OLD.status = 'enrolled'
BEGIN
	UPDATE training_enrolments SET status = 'enrolled', promoted = 1,
	    version = version + 1
	WHERE id = (SELECT w.id FROM training_enrolments w
	    JOIN training_class_room r ON r.class_id = w.class_id
	    AND r.office_id = w.office_id
	    WHERE w.class_id = NEW.class_id AND w.status = 'waiting'
	    AND min(r.free_total, r.free_office) >= 1
	    ORDER BY w.id LIMIT 1);
END;
CREATE TRIGGER training_enrolments_promoted AFTER UPDATE OF status
    ON training_enrolments
WHEN NEW.status = 'enrolled' AND OLD.status = 'waiting'
BEGIN
	INSERT INTO training_notices (office_id, class_id, applicant_id, kind)
	VALUES (NEW.office_id, NEW.class_id, NEW.applicant_id, 'promoted');
END;
CREATE TRIGGER training_enrolments_audit_insert AFTER INSERT ON training_enrolments
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_enrolments', NEW.id,
	    json_object('class', NEW.class_id, 'applicant', NEW.applicant_id,
	    'office', NEW.office_id, 'status', NEW.status,
	    'hours', NEW.hours, 'completed', NEW.completed,
	    'version', NEW.version));
END;
CREATE TRIGGER training_enrolments_audit_update AFTER UPDATE ON training_enrolments
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_enrolments', NEW.id,
	    json_object('class', OLD.class_id, 'applicant', OLD.applicant_id,
	    'office', OLD.office_id, 'status', OLD.status,
	    'hours', OLD.hours, 'completed', OLD.completed,
	    'version', OLD.version),
	    json_object('class', NEW.class_id, 'applicant', NEW.applicant_id,
	    'office', NEW.office_id, 'status', NEW.status,
	    'hours', NEW.hours, 'completed', NEW.completed,
	    'version', NEW.version));
END;
CREATE TRIGGER training_enrolments_audit_delete AFTER DELETE ON training_enrolments
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_enrolments', OLD.id,
	    json_object('class', OLD.class_id, 'applicant', OLD.applicant_id,
	    'office', OLD.office_id, 'status', OLD.status,
	    'hours', OLD.hours, 'completed', OLD.completed,
	    'version', OLD.version));
END;
CREATE VIEW training_completions AS
SELECT c.provider_id AS trainer, e.applicant_id AS applicant,
    c.occupation_id AS occupation, c.level AS level, c.id AS class_id,
    e.id AS enrolment_id
FROM training_enrolments e JOIN training_classes c ON c.id = e.class_id
WHERE e.completed = 1 AND c.state = 'finished';
CREATE INDEX training_certificates_by_class ON training_certificates (class_id);
CREATE INDEX training_certificates_by_office
    ON training_certificates (office_id, id);
CREATE TRIGGER training_certificates_issue BEFORE INSERT ON training_certificates
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NOT EXISTS (SELECT 1 FROM training_enrolments e
    JOIN training_classes c ON c.id = e.class_id
    WHERE e.id = NEW.enrolment_id AND e.completed = 1
    AND c.state = 'finished' AND e.applicant_id = NEW.applicant_id
    AND e.office_id = NEW.office_id AND c.id = NEW.class_id
    AND c.occupation_id = NEW.occupation_id AND c.level = NEW.level)
BEGIN
	SELECT RAISE(ABORT, '结业证书由中心为已结业的学员签发 the center issues completion certificates to those who completed a finished class');
END;
CREATE TRIGGER training_certificates_number BEFORE INSERT ON training_certificates
WHEN NEW.seq IS NOT coalesce((SELECT last FROM training_cert_counters
    WHERE year = NEW.year), 0) + 1
BEGIN
	SELECT RAISE(ABORT, '证书编号必须连续 certificate numbers are given in order, without gaps');
END;
CREATE TRIGGER training_certificates_change BEFORE UPDATE ON training_certificates
BEGIN
	SELECT RAISE(ABORT, '证书内容签发后不可更改 a certificate is kept as it was signed');
END;
CREATE TRIGGER training_certificates_remove BEFORE DELETE ON training_certificates
BEGIN
	SELECT RAISE(ABORT, '证书不可删除 a certificate cannot be removed');
END;
CREATE TRIGGER training_certificates_issued AFTER INSERT ON training_certificates
BEGIN
	INSERT INTO training_cert_counters (year, last)
	VALUES (NEW.year, NEW.seq)
	ON CONFLICT (year) DO UPDATE SET last = excluded.last;
END;
CREATE TRIGGER training_certificates_audit_insert AFTER INSERT ON training_certificates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'training_certificates', NEW.id,
	    json_object('number', NEW.number, 'enrolment', NEW.enrolment_id,
	    'mtp', substr(NEW.mtp, 1, 2) || '****' || substr(NEW.mtp, 7),
	    'kid', NEW.kid));
END;
CREATE TRIGGER training_certificates_audit_update AFTER UPDATE ON training_certificates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'training_certificates', NEW.id,
	    json_object('number', OLD.number), json_object('number', NEW.number));
END;
CREATE TRIGGER training_certificates_audit_delete AFTER DELETE ON training_certificates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'training_certificates', OLD.id,
	    json_object('number', OLD.number));
END;
CREATE INDEX subsidy_rates_by_kind ON subsidy_rates (kind, level, valid_from);
CREATE TRIGGER subsidy_rates_write BEFORE INSERT ON subsidy_rates
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护补贴标准 only a center admin may change subsidy rates');
END;
CREATE TRIGGER subsidy_rates_change BEFORE UPDATE ON subsidy_rates
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.kind IS NOT OLD.kind OR NEW.level IS NOT OLD.level
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护补贴标准 only a center admin may change subsidy rates, raising version by one');
END;
CREATE TRIGGER subsidy_rates_remove BEFORE DELETE ON subsidy_rates
BEGIN
	SELECT RAISE(ABORT, '补贴标准不可删除，请设定截止日期 a rate is never removed; give it an end date');
END;
CREATE TRIGGER subsidy_rates_overlap AFTER INSERT ON subsidy_rates
WHEN EXISTS (SELECT 1 FROM subsidy_rates r WHERE r.id <> NEW.id
    AND r.kind = NEW.kind AND r.level = NEW.level
    AND r.valid_from <= coalesce(NEW.valid_to, '9999-12-31')
    AND NEW.valid_from <= coalesce(r.valid_to, '9999-12-31'))
BEGIN
	SELECT RAISE(ABORT, '同一证书类别和等级的补贴标准有效期重叠 two rates of one kind and level overlap');
END;
CREATE TRIGGER subsidy_rates_overlap_update AFTER UPDATE ON subsidy_rates
WHEN EXISTS (SELECT 1 FROM subsidy_rates r WHERE r.id <> NEW.id
    AND r.kind = NEW.kind AND r.level = NEW.level
    AND r.valid_from <= coalesce(NEW.valid_to, '9999-12-31')
    AND NEW.valid_from <= coalesce(r.valid_to, '9999-12-31'))
BEGIN
	SELECT RAISE(ABORT, '同一证书类别和等级的补贴标准有效期重叠 two rates of one kind and level overlap');
END;
CREATE TRIGGER subsidy_rates_audit_insert AFTER INSERT ON subsidy_rates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'subsidy_rates', NEW.id,
	    json_object('kind', NEW.kind, 'level', NEW.level,
	    'amount_fen', NEW.amount_fen, 'valid_from', NEW.valid_from,
	    'valid_to', NEW.valid_to, 'doc_no', NEW.doc_no, 'demo', NEW.demo,
	    'version', NEW.version));
END;
CREATE TRIGGER subsidy_rates_audit_update AFTER UPDATE ON subsidy_rates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'subsidy_rates', NEW.id,
	    json_object('kind', OLD.kind, 'level', OLD.level,
	    'amount_fen', OLD.amount_fen, 'valid_from', OLD.valid_from,
	    'valid_to', OLD.valid_to, 'doc_no', OLD.doc_no, 'demo', OLD.demo,
	    'version', OLD.version),
	    json_object('kind', NEW.kind, 'level', NEW.level,
	    'amount_fen', NEW.amount_fen, 'valid_from', NEW.valid_from,
	    'valid_to', NEW.valid_to, 'doc_no', NEW.doc_no, 'demo', NEW.demo,
	    'version', NEW.version));
END;
CREATE TRIGGER subsidy_rates_audit_delete AFTER DELETE ON subsidy_rates
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'subsidy_rates', OLD.id,
	    json_object('kind', OLD.kind, 'level', OLD.level,
	    'amount_fen', OLD.amount_fen, 'valid_from', OLD.valid_from,
	    'valid_to', OLD.valid_to, 'doc_no', OLD.doc_no, 'demo', OLD.demo,
	    'version', OLD.version));
END;
CREATE TRIGGER subsidy_rules_write BEFORE INSERT ON subsidy_rules
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '补贴规则只能调整，不能新增 rules are adjusted, not added');
END;
CREATE TRIGGER subsidy_rules_change BEFORE UPDATE ON subsidy_rules
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.rule IS NOT OLD.rule
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可调整补贴规则 only a center admin may adjust the rules, raising version by one');
END;
CREATE TRIGGER subsidy_rules_remove BEFORE DELETE ON subsidy_rules
BEGIN
	SELECT RAISE(ABORT, '补贴规则不可删除，请停用 a rule is never removed; turn it off');
END;
CREATE TRIGGER subsidy_rules_audit_insert AFTER INSERT ON subsidy_rules
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'subsidy_rules', NEW.ord,
	    json_object('rule', NEW.rule, 'active', NEW.active,
	    'value', NEW.value, 'version', NEW.version));
END;
CREATE TRIGGER subsidy_rules_audit_update AFTER UPDATE ON subsidy_rules
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'subsidy_rules', NEW.ord,
	    json_object('rule', OLD.rule, 'active', OLD.active,
	    'value', OLD.value, 'version', OLD.version),
	    json_object('rule', NEW.rule, 'active', NEW.active,
	    'value', NEW.value, 'version', NEW.version));
END;
CREATE TRIGGER subsidy_rules_audit_delete AFTER DELETE ON subsidy_rules
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'subsidy_rules', OLD.ord,
	    json_object('rule', OLD.rule, 'active', OLD.active,
	    'value', OLD.value, 'version', OLD.version));
END;
CREATE INDEX subsidy_intake_by_office ON subsidy_intake (office_id, outcome, id);
CREATE UNIQUE INDEX subsidy_claims_once
    ON subsidy_claims (applicant_id, occupation_id, level);
CREATE INDEX subsidy_claims_by_person_year ON subsidy_claims (applicant_id, year);
CREATE INDEX subsidy_claims_by_period ON subsidy_claims (period, state, office_id, id);
CREATE INDEX subsidy_claims_by_office ON subsidy_claims (office_id, state, id);
CREATE INDEX subsidy_claims_by_batch ON subsidy_claims (batch_id, office_id, id);
CREATE INDEX subsidy_batches_by_period ON subsidy_batches (period, id);
CREATE TRIGGER subsidy_intake_write BEFORE INSERT ON subsidy_intake
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.outcome <> 'pending'
BEGIN
	SELECT RAISE(ABORT, '补贴登记只随证书签发产生 a subsidy intake comes only with a certificate''s issue');
END;
CREATE TRIGGER subsidy_intake_change BEFORE UPDATE ON subsidy_intake
WHEN OLD.outcome <> 'pending' OR NEW.id IS NOT OLD.id
    OR NEW.source IS NOT OLD.source OR NEW.source_id IS NOT OLD.source_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.kind IS NOT OLD.kind OR NEW.level IS NOT OLD.level
BEGIN
	SELECT RAISE(ABORT, '补贴登记不可更改 an intake is kept as it was decided');
END;
CREATE TRIGGER subsidy_intake_remove BEFORE DELETE ON subsidy_intake
BEGIN
	SELECT RAISE(ABORT, '补贴登记不可更改 an intake is kept as it was decided');
END;
CREATE TRIGGER subsidy_intake_decide AFTER INSERT ON subsidy_intake
BEGIN
	UPDATE subsidy_intake SET (outcome, rule, reason) = (SELECT
	    CASE WHEN r.rule IS NULL THEN 'claim' ELSE 'ineligible' END,
	    r.rule, coalesce(r.name_zh || ' ' || r.name_en, '')
	FROM (SELECT NULL AS x) LEFT JOIN (SELECT rule, name_zh, name_en
	    FROM subsidy_rules u WHERE u.active = 1 AND (
	    (u.rule = 'resident' AND NOT EXISTS (SELECT 1 FROM applicants a
		WHERE a.id = NEW.applicant_id
		AND (a.mtp_old = 0 OR a.residence_no IS NOT NULL)))
	    OR (u.rule = 'once' AND EXISTS (SELECT 1 FROM subsidy_claims c
		WHERE c.applicant_id = NEW.applicant_id
		AND c.occupation_id = NEW.occupation_id
		AND c.level = NEW.level))
	    OR (u.rule = 'max_per_year' AND (SELECT count(*)
		FROM subsidy_claims c WHERE c.applicant_id = NEW.applicant_id
		AND c.year = CAST(substr(NEW.issued_on, 1, 4) AS INTEGER)
		AND c.state <> 'rejected') >= u.value)
	    OR (u.rule = 'rate' AND NOT EXISTS (SELECT 1 FROM subsidy_rates t
		WHERE t.kind = NEW.kind AND t.level = NEW.level
		AND NEW.issued_on BETWEEN t.valid_from
		AND coalesce(t.valid_to, '9999-12-31'))))
	    ORDER BY u.ord LIMIT 1) r ON 1)
	WHERE id = NEW.id;
	INSERT INTO subsidy_claims (intake_id, applicant_id, office_id, kind,
	    cert_number, occupation_id, level, year, period, rate_id,
	    amount_fen, doc_no)
	SELECT i.id, i.applicant_id, i.office_id, i.kind, i.cert_number,
	    i.occupation_id, i.level,
	    CAST(substr(i.issued_on, 1, 4) AS INTEGER),
	    substr(i.issued_on, 1, 7), t.id, t.amount_fen, t.doc_no
	FROM subsidy_intake i JOIN subsidy_rates t ON t.kind = i.kind
	    AND t.level = i.level AND i.issued_on BETWEEN t.valid_from
	    AND coalesce(t.valid_to, '9999-12-31')
	WHERE i.id = NEW.id AND i.outcome = 'claim'
	ORDER BY t.valid_from DESC LIMIT 1;
END;
CREATE TRIGGER subsidy_intake_audit_insert AFTER INSERT ON subsidy_intake
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'subsidy_intake', NEW.id,
	    json_object('source', NEW.source, 'source_id', NEW.source_id,
	    'number', NEW.cert_number, 'kind', NEW.kind,
	    'applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'outcome', NEW.outcome, 'rule', NEW.rule));
END;
CREATE TRIGGER subsidy_intake_audit_update AFTER UPDATE ON subsidy_intake
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'subsidy_intake', NEW.id,
	    json_object('source', OLD.source, 'source_id', OLD.source_id,
	    'number', OLD.cert_number, 'kind', OLD.kind,
	    'applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'outcome', OLD.outcome, 'rule', OLD.rule),
	    json_object('source', NEW.source, 'source_id', NEW.source_id,
	    'number', NEW.cert_number, 'kind', NEW.kind,
	    'applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'outcome', NEW.outcome, 'rule', NEW.rule));
END;
CREATE TRIGGER subsidy_intake_audit_delete AFTER DELETE ON subsidy_intake
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'subsidy_intake', OLD.id,
	    json_object('source', OLD.source, 'source_id', OLD.source_id,
	    'number', OLD.cert_number, 'kind', OLD.kind,
	    'applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'outcome', OLD.outcome, 'rule', OLD.rule));
END;
CREATE TRIGGER subsidy_claims_write BEFORE INSERT ON subsidy_claims
WHEN NEW.state <> 'drafted' OR NOT EXISTS (SELECT 1 FROM subsidy_intake
    WHERE id = NEW.intake_id AND outcome = 'claim'
    AND applicant_id = NEW.applicant_id AND office_id = NEW.office_id
    AND occupation_id = NEW.occupation_id AND level = NEW.level
    AND kind = NEW.kind)
BEGIN
	SELECT RAISE(ABORT, '补贴申请只由合格证书自动生成 a claim is drafted only from a qualifying certificate');
END;
CREATE TRIGGER subsidy_claims_change BEFORE UPDATE ON subsidy_claims
WHEN NEW.version IS NOT OLD.version + 1
    OR coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center',
    'admin', 'system') OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此补贴申请属于其他办公室或已被他人修改 this claim belongs to another office or was changed by someone else');
END;
CREATE TRIGGER subsidy_claims_fixed BEFORE UPDATE ON subsidy_claims
WHEN NEW.intake_id IS NOT OLD.intake_id
    OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
    OR NEW.cert_number IS NOT OLD.cert_number
    OR NEW.occupation_id IS NOT OLD.occupation_id
    OR NEW.level IS NOT OLD.level OR NEW.year IS NOT OLD.year
    OR NEW.period IS NOT OLD.period OR NEW.rate_id IS NOT OLD.rate_id
    OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.doc_no IS NOT OLD.doc_no
BEGIN
	SELECT RAISE(ABORT, '补贴申请的证书和金额不可更改 a claim keeps its certificate, rate and amount');
END;
CREATE TRIGGER subsidy_claims_move BEFORE UPDATE OF state ON subsidy_claims
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM subsidy_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = qd_role())
BEGIN
	SELECT RAISE(ABORT, '此补贴申请当前状态不允许此操作 this step is not allowed for this claim now');
END;
CREATE TRIGGER subsidy_claims_docs BEFORE UPDATE ON subsidy_claims
WHEN NEW.state IS OLD.state AND OLD.state NOT IN ('drafted', 'returned')
BEGIN
	SELECT RAISE(ABORT, '补贴申请已报送，材料不可更改 the claim was submitted; its documents are fixed');
END;
CREATE TRIGGER subsidy_claims_batch BEFORE UPDATE OF batch_id ON subsidy_claims
WHEN NEW.batch_id IS NOT OLD.batch_id AND NOT ((NEW.action = 'submit'
    AND NEW.state = 'submitted') OR (NEW.action = 'complete'
    AND NEW.batch_id IS NULL))
BEGIN
	SELECT RAISE(ABORT, '补贴申请只能随批次报送 a claim joins a batch only by being submitted');
END;
CREATE TRIGGER subsidy_claims_remove BEFORE DELETE ON subsidy_claims
BEGIN
	SELECT RAISE(ABORT, '补贴申请不可删除 a claim is never removed');
END;
CREATE TRIGGER subsidy_claims_audit_insert AFTER INSERT ON subsidy_claims
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'subsidy_claims', NEW.id,
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'kind', NEW.kind, 'number', NEW.cert_number,
	    'amount_fen', NEW.amount_fen, 'rate', NEW.rate_id,
	    'state', NEW.state, 'batch', NEW.batch_id,
	    'docs', NEW.doc_id || NEW.doc_cert || NEW.doc_bank || NEW.doc_form,
	    'bank_account', CASE WHEN NEW.bank_account = '' THEN ''
		ELSE '****' || substr(NEW.bank_account, -4) END,
	    'version', NEW.version));
END;
CREATE TRIGGER subsidy_claims_audit_update AFTER UPDATE ON subsidy_claims
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'subsidy_claims', NEW.id,
	    json_object('applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'kind', OLD.kind, 'number', OLD.cert_number,
	    'amount_fen', OLD.amount_fen, 'rate', OLD.rate_id,
	    'state', OLD.state, 'batch', OLD.batch_id,
	    'docs', OLD.doc_id || OLD.doc_cert || OLD.doc_bank || OLD.doc_form,
	    'bank_account', CASE WHEN OLD.bank_account = '' THEN ''
		ELSE '****' || substr(OLD.bank_account, -4) END,
	    'version', OLD.version),
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'kind', NEW.kind, 'number', NEW.cert_number,
	    'amount_fen', NEW.amount_fen, 'rate', NEW.rate_id,
	    'state', NEW.state, 'batch', NEW.batch_id,
	    'docs', NEW.doc_id || NEW.doc_cert || NEW.doc_bank || NEW.doc_form,
	    'bank_account', CASE WHEN NEW.bank_account = '' THEN ''
		ELSE '****' || substr(NEW.bank_account, -4) END,
	    'version', NEW.version));
END;
CREATE TRIGGER subsidy_claims_audit_delete AFTER DELETE ON subsidy_claims
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'subsidy_claims', OLD.id,
	    json_object('applicant', OLD.applicant_id, 'office', OLD.office_id,
	    'kind', OLD.kind, 'number', OLD.cert_number,
	    'amount_fen', OLD.amount_fen, 'rate', OLD.rate_id,
	    'state', OLD.state, 'batch', OLD.batch_id,
	    'docs', OLD.doc_id || OLD.doc_cert || OLD.doc_bank || OLD.doc_form,
	    'bank_account', CASE WHEN OLD.bank_account = '' THEN ''
		ELSE '****' || substr(OLD.bank_account, -4) END,
	    'version', OLD.version));
END;
CREATE TRIGGER subsidy_batches_write BEFORE INSERT ON subsidy_batches
WHEN coalesce(qd_role(), '') NOT IN ('center', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心可报送补贴批次 only the center submits a batch');
END;
CREATE TRIGGER subsidy_batches_change BEFORE UPDATE ON subsidy_batches
WHEN coalesce(qd_role(), '') NOT IN ('center', 'system')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.period IS NOT OLD.period
    OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
	SELECT RAISE(ABORT, '批次报送后不可更改 a batch is kept as submitted');
END;
CREATE TRIGGER subsidy_batches_remove BEFORE DELETE ON subsidy_batches
BEGIN
	SELECT RAISE(ABORT, '批次不可删除 a batch is never removed');
END;
CREATE TRIGGER subsidy_batches_audit_insert AFTER INSERT ON subsidy_batches
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'subsidy_batches', NEW.id,
	    json_object('period', NEW.period, 'claims', NEW.claims,
	    'total_fen', NEW.total_fen, 'version', NEW.version));
END;
CREATE TRIGGER subsidy_batches_audit_update AFTER UPDATE ON subsidy_batches
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'subsidy_batches', NEW.id,
	    json_object('period', OLD.period, 'claims', OLD.claims,
	    'total_fen', OLD.total_fen, 'version', OLD.version),
	    json_object('period', NEW.period, 'claims', NEW.claims,
	    'total_fen', NEW.total_fen, 'version', NEW.version));
END;
CREATE TRIGGER subsidy_batches_audit_delete AFTER DELETE ON subsidy_batches
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'subsidy_batches', OLD.id,
	    json_object('period', OLD.period, 'claims', OLD.claims,
	    'total_fen', OLD.total_fen, 'version', OLD.version));
END;
CREATE TRIGGER training_certificates_subsidy AFTER INSERT
    ON training_certificates
BEGIN
	INSERT INTO subsidy_intake (source, source_id, cert_number, kind,
	    applicant_id, office_id, occupation_id, level, issued_on)
	VALUES ('training_certificate', NEW.id, NEW.number, 'training',
	    NEW.applicant_id, NEW.office_id, NEW.occupation_id, NEW.level,
	    NEW.issued_on);
END;
CREATE INDEX job_needs_by_office ON job_needs (office_id, state, id);
CREATE INDEX job_needs_by_applicant ON job_needs (applicant_id, id);
CREATE INDEX job_need_occupations_match
    ON job_need_occupations (occupation_id, coalesce(level, 9), need_id);
CREATE INDEX job_postings_match
    ON job_postings (occupation_id, state, office_id, closes_on);
CREATE INDEX job_postings_by_state ON job_postings (state, id);
CREATE INDEX job_matches_by_office ON job_matches (office_id, state, id);
CREATE INDEX job_matches_by_need ON job_matches (need_id, id);
CREATE INDEX job_plans_by_need ON job_plans (need_id, id);
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
CREATE TRIGGER job_needs_remove BEFORE DELETE ON job_needs
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '就业需求不可删除，请关闭 job needs are never deleted; close instead');
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
CREATE TRIGGER job_need_occupations_change
BEFORE UPDATE ON job_need_occupations
BEGIN
	SELECT RAISE(ABORT, '请重新登记 record the need again to change it');
END;
CREATE TRIGGER job_need_occupations_remove
BEFORE DELETE ON job_need_occupations
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '请重新登记 record the need again to change it');
END;
CREATE TRIGGER job_need_cities_write BEFORE INSERT ON job_need_cities
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND (SELECT office_id FROM job_needs WHERE id = NEW.need_id)
    = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '此就业需求属于其他办公室 this job need belongs to another office');
END;
CREATE TRIGGER job_need_cities_change BEFORE UPDATE ON job_need_cities
BEGIN
	SELECT RAISE(ABORT, '请重新登记 record the need again to change it');
END;
CREATE TRIGGER job_need_cities_remove BEFORE DELETE ON job_need_cities
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '请重新登记 record the need again to change it');
END;
CREATE TRIGGER job_employers_write BEFORE INSERT ON job_employers
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心可登记用人单位 only the center may add employers');
END;
CREATE TRIGGER job_employers_change BEFORE UPDATE ON job_employers
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心可修改用人单位 only the center may change employers, raising version by one');
END;
CREATE TRIGGER job_employers_remove BEFORE DELETE ON job_employers
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '用人单位不可删除 employers are never deleted');
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
CREATE TRIGGER job_postings_remove BEFORE DELETE ON job_postings
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '岗位不可删除，请关闭 postings are never deleted; close instead');
END;
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
CREATE TRIGGER job_matches_remove BEFORE DELETE ON job_matches
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '推荐记录不可删除 matches are never deleted');
END;
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
CREATE TRIGGER job_plans_remove BEFORE DELETE ON job_plans
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '就业服务方案不可删除 service plans are never deleted');
END;
CREATE TRIGGER job_needs_audit_insert AFTER INSERT ON job_needs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_needs', NEW.id,
	    json_object('applicant', NEW.applicant_id, 'office', NEW.office_id,
	    'pay_min', NEW.pay_min, 'available_from', NEW.available_from,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER job_needs_audit_update AFTER UPDATE ON job_needs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'job_needs', NEW.id,
	    json_object('pay_min', OLD.pay_min,
	    'available_from', OLD.available_from, 'state', OLD.state,
	    'version', OLD.version),
	    json_object('pay_min', NEW.pay_min,
	    'available_from', NEW.available_from, 'state', NEW.state,
	    'version', NEW.version));
END;
CREATE TRIGGER job_need_occupations_audit_insert
AFTER INSERT ON job_need_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_need_occupations',
	    NEW.need_id, json_object('occupation', NEW.occupation_id,
	    'level', NEW.level, 'source', NEW.source));
END;
CREATE TRIGGER job_need_cities_audit_insert AFTER INSERT ON job_need_cities
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_need_cities',
	    NEW.need_id, json_object('office', NEW.office_id));
END;
CREATE TRIGGER job_employers_audit_insert AFTER INSERT ON job_employers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_employers', NEW.id,
	    json_object('name', NEW.name, 'office', NEW.office_id,
	    'taiwan_funded', NEW.taiwan_funded, 'version', NEW.version));
END;
CREATE TRIGGER job_employers_audit_update AFTER UPDATE ON job_employers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'job_employers', NEW.id,
	    json_object('name', OLD.name, 'office', OLD.office_id,
	    'taiwan_funded', OLD.taiwan_funded, 'version', OLD.version),
	    json_object('name', NEW.name, 'office', NEW.office_id,
	    'taiwan_funded', NEW.taiwan_funded, 'version', NEW.version));
END;
CREATE TRIGGER job_postings_audit_insert AFTER INSERT ON job_postings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_postings', NEW.id,
	    json_object('employer', NEW.employer_id,
	    'occupation', NEW.occupation_id, 'min_level', NEW.min_level,
	    'openings', NEW.openings, 'closes_on', NEW.closes_on,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER job_postings_audit_update AFTER UPDATE ON job_postings
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'job_postings', NEW.id,
	    json_object('openings', OLD.openings, 'closes_on', OLD.closes_on,
	    'state', OLD.state, 'version', OLD.version),
	    json_object('openings', NEW.openings, 'closes_on', NEW.closes_on,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER job_matches_audit_insert AFTER INSERT ON job_matches
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_matches', NEW.id,
	    json_object('posting', NEW.posting_id, 'need', NEW.need_id,
	    'office', NEW.office_id, 'state', NEW.state,
	    'version', NEW.version));
END;
CREATE TRIGGER job_matches_audit_update AFTER UPDATE ON job_matches
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'job_matches', NEW.id,
	    json_object('state', OLD.state, 'version', OLD.version),
	    json_object('state', NEW.state, 'note', NEW.note,
	    'version', NEW.version));
END;
CREATE TRIGGER job_plans_audit_insert AFTER INSERT ON job_plans
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'job_plans', NEW.id,
	    json_object('need', NEW.need_id, 'office', NEW.office_id,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER job_plans_audit_update AFTER UPDATE ON job_plans
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'job_plans', NEW.id,
	    json_object('state', OLD.state, 'outcome', OLD.outcome,
	    'version', OLD.version),
	    json_object('state', NEW.state, 'outcome', NEW.outcome,
	    'version', NEW.version));
END;
CREATE INDEX policy_answers_by_doc ON policy_answers (doc_id);
CREATE INDEX policy_answers_by_office ON policy_answers (office_id, id);
CREATE TRIGGER policy_answers_fts_insert AFTER INSERT ON policy_answers
BEGIN
	INSERT INTO policy_answers_fts (rowid, title, tags, body)
	VALUES (NEW.id, NEW.title, NEW.tags, NEW.body);
END;
CREATE TRIGGER policy_answers_fts_update AFTER UPDATE OF title, tags, body
ON policy_answers
BEGIN
	INSERT INTO policy_answers_fts (policy_answers_fts, rowid, title, tags,
	    body) VALUES ('delete', OLD.id, OLD.title, OLD.tags, OLD.body);
	INSERT INTO policy_answers_fts (rowid, title, tags, body)
	VALUES (NEW.id, NEW.title, NEW.tags, NEW.body);
END;
CREATE INDEX policy_questions_queue ON policy_questions (state, forwarded_at,
    id);
CREATE INDEX policy_questions_by_office ON policy_questions (office_id,
    state, id);
CREATE INDEX policy_inbox_by_office ON policy_inbox (office_id, read_at, id);
CREATE INDEX policy_notices_by_office ON policy_notices (office_id, status,
    id);
CREATE TRIGGER policy_docs_write BEFORE INSERT ON policy_docs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.office_id IS NULL) OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id IS qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '中心登记全省政策文件，各地只登记本地的 the center adds the province''s documents, an office only its own city''s');
END;
CREATE TRIGGER policy_docs_change BEFORE UPDATE ON policy_docs
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND OLD.office_id IS NULL) OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id OR NEW.doc_no IS NOT OLD.doc_no
BEGIN
	SELECT RAISE(ABORT, '此政策文件不属于您的办公室 this document is not your office''s, or lost a race');
END;
CREATE TRIGGER policy_docs_remove BEFORE DELETE ON policy_docs
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '政策文件不可删除，请标记为已替代 documents are never deleted; mark them replaced');
END;
CREATE TRIGGER policy_answers_write BEFORE INSERT ON policy_answers
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND NEW.office_id IS NULL) OR (qd_role() IN ('clerk', 'liaison')
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
CREATE TRIGGER policy_answers_change BEFORE UPDATE ON policy_answers
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('center', 'admin')
    AND OLD.office_id IS NULL) OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS qd_office_id()))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '此答复不属于您的办公室 this answer is not your office''s, or lost a race');
END;
CREATE TRIGGER policy_answers_change_state BEFORE UPDATE OF state
ON policy_answers
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM policy_answer_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = (CASE WHEN qd_role() = 'admin'
    THEN 'center' WHEN qd_role() = 'clerk' THEN 'liaison'
    ELSE qd_role() END))
BEGIN
	SELECT RAISE(ABORT, '此答复当前状态不允许此操作 this step is not allowed for this answer now');
END;
CREATE TRIGGER policy_answers_remove BEFORE DELETE ON policy_answers
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '答复不可删除，请撤下 answers are never deleted; withdraw instead');
END;
CREATE TRIGGER policy_questions_write BEFORE INSERT ON policy_questions
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'open'
    AND NEW.action = 'ask'))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记咨询，且只在本办公室 only an office''s clerk or liaison may record a question, in their own office');
END;
CREATE TRIGGER policy_questions_change BEFORE UPDATE ON policy_questions
WHEN NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id OR NEW.text IS NOT OLD.text
    OR NEW.created_by IS NOT OLD.created_by
    OR coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center',
    'admin', 'system')
    OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS NOT qd_office_id())
    OR (qd_role() IN ('center', 'admin') AND NEW.state IS OLD.state)
BEGIN
	SELECT RAISE(ABORT, '此咨询属于其他办公室 this question belongs to another office, or lost a race');
END;
CREATE TRIGGER policy_questions_change_state BEFORE UPDATE OF state
ON policy_questions
WHEN NEW.state IS NOT OLD.state AND qd_role() <> 'system'
    AND NOT EXISTS (SELECT 1 FROM policy_question_transitions t
    WHERE t.action = NEW.action AND t.from_state = OLD.state
    AND t.to_state = NEW.state AND t.role = (CASE WHEN qd_role() = 'admin'
    THEN 'center' ELSE qd_role() END))
BEGIN
	SELECT RAISE(ABORT, '此咨询当前状态不允许此操作 this step is not allowed for this question now');
END;
CREATE TRIGGER policy_questions_answer_used BEFORE UPDATE OF answer_id
ON policy_questions
WHEN NEW.answer_id IS NOT NULL AND NEW.answer_id IS NOT OLD.answer_id
    AND NOT EXISTS (SELECT 1 FROM policy_answers a
    WHERE a.id = NEW.answer_id AND a.state = 'published'
    AND (a.office_id IS NULL OR a.office_id = OLD.office_id))
BEGIN
	SELECT RAISE(ABORT, '此答复不可用（已撤下或属于其他城市） this answer cannot be used (withdrawn, or another city''s)');
END;
CREATE TRIGGER policy_questions_remove BEFORE DELETE ON policy_questions
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '咨询记录不可删除 questions are never deleted');
END;
CREATE TRIGGER policy_questions_replied AFTER UPDATE OF state
ON policy_questions
WHEN NEW.state = 'replied' AND OLD.state IS NOT 'replied'
BEGIN
	INSERT INTO policy_inbox (office_id, question_id)
	VALUES (NEW.office_id, NEW.id);
	INSERT INTO policy_notices (office_id, question_id, contact, text)
	VALUES (NEW.office_id, NEW.id, NEW.contact,
	    CASE WHEN NEW.reply <> '' THEN NEW.reply
	    ELSE (SELECT title || '：' || body FROM policy_answers
	    WHERE id = NEW.answer_id) END);
END;
CREATE TRIGGER policy_questions_notified AFTER UPDATE OF state
ON policy_questions
WHEN NEW.state = 'notified' AND OLD.state IS NOT 'notified'
BEGIN
	UPDATE policy_notices SET status = 'given',
	    given_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	    given_by = qd_actor()
	WHERE question_id = NEW.id AND status = 'pending';
END;
CREATE TRIGGER policy_inbox_write BEFORE INSERT ON policy_inbox
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.office_id IS NOT (SELECT office_id FROM policy_questions
    WHERE id = NEW.question_id)
BEGIN
	SELECT RAISE(ABORT, '收件箱只收中心的答复 the inbox takes only the center''s replies');
END;
CREATE TRIGGER policy_inbox_change BEFORE UPDATE ON policy_inbox
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.question_id IS NOT OLD.question_id
    OR NEW.arrived_at IS NOT OLD.arrived_at OR OLD.read_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '只能由本城市标记已读 only the city marks its inbox read');
END;
CREATE TRIGGER policy_inbox_remove BEFORE DELETE ON policy_inbox
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '收件记录不可删除 inbox rows are never deleted');
END;
CREATE TRIGGER policy_notices_write BEFORE INSERT ON policy_notices
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR NEW.office_id IS NOT (SELECT office_id FROM policy_questions
    WHERE id = NEW.question_id)
BEGIN
	SELECT RAISE(ABORT, '通知只由中心答复生成 notices come only from the center''s replies');
END;
CREATE TRIGGER policy_notices_change BEFORE UPDATE ON policy_notices
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
    OR NEW.office_id IS NOT OLD.office_id
    OR NEW.question_id IS NOT OLD.question_id OR NEW.text IS NOT OLD.text
    OR NEW.contact IS NOT OLD.contact OR OLD.status = 'given'
BEGIN
	SELECT RAISE(ABORT, '只能由本城市标记通知已告知 only the city marks its notice given');
END;
CREATE TRIGGER policy_notices_remove BEFORE DELETE ON policy_notices
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '通知记录不可删除 notices are never deleted');
END;
CREATE TRIGGER policy_docs_audit_insert AFTER INSERT ON policy_docs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'policy_docs', NEW.id,
	    json_object('doc_no', NEW.doc_no, 'title', NEW.title,
	    'issued_on', NEW.issued_on, 'office', NEW.office_id,
	    'version', NEW.version));
END;
CREATE TRIGGER policy_docs_audit_update AFTER UPDATE ON policy_docs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'policy_docs', NEW.id,
	    json_object('replaced_on', OLD.replaced_on,
	    'replaced_by', OLD.replaced_by, 'version', OLD.version),
	    json_object('replaced_on', NEW.replaced_on,
	    'replaced_by', NEW.replaced_by, 'version', NEW.version));
END;
CREATE TRIGGER policy_answers_audit_insert AFTER INSERT ON policy_answers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'policy_answers', NEW.id,
	    json_object('title', NEW.title, 'doc', NEW.doc_id,
	    'valid_until', NEW.valid_until, 'office', NEW.office_id,
	    'question', NEW.question_id, 'state', NEW.state,
	    'version', NEW.version));
END;
CREATE TRIGGER policy_answers_audit_update AFTER UPDATE ON policy_answers
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'policy_answers', NEW.id,
	    json_object('title', OLD.title, 'valid_until', OLD.valid_until,
	    'state', OLD.state, 'version', OLD.version),
	    json_object('title', NEW.title, 'valid_until', NEW.valid_until,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER policy_questions_audit_insert AFTER INSERT ON policy_questions
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'policy_questions', NEW.id,
	    json_object('office', NEW.office_id,
	    'applicant', NEW.applicant_id, 'channel', NEW.channel,
	    'state', NEW.state, 'version', NEW.version));
END;
CREATE TRIGGER policy_questions_audit_update AFTER UPDATE ON policy_questions
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    ELSE 'update' END, 'policy_questions', NEW.id,
	    json_object('state', OLD.state, 'answer', OLD.answer_id,
	    'version', OLD.version),
	    json_object('state', NEW.state, 'answer', NEW.answer_id,
	    'replied', NEW.reply <> '', 'version', NEW.version));
END;
CREATE TRIGGER policy_inbox_audit_insert AFTER INSERT ON policy_inbox
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'policy_inbox', NEW.id,
	    json_object('office', NEW.office_id,
	    'question', NEW.question_id));
END;
CREATE TRIGGER policy_inbox_audit_update AFTER UPDATE ON policy_inbox
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'read', 'policy_inbox', NEW.id,
	    json_object('read_at', OLD.read_at),
	    json_object('read_at', NEW.read_at));
END;
CREATE TRIGGER policy_notices_audit_insert AFTER INSERT ON policy_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'policy_notices', NEW.id,
	    json_object('office', NEW.office_id, 'question', NEW.question_id,
	    'status', NEW.status));
END;
CREATE TRIGGER policy_notices_audit_update AFTER UPDATE ON policy_notices
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'policy_notices', NEW.id,
	    json_object('status', OLD.status),
	    json_object('status', NEW.status));
END;
CREATE VIEW report_case_steps AS
	SELECT id AS case_id, 'cases.received' AS indicator, created_at AS at,
	    -1 AS days, coalesce(occupation_id, 0) AS occupation_id, 0 AS level
	    FROM cases
	UNION ALL SELECT id, 'cases.forwarded', forwarded_at, -1,
	    coalesce(occupation_id, 0), 0 FROM cases
	    WHERE forwarded_at IS NOT NULL
	UNION ALL SELECT id, 'cases.intake_forward', forwarded_at,
	    max(0, CAST(julianday(forwarded_at) - julianday(created_at)
	    AS INTEGER)), 0, 0 FROM cases WHERE forwarded_at IS NOT NULL
	UNION ALL SELECT id, 'cases.approved', decided_at, -1,
	    coalesce(decided_occupation_id, occupation_id, 0),
	    coalesce(decided_level, 0) FROM cases
	    WHERE state IN ('approved', 'notified', 'collected')
	    AND decided_at IS NOT NULL
	UNION ALL SELECT id, 'cases.rejected', decided_at, -1,
	    coalesce(occupation_id, 0), 0 FROM cases
	    WHERE state IN ('rejected', 'closed') AND decided_at IS NOT NULL
	UNION ALL SELECT id, 'cases.forward_decision', decided_at,
	    max(0, CAST(julianday(decided_at) - julianday(forwarded_at)
	    AS INTEGER)), 0, 0 FROM cases
	    WHERE state IN ('approved', 'notified', 'collected', 'rejected',
	    'closed') AND decided_at IS NOT NULL AND forwarded_at IS NOT NULL
	UNION ALL SELECT id, 'cases.returned', updated_at, -1,
	    coalesce(occupation_id, 0), 0 FROM cases WHERE state = 'returned'
	UNION ALL SELECT id, 'cases.withdrawn', updated_at, -1,
	    coalesce(occupation_id, 0), 0 FROM cases WHERE state = 'withdrawn'
	UNION ALL SELECT id, 'cases.collected', collected_on, -1,
	    coalesce(decided_occupation_id, occupation_id, 0),
	    coalesce(decided_level, 0) FROM cases
	    WHERE state = 'collected' AND collected_on IS NOT NULL
	UNION ALL SELECT id, 'cases.decision_collection', collected_on,
	    max(0, CAST(julianday(collected_on) -
	    julianday(date(decided_at, '+8 hours')) AS INTEGER)), 0, 0
	    FROM cases WHERE state = 'collected' AND collected_on IS NOT NULL
	    AND decided_at IS NOT NULL;
CREATE VIEW report_cert_steps AS
	SELECT c.id AS cert_id, 'certs.issued' AS indicator,
	    c.issued_on AS at FROM certificates c
	UNION ALL SELECT id, 'certs.printed', printed_at FROM certificates
	    WHERE printed_at IS NOT NULL
	UNION ALL SELECT id, 'certs.handed', handed_at FROM certificates
	    WHERE handed_at IS NOT NULL
	UNION ALL SELECT id, 'certs.revoked', revoked_at FROM certificates
	    WHERE revoked_at IS NOT NULL;
CREATE TRIGGER report_snapshot_write BEFORE INSERT ON report_snapshot
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR EXISTS (SELECT 1 FROM report_months WHERE month = NEW.month)
BEGIN
	SELECT RAISE(ABORT, '已结账月份的数据不可更改 a closed month''s figures cannot be changed');
END;
CREATE TRIGGER report_snapshot_change BEFORE UPDATE ON report_snapshot
BEGIN
	SELECT RAISE(ABORT, '已结账月份的数据不可更改 a closed month''s figures cannot be changed');
END;
CREATE TRIGGER report_snapshot_remove BEFORE DELETE ON report_snapshot
BEGIN
	SELECT RAISE(ABORT, '已结账月份的数据不可更改 a closed month''s figures cannot be changed');
END;
CREATE TRIGGER report_months_write BEFORE INSERT ON report_months
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '只有中心可以结账 only the center closes a month');
END;
CREATE TRIGGER report_months_ended BEFORE INSERT ON report_months
WHEN NEW.month >= strftime('%Y-%m', 'now', '+8 hours')
BEGIN
	SELECT RAISE(ABORT, '只能结账已结束的月份 only a month that has ended can be closed');
END;
CREATE TRIGGER report_months_rows BEFORE INSERT ON report_months
WHEN NEW.rows IS NOT (SELECT count(*) FROM report_snapshot
    WHERE month = NEW.month)
BEGIN
	SELECT RAISE(ABORT, '结账快照不完整 the snapshot of the month is incomplete');
END;
CREATE TRIGGER report_months_change BEFORE UPDATE ON report_months
BEGIN
	SELECT RAISE(ABORT, '已结账的月份不可更改 a closed month cannot be changed');
END;
CREATE TRIGGER report_months_remove BEFORE DELETE ON report_months
BEGIN
	SELECT RAISE(ABORT, '已结账的月份不可更改 a closed month cannot be changed');
END;
CREATE TRIGGER report_months_audit_insert AFTER INSERT ON report_months
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'close', 'report_months',
	    CAST(replace(NEW.month, '-', '') AS INTEGER),
	    json_object('month', NEW.month, 'kid', NEW.kid,
	    'rows', NEW.rows, 'digest', NEW.digest));
END;
CREATE VIEW report_figures AS
	SELECT indicator, month, office_id, type, occupation_id, level, days, n
	FROM report_facts WHERE month NOT IN (SELECT month FROM report_months)
	UNION ALL
	SELECT indicator, month, office_id, type, occupation_id, level, days, n
	FROM report_snapshot;
CREATE VIEW report_visible AS
	SELECT * FROM report_figures WHERE office_id = 0
	    OR office_id = (SELECT qd_office_id())
	    OR (SELECT qd_role()) IN ('center', 'admin', 'auditor', 'system');
CREATE VIEW report_open_visible AS
	SELECT * FROM report_open WHERE office_id = 0
	    OR office_id = (SELECT qd_office_id())
	    OR (SELECT qd_role()) IN ('center', 'admin', 'auditor', 'system');
CREATE TRIGGER report_prefs_write BEFORE INSERT ON report_prefs
WHEN NEW.user_id IS NOT qd_user_id()
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
CREATE TRIGGER report_prefs_change BEFORE UPDATE ON report_prefs
WHEN OLD.user_id IS NOT qd_user_id() OR NEW.user_id IS NOT OLD.user_id
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
CREATE TRIGGER report_prefs_audit_insert AFTER INSERT ON report_prefs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'report_prefs', NEW.user_id,
	    json_object('indicator', NEW.indicator, 'from', NEW.from_month,
	    'to', NEW.to_month, 'split', NEW.split, 'office', NEW.office_id,
	    'ascii', NEW.ascii));
END;
CREATE TRIGGER report_prefs_audit_update AFTER UPDATE ON report_prefs
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'report_prefs', NEW.user_id,
	    json_object('indicator', OLD.indicator, 'from', OLD.from_month,
	    'to', OLD.to_month, 'split', OLD.split, 'office', OLD.office_id,
	    'ascii', OLD.ascii),
	    json_object('indicator', NEW.indicator, 'from', NEW.from_month,
	    'to', NEW.to_month, 'split', NEW.split, 'office', NEW.office_id,
	    'ascii', NEW.ascii));
END;
CREATE TRIGGER permissions_write BEFORE INSERT ON permissions
WHEN NOT qd_may('permission', 'write')
BEGIN
	SELECT RAISE(ABORT, '权限只随数据库结构更改 permissions change only with the schema');
END;
CREATE TRIGGER permissions_change BEFORE UPDATE ON permissions
WHEN NOT qd_may('permission', 'write')
BEGIN
	SELECT RAISE(ABORT, '权限只随数据库结构更改 permissions change only with the schema');
END;
CREATE TRIGGER permissions_remove BEFORE DELETE ON permissions
WHEN NOT qd_may('permission', 'write')
BEGIN
	SELECT RAISE(ABORT, '权限只随数据库结构更改 permissions change only with the schema');
END;
CREATE TRIGGER applicants_write BEFORE INSERT ON applicants
WHEN NOT (qd_may('applicant', 'write') AND (qd_office_id() IS NULL
    OR NEW.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记台胞，且只登记在本办公室 only an office''s clerk or liaison may register an applicant, under their own office');
END;
CREATE TRIGGER applicants_change BEFORE UPDATE ON applicants
WHEN NOT (qd_may('applicant', 'write') AND (qd_office_id() IS NULL
    OR OLD.office_id = qd_office_id() OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = OLD.id AND office_id = qd_office_id())))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '此台胞属于其他办公室 this applicant belongs to another office');
END;
CREATE TRIGGER cert_keys_write BEFORE INSERT ON cert_keys
WHEN NOT qd_may('cert', 'rotate-key') OR NEW.retired_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥只能由系统或管理员生成 only the system or an admin makes signing keys');
END;
CREATE TRIGGER cert_keys_change BEFORE UPDATE ON cert_keys
WHEN NOT qd_may('cert', 'rotate-key') OR NEW.public IS NOT OLD.public
    OR NEW.kid IS NOT OLD.kid OR OLD.retired_at IS NOT NULL
    OR NEW.retired_at IS NULL OR NEW.private IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥不可更改，只能停用 a signing key cannot be changed, only retired');
END;
CREATE TRIGGER cases_open BEFORE INSERT ON cases
WHEN NOT (qd_may('case', 'open') AND (qd_office_id() IS NULL
    OR (NEW.office_id = qd_office_id() AND NEW.state = 'accepted'
    AND NEW.action = 'accept' AND NEW.held_by IS NULL)))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可受理案件，且只在本办公室 only an office''s clerk or liaison may open a case, in their own office');
END;
CREATE TRIGGER cases_change_fixed BEFORE UPDATE ON cases
WHEN NEW.id IS NOT OLD.id OR NEW.applicant_id IS NOT OLD.applicant_id
    OR NEW.office_id IS NOT OLD.office_id OR NEW.type IS NOT OLD.type
    OR NEW.created_at IS NOT OLD.created_at
    OR NEW.created_by IS NOT OLD.created_by
BEGIN
	SELECT RAISE(ABORT, '案件的台胞、办公室和类型不可更改 a case''s applicant, office and type are fixed');
END;
CREATE TRIGGER cases_change_office BEFORE UPDATE ON cases
WHEN NOT qd_may('case', 'write')
    OR (qd_office_id() IS NOT NULL AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此案件属于其他办公室 this case belongs to another office');
END;
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
CREATE TRIGGER cases_notify_needs_notice BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'notify' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM notices WHERE case_id = OLD.id
    AND recorded_at >= coalesce(OLD.decided_at, OLD.created_at))
BEGIN
	SELECT RAISE(ABORT, '请先记录对台胞的通知 record the notice to the applicant first');
END;
CREATE TRIGGER cases_notify_needs_certificate BEFORE UPDATE OF state
    ON cases
WHEN NEW.action = 'notify' AND OLD.state = 'approved'
    AND NOT EXISTS (SELECT 1 FROM certificates WHERE case_id = OLD.id
    AND revoked_at IS NULL)
BEGIN
	SELECT RAISE(ABORT, '此案件没有有效证书 the case has no certificate in force');
END;
CREATE TRIGGER cases_collect_needs_print BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'collect' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM certificates WHERE case_id = OLD.id
    AND revoked_at IS NULL AND printed_at IS NOT NULL)
BEGIN
	SELECT RAISE(ABORT, '请先打印证书 print the certificate first');
END;
CREATE TRIGGER report_cases_opened AFTER INSERT ON cases
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT s.indicator, strftime('%Y-%m', s.at, '+8 hours'), o.id,
	    NEW.type, s.occupation_id, s.level, s.days, 1
	FROM (SELECT 'cases.received' AS indicator, NEW.created_at AS at,
	    -1 AS days, coalesce(NEW.occupation_id, 0) AS occupation_id,
	    0 AS level
	UNION ALL SELECT 'cases.forwarded', NEW.forwarded_at, -1,
	    coalesce(NEW.occupation_id, 0), 0
	    WHERE NEW.forwarded_at IS NOT NULL
	UNION ALL SELECT 'cases.intake_forward', NEW.forwarded_at,
	    max(0, CAST(julianday(NEW.forwarded_at) -
	    julianday(NEW.created_at) AS INTEGER)), 0, 0
	    WHERE NEW.forwarded_at IS NOT NULL
	UNION ALL SELECT 'cases.approved', NEW.decided_at, -1,
	    coalesce(NEW.decided_occupation_id, NEW.occupation_id, 0),
	    coalesce(NEW.decided_level, 0)
	    WHERE NEW.state IN ('approved', 'notified', 'collected')
	    AND NEW.decided_at IS NOT NULL
	UNION ALL SELECT 'cases.rejected', NEW.decided_at, -1,
	    coalesce(NEW.occupation_id, 0), 0
	    WHERE NEW.state IN ('rejected', 'closed')
	    AND NEW.decided_at IS NOT NULL
	UNION ALL SELECT 'cases.forward_decision', NEW.decided_at,
	    max(0, CAST(julianday(NEW.decided_at) -
	    julianday(NEW.forwarded_at) AS INTEGER)), 0, 0
	    WHERE NEW.state IN ('approved', 'notified', 'collected',
	    'rejected', 'closed') AND NEW.decided_at IS NOT NULL
	    AND NEW.forwarded_at IS NOT NULL
	UNION ALL SELECT 'cases.returned', NEW.updated_at, -1,
	    coalesce(NEW.occupation_id, 0), 0 WHERE NEW.state = 'returned'
	UNION ALL SELECT 'cases.withdrawn', NEW.updated_at, -1,
	    coalesce(NEW.occupation_id, 0), 0 WHERE NEW.state = 'withdrawn'
	UNION ALL SELECT 'cases.collected', NEW.collected_on, -1,
	    coalesce(NEW.decided_occupation_id, NEW.occupation_id, 0),
	    coalesce(NEW.decided_level, 0)
	    WHERE NEW.state = 'collected' AND NEW.collected_on IS NOT NULL
	UNION ALL SELECT 'cases.decision_collection', NEW.collected_on,
	    max(0, CAST(julianday(NEW.collected_on) -
	    julianday(date(NEW.decided_at, '+8 hours')) AS INTEGER)), 0, 0
	    WHERE NEW.state = 'collected' AND NEW.collected_on IS NOT NULL
	    AND NEW.decided_at IS NOT NULL) s,
	    (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', s.at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
	INSERT INTO report_open (office_id, type, day, n)
	SELECT o.id, NEW.type, date(NEW.created_at, '+8 hours'), 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE NEW.state NOT IN ('collected', 'closed', 'withdrawn')
	    AND date(NEW.created_at, '+8 hours') IS NOT NULL
	ON CONFLICT (office_id, type, day) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER report_cases_moved AFTER UPDATE OF state ON cases
WHEN NEW.state IS NOT OLD.state
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT s.indicator, strftime('%Y-%m', s.at, '+8 hours'), o.id,
	    NEW.type, s.occupation_id, s.level, s.days, 1
	FROM (SELECT 'cases.forwarded' AS indicator, NEW.forwarded_at AS at,
	    -1 AS days, coalesce(NEW.occupation_id, 0) AS occupation_id,
	    0 AS level WHERE NEW.action = 'forward'
	UNION ALL SELECT 'cases.intake_forward', NEW.forwarded_at,
	    max(0, CAST(julianday(NEW.forwarded_at) -
	    julianday(NEW.created_at) AS INTEGER)), 0, 0
	    WHERE NEW.action = 'forward' AND OLD.forwarded_at IS NULL
	UNION ALL SELECT 'cases.approved', NEW.decided_at, -1,
	    coalesce(NEW.decided_occupation_id, NEW.occupation_id, 0),
	    coalesce(NEW.decided_level, 0)
	    WHERE NEW.action IN ('approve', 'confirm')
	UNION ALL SELECT 'cases.rejected', NEW.decided_at, -1,
	    coalesce(NEW.occupation_id, 0), 0 WHERE NEW.action = 'reject'
	UNION ALL SELECT 'cases.forward_decision', NEW.decided_at,
	    max(0, CAST(julianday(NEW.decided_at) -
	    julianday(NEW.forwarded_at) AS INTEGER)), 0, 0
	    WHERE NEW.action IN ('approve', 'confirm', 'reject')
	    AND NEW.forwarded_at IS NOT NULL
	UNION ALL SELECT 'cases.returned', NEW.updated_at, -1,
	    coalesce(NEW.occupation_id, 0), 0 WHERE NEW.action = 'return'
	UNION ALL SELECT 'cases.withdrawn', NEW.updated_at, -1,
	    coalesce(NEW.occupation_id, 0), 0 WHERE NEW.action = 'withdraw'
	UNION ALL SELECT 'cases.collected', NEW.collected_on, -1,
	    coalesce(NEW.decided_occupation_id, NEW.occupation_id, 0),
	    coalesce(NEW.decided_level, 0) WHERE NEW.action = 'collect'
	UNION ALL SELECT 'cases.decision_collection', NEW.collected_on,
	    max(0, CAST(julianday(NEW.collected_on) -
	    julianday(date(NEW.decided_at, '+8 hours')) AS INTEGER)), 0, 0
	    WHERE NEW.action = 'collect' AND NEW.decided_at IS NOT NULL) s,
	    (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE strftime('%Y-%m', s.at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
	UPDATE report_open SET n = n - 1
	WHERE OLD.state NOT IN ('collected', 'closed', 'withdrawn')
	    AND NEW.state IN ('collected', 'closed', 'withdrawn')
	    AND office_id IN (OLD.office_id, 0) AND type = OLD.type
	    AND day = date(OLD.created_at, '+8 hours') AND n > 0;
	INSERT INTO report_open (office_id, type, day, n)
	SELECT o.id, NEW.type, date(NEW.created_at, '+8 hours'), 1
	FROM (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE OLD.state IN ('collected', 'closed', 'withdrawn')
	    AND NEW.state NOT IN ('collected', 'closed', 'withdrawn')
	    AND date(NEW.created_at, '+8 hours') IS NOT NULL
	ON CONFLICT (office_id, type, day) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER certificates_issued AFTER INSERT ON certificates
BEGIN
	INSERT INTO cert_counters (series, year, last)
	VALUES (NEW.series, NEW.year, NEW.seq)
	ON CONFLICT (series, year) DO UPDATE SET last = excluded.last;
	INSERT INTO case_events (case_id, actor, action, from_state,
	    to_state, note)
	SELECT NEW.case_id, qd_actor(), 'certificate', state, state,
	    NEW.number FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER certificates_change_fixed BEFORE UPDATE ON certificates
WHEN NEW.number IS NOT OLD.number OR NEW.series IS NOT OLD.series
    OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq
    OR NEW.case_id IS NOT OLD.case_id OR NEW.office_id IS NOT OLD.office_id
    OR NEW.kid IS NOT OLD.kid OR NEW.name IS NOT OLD.name
    OR NEW.sex IS NOT OLD.sex OR NEW.birth_date IS NOT OLD.birth_date
    OR NEW.mtp IS NOT OLD.mtp OR NEW.tw_qual IS NOT OLD.tw_qual
    OR NEW.occupation IS NOT OLD.occupation OR NEW.level IS NOT OLD.level
    OR NEW.issued_on IS NOT OLD.issued_on OR NEW.qr_text IS NOT OLD.qr_text
    OR NEW.issued_by IS NOT OLD.issued_by
    OR NEW.issued_at IS NOT OLD.issued_at
    OR NEW.replaces IS NOT OLD.replaces
    OR NEW.reissue_reason IS NOT OLD.reissue_reason
BEGIN
	SELECT RAISE(ABORT, '证书内容签发后不可更改 a certificate is kept as it was signed');
END;
CREATE TRIGGER certificates_change_revoked BEFORE UPDATE ON certificates
WHEN OLD.revoked_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '证书已撤销 the certificate has been revoked');
END;
CREATE TRIGGER certificates_change_revoke BEFORE UPDATE OF revoked_at
    ON certificates
WHEN NEW.revoked_at IS NOT NULL AND NOT qd_may('cert', 'revoke')
BEGIN
	SELECT RAISE(ABORT, '只有中心可以撤销证书 only the center may revoke a certificate');
END;
CREATE TRIGGER certificates_change_print BEFORE UPDATE ON certificates
WHEN (NEW.print_count IS NOT OLD.print_count
    OR NEW.handed_at IS NOT OLD.handed_at)
    AND NOT (qd_may('cert', 'print') AND (qd_office_id() IS NULL
    OR OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '证书由所属办公室打印和发放 the certificate''s office prints and hands it over');
END;
CREATE TRIGGER certificates_change_handed BEFORE UPDATE OF handed_at
    ON certificates
WHEN OLD.handed_at IS NOT NULL OR NEW.printed_at IS NULL
BEGIN
	SELECT RAISE(ABORT, '证书须先打印，且只能发放一次 a certificate is printed before it is handed over, and handed over once');
END;
CREATE TRIGGER certificates_printed AFTER UPDATE OF print_count
    ON certificates
WHEN NEW.print_count > OLD.print_count
BEGIN
	INSERT INTO case_events (case_id, actor, action, from_state,
	    to_state, note)
	SELECT NEW.case_id, qd_actor(), 'print', state, state,
	    NEW.number || ' ×' || NEW.print_count FROM cases
	    WHERE id = NEW.case_id;
END;
CREATE TRIGGER certificates_revoked AFTER UPDATE OF revoked_at
    ON certificates
WHEN NEW.revoked_at IS NOT NULL
BEGIN
	INSERT INTO case_events (case_id, actor, action, from_state,
	    to_state, note)
	SELECT NEW.case_id, qd_actor(), 'revoke', state, state,
	    NEW.number || ' ' || NEW.revoke_reason FROM cases
	    WHERE id = NEW.case_id;
END;
CREATE TRIGGER certificates_subsidy AFTER INSERT ON certificates
WHEN NEW.replaces IS NULL
BEGIN
	INSERT INTO subsidy_intake (source, source_id, cert_number, kind,
	    applicant_id, office_id, occupation_id, level, issued_on)
	SELECT 'certificate', NEW.id, NEW.number, 'qualification',
	    c.applicant_id, NEW.office_id, c.decided_occupation_id, NEW.level,
	    NEW.issued_on
	FROM cases c WHERE c.id = NEW.case_id
	    AND c.decided_occupation_id IS NOT NULL;
END;
CREATE TRIGGER report_certs_issued AFTER INSERT ON certificates
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT 'certs.issued', strftime('%Y-%m', NEW.issued_on), o.id,
	    r.case_type, coalesce((SELECT coalesce(decided_occupation_id,
	    occupation_id) FROM cases WHERE id = NEW.case_id), 0),
	    NEW.level, -1, 1
	FROM cert_series r, (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE r.code = NEW.series AND strftime('%Y-%m', NEW.issued_on)
	    IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER report_certs_changed AFTER UPDATE ON certificates
WHEN (OLD.printed_at IS NULL AND NEW.printed_at IS NOT NULL)
    OR (OLD.handed_at IS NULL AND NEW.handed_at IS NOT NULL)
    OR (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
BEGIN
	INSERT INTO report_facts (indicator, month, office_id, type,
	    occupation_id, level, days, n)
	SELECT s.indicator, strftime('%Y-%m', s.at, '+8 hours'), o.id,
	    r.case_type, coalesce((SELECT coalesce(decided_occupation_id,
	    occupation_id) FROM cases WHERE id = NEW.case_id), 0),
	    NEW.level, -1, 1
	FROM (SELECT 'certs.printed' AS indicator, NEW.printed_at AS at
	    WHERE OLD.printed_at IS NULL AND NEW.printed_at IS NOT NULL
	UNION ALL SELECT 'certs.handed', NEW.handed_at
	    WHERE OLD.handed_at IS NULL AND NEW.handed_at IS NOT NULL
	UNION ALL SELECT 'certs.revoked', NEW.revoked_at
	    WHERE OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) s,
	    cert_series r, (SELECT NEW.office_id AS id UNION ALL SELECT 0) o
	WHERE r.code = NEW.series
	    AND strftime('%Y-%m', s.at, '+8 hours') IS NOT NULL
	ON CONFLICT (indicator, month, office_id, type, occupation_id, level,
	    days) DO UPDATE SET n = n + excluded.n;
END;
PRAGMA writable_schema=OFF;
COMMIT;
