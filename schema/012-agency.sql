-- 012-agency: recognition (采认) as the appraisal agency's, and the
-- professional-technical qualifications (专业技术职业资格).
--
-- Per the notice's flow for recognition, the agency confirms and issues;
-- the city coordinates its own agency for the occupation, or, when it has
-- none, sends the case to the center (委托认证), which coordinates one in
-- the province. The city then prints and notifies. So a city may route a
-- recognition case straight to an agency of its own (state
-- agency_office, on the city's desk), record the agency's certificate
-- (number, date) and print the certificate in the agency's name.
--
-- Professional-technical qualifications (titles, professional
-- qualifications) are compared and recognised like skills, but their
-- levels are their own: 正高级 ... 员级, not 一级 ... 五级.

-- What a catalog entry compares: a skill (职业技能, levels 一级..五级) or a
-- professional-technical qualification (专业技术, 正高级..员级).
ALTER TABLE catalog ADD COLUMN kind TEXT NOT NULL DEFAULT 'skill'
    CHECK (kind IN ('skill', 'professional'));

-- The names of the five levels in each scheme. level stays the one
-- number 1 (highest) to 5 that cases and certificates keep.
CREATE TABLE level_names (
	kind		TEXT NOT NULL CHECK (kind IN ('skill', 'professional')),
	level		INTEGER NOT NULL REFERENCES levels (level),
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	PRIMARY KEY (kind, level)
) WITHOUT ROWID;
INSERT INTO level_names (kind, level, name_zh, name_en)
	SELECT 'skill', level, name_zh, name_en FROM levels;
INSERT INTO level_names (kind, level, name_zh, name_en) VALUES
	('professional', 1, '正高级', 'Senior (full)'),
	('professional', 2, '副高级', 'Senior (associate)'),
	('professional', 3, '中级', 'Intermediate'),
	('professional', 4, '助理级', 'Assistant'),
	('professional', 5, '员级', 'Junior');

-- The day of the agency's own certificate (its number is agency_ref).
ALTER TABLE cases ADD COLUMN agency_on TEXT
    CHECK (agency_on IS NULL OR date(agency_on) = agency_on);

-- Whether the applicant gets the agency's own certificate (its paper,
-- handed over as it is) rather than one printed here in its name.
ALTER TABLE cases ADD COLUMN agency_paper INTEGER NOT NULL DEFAULT 0
    CHECK (agency_paper IN (0, 1));

-- With the city's own agency: on the city's desk, not the center's.
INSERT INTO case_states (state, ord, name_zh, name_en, owner) VALUES
	('agency_office', 11, '本地认定中', 'With the city''s agency',
	    'office');
INSERT INTO case_transitions
    (action, from_state, role, to_state, held, name_zh, name_en) VALUES
	('route', 'accepted', 'clerk', 'agency_office', 0, '交本地机构认定',
	    'Send to the city''s agency'),
	('route', 'accepted', 'liaison', 'agency_office', 0, '交本地机构认定',
	    'Send to the city''s agency'),
	('route', 'returned', 'clerk', 'agency_office', 0, '交本地机构认定',
	    'Send to the city''s agency'),
	('route', 'returned', 'liaison', 'agency_office', 0, '交本地机构认定',
	    'Send to the city''s agency'),
	('confirm', 'agency_office', 'clerk', 'approved', 0, '认定确认',
	    'Agency confirmed'),
	('confirm', 'agency_office', 'liaison', 'approved', 0, '认定确认',
	    'Agency confirmed'),
	-- The city's agency cannot: the center coordinates one (委托认证).
	('forward', 'agency_office', 'clerk', 'forwarded', 0, '委托中心认证',
	    'Entrust to the center'),
	('forward', 'agency_office', 'liaison', 'forwarded', 0,
	    '委托中心认证', 'Entrust to the center'),
	('withdraw', 'agency_office', 'clerk', 'withdrawn', 0, '撤回',
	    'Withdraw'),
	('withdraw', 'agency_office', 'liaison', 'withdrawn', 0, '撤回',
	    'Withdraw');

