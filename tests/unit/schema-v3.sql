-- A database at schema version 3, as qualdesk 0.1.0 made it: the
-- hand-written triggers of 001-core.sql, 002-cases.sql and
-- 003-certificates.sql before they were declared, and what those
-- migrations wrote (its signing key replaced by fixed bytes). The
-- tests upgrade it to see that a database made before 004 does what a new
-- one does.
PRAGMA application_id = 1902406449;
PRAGMA user_version = 3;
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
INSERT INTO "audit" VALUES(1,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',1,NULL,'{"code":"fuzhou","name_zh":"福州市","name_en":"Fuzhou","is_center":0}');
INSERT INTO "audit" VALUES(2,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',2,NULL,'{"code":"xiamen","name_zh":"厦门市","name_en":"Xiamen","is_center":0}');
INSERT INTO "audit" VALUES(3,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',3,NULL,'{"code":"zhangzhou","name_zh":"漳州市","name_en":"Zhangzhou","is_center":0}');
INSERT INTO "audit" VALUES(4,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',4,NULL,'{"code":"quanzhou","name_zh":"泉州市","name_en":"Quanzhou","is_center":0}');
INSERT INTO "audit" VALUES(5,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',5,NULL,'{"code":"sanming","name_zh":"三明市","name_en":"Sanming","is_center":0}');
INSERT INTO "audit" VALUES(6,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',6,NULL,'{"code":"putian","name_zh":"莆田市","name_en":"Putian","is_center":0}');
INSERT INTO "audit" VALUES(7,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',7,NULL,'{"code":"nanping","name_zh":"南平市","name_en":"Nanping","is_center":0}');
INSERT INTO "audit" VALUES(8,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',8,NULL,'{"code":"longyan","name_zh":"龙岩市","name_en":"Longyan","is_center":0}');
INSERT INTO "audit" VALUES(9,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',9,NULL,'{"code":"ningde","name_zh":"宁德市","name_en":"Ningde","is_center":0}');
INSERT INTO "audit" VALUES(10,'2026-12-03T07:59:35.070Z','(schema)','migration 001-core.sql','insert','offices',10,NULL,'{"code":"pingtan","name_zh":"平潭综合实验区","name_en":"Pingtan","is_center":1}');
INSERT INTO "audit" VALUES(11,'2026-12-03T07:59:35.117Z','(schema)','migration 003-certificates.sql','insert','cert_keys',1,NULL,'{"kid":29004,"public":"1111111111111111111111111111111111111111111111111111111111111111"}');
CREATE TABLE offices (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE
			CHECK (length(code) BETWEEN 1 AND 32
			    AND code NOT GLOB '*[^a-z]*'),
	name_zh		TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 32),
	name_en		TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 64),
	is_center	INTEGER NOT NULL DEFAULT 0 CHECK (is_center IN (0, 1))
);
INSERT INTO "offices" VALUES(1,'fuzhou','福州市','Fuzhou',0);
INSERT INTO "offices" VALUES(2,'xiamen','厦门市','Xiamen',0);
INSERT INTO "offices" VALUES(3,'zhangzhou','漳州市','Zhangzhou',0);
INSERT INTO "offices" VALUES(4,'quanzhou','泉州市','Quanzhou',0);
INSERT INTO "offices" VALUES(5,'sanming','三明市','Sanming',0);
INSERT INTO "offices" VALUES(6,'putian','莆田市','Putian',0);
INSERT INTO "offices" VALUES(7,'nanping','南平市','Nanping',0);
INSERT INTO "offices" VALUES(8,'longyan','龙岩市','Longyan',0);
INSERT INTO "offices" VALUES(9,'ningde','宁德市','Ningde',0);
INSERT INTO "offices" VALUES(10,'pingtan','平潭综合实验区','Pingtan',1);
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
INSERT INTO "levels" VALUES(1,'一级/高级技师','Level 1, senior technician');
INSERT INTO "levels" VALUES(2,'二级/技师','Level 2, technician');
INSERT INTO "levels" VALUES(3,'三级/高级工','Level 3, senior worker');
INSERT INTO "levels" VALUES(4,'四级/中级工','Level 4, intermediate worker');
INSERT INTO "levels" VALUES(5,'五级/初级工','Level 5, junior worker');
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
INSERT INTO "case_states" VALUES('accepted',1,'已受理','Accepted','office');
INSERT INTO "case_states" VALUES('agency',4,'委托认定中','With agency','center');
INSERT INTO "case_states" VALUES('approved',5,'审核通过','Approved','office');
INSERT INTO "case_states" VALUES('closed',9,'已结案','Closed','closed');
INSERT INTO "case_states" VALUES('collected',8,'已领证','Collected','closed');
INSERT INTO "case_states" VALUES('forwarded',2,'已报送','Forwarded','center');
INSERT INTO "case_states" VALUES('notified',7,'已通知','Notified','office');
INSERT INTO "case_states" VALUES('rejected',6,'不予通过','Rejected','office');
INSERT INTO "case_states" VALUES('returned',3,'退回补正','Returned','office');
INSERT INTO "case_states" VALUES('withdrawn',10,'已撤回','Withdrawn','closed');
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
INSERT INTO "case_transitions" VALUES('approve','forwarded','center','approved',1,'通过','Approve');
INSERT INTO "case_transitions" VALUES('collect','notified','clerk','collected',0,'领证','Collected');
INSERT INTO "case_transitions" VALUES('collect','notified','liaison','collected',0,'领证','Collected');
INSERT INTO "case_transitions" VALUES('confirm','agency','center','approved',1,'认定确认','Agency confirmed');
INSERT INTO "case_transitions" VALUES('forward','accepted','clerk','forwarded',0,'报送','Forward');
INSERT INTO "case_transitions" VALUES('forward','accepted','liaison','forwarded',0,'报送','Forward');
INSERT INTO "case_transitions" VALUES('forward','returned','clerk','forwarded',0,'报送','Forward');
INSERT INTO "case_transitions" VALUES('forward','returned','liaison','forwarded',0,'报送','Forward');
INSERT INTO "case_transitions" VALUES('notify','approved','clerk','notified',0,'通知领证','Notify');
INSERT INTO "case_transitions" VALUES('notify','approved','liaison','notified',0,'通知领证','Notify');
INSERT INTO "case_transitions" VALUES('notify','rejected','clerk','closed',0,'通知结果','Notify');
INSERT INTO "case_transitions" VALUES('notify','rejected','liaison','closed',0,'通知结果','Notify');
INSERT INTO "case_transitions" VALUES('reject','agency','center','rejected',1,'不予通过','Reject');
INSERT INTO "case_transitions" VALUES('reject','forwarded','center','rejected',1,'不予通过','Reject');
INSERT INTO "case_transitions" VALUES('return','forwarded','center','returned',1,'退回补正','Return');
INSERT INTO "case_transitions" VALUES('route','forwarded','center','agency',1,'委托认定','Send to agency');
INSERT INTO "case_transitions" VALUES('withdraw','accepted','clerk','withdrawn',0,'撤回','Withdraw');
INSERT INTO "case_transitions" VALUES('withdraw','accepted','liaison','withdrawn',0,'撤回','Withdraw');
INSERT INTO "case_transitions" VALUES('withdraw','returned','clerk','withdrawn',0,'撤回','Withdraw');
INSERT INTO "case_transitions" VALUES('withdraw','returned','liaison','withdrawn',0,'撤回','Withdraw');
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
INSERT INTO "cert_keys" VALUES(1,29004,X'1111111111111111111111111111111111111111111111111111111111111111',X'2222222222222222222222222222222222222222222222222222222222222222','2026-12-03T07:59:35.117Z',NULL);
CREATE TABLE cert_series (
	code		TEXT PRIMARY KEY,
	case_type	TEXT NOT NULL UNIQUE,
	title_zh	TEXT NOT NULL
);
INSERT INTO "cert_series" VALUES('CX','adoption','台胞职业资格采信证书');
INSERT INTO "cert_series" VALUES('CR','recognition','台胞职业资格采认证书');
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
CREATE INDEX audit_by_record ON audit (tbl, record);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE UNIQUE INDEX offices_one_center ON offices (is_center)
    WHERE is_center = 1;
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
CREATE INDEX users_by_office ON users (office_id);
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
CREATE TRIGGER user_keys_audit_insert AFTER INSERT ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'user_keys', NEW.id,
	    json_object('user',
	    (SELECT login FROM users WHERE id = NEW.user_id),
	    'type', NEW.type, 'fingerprint', NEW.fingerprint,
	    'comment', NEW.comment));
END;
CREATE TRIGGER user_keys_audit_update AFTER UPDATE ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(), 'update', 'user_keys', NEW.id,
	    json_object('user',
	    (SELECT login FROM users WHERE id = OLD.user_id),
	    'type', OLD.type, 'fingerprint', OLD.fingerprint,
	    'comment', OLD.comment),
	    json_object('user',
	    (SELECT login FROM users WHERE id = NEW.user_id),
	    'type', NEW.type, 'fingerprint', NEW.fingerprint,
	    'comment', NEW.comment));
END;
CREATE TRIGGER user_keys_audit_delete AFTER DELETE ON user_keys
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'user_keys', OLD.id,
	    json_object('user',
	    (SELECT login FROM users WHERE id = OLD.user_id),
	    'type', OLD.type, 'fingerprint', OLD.fingerprint,
	    'comment', OLD.comment));
END;
CREATE INDEX catalog_by_occupation ON catalog (occupation_id);
CREATE INDEX agency_occupations_by_occupation
    ON agency_occupations (occupation_id, agency_id);
CREATE INDEX applicants_by_name ON applicants (name_key, birth_date, id);
CREATE INDEX case_transitions_by_move
    ON case_transitions (from_state, to_state, role);
CREATE INDEX cases_queue ON cases (state, forwarded_at, id);
CREATE INDEX cases_queue_office ON cases (state, office_id, forwarded_at, id);
CREATE INDEX cases_queue_type ON cases (state, type, forwarded_at, id);
CREATE INDEX cases_queue_occupation
    ON cases (state, occupation_id, forwarded_at, id);
CREATE INDEX cases_by_state ON cases (state, id);
CREATE INDEX cases_by_office ON cases (office_id, state, id);
CREATE INDEX cases_by_applicant ON cases (applicant_id, id);
CREATE INDEX case_events_by_case ON case_events (case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
	SELECT RAISE(ABORT, '案件历史不可更改 case history cannot be changed');
END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
	SELECT RAISE(ABORT, '案件历史不可更改 case history cannot be changed');
END;
CREATE INDEX notices_by_case ON notices (case_id, id);
CREATE INDEX notices_by_status ON notices (status, id);
CREATE TRIGGER occupations_write BEFORE INSERT ON occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER occupations_change BEFORE UPDATE ON occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog, raising version by one');
END;
CREATE TRIGGER catalog_write BEFORE INSERT ON catalog
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER catalog_change BEFORE UPDATE ON catalog
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog, raising version by one');
END;
CREATE TRIGGER catalog_remove BEFORE DELETE ON catalog
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改目录 only a center admin may change the catalog');
END;
CREATE TRIGGER agencies_write BEFORE INSERT ON agencies
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
END;
CREATE TRIGGER agencies_change BEFORE UPDATE ON agencies
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies, raising version by one');
END;
CREATE TRIGGER agency_occupations_write BEFORE INSERT ON agency_occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
END;
CREATE TRIGGER agency_occupations_remove BEFORE DELETE ON agency_occupations
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可修改认定机构 only a center admin may change agencies');
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
CREATE TRIGGER agency_occupations_audit_insert
AFTER INSERT ON agency_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'agency_occupations',
	    NEW.agency_id, json_object('occupation', NEW.occupation_id));
END;
CREATE TRIGGER agency_occupations_audit_delete
AFTER DELETE ON agency_occupations
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before)
	VALUES (qd_actor(), qd_via(), 'delete', 'agency_occupations',
	    OLD.agency_id, json_object('occupation', OLD.occupation_id));
END;
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
CREATE TRIGGER cases_open BEFORE INSERT ON cases
WHEN NOT (qd_role() = 'system' OR (qd_role() IN ('clerk', 'liaison')
    AND NEW.office_id = qd_office_id() AND NEW.state = 'accepted'
    AND NEW.action = 'accept' AND NEW.held_by IS NULL))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可受理案件，且只在本办公室 only an office''s clerk or liaison may open a case, in their own office');
END;
CREATE TRIGGER cases_remove BEFORE DELETE ON cases
WHEN coalesce(qd_role(), '') <> 'system'
BEGIN
	SELECT RAISE(ABORT, '案件不可删除，请撤回 cases are never deleted; withdraw instead');
END;
CREATE TRIGGER cases_change_version BEFORE UPDATE ON cases
WHEN NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '案件已被他人修改 cases: every update must raise version by one');
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
WHEN coalesce(qd_role(), '') NOT IN ('clerk', 'liaison', 'center', 'admin',
    'system') OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id IS NOT qd_office_id())
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
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'cases', NEW.id,
	    json_object('office', NEW.office_id, 'type', NEW.type,
	    'applicant', NEW.applicant_id, 'state', NEW.state,
	    'version', NEW.version));
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
CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases
BEGIN
	INSERT INTO audit (actor, via, action, tbl, record, before, after)
	VALUES (qd_actor(), qd_via(),
	    CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action
	    WHEN NEW.held_by IS NOT OLD.held_by THEN
	    CASE WHEN NEW.held_by IS NULL THEN 'release' ELSE 'take' END
	    ELSE 'update' END, 'cases', NEW.id,
	    json_object('state', OLD.state, 'held_by', OLD.held_by,
	    'catalog', OLD.catalog_id, 'materials', OLD.mat_id || OLD.mat_cert
	    || OLD.mat_photo || OLD.mat_form, 'version', OLD.version),
	    json_object('state', NEW.state, 'held_by', NEW.held_by,
	    'catalog', NEW.catalog_id, 'materials', NEW.mat_id || NEW.mat_cert
	    || NEW.mat_photo || NEW.mat_form,
	    'occupation', NEW.decided_occupation_id,
	    'level', NEW.decided_level, 'agency', NEW.agency_id,
	    'version', NEW.version));
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
CREATE TRIGGER cases_notify_needs_notice BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'notify' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM notices WHERE case_id = OLD.id
    AND recorded_at >= coalesce(OLD.decided_at, OLD.created_at))
