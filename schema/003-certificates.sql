-- Certificates (台胞职业资格采信证书): issued, numbered and signed in the
-- transaction that approves a case; printed and handed over by the
-- office; revoked with a reason by the center, then replaced only on
-- purpose, under a new number.
--
-- The audit triggers and the plain guards (who issues, version, never
-- deleted) are declared in src/cert/tables.c and made when this file is
-- applied, right after each CREATE TABLE; `qualdesk schema show
-- 003-certificates.sql` prints them.

-- The center's Ed25519 signing keys. The newest without retired_at signs;
-- retired ones stay to verify what they signed. private is NULL once a
-- key is retired. The first key is made by the program when this
-- migration is applied (SQL cannot make one), later ones by an admin's
-- `cert rotate-key`; so this table holds the database's most secret
-- column: it is never audited, never listed, never exported.
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
CREATE TRIGGER cert_keys_write BEFORE INSERT ON cert_keys
WHEN qd_role() NOT IN ('system', 'admin') OR NEW.retired_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥只能由系统或管理员生成 only the system or an admin makes signing keys');
END;
-- The one change a key knows: retiring it, which forgets its private half.
CREATE TRIGGER cert_keys_change BEFORE UPDATE ON cert_keys
WHEN qd_role() NOT IN ('system', 'admin') OR NEW.public IS NOT OLD.public
    OR NEW.kid IS NOT OLD.kid OR OLD.retired_at IS NOT NULL
    OR NEW.retired_at IS NULL OR NEW.private IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥不可更改，只能停用 a signing key cannot be changed, only retired');
END;

-- A series per kind of case; the number is CODE-YEAR-SEQ.
CREATE TABLE cert_series (
	code		TEXT PRIMARY KEY,
	case_type	TEXT NOT NULL UNIQUE,
	title_zh	TEXT NOT NULL
);
INSERT INTO cert_series (code, case_type, title_zh) VALUES
	('CX', 'adoption', '台胞职业资格采信证书'),
	('CR', 'recognition', '台胞职业资格采认证书');

-- The last number given per series and year. Only the certificates'
-- insert trigger moves it, in the issuing transaction, so a number given
-- is committed with its certificate or not at all: no gap, no reuse.
CREATE TABLE cert_counters (
	series		TEXT NOT NULL REFERENCES cert_series (code),
	year		INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2255),
	last		INTEGER NOT NULL CHECK (last >= 1),
	PRIMARY KEY (series, year)
) WITHOUT ROWID;

-- A certificate keeps the fields as signed, so a later edit of the
-- applicant or the catalog never changes a certificate handed out; a
-- correction is a revocation and a replacement.
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
-- At most one certificate in force per case.
CREATE UNIQUE INDEX certificates_in_force ON certificates (case_id)
    WHERE revoked_at IS NULL;
CREATE INDEX certificates_by_case ON certificates (case_id);
-- An office's day of certificates, for its batch.
CREATE INDEX certificates_by_office_day ON certificates (office_id, issued_on);

-- Issuing: by the center (or the system, for demo data and upgrades:
-- declared), for a case approved in the same office, numbered next in
-- its series and year.
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
-- No silent re-issue: a case's first certificate replaces nothing; any
-- later one names the revoked certificate of the same case it replaces.
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
-- A revoked certificate stays revoked and is neither printed nor handed
-- over again.
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

-- The case's history shows what happened to its certificate.
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

-- The result goes back with its certificate: a case leaves 'approved'
-- for the applicant only with one in force, and is handed over only with
-- it printed.
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

-- Whether a user's screens print through the terminal (ESC [5i ... [4i):
-- a setting of their own, kept across logins.
CREATE TABLE user_settings (
	user_id		INTEGER PRIMARY KEY REFERENCES users (id),
	print_passthrough INTEGER NOT NULL DEFAULT 0
			CHECK (print_passthrough IN (0, 1))
);
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
