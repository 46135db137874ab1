-- 010-permissions: who may do what, in one table.
--
-- A permission is a noun and a verb held by a role: ('catalog', 'write',
-- 'admin') lets an admin change the catalog. qualdesk reads the table as
-- it opens the database, and its commands, help, screens and data layer
-- ask it (src/perm.c); the triggers ask it through qd_may(noun, verb),
-- which qualdesk registers on every connection: 1 if the actor's role
-- holds the permission. The system (the schema's migrations, the local
-- demo-data loader) passes every check. Rows change only with the schema,
-- in a migration: no role holds ('permission', 'write').
--
-- Holders of a permission that also have an office (clerks, liaisons)
-- use it within their office; those without one (center, admin) for
-- every office. The case workflow's steps keep their own table of roles,
-- case_transitions (002-cases.sql).
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

INSERT INTO permissions (noun, verb, role) VALUES
	-- Accounts and their SSH keys: the admin keeps them; the admin and
	-- the auditor read everyone's, the others only their own.
	('user', 'write', 'admin'),
	('user', 'read', 'admin'), ('user', 'read', 'auditor'),
	('key', 'write', 'admin'),
	('key', 'read', 'admin'), ('key', 'read', 'auditor'),
	-- The audit trail and the schema that writes it.
	('audit', 'read', 'admin'), ('audit', 'read', 'auditor'),
	('schema', 'read', 'admin'), ('schema', 'read', 'auditor'),
	-- The comparison catalog with its occupations, and the agencies.
	('catalog', 'write', 'admin'),
	('agency', 'write', 'admin'),
	-- Invented applicants and cases for a demonstration.
	('demo', 'load', 'admin'),
	-- Applicants and cases: registered and opened by an office;
	-- written, step by step, by the offices and the center.
	('applicant', 'write', 'clerk'), ('applicant', 'write', 'liaison'),
	('case', 'open', 'clerk'), ('case', 'open', 'liaison'),
	('case', 'write', 'clerk'), ('case', 'write', 'liaison'),
	('case', 'write', 'center'), ('case', 'write', 'admin'),
	-- Certificates: issued and revoked by the center; printed and
	-- handed over by their office; signed with keys the admin makes.
	('cert', 'issue', 'center'), ('cert', 'issue', 'admin'),
	('cert', 'revoke', 'center'), ('cert', 'revoke', 'admin'),
	('cert', 'print', 'clerk'), ('cert', 'print', 'liaison'),
	('cert', 'print', 'admin'),
	('cert', 'rotate-key', 'admin');

-- The rules of 002 and 003 that named roles ask the table instead. Each
-- keeps its place in the order triggers fire (a migration that drops and
-- creates a trigger of the same name keeps it there: src/schema.c); the
-- declared guards are made again after this file, likewise.
DROP TRIGGER applicants_write;
CREATE TRIGGER applicants_write BEFORE INSERT ON applicants
WHEN NOT (qd_may('applicant', 'write') AND (qd_office_id() IS NULL
    OR NEW.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可登记台胞，且只登记在本办公室 only an office''s clerk or liaison may register an applicant, under their own office');
END;
DROP TRIGGER applicants_change;
CREATE TRIGGER applicants_change BEFORE UPDATE ON applicants
WHEN NOT (qd_may('applicant', 'write') AND (qd_office_id() IS NULL
    OR OLD.office_id = qd_office_id() OR EXISTS (SELECT 1 FROM cases
    WHERE applicant_id = OLD.id AND office_id = qd_office_id())))
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.office_id IS NOT OLD.office_id
BEGIN
	SELECT RAISE(ABORT, '此台胞属于其他办公室 this applicant belongs to another office');
END;
DROP TRIGGER cases_open;
CREATE TRIGGER cases_open BEFORE INSERT ON cases
WHEN NOT (qd_may('case', 'open') AND (qd_office_id() IS NULL
    OR (NEW.office_id = qd_office_id() AND NEW.state = 'accepted'
    AND NEW.action = 'accept' AND NEW.held_by IS NULL)))
BEGIN
	SELECT RAISE(ABORT, '仅办公室窗口或联络员可受理案件，且只在本办公室 only an office''s clerk or liaison may open a case, in their own office');
END;
DROP TRIGGER cases_change_office;
CREATE TRIGGER cases_change_office BEFORE UPDATE ON cases
WHEN NOT qd_may('case', 'write')
    OR (qd_office_id() IS NOT NULL AND OLD.office_id IS NOT qd_office_id())
BEGIN
	SELECT RAISE(ABORT, '此案件属于其他办公室 this case belongs to another office');
END;
DROP TRIGGER cert_keys_write;
CREATE TRIGGER cert_keys_write BEFORE INSERT ON cert_keys
WHEN NOT qd_may('cert', 'rotate-key') OR NEW.retired_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥只能由系统或管理员生成 only the system or an admin makes signing keys');
END;
DROP TRIGGER cert_keys_change;
CREATE TRIGGER cert_keys_change BEFORE UPDATE ON cert_keys
WHEN NOT qd_may('cert', 'rotate-key') OR NEW.public IS NOT OLD.public
    OR NEW.kid IS NOT OLD.kid OR OLD.retired_at IS NOT NULL
    OR NEW.retired_at IS NULL OR NEW.private IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, '签名密钥不可更改，只能停用 a signing key cannot be changed, only retired');
END;
DROP TRIGGER certificates_change_revoke;
CREATE TRIGGER certificates_change_revoke BEFORE UPDATE OF revoked_at
    ON certificates
WHEN NEW.revoked_at IS NOT NULL AND NOT qd_may('cert', 'revoke')
BEGIN
	SELECT RAISE(ABORT, '只有中心可以撤销证书 only the center may revoke a certificate');
END;
DROP TRIGGER certificates_change_print;
CREATE TRIGGER certificates_change_print BEFORE UPDATE ON certificates
WHEN (NEW.print_count IS NOT OLD.print_count
    OR NEW.handed_at IS NOT OLD.handed_at)
    AND NOT (qd_may('cert', 'print') AND (qd_office_id() IS NULL
    OR OLD.office_id = qd_office_id()))
BEGIN
	SELECT RAISE(ABORT, '证书由所属办公室打印和发放 the certificate''s office prints and hands it over');
END;

-- A case's and a certificate's first audit row now come from their
-- declared triggers (cases_audit_insert, certificates_audit_insert, made
-- after this file where a database lacks them): these keep the rest.
DROP TRIGGER cases_opened;
CREATE TRIGGER cases_opened AFTER INSERT ON cases
BEGIN
	INSERT INTO case_counts (state, office_id, type, n)
	VALUES (NEW.state, NEW.office_id, NEW.type, 1)
	ON CONFLICT (state, office_id, type) DO UPDATE SET n = n + 1;
	INSERT INTO case_events (case_id, actor, action, to_state)
	VALUES (NEW.id, qd_actor(), NEW.action, NEW.state);
END;
DROP TRIGGER certificates_issued;
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