BEGIN
	SELECT RAISE(ABORT, '请先记录对台胞的通知 record the notice to the applicant first');
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
CREATE TRIGGER cert_keys_write BEFORE INSERT ON cert_keys
WHEN qd_role() NOT IN ('system', 'admin') OR NEW.retired_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥只能由系统或管理员生成 only the system or an admin makes signing keys');
END;
CREATE TRIGGER cert_keys_change BEFORE UPDATE ON cert_keys
WHEN qd_role() NOT IN ('system', 'admin') OR NEW.public IS NOT OLD.public
    OR NEW.kid IS NOT OLD.kid OR OLD.retired_at IS NOT NULL
    OR NEW.retired_at IS NULL OR NEW.private IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥不可更改，只能停用 a signing key cannot be changed, only retired');
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
CREATE UNIQUE INDEX certificates_in_force ON certificates (case_id)
    WHERE revoked_at IS NULL;
CREATE INDEX certificates_by_case ON certificates (case_id);
CREATE INDEX certificates_by_office_day ON certificates (office_id, issued_on);
CREATE TRIGGER certificates_issue_role BEFORE INSERT ON certificates
WHEN qd_role() NOT IN ('center', 'admin', 'system')
BEGIN
	SELECT RAISE(ABORT, '证书由中心签发 certificates are issued by the center');