-- A case with the city's agency is a recognition, and the agency is the
-- city's own, active, and appraises the case's occupation.
CREATE TRIGGER cases_agency_office BEFORE UPDATE OF state ON cases
WHEN NEW.state = 'agency_office' AND NEW.state IS NOT OLD.state
    AND NOT (NEW.type = 'recognition' AND EXISTS (SELECT 1 FROM agencies g
    JOIN agency_occupations ao ON ao.agency_id = g.id
    WHERE g.id = NEW.agency_id AND g.office_id = NEW.office_id
    AND g.active = 1 AND ao.occupation_id = NEW.occupation_id))
BEGIN
	SELECT RAISE(ABORT, '只能交本市认定此职业的机构 only an agency of the city that appraises this occupation');
END;
-- Every agency a case is sent to appraises its occupation.
CREATE TRIGGER cases_agency_covers BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'route' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM agency_occupations
    WHERE agency_id = NEW.agency_id AND occupation_id = NEW.occupation_id)
BEGIN
	SELECT RAISE(ABORT, '该机构不认定此职业 that agency does not appraise this occupation');
END;
-- The agency's certificate date is recorded by the confirmation, never
-- after, and is no later than today (China time).
CREATE TRIGGER cases_agency_on BEFORE UPDATE OF agency_on, agency_paper
    ON cases
WHEN (NEW.agency_on IS NOT OLD.agency_on
    OR NEW.agency_paper IS NOT OLD.agency_paper) AND qd_role() <> 'system'
    AND (NEW.action <> 'confirm' OR NEW.state IS OLD.state
    OR NEW.agency_on > date('now', '+8 hours'))
BEGIN
	SELECT RAISE(ABORT, '认定日期只能在认定确认时记录，且不晚于今天 the agency''s date is recorded with its confirmation and is not in the future');
END;

-- A certificate keeps what it was issued with: the kind of qualification,
-- and for a recognition the agency that confirmed it (by name, as
-- printed), its certificate's number and day, and whether the center
-- coordinated it (委托认证). Empty agency: issued by the center.
ALTER TABLE certificates ADD COLUMN kind TEXT NOT NULL DEFAULT 'skill'
    CHECK (kind IN ('skill', 'professional'));
ALTER TABLE certificates ADD COLUMN agency TEXT NOT NULL DEFAULT ''
    CHECK (length(agency) <= 60);
ALTER TABLE certificates ADD COLUMN agency_ref TEXT NOT NULL DEFAULT ''
    CHECK (length(agency_ref) <= 60);
ALTER TABLE certificates ADD COLUMN agency_on TEXT
    CHECK (agency_on IS NULL OR date(agency_on) = agency_on);
ALTER TABLE certificates ADD COLUMN entrusted INTEGER NOT NULL DEFAULT 0
    CHECK (entrusted IN (0, 1));
ALTER TABLE certificates ADD COLUMN agency_paper INTEGER NOT NULL DEFAULT 0
    CHECK (agency_paper IN (0, 1));
CREATE TRIGGER certificates_change_agency BEFORE UPDATE ON certificates
WHEN NEW.kind IS NOT OLD.kind OR NEW.agency IS NOT OLD.agency
    OR NEW.agency_ref IS NOT OLD.agency_ref
    OR NEW.agency_on IS NOT OLD.agency_on
    OR NEW.entrusted IS NOT OLD.entrusted
    OR NEW.agency_paper IS NOT OLD.agency_paper
BEGIN
	SELECT RAISE(ABORT, '证书内容签发后不可更改 a certificate is kept as it was signed');
END;

