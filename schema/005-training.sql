-- 005-training: training providers (培训机构), the cities' training needs,
-- class plans (办班计划) with seats and per-city quotas, enrolment with a
-- waiting list, the provider's roster and the training completion
-- certificate (培训结业证书).
--
-- Seats are counted in the database: the triggers below refuse an
-- enrolment past the class's seats or a city's quota whatever program
-- writes, and qualdesk writes under BEGIN IMMEDIATE, so two clerks
-- enrolling at once are serialised and counted exactly.
--
-- The audit triggers and plain guards of its tables are declared in
-- src/training/tables.c; `qualdesk schema show 005-training.sql` prints
-- them.

-- Providers: kept by the center's admins.
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

-- Training needs (培训需求), recorded by a city for one of its people and
-- reported to the center (reported_at set once).
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
CREATE INDEX training_needs_by_office ON training_needs (office_id, id);
CREATE INDEX training_needs_match
    ON training_needs (occupation_id, level, reported_at);
-- The center's live table: reported needs by occupation, level, city and
-- whether the person is in Taiwan, kept by trigger so it never counts rows.
CREATE TABLE training_need_counts (
	occupation_id	INTEGER NOT NULL,
	level		INTEGER NOT NULL,
	office_id	INTEGER NOT NULL,
	in_taiwan	INTEGER NOT NULL,
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (occupation_id, level, office_id, in_taiwan)
) WITHOUT ROWID;

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

-- The states of a class plan and who may move it.
CREATE TABLE training_class_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO training_class_states (state, ord, name_zh, name_en) VALUES
	('draft', 1, '草拟', 'Draft'),
	('published', 2, '已发布', 'Published'),
	('closed', 3, '报名截止', 'Enrolment closed'),
	('running', 4, '培训中', 'Running'),
	('finished', 5, '已结业', 'Finished'),
	('cancelled', 6, '已取消', 'Cancelled');
CREATE TABLE training_class_transitions (
	action		TEXT NOT NULL,
	from_state	TEXT NOT NULL REFERENCES training_class_states (state),
	role		TEXT NOT NULL CHECK (role IN ('center', 'admin')),
	to_state	TEXT NOT NULL REFERENCES training_class_states (state),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (action, from_state, role)
) WITHOUT ROWID;
INSERT INTO training_class_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('publish', 'draft', 'center', 'published', '发布', 'Publish'),
	('close', 'published', 'center', 'closed', '截止报名', 'Close enrolment'),
	('start', 'published', 'center', 'running', '开班', 'Start'),
	('start', 'closed', 'center', 'running', '开班', 'Start'),
	('finish', 'running', 'center', 'finished', '结业', 'Finish'),
	('cancel', 'draft', 'center', 'cancelled', '取消', 'Cancel'),
	('cancel', 'published', 'center', 'cancelled', '取消', 'Cancel'),
	('cancel', 'closed', 'center', 'cancelled', '取消', 'Cancel'),
	('publish', 'draft', 'admin', 'published', '发布', 'Publish'),
	('cancel', 'draft', 'admin', 'cancelled', '取消', 'Cancel'),
	('cancel', 'published', 'admin', 'cancelled', '取消', 'Cancel'),
	('cancel', 'closed', 'admin', 'cancelled', '取消', 'Cancel');

-- Class plans. seats is a real number of places: never 0 for
-- "unlimited". quota_cutoff is the day the cities' unused quotas return to
-- the common pool (NULL: the class has no quotas' deadline, and quotas
-- hold until enrolment closes).
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
CREATE INDEX training_classes_by_state ON training_classes (state, starts_on);

-- Per-city quotas of a class, out of its seats.
CREATE TABLE training_class_quotas (
	class_id	INTEGER NOT NULL REFERENCES training_classes (id),
	office_id	INTEGER NOT NULL REFERENCES offices (id),
	seats		INTEGER NOT NULL CHECK (seats >= 1),
	PRIMARY KEY (class_id, office_id)
) WITHOUT ROWID;

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
-- The quotas never add up to more than the seats.
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

-- Notices to the cities (and, through them, to the people whose needs
-- match): written by the schema when a class is published or a seat is
-- given from the waiting list.
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
CREATE INDEX training_notices_by_office ON training_notices (office_id, id);

-- Publishing tells every city, and each city about its people whose
-- reported needs match the class's occupation and level.
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

-- Enrolments: a live row is enrolled or waiting; a cancelled one stays
-- for the record. Waiting rows hold no seat.
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
-- No person twice in one class while either row is live.
CREATE UNIQUE INDEX training_enrolments_live
    ON training_enrolments (class_id, applicant_id)
    WHERE status <> 'cancelled';
CREATE INDEX training_enrolments_by_class
    ON training_enrolments (class_id, status, office_id, id);
CREATE INDEX training_enrolments_by_applicant
    ON training_enrolments (applicant_id);

-- The seats an office may still take in a class today: the class's free
-- seats, and before the cut-off a city with a quota is held to it while
-- the cities without one share what the quotas leave.
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
-- A seat is taken only when there is one, for the class and the city.
CREATE TRIGGER training_enrolments_seat BEFORE INSERT ON training_enrolments
WHEN NEW.status = 'enrolled' AND (SELECT min(free_total, free_office)
    FROM training_class_room WHERE class_id = NEW.class_id
    AND office_id = NEW.office_id) < 1
BEGIN
	SELECT RAISE(ABORT, '名额已满 no seat left in this class for this city');
END;
-- Only a person without a free seat waits.
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
-- The office cancels its own; promotion from the list is the schema's;
-- the roster (hours, completion) is the center's, once the class runs.
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
-- A cancelled seat goes to the first on the waiting list who may take it
-- (in the order they asked), and that person's city is told.
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

-- Who completed which provider's class in which occupation: the pairs
-- that exams kept separate from training (考培分离) must know.
CREATE VIEW training_completions AS
SELECT c.provider_id AS trainer, e.applicant_id AS applicant,
    c.occupation_id AS occupation, c.level AS level, c.id AS class_id,
    e.id AS enrolment_id
FROM training_enrolments e JOIN training_classes c ON c.id = e.class_id
WHERE e.completed = 1 AND c.state = 'finished';

-- Training completion certificates (培训结业证书), series PX: numbered per
-- year without gaps, signed like the other certificates, one per
-- completed enrolment.
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
CREATE TRIGGER training_certificates_issued AFTER INSERT ON training_certificates
BEGIN
	INSERT INTO training_cert_counters (year, last)
	VALUES (NEW.year, NEW.seq)
	ON CONFLICT (year) DO UPDATE SET last = excluded.last;
END;