END;
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
CREATE TRIGGER certificates_issued AFTER INSERT ON certificates
BEGIN
	INSERT INTO cert_counters (series, year, last)
	VALUES (NEW.series, NEW.year, NEW.seq)
	ON CONFLICT (series, year) DO UPDATE SET last = excluded.last;
	INSERT INTO audit (actor, via, action, tbl, record, after)
	VALUES (qd_actor(), qd_via(), 'insert', 'certificates', NEW.id,
	    json_object('number', NEW.number, 'case', NEW.case_id,
	    'kid', NEW.kid, 'replaces', NEW.replaces,
	    'reason', NEW.reissue_reason));
	INSERT INTO case_events (case_id, actor, action, from_state,
	    to_state, note)
	SELECT NEW.case_id, qd_actor(), 'certificate', state, state,
	    NEW.number FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER certificates_remove BEFORE DELETE ON certificates
BEGIN
	SELECT RAISE(ABORT, '证书不可删除，只能撤销 a certificate cannot be removed, only revoked');
END;
CREATE TRIGGER certificates_change_version BEFORE UPDATE ON certificates
WHEN NEW.version IS NOT OLD.version + 1
BEGIN
	SELECT RAISE(ABORT, '证书已被他人修改，请重新打开 the certificate was changed by someone else; open it again');
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
WHEN NEW.revoked_at IS NOT NULL AND qd_role() NOT IN ('center', 'admin',
    'system')
BEGIN
	SELECT RAISE(ABORT, '只有中心可以撤销证书 only the center may revoke a certificate');
END;
CREATE TRIGGER certificates_change_print BEFORE UPDATE ON certificates
WHEN (NEW.print_count IS NOT OLD.print_count
    OR NEW.handed_at IS NOT OLD.handed_at)
    AND NOT (qd_role() IN ('admin', 'system')
    OR (qd_role() IN ('clerk', 'liaison')
    AND OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '证书由所属办公室打印和发放 the certificate''s office prints and hands it over');
END;
CREATE TRIGGER certificates_change_handed BEFORE UPDATE OF handed_at
    ON certificates
WHEN OLD.handed_at IS NOT NULL OR NEW.printed_at IS NULL
BEGIN
	SELECT RAISE(ABORT, '证书须先打印，且只能发放一次 a certificate is printed before it is handed over, and handed over once');
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
COMMIT;
