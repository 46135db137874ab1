-- 009-report: the figures the province asks for, kept live, and the
-- months the center has closed.
--
-- report_facts holds counts that triggers keep in the transaction of the
-- change they count, so a figure is right the moment a case moves and a
-- year by office sums a few thousand rows, not a million cases. A row is
-- one indicator in one month (China Standard Time, UTC+8) for one office,
-- kind of case, occupation and level; office 0 is the province, kept
-- beside the offices so that an office reads the province's totals
-- without reading another office's rows. days is -1 for a count; for a
-- processing time it is the whole days a step took, so n is a histogram
-- from which the median and the 90th percentile are read.
-- Modules that land later count their own indicators into the same table
-- from their own migrations (HACKING).
--
-- The audit triggers and plain guards of its tables are declared in
-- src/report/tables.c; `qualdesk schema show 009-report.sql` prints them.
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

-- The cases not yet finished, by office, kind and day of intake: the
-- backlog by age without reading the cases.
CREATE TABLE report_open (
	office_id	INTEGER NOT NULL,
	type		TEXT NOT NULL,
	day		TEXT NOT NULL CHECK (date(day) = day),
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (office_id, type, day)
) WITHOUT ROWID;

-- What each case contributes as it stands, from the times it carries:
-- the counts of the cases there were before this migration (the insert
-- trigger below does the same for one case that enters past intake:
-- demo data, an import).
-- Processing times are split by office, month and kind only.
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

-- The same for certificates as they stand (for the same backfill).
CREATE VIEW report_cert_steps AS
	SELECT c.id AS cert_id, 'certs.issued' AS indicator,
	    c.issued_on AS at FROM certificates c
	UNION ALL SELECT id, 'certs.printed', printed_at FROM certificates
	    WHERE printed_at IS NOT NULL
	UNION ALL SELECT id, 'certs.handed', handed_at FROM certificates
	    WHERE handed_at IS NOT NULL
	UNION ALL SELECT id, 'certs.revoked', revoked_at FROM certificates
	    WHERE revoked_at IS NOT NULL;

-- A case counts as it comes in, and again at every step it takes. What
-- a case brings when it enters past intake is report_case_steps' logic
-- written on NEW (a view read by id from a trigger would scan cases).
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

-- A certificate counts when issued, first printed, handed over, revoked;
-- by the kind of its case, its occupation and level.
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

-- The counts of what there was before this migration.
INSERT INTO report_facts (indicator, month, office_id, type, occupation_id,
    level, days, n)
SELECT s.indicator, strftime('%Y-%m', s.at, '+8 hours'),
    CASE w.own WHEN 1 THEN c.office_id ELSE 0 END, c.type, s.occupation_id,
    s.level, s.days, count(*)
FROM report_case_steps s JOIN cases c ON c.id = s.case_id,
    (SELECT 1 AS own UNION ALL SELECT 0) w
WHERE strftime('%Y-%m', s.at, '+8 hours') IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO report_facts (indicator, month, office_id, type, occupation_id,
    level, days, n)
SELECT s.indicator, strftime('%Y-%m', s.at, '+8 hours'),
    CASE w.own WHEN 1 THEN t.office_id ELSE 0 END, r.case_type,
    coalesce(c.decided_occupation_id, c.occupation_id, 0), t.level, -1,
    count(*)
FROM report_cert_steps s JOIN certificates t ON t.id = s.cert_id
    JOIN cert_series r ON r.code = t.series
    LEFT JOIN cases c ON c.id = t.case_id,
    (SELECT 1 AS own UNION ALL SELECT 0) w
WHERE strftime('%Y-%m', s.at, '+8 hours') IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO report_open (office_id, type, day, n)
SELECT CASE w.own WHEN 1 THEN office_id ELSE 0 END, type,
    date(created_at, '+8 hours'), count(*)
FROM cases, (SELECT 1 AS own UNION ALL SELECT 0) w
WHERE state NOT IN ('collected', 'closed', 'withdrawn')
    AND date(created_at, '+8 hours') IS NOT NULL
GROUP BY 1, 2, 3;

-- A closed month: its figures frozen in report_snapshot, the text of
-- those rows signed with the center's key (kid names it in cert_keys).
-- Neither is ever changed or removed; figures of a closed month are read
-- from the snapshot, whatever happens to the data later.
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
-- The rows of report_facts of the month as they were at closing, and
-- the backlog then as indicator cases.backlog (days: the age at the
-- month's last day).
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
CREATE TRIGGER report_snapshot_write BEFORE INSERT ON report_snapshot
WHEN coalesce(qd_role(), '') NOT IN ('center', 'admin', 'system')
    OR EXISTS (SELECT 1 FROM report_months WHERE month = NEW.month)
BEGIN
	SELECT RAISE(ABORT, '已结账月份的数据不可更改 a closed month''s figures cannot be changed');
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

-- The figures as they are read: live for an open month, the snapshot for
-- a closed one.
CREATE VIEW report_figures AS
	SELECT indicator, month, office_id, type, occupation_id, level, days, n
	FROM report_facts WHERE month NOT IN (SELECT month FROM report_months)
	UNION ALL
	SELECT indicator, month, office_id, type, occupation_id, level, days, n
	FROM report_snapshot;
-- What a user may read: an office its own rows and the province's
-- (office 0); the center, the admin and the auditor every office. The
-- actor is read once per statement (a subquery), not once per row.
CREATE VIEW report_visible AS
	SELECT * FROM report_figures WHERE office_id = 0
	    OR office_id = (SELECT qd_office_id())
	    OR (SELECT qd_role()) IN ('center', 'admin', 'auditor', 'system');
CREATE VIEW report_open_visible AS
	SELECT * FROM report_open WHERE office_id = 0
	    OR office_id = (SELECT qd_office_id())
	    OR (SELECT qd_role()) IN ('center', 'admin', 'auditor', 'system');

-- What each user last asked the reports screen for, and whether their
-- charts are drawn in ASCII: kept across logins.
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
