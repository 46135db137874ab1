/* The user, key and audit commands, run through the command table. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char		 *dir;
static sqlite3		*db;
static char		*out_buf, *err_buf;
static int		 last_rc;

/*
 * Run line as actor (remote or local) with input on standard input;
 * out_buf and err_buf hold what it printed.
 */
static int
run(const struct qd_user *actor, int remote, const char *input,
    const char *line)
{
	struct cmd_ctx	 ctx;
	char		**argv, *why = NULL;
	size_t		  outlen, errlen;
	int		  argc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.actor = actor;
	ctx.remote = remote;
	ctx.in = fmemopen((void *)(input != NULL ? input : ""),
	    input != NULL ? strlen(input) : 0, "r");
	ctx.out = open_memstream(&out_buf, &outlen);
	ctx.err = open_memstream(&err_buf, &errlen);
	db_set_actor(db, actor);
	if (cmd_split(line, &argc, &argv, &why) != QD_OK)
		abort();
	last_rc = cmd_run(&ctx, argc, argv);
	cmd_free_argv(argc, argv);
	fclose(ctx.in);
	fclose(ctx.out);
	fclose(ctx.err);
	return last_rc;
}

#define has(buf, s) ((buf) != NULL && strstr((buf), (s)) != NULL)

/* The display column where word starts in the line of text holding key. */
static int
column_of(const char *text, const char *key, const char *word)
{
	const char	*line, *p;

	if ((line = strstr(text, key)) == NULL)
		return -1;
	while (line > text && line[-1] != '\n')
		line--;
	if ((p = strstr(line, word)) == NULL)
		return -1;
	return text_width_n(line, (size_t)(p - line));
}

static void
test_user(struct qd_user *op)
{
	is_int(run(op, 0, NULL, "user add chen --role clerk --office fuzhou"
	    " --name '陳 大文'"), QD_EXIT_OK, "user add");
	ok(has(out_buf, "added user chen (clerk, fuzhou)"), "says what it did");
	is_int(run(op, 0, NULL, "user add --role center --name 'Lin, Mei' lin"),
	    QD_EXIT_OK, "options may come before the login");
	is_int(run(op, 0, NULL, "user add chen --role clerk --office fuzhou"),
	    QD_EXIT_ERROR, "a duplicate fails");
	ok(has(err_buf, "user chen already exists"), "and says why");
	is_int(run(op, 0, NULL, "user add wang"), QD_EXIT_USAGE,
	    "no role is a usage error");
	ok(has(err_buf, "--role is required") &&
	    has(err_buf, "usage: qualdesk user add LOGIN --role ROLE"),
	    "with the reason and the usage line");
	is_int(run(op, 0, NULL, "user add wang --role boss"), QD_EXIT_USAGE,
	    "an unknown role");
	ok(has(err_buf, "one of clerk, liaison, center, admin, auditor"),
	    "lists the roles");
	is_int(run(op, 0, NULL, "user add wang --role center --colour red"),
	    QD_EXIT_USAGE, "an unknown option");
	ok(has(err_buf, "unknown option '--colour'"), "is named");
	is_int(run(op, 0, NULL, "user add wang --role"), QD_EXIT_USAGE,
	    "an option without its value");
	ok(has(err_buf, "needs a value"), "is explained");
	is_int(run(op, 0, NULL, "user add a b --role center"), QD_EXIT_USAGE,
	    "two logins");
	is_int(run(op, 0, NULL, "user add wang --role clerk --office taipei"),
	    QD_EXIT_ERROR, "an unknown office");
	ok(has(err_buf, "unknown office 'taipei'"), "is named");

	is_int(run(op, 0, NULL, "user list"), QD_EXIT_OK, "user list");
	ok(has(out_buf, "LOGIN") && has(out_buf, "陳 大文") &&
	    has(out_buf, "fuzhou 福州市"), "shows logins, names, offices");
	ok(column_of(out_buf, "LOGIN", "ROLE") > 0 &&
	    column_of(out_buf, "LOGIN", "ROLE") ==
	    column_of(out_buf, "陳 大文", "clerk") &&
	    column_of(out_buf, "陳 大文", "clerk") ==
	    column_of(out_buf, "Lin, Mei", "center"),
	    "columns line up in display width with CJK names");
	is_int(run(op, 0, NULL, "user list --format csv"), QD_EXIT_OK, "csv");
	is_str(out_buf, "login,name,role,office,active\n"
	    "chen,陳 大文,clerk,fuzhou,yes\n"
	    "lin,\"Lin, Mei\",center,,yes\n", "quoted where needed");
	is_int(run(op, 0, NULL, "user list --format xml"), QD_EXIT_USAGE,
	    "an unknown format");
	is_int(run(op, 0, NULL, "user disable chen"), QD_EXIT_OK, "disable");
	run(op, 0, NULL, "user list --format csv");
	ok(has(out_buf, "chen,陳 大文,clerk,fuzhou,no"), "shows inactive");
	is_int(run(op, 0, NULL, "user enable chen"), QD_EXIT_OK, "enable");
	is_int(run(op, 0, NULL, "user disable"), QD_EXIT_USAGE,
	    "disable needs a login");
	is_int(run(op, 0, NULL, "user disable ghost"), QD_EXIT_ERROR,
	    "an unknown user");
	ok(has(err_buf, "no user ghost"), "is named");
}

