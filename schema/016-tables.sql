-- 016-tables: the audit triggers and plain guards of the tables of
-- 004-exam.sql to 009-report.sql are declared (src/MODULE/tables.c), and
-- the roles their rules named are rows of the permissions table.
--
-- A database made before this migration has those triggers as they were
-- written by hand; after this file they are made again from their
-- declarations where they differ, each where a new database has it, so
-- that both fire in the same order (src/schema.c).

INSERT INTO permissions (noun, verb, role) VALUES
	-- The links between trainers and the people they trained, which
	-- keep exams apart from training: the training records write them.
	('training-link', 'write', 'admin'),
	-- Training providers and the occupations they train for.
	('training-provider', 'write', 'admin'),
	-- Subsidy rates are the admin's; batches of claims the center's.
	('subsidy-rate', 'write', 'admin'),
	('subsidy-batch', 'submit', 'center'),
	-- The employers that post jobs.
	('employer', 'write', 'center'), ('employer', 'write', 'admin'),
	-- Closing a month of the reports.
	('report', 'close', 'center'), ('report', 'close', 'admin');
