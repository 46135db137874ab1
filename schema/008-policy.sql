-- 008-policy: policy questions (政策咨询) and the answer base.
--
-- A city's window records a question and answers it on the spot from the
-- answer base, or forwards it to the center, which answers; the answer
-- comes back to the city's inbox and, as a notice to the person, to its
-- notice outbox (one row per city each, below). The center publishes
-- answers to the base, each resting on a policy document; an office may
-- publish local policy information seen only by its own city.
--
-- The audit triggers and plain guards of its tables are declared in
-- src/policy/tables.c; `qualdesk schema show 008-policy.sql` prints them.

-- Policy documents (政策文件): the 文号, title and date answers rest on.
-- office_id NULL: the province's or the center's; else one city's own.
-- A replaced document puts its answers up for review.
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

-- The answer base. review_* is computed when read: the document replaced
-- or valid_until past.
CREATE TABLE policy_answer_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO policy_answer_states (state, ord, name_zh, name_en) VALUES
	('published', 1, '已发布', 'Published'),
	('withdrawn', 2, '已撤下', 'Withdrawn');
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
INSERT INTO policy_answer_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('withdraw', 'published', 'center', 'withdrawn', '撤下', 'Withdraw'),
	('withdraw', 'published', 'liaison', 'withdrawn', '撤下', 'Withdraw'),
	('republish', 'withdrawn', 'center', 'published', '重新发布',
	    'Publish again'),
	('republish', 'withdrawn', 'liaison', 'published', '重新发布',
	    'Publish again');
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
CREATE INDEX policy_answers_by_doc ON policy_answers (doc_id);
CREATE INDEX policy_answers_by_office ON policy_answers (office_id, id);

-- The words of the answers, cut by qualdesk's tokenizer (src/db-fts.c),
-- kept in step with policy_answers by the triggers below.
CREATE VIRTUAL TABLE policy_answers_fts USING fts5(title, tags, body,
    content = 'policy_answers', content_rowid = 'id',
    tokenize = 'qd bigram');
INSERT INTO policy_answers_fts (policy_answers_fts, rank)
VALUES ('rank', 'bm25(4.0, 3.0, 1.0)');
-- How many answers hold each word: a search scores the rare words first.
CREATE VIRTUAL TABLE policy_answers_vocab USING fts5vocab(policy_answers_fts,
    'row');
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

-- Questions. office_id is the city that took it; applicant_id the person
-- when known; contact where the answer goes when it comes back.
CREATE TABLE policy_question_states (
	state		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	name_zh		TEXT NOT NULL,
	name_en		TEXT NOT NULL,
	owner		TEXT NOT NULL CHECK (owner IN ('office', 'center',
			    'closed'))
) WITHOUT ROWID;
INSERT INTO policy_question_states (state, ord, name_zh, name_en, owner)
VALUES
	('open', 1, '待答复', 'Open', 'office'),
	('answered', 2, '已当场答复', 'Answered', 'closed'),
	('forwarded', 3, '已转中心', 'Forwarded', 'center'),
	('replied', 4, '中心已答复', 'Replied', 'office'),
	('notified', 5, '已告知台胞', 'Notified', 'closed');
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
INSERT INTO policy_question_transitions
    (action, from_state, role, to_state, name_zh, name_en) VALUES
	('answer', 'open', 'clerk', 'answered', '当场答复', 'Answer'),
	('answer', 'open', 'liaison', 'answered', '当场答复', 'Answer'),
	('forward', 'open', 'clerk', 'forwarded', '转中心', 'Forward'),
	('forward', 'open', 'liaison', 'forwarded', '转中心', 'Forward'),
	('reply', 'forwarded', 'center', 'replied', '中心答复', 'Reply'),
	('notify', 'replied', 'clerk', 'notified', '已告知', 'Notified'),
	('notify', 'replied', 'liaison', 'notified', '已告知', 'Notified');
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
CREATE INDEX policy_questions_queue ON policy_questions (state, forwarded_at,
    id);
CREATE INDEX policy_questions_by_office ON policy_questions (office_id,
    state, id);

-- What comes back to a city: one inbox row per reply, and the notice to
-- the person waiting in its outbox until the city says it was given.
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
CREATE INDEX policy_inbox_by_office ON policy_inbox (office_id, read_at, id);
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
CREATE INDEX policy_notices_by_office ON policy_notices (office_id, status,
    id);

-- Documents: the center's (office NULL) or a city's own, by that city.
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

-- Answers: the center publishes for the province; a liaison or clerk
-- publishes local information for their own city, on its own document.
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

-- Questions: taken by a city for itself; the center replies to the
-- forwarded ones.
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
-- An answer used must be one the city may read, and in force.
CREATE TRIGGER policy_questions_answer_used BEFORE UPDATE OF answer_id
ON policy_questions
WHEN NEW.answer_id IS NOT NULL AND NEW.answer_id IS NOT OLD.answer_id
    AND NOT EXISTS (SELECT 1 FROM policy_answers a
    WHERE a.id = NEW.answer_id AND a.state = 'published'
    AND (a.office_id IS NULL OR a.office_id = OLD.office_id))
BEGIN
	SELECT RAISE(ABORT, '此答复不可用（已撤下或属于其他城市） this answer cannot be used (withdrawn, or another city''s)');
END;
-- The center's reply lands in the city's inbox and its notice outbox.
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
-- Telling the person gives the notice.
CREATE TRIGGER policy_questions_notified AFTER UPDATE OF state
ON policy_questions
WHEN NEW.state = 'notified' AND OLD.state IS NOT 'notified'
BEGIN
	UPDATE policy_notices SET status = 'given',
	    given_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	    given_by = qd_actor()
	WHERE question_id = NEW.id AND status = 'pending';
END;

-- Inbox and notices: rows of the city's, written by the triggers above;
-- the city only marks them read or given.
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