-- The wording of each kind of certificate (附件2 for adoption): its
-- title, the statement above the mainland level and that line's label.
CREATE TABLE cert_wording (
	series		TEXT NOT NULL REFERENCES cert_series (code),
	kind		TEXT NOT NULL CHECK (kind IN ('skill', 'professional')),
	title_zh	TEXT NOT NULL,
	statement_zh	TEXT NOT NULL,
	level_label_zh	TEXT NOT NULL,
	PRIMARY KEY (series, kind)
) WITHOUT ROWID;
INSERT INTO cert_wording (series, kind, title_zh, statement_zh,
    level_label_zh) VALUES
	('CX', 'skill', '台胞职业资格采信证书',
	    '经比对采信，持证人具备大陆地区以下相当水平：',
	    '职业（工种）及等级'),
	('CX', 'professional', '台胞职业资格采信证书',
	    '经比对采信，持证人具备大陆地区以下相当水平：',
	    '专业技术职业资格及级别'),
	('CR', 'skill', '台胞职业技能等级采认证书',
	    '经职业技能等级认定机构确认，直接采认持证人取得以下职业技能等级：',
	    '职业（工种）及等级'),
	('CR', 'professional', '台胞专业技术职业资格采认证书',
	    '经审核确认，直接采认持证人取得以下专业技术职业资格：',
	    '专业技术职业资格及级别');

-- Who issues: the center (cert issue), and a city for a recognition its
-- own agency confirmed, in the confirming step: the case its office's,
-- approved by 'confirm' from the agency of that office, a first
-- certificate. Which of an office's cases is business, so the declared
-- guard (src/cert/tables.c) is widened here by hand; dropped and made
-- again, it keeps its place in the order the triggers fire.
DROP TRIGGER certificates_issue_role;
CREATE TRIGGER certificates_issue_role BEFORE INSERT ON certificates
WHEN NOT (qd_may('cert', 'issue') OR (qd_may('case', 'write')
    AND qd_office_id() IS NOT NULL AND NEW.replaces IS NULL
    AND EXISTS (SELECT 1 FROM cases c JOIN agencies g ON g.id = c.agency_id
    WHERE c.id = NEW.case_id AND c.office_id = qd_office_id()
    AND c.type = 'recognition' AND c.state = 'approved'
    AND c.action = 'confirm' AND g.office_id = c.office_id)))
BEGIN
	SELECT RAISE(ABORT, '证书由中心签发 certificates are issued by the center');
END;

-- An agency as its screen edits it: the office by code, the occupations
-- as their codes joined by ';'.
CREATE VIEW agency_rows AS
SELECT g.id AS id, g.name AS name, o.code AS office, g.active AS active,
    (SELECT group_concat(code, ';') FROM (SELECT oc.code AS code
    FROM agency_occupations ao JOIN occupations oc
    ON oc.id = ao.occupation_id WHERE ao.agency_id = g.id
    ORDER BY oc.code)) AS occupation_codes, g.version AS version
FROM agencies g JOIN offices o ON o.id = g.office_id;

-- A certificate a city issues for its agency's confirmation qualifies for
-- the subsidy like the center's: its intake comes with it.
DROP TRIGGER subsidy_intake_write;
CREATE TRIGGER subsidy_intake_write BEFORE INSERT ON subsidy_intake
WHEN NOT (qd_may('subsidy-intake', 'write')
    OR (NEW.source = 'certificate' AND qd_office_id() IS NOT NULL
    AND EXISTS (SELECT 1 FROM certificates WHERE id = NEW.source_id
    AND number = NEW.cert_number AND office_id = qd_office_id())))
    OR NEW.outcome <> 'pending'
BEGIN
	SELECT RAISE(ABORT, '补贴登记只随证书签发产生 a subsidy intake comes only with a certificate''s issue');
END;

-- The agency's own certificate is handed over without one printed here;
-- any other is printed before it is handed over, as before.
DROP TRIGGER cases_collect_needs_print;
CREATE TRIGGER cases_collect_needs_print BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'collect' AND NEW.state IS NOT OLD.state
    AND NOT EXISTS (SELECT 1 FROM certificates WHERE case_id = OLD.id
    AND revoked_at IS NULL AND (printed_at IS NOT NULL OR agency_paper = 1))
BEGIN
	SELECT RAISE(ABORT, '请先打印证书 print the certificate first');
END;
DROP TRIGGER certificates_change_handed;
CREATE TRIGGER certificates_change_handed BEFORE UPDATE OF handed_at
    ON certificates
WHEN OLD.handed_at IS NOT NULL
    OR (NEW.printed_at IS NULL AND NEW.agency_paper = 0)
BEGIN
	SELECT RAISE(ABORT, '证书须先打印，且只能发放一次 a certificate is printed before it is handed over, and handed over once');
END;
