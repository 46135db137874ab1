-- 013-terminal: how a user's terminal is served, a setting of their own
-- (My account). charset, when set, is the terminal's charset whatever the
-- client's LANG says (NULL: follow LANG, LC_CTYPE, LC_ALL); a script's
-- --charset or QD_CHARSET still comes first. compression_force refuses
-- the full-screen UI on a link the client did not compress, with a
-- message saying to use ssh -C: the compression of a link is chosen in
-- the key exchange, before the server knows who logs in, so it cannot be
-- turned on for one user, only asked for.
CREATE TABLE user_terminal (
	user_id		INTEGER PRIMARY KEY REFERENCES users (id),
	charset		TEXT CHECK (charset IS NULL OR charset IN ('UTF-8',
			    'GB18030', 'GBK', 'Big5', 'ASCII')),
	compression_force INTEGER NOT NULL DEFAULT 0
			CHECK (compression_force IN (0, 1))
);
CREATE TRIGGER user_terminal_write BEFORE INSERT ON user_terminal
WHEN NEW.user_id IS NOT qd_user_id()
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
CREATE TRIGGER user_terminal_change BEFORE UPDATE ON user_terminal
WHEN OLD.user_id IS NOT qd_user_id() OR NEW.user_id IS NOT OLD.user_id
BEGIN
	SELECT RAISE(ABORT, '只能修改自己的设置 you may change only your own settings');
END;
