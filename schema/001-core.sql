-- 001-core: offices, users, their SSH keys and the audit trail.
--
-- Every change to these tables writes an audit row through a trigger in the
-- same transaction. The triggers call qd_actor() and qd_via(), functions that
-- qualdesk registers on each of its connections; a connection without them
-- (the sqlite3 shell, say) cannot change anything here, so nothing changes
-- unaudited.
--
-- The audit and guard triggers are not written here: each table's are
-- declared in src/schema-core.c and made when this file is applied, right
-- after its CREATE TABLE. `qualdesk schema show 001-core.sql` prints them.

-- Marks the file as qualdesk's ('qdk1'), so another program's database is
-- never taken for an empty one of ours.
PRAGMA application_id = 1902406449;

-- The append-only audit trail. at is UTC ISO-8601 with milliseconds; before
-- and after are short JSON summaries (never a secret or a full ID number).
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
CREATE INDEX audit_by_record ON audit (tbl, record);
-- Append-only: never updated, never deleted (src/schema-core.c).

-- The ten offices: nine prefecture-level cities and Pingtan, where the
-- center sits. code is the pinyin name users and scripts type.
CREATE TABLE offices (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE
			CHECK (length(code) BETWEEN 1 AND 32
			    AND code NOT GLOB '*[^a-z]*'),
	name_zh		TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 32),
	name_en		TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 64),
	is_center	INTEGER NOT NULL DEFAULT 0 CHECK (is_center IN (0, 1))
);
-- At most one office hosts the center.
CREATE UNIQUE INDEX offices_one_center ON offices (is_center)
    WHERE is_center = 1;

-- In DOMAIN order; Pingtan last.
INSERT INTO offices (id, code, name_zh, name_en, is_center) VALUES
	(1, 'fuzhou', '福州市', 'Fuzhou', 0),
	(2, 'xiamen', '厦门市', 'Xiamen', 0),
	(3, 'zhangzhou', '漳州市', 'Zhangzhou', 0),
	(4, 'quanzhou', '泉州市', 'Quanzhou', 0),
	(5, 'sanming', '三明市', 'Sanming', 0),
	(6, 'putian', '莆田市', 'Putian', 0),
	(7, 'nanping', '南平市', 'Nanping', 0),
	(8, 'longyan', '龙岩市', 'Longyan', 0),
	(9, 'ningde', '宁德市', 'Ningde', 0),
	(10, 'pingtan', '平潭综合实验区', 'Pingtan', 1);

-- Accounts. A clerk or liaison belongs to exactly one office; the other
-- roles to none. version counts updates for optimistic concurrency: an
-- update must raise it by exactly one, so a writer that read an old row
-- and writes "version = old + 1 WHERE version = old" loses cleanly.
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
CREATE INDEX users_by_office ON users (office_id);

-- SSH public keys, authorized_keys style. base64 is the key blob as
-- re-encoded by libssh; fingerprint is "SHA256:..." of that blob.
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
-- The audit summarises the blob by type, fingerprint and comment.