static void
test_clerk(struct qd_user *clerk)
{
	is_int(run(clerk, 1, NULL, "user add x --role center"), QD_EXIT_DENIED,
	    "a clerk may not add users");
	is_int(run(clerk, 1, NULL, "user list --format csv"), QD_EXIT_OK,
	    "a clerk may list");
	is_str(out_buf, "login,name,role,office,active\n"
	    "chen,陳 大文,clerk,fuzhou,yes\n", "and sees only itself");
	is_int(run(clerk, 1, NULL, "audit list"), QD_EXIT_DENIED,
	    "a clerk may not read the audit trail");
	ok(has(err_buf, "only an admin or an auditor"), "and is told so");
	is_int(run(clerk, 1, NULL, "key list lin"), QD_EXIT_DENIED,
	    "nor another user's keys");
}

static char *
make_key_line(const char *comment)
{
	ssh_key	 key;
	char	*b64, *line;

	ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key);
	ssh_pki_export_pubkey_base64(key, &b64);
	xasprintf(&line, "ssh-ed25519 %s %s\n", b64, comment);
	ssh_string_free_char(b64);
	ssh_key_free(key);
	return line;
}

static void
test_key(struct qd_user *op, struct qd_user *clerk)
{
	char	*k1 = make_key_line("laptop"), *k2 = make_key_line("desk");
	char	*big = NULL, *file;
	FILE	*f;

	is_int(run(op, 1, k1, "key add chen -"), QD_EXIT_OK,
	    "key add from standard input");
	ok(has(out_buf, "added 1 key for chen"), "says how many");
	is_int(run(op, 1, NULL, "key add chen /etc/passwd"), QD_EXIT_USAGE,
	    "over SSH a file name is refused");
	ok(has(err_buf, "standard input"), "and told to use standard input");
	xasprintf(&file, "%s/keys.pub", dir);
	f = fopen(file, "w");
	fputs(k2, f);
	fclose(f);
	is_int(run(op, 0, NULL, "key add chen FILE"), QD_EXIT_ERROR,
	    "a missing file");
	ok(has(err_buf, "cannot read FILE"), "is named");
	xfree(&big);
	xasprintf(&big, "key add chen %s", file);
	is_int(run(op, 0, NULL, big), QD_EXIT_OK, "locally a file is read");
	unlink(file);
	free(file);
	free(big);

	big = xmalloc(70 * 1024);
	memset(big, '#', 70 * 1024 - 1);
	big[70 * 1024 - 1] = '\0';
	is_int(run(op, 1, big, "key add chen -"), QD_EXIT_ERROR,
	    "more than 64 KiB is refused");
	ok(has(err_buf, "larger than 64 KiB"), "with a message");
	free(big);
	is_int(run(op, 1, "command=\"sh\" ssh-ed25519 AAAA x\n",
	    "key add chen -"), QD_EXIT_ERROR, "options are refused");
	ok(has(err_buf, "line 1: key options are not supported"),
	    "with the line number");

	is_int(run(clerk, 1, NULL, "key list chen"), QD_EXIT_OK,
	    "a user lists its own keys");
	ok(has(out_buf, "FINGERPRINT") && has(out_buf, "SHA256:") &&
	    has(out_buf, "laptop") && has(out_buf, "desk"), "both keys shown");
	is_int(run(op, 1, NULL, "key remove chen 1"), QD_EXIT_OK,
	    "key remove by id");
	run(op, 1, NULL, "key list chen");
	ok(!has(out_buf, "laptop") && has(out_buf, "desk"), "it is gone");
	is_int(run(op, 1, NULL, "key remove chen 1"), QD_EXIT_ERROR,
	    "removing it again fails");
	is_int(run(op, 1, NULL, "key remove chen"), QD_EXIT_USAGE,
	    "remove needs two arguments");
	free(k1);
	free(k2);
}

static void
test_audit(struct qd_user *op)
{
	char	*line;
	int	 n = 0;

	is_int(run(op, 1, NULL, "audit list --limit 2"), QD_EXIT_OK,
	    "audit list");
	for (line = out_buf; (line = strchr(line, '\n')) != NULL; line++)
		n += line[1] != '\0';
	is_int(n, 2, "two entries after the header, a line each");
	ok(has(out_buf, "(local)          delete   user_keys#") &&
	    has(out_buf, "{\"user\":\"chen\",\"type\":\"ssh-ed25519\""),
	    "the newest, a key removal, with who and what it was");
	ok(has(err_buf, "more: audit list --before "), "and how to go on");
	run(op, 1, NULL, "audit list --limit 1000");
	ok(has(out_buf, "update   users#1 ") &&
	    has(out_buf, "\"active\":1,\"version\":1} -> {"),
	    "an update shows before -> after on its line");
	is_int(run(op, 1, NULL, "audit list --limit 0"), QD_EXIT_USAGE,
	    "a limit of 0");
	is_int(run(op, 1, NULL, "audit list --limit 2x"), QD_EXIT_USAGE,
	    "a limit that is not a number");
	is_int(run(op, 1, NULL, "audit list --before -5"), QD_EXIT_USAGE,
	    "a negative id");
	is_int(run(op, 1, NULL, "audit list --before 1"), QD_EXIT_OK,
	    "before the first entry");
	is_str(out_buf, "", "there is nothing");
}

int
main(void)
{
	struct qd_user	*op, *clerk = NULL;

	dir = fixture_dir("cmd");
	db = fixture_db(dir, "test.db");
	op = user_local_operator();
	test_user(op);
	db_user_find(db, "chen", &clerk);
	test_clerk(clerk);
	test_key(op, clerk);
	test_audit(op);
	user_free(clerk);
	user_free(op);
	db_close(db);
	free(out_buf);
	free(err_buf);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
