-- 006-subsidy: vocational-training subsidy claims (职业培训补贴) the center
-- files for applicants who obtained a qualifying certificate through it.
--
-- A qualifying certificate is written into subsidy_intake (by trigger
-- when an adoption or recognition certificate or a training completion
-- certificate is issued; by the exams when a pass is recorded, with the
-- same INSERT). The intake's trigger checks the eligibility rules, which
-- are rows of subsidy_rules, and drafts the claim at the rate in force,
-- or records why there is none: in the same transaction as the
-- certificate, whatever program issued it.
--
-- The audit triggers and plain guards of its tables are declared in
-- src/subsidy/tables.c; `qualdesk schema show 006-subsidy.sql` prints
-- them.

-- The four kinds of certificate that qualify.
CREATE TABLE subsidy_kinds (
	kind		TEXT PRIMARY KEY,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO subsidy_kinds (kind, name_zh, name_en) VALUES
	('qualification', '职业资格证书', 'Vocational qualification certificate'),
	('skill', '职业技能等级证书', 'Skill level certificate'),
	('special', '专项职业能力证书', 'Special ability certificate'),
	('training', '培训结业证书', 'Training completion certificate');

-- Rates: amount in fen per kind and level, valid from/to (inclusive;
-- NULL: open), with the policy document (文号) they come from. Two rates
-- of one kind and level never overlap. demo marks invented ones.
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
CREATE INDEX subsidy_rates_by_kind ON subsidy_rates (kind, level, valid_from);

CREATE TRIGGER subsidy_rates_change BEFORE UPDATE ON subsidy_rates
WHEN coalesce(qd_role(), '') NOT IN ('admin', 'system')
    OR NEW.version IS NOT OLD.version + 1
    OR NEW.kind IS NOT OLD.kind OR NEW.level IS NOT OLD.level
BEGIN
	SELECT RAISE(ABORT, '仅中心管理员可维护补贴标准 only a center admin may change subsidy rates, raising version by one');
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

-- The eligibility rules, checked in ord; active = 0 turns one off, value
-- is its number where it has one (max_per_year: N claims a year).
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
INSERT INTO subsidy_rules (rule, ord, active, value, name_zh, name_en) VALUES
	('resident', 1, 1, NULL, '须为登记在册的台湾居民（持现行通行证或居住证）',
	    'a Taiwan resident of record (a current MTP or a residence permit)'),
	('once', 2, 1, NULL, '同一职业和等级每人只补贴一次',
	    'one claim per person per occupation and level'),
	('max_per_year', 3, 1, 3, '每人每年补贴次数有上限',
	    'at most N subsidised claims per person per year'),
	('rate', 4, 1, NULL, '须有当日有效的补贴标准',
	    'a rate in force on the day of the certificate');
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

-- The claim's states and who may move it.
CREATE TABLE subsidy_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO subsidy_states (state, ord, name_zh, name_en) VALUES
	('drafted', 1, '待补材料', 'Drafted'),
	('complete', 2, '材料齐全', 'Documents complete'),
	('submitted', 3, '已报送', 'Submitted'),
	('approved', 4, '已核准', 'Approved'),
	('returned', 5, '退回', 'Returned'),
	('rejected', 6, '不予补贴', 'Rejected'),
	('paid', 7, '已拨付', 'Paid');
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
INSERT INTO subsidy_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('complete', 'drafted', 'clerk', 'complete', '材料齐全', 'Complete'),
	('complete', 'drafted', 'liaison', 'complete', '材料齐全', 'Complete'),
	('complete', 'drafted', 'center', 'complete', '材料齐全', 'Complete'),
	('complete', 'returned', 'clerk', 'complete', '材料齐全', 'Complete'),
	('complete', 'returned', 'liaison', 'complete', '材料齐全', 'Complete'),
	('complete', 'returned', 'center', 'complete', '材料齐全', 'Complete'),
	('submit', 'complete', 'center', 'submitted', '报送', 'Submit'),
	('approve', 'submitted', 'center', 'approved', '核准', 'Approve'),
	('return', 'submitted', 'center', 'returned', '退回', 'Return'),
	('reject', 'submitted', 'center', 'rejected', '不予补贴', 'Reject'),
	('pay', 'approved', 'center', 'paid', '拨付', 'Paid');

-- Qualifying certificates as they were recorded, and what came of them:
-- outcome 'claim' (its claim names it) or 'ineligible' with the rule
-- and reason. source says which table source_id is in.
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
CREATE INDEX subsidy_intake_by_office ON subsidy_intake (office_id, outcome, id);

-- Claims. The rate, its amount and document number are copied when the
-- claim is drafted, so a later change of the rate leaves it as it was.
-- Bank details are personal data: lists show them masked.
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
-- One claim per person, occupation and level (a rejected one frees it
-- for nothing: it stays, and so does the refusal).
CREATE UNIQUE INDEX subsidy_claims_once
    ON subsidy_claims (applicant_id, occupation_id, level);
CREATE INDEX subsidy_claims_by_person_year ON subsidy_claims (applicant_id, year);
CREATE INDEX subsidy_claims_by_period ON subsidy_claims (period, state, office_id, id);
CREATE INDEX subsidy_claims_by_office ON subsidy_claims (office_id, state, id);
CREATE INDEX subsidy_claims_by_batch ON subsidy_claims (batch_id, office_id, id);

-- A period's batch, submitted by the center; its figures are kept as
-- submitted so they can be checked against the claims.
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
CREATE INDEX subsidy_batches_by_period ON subsidy_batches (period, id);

-- The qualifying certificates of the other modules come in here.
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
-- Decide: the first rule (in ord) the certificate fails, or the claim.
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

-- Claims are drafted only by the intake; the office completes its own,
-- the center moves them on; the auditor and others never write.
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
-- Documents and bank details change only while the claim is with the
-- office; the batch only by submitting.
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

CREATE TRIGGER subsidy_batches_change BEFORE UPDATE ON subsidy_batches
WHEN coalesce(qd_role(), '') NOT IN ('center', 'system')
    OR NEW.version IS NOT OLD.version + 1 OR NEW.period IS NOT OLD.period
    OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
	SELECT RAISE(ABORT, '批次报送后不可更改 a batch is kept as submitted');
END;

-- Adoption and recognition certificates qualify as vocational
-- qualification certificates, at their mainland level.
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
CREATE TRIGGER training_certificates_subsidy AFTER INSERT
    ON training_certificates
BEGIN
	INSERT INTO subsidy_intake (source, source_id, cert_number, kind,
	    applicant_id, office_id, occupation_id, level, issued_on)
	VALUES ('training_certificate', NEW.id, NEW.number, 'training',
	    NEW.applicant_id, NEW.office_id, NEW.occupation_id, NEW.level,
	    NEW.issued_on);
END;
