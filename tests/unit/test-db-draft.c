/*
 * Counting a user's drafts, and the main menu's greeting built on it: an
 * office user with an intake left unfinished is told where it waits; no
 * one else is, and no other draft counts.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *clerk, *liaison, *center;

/* Save a draft of form as u, or say why not. */
static void
save(struct qd_user *u, const char *form, int64_t ref)
{
	char	*why = NULL;

	db_set_actor(db, u);
	if (db_draft_save(db, u, form, ref, "name\t陳\n", &why) != QD_OK)
		printf("# saving %s for %s failed: %s\n", form, u->login, why);
	free(why);
}

/* u's drafts of forms starting with prefix, or -1 on an error. */
static int
count(struct qd_user *u, const char *prefix)
{
	int	 n = -1;

	db_set_actor(db, u);
	if (db_draft_count(db, u, prefix, &n) != QD_OK)
		return -1;
	return n;
}

static void
test_count(void)
{
	is_int(count(clerk, NULL), 0, "no drafts at first");
	save(clerk, "intake", 0);
	save(clerk, "intake-case", 7);
	save(clerk, "case-edit", 3);
	save(liaison, "intake", 0);
	is_int(count(clerk, NULL), 3, "every form of the user");
	is_int(count(clerk, "intake"), 2, "the forms named intake...");
	is_int(count(clerk, "case-edit"), 1, "one form exactly");
	is_int(count(clerk, "intake-case-x"), 0, "a longer name is no prefix");
	is_int(count(clerk, "%"), 0, "a wildcard is just a character");
	is_int(count(liaison, NULL), 1, "another user's drafts are their own");
	is_int(count(center, NULL), 0, "and none for someone without any");
}

/* The greeting of the module whose screens keep drafts: the cases'. */
static char *(*case_greeting(void))(struct ui *)
{
	const struct qd_module *const	*m;

	for (m = qd_modules; *m != NULL; m++) {
		if (strcmp((*m)->name, "case") == 0)
			return (*m)->greeting;
	}
	return NULL;
}

/* What the main menu greets u with (NULL: nothing). */
static char *
greeting(struct qd_user *u)
{
	struct ui	 ui;

	memset(&ui, 0, sizeof ui);
	ui.db = db;
	ui.user = u;
	db_set_actor(db, u);
	return case_greeting() != NULL ? case_greeting()(&ui) : NULL;
}

static void
test_greeting(void)
{
	char	*g;

	ok(case_greeting() != NULL, "the case module gives the menu a greeting");
	g = greeting(clerk);
	ok(g != NULL && strstr(g, "未完成的受理草稿") != NULL &&
	    strstr(g, "press i") != NULL, "a clerk with an intake draft is "
	    "told to press i (%s)", g != NULL ? g : "nothing");
	free(g);
	g = greeting(liaison);
	ok(g != NULL, "so is a liaison");
	free(g);

	db_set_actor(db, clerk);
	db_draft_drop(db, clerk, "intake", 0);
	db_draft_drop(db, clerk, "intake-case", 7);
	g = greeting(clerk);
	ok(g == NULL, "a correction's draft alone is not an intake");
	free(g);

	save(center, "intake", 0);
	g = greeting(center);
	ok(g == NULL, "the center takes in no cases: no greeting");
	free(g);
}

int
main(void)
{
	dir = fixture_dir("draft");
	db = fixture_db(dir, "draft.db");
	op = user_local_operator();
	clerk = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	liaison = fixture_user(db, op, "fz2", ROLE_LIAISON, "fuzhou");
	center = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	test_count();
	test_greeting();
	user_free(op);
	user_free(clerk);
	user_free(liaison);
	user_free(center);
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
