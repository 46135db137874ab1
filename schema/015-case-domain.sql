-- 015-case-domain: the materials a case needs before it goes on, the
-- channel it came by, and where each office's window is.
--
-- The audit and guard triggers of the new tables are declared in
-- src/case/tables.c and made right after each CREATE TABLE.

-- The materials a window checks at intake (受理核对材料). Each is recorded
-- on the case as received or not, in the column of the same name
-- (cases.mat_id ...). by_default marks the default list: what a case
-- needs when neither its catalog entry nor its type says otherwise.
CREATE TABLE materials (
	code		TEXT PRIMARY KEY
			CHECK (code IN ('id', 'cert', 'photo', 'form')),
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	by_default	INTEGER NOT NULL CHECK (by_default IN (0, 1))
) WITHOUT ROWID;
INSERT INTO materials (code, ord, name_zh, name_en, by_default) VALUES
	('id', 1, '身份证明', 'ID papers', 1),
	('cert', 2, '台湾证书', 'Taiwan certificate', 1),
	('photo', 3, '照片', 'Photo', 0),
	('form', 4, '申请表', 'Application form', 0);

-- Which materials a case needs when the default list is not it: the
-- rows of its catalog entry if it has any (catalog_id, type ''), else
-- those of its type (catalog_id 0). The admin keeps them with the
-- catalog.
CREATE TABLE material_needs (
	catalog_id	INTEGER NOT NULL DEFAULT 0,
	type		TEXT NOT NULL DEFAULT ''
			CHECK (type IN ('', 'adoption', 'recognition')),
	material	TEXT NOT NULL REFERENCES materials (code),
	CHECK ((catalog_id = 0) = (type <> '')),
	PRIMARY KEY (catalog_id, type, material)
) WITHOUT ROWID;
CREATE TRIGGER material_needs_catalog BEFORE INSERT ON material_needs
WHEN NEW.catalog_id <> 0 AND NOT EXISTS (SELECT 1 FROM catalog
    WHERE id = NEW.catalog_id)
BEGIN
	SELECT RAISE(ABORT, '目录中没有此资格 no such catalog entry');
END;

-- Every material each case needs, received or not.
CREATE VIEW case_materials AS
SELECT c.id AS case_id, m.code AS material, m.ord AS ord,
    m.name_zh AS name_zh, m.name_en AS name_en,
    CASE m.code WHEN 'id' THEN c.mat_id WHEN 'cert' THEN c.mat_cert
    WHEN 'photo' THEN c.mat_photo ELSE c.mat_form END AS received
FROM cases c JOIN materials m
WHERE CASE
    WHEN EXISTS (SELECT 1 FROM material_needs e
        WHERE e.catalog_id = c.catalog_id)
    THEN EXISTS (SELECT 1 FROM material_needs e
        WHERE e.catalog_id = c.catalog_id AND e.material = m.code)
    WHEN EXISTS (SELECT 1 FROM material_needs t
        WHERE t.catalog_id = 0 AND t.type = c.type)
    THEN EXISTS (SELECT 1 FROM material_needs t
        WHERE t.catalog_id = 0 AND t.type = c.type AND t.material = m.code)
    ELSE m.by_default = 1 END;

-- A case forwarded without all it needs: the office says why, once for
-- the version of the case it forwards. Never changed (declared).
CREATE TABLE material_waivers (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES cases (id),
	case_version	INTEGER NOT NULL,
	missing		TEXT NOT NULL CHECK (length(missing) BETWEEN 1 AND 100),
	reason		TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 250),
	recorded_by	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX material_waivers_by_case
    ON material_waivers (case_id, case_version);
CREATE TRIGGER material_waivers_write BEFORE INSERT ON material_waivers
WHEN NOT (qd_role() = 'system' OR (qd_may('case', 'open')
    AND (SELECT office_id FROM cases WHERE id = NEW.case_id)
    IS qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅案件所属办公室可说明缺少的材料 only the case''s office may forward it without all its materials');
END;
CREATE TRIGGER material_waivers_recorded AFTER INSERT ON material_waivers
BEGIN
	INSERT INTO case_events (case_id, actor, action, from_state, to_state,
	    note)
	SELECT NEW.case_id, qd_actor(), 'waive', state, state,
	    coalesce((SELECT group_concat(name_zh, '、') FROM (SELECT name_zh
	    FROM materials WHERE instr(' ' || NEW.missing || ' ',
	    ' ' || code || ' ') > 0 ORDER BY ord)), NEW.missing) || '：'
	    || NEW.reason FROM cases WHERE id = NEW.case_id;
END;
-- Forwarding needs every material, or the office's reason recorded for
-- the version forwarded.
CREATE TRIGGER cases_forward_materials BEFORE UPDATE OF state ON cases
WHEN NEW.action = 'forward' AND NEW.state IS NOT OLD.state
    AND qd_role() <> 'system'
    AND EXISTS (SELECT 1 FROM case_materials WHERE case_id = OLD.id
    AND received = 0)
    AND NOT EXISTS (SELECT 1 FROM material_waivers WHERE case_id = OLD.id
    AND case_version = OLD.version)
BEGIN
	SELECT RAISE(ABORT, '材料不全，请补齐或说明原因后再报送 materials are missing: complete them, or give the reason to forward without them');
END;

-- Where an application came from: the window, online (the 台陆通 app or
-- the province's platform), e-mail or post.
ALTER TABLE cases ADD COLUMN channel TEXT NOT NULL DEFAULT 'window'
    CHECK (channel IN ('window', 'app', 'platform', 'email', 'post'));
CREATE INDEX cases_by_channel ON cases (channel, id);
-- The office records it; the center never changes it.
CREATE TRIGGER cases_change_channel BEFORE UPDATE OF channel ON cases
WHEN NEW.channel IS NOT OLD.channel
    AND NOT (qd_role() = 'system' OR qd_may('case', 'open'))
BEGIN
	SELECT RAISE(ABORT, '只有办公室可更改申请渠道 only the office records how an application came');
END;

-- Each office's window for applicants: its address and service phone,
-- told in every notice. The admin keeps them; an office without a row
-- has told neither yet.
CREATE TABLE office_windows (
	office_id	INTEGER PRIMARY KEY REFERENCES offices (id),
	address		TEXT NOT NULL DEFAULT ''
			CHECK (length(address) <= 100),
	phone		TEXT NOT NULL DEFAULT ''
			CHECK (length(phone) <= 40),
	version		INTEGER NOT NULL DEFAULT 1
);

INSERT INTO permissions (noun, verb, role) VALUES
	('office', 'write', 'admin');
