/* The command table and the splitting of SSH exec command lines. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

static void
check_split(const char *line, int want_argc, const char **want, const char *what)
{
	char	**argv = NULL, *why = NULL;
	int	  argc = -1, i, same;

	if (cmd_split(line, &argc, &argv, &why) != QD_OK) {
		ok(0, "%s: split failed: %s", what, why);
		free(why);
		return;
	}
	same = argc == want_argc;
	for (i = 0; same && i < argc; i++)
		same = strcmp(argv[i], want[i]) == 0;
	ok(same && argv[argc] == NULL, "%s", what);
	cmd_free_argv(argc, argv);
}

static void
check_split_fails(const char *line, const char *want_why, const char *what)
{
	char	**argv = NULL, *why = NULL;
	int	  argc = 0, rc;

	rc = cmd_split(line, &argc, &argv, &why);
	ok(rc == QD_EINVAL && why != NULL && strstr(why, want_why) != NULL,
	    "%s (%s)", what, why != NULL ? why : "no message");
	free(why);
}

/* Every command of the table is documented in qualdesk(8) as ".It Cm". */
static void
check_man_page(void)
{
	const struct cmd_entry	*ce;
	const char		*srcdir = getenv("QD_SRCDIR");
	size_t			 i;
	char			*path, *man = NULL, want[128];
	size_t			 len = 0;
	FILE			*f;

	if (srcdir == NULL)
		srcdir = ".";
	xasprintf(&path, "%s/man/qualdesk.8", srcdir);
	if ((f = fopen(path, "r")) == NULL) {
		ok(0, "qualdesk(8) can be read at %s", path);
		free(path);
		return;
	}
	getdelim(&man, &len, '\0', f);
	fclose(f);
	for (i = 0; (ce = cmd_entry_at(i)) != NULL; i++) {
		snprintf(want, sizeof want, "\n.It Cm %s%s%s", ce->noun,
		    ce->verb != NULL ? " " : "", ce->verb != NULL ? ce->verb : "");
		ok(man != NULL && strstr(man, want) != NULL,
		    "qualdesk(8) documents '%s%s%s'", ce->noun,
		    ce->verb != NULL ? " " : "", ce->verb != NULL ? ce->verb : "");
	}
	free(man);
	free(path);
}

int
main(void)
{
	const char		*w1[] = { "whoami" };
	const char		*w2[] = { "user", "add", "chen", "--name", "陳 大文" };
	const char		*w3[] = { "key", "add", "a b", "it's" };
	const char		*w4[] = { "a\"b", "" };
	char			*argv_user[] = { "user", "list", NULL };
	char			*argv_who[] = { "whoami", "extra", NULL };
	char			*argv_bad[] = { "user", "fly", NULL };
	char			*big;
	const struct cmd_entry	*ce;
	size_t			 i;
	int			 used = 0;

	check_split("whoami", 1, w1, "one word");
	check_split("  whoami \n", 1, w1, "surrounding blanks are dropped");
	check_split("", 0, NULL, "an empty line has no words");
	check_split("user add chen --name '陳 大文'", 5, w2,
	    "single quotes keep a CJK name with a space as one word");
	check_split("key add \"a b\" it\\'s", 4, w3,
	    "double quotes and a backslash-escaped quote");
	check_split("a\\\"b \"\"", 2, w4, "an escaped quote and an empty word");
	check_split_fails("user add 'chen", "unterminated single quote",
	    "an open quote is refused");
	check_split_fails("x \"y", "unterminated double quote",
	    "an open double quote is refused");
	big = xmalloc(10000);
	memset(big, 'a', 9999);
	big[9999] = '\0';
	check_split_fails(big, "longer than", "an overlong line is refused");
	memset(big, 0, 10000);
	for (used = 0; used < 100; used++)
		strcat(big, "w ");
	check_split_fails(big, "more than", "too many words are refused");
	free(big);

	ce = cmd_find(2, argv_user, &used);
	ok(ce != NULL && strcmp(ce->verb, "list") == 0 && used == 2,
	    "user list is found with two words");
	ce = cmd_find(2, argv_who, &used);
	ok(ce != NULL && ce->verb == NULL && used == 1,
	    "a one-word command takes one word");
	ok(cmd_find(2, argv_bad, &used) == NULL, "an unknown verb is not found");
	ok(cmd_find(0, argv_bad, &used) == NULL, "no words find nothing");

	for (i = 0; (ce = cmd_entry_at(i)) != NULL; i++) {
		ok(ce->exec != NULL && ce->summary != NULL && ce->args != NULL,
		    "%s %s is complete", ce->noun, ce->verb ? ce->verb : "");
	}
	check_man_page();
	return done_testing();
}
