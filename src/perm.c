/*
 * Who may do what: the permissions table (schema/010-permissions.sql),
 * one row a role, noun and verb. db_open reads it into this process, so
 * the commands, help, the screens and the data layer ask one table that
 * the triggers ask too (through qd_may() in db.c).
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

struct perm {
	char	*noun;
	char	*verb;
	int	 roles;		/* 1 << role, for each role that may */
};

static struct perm	*perms;
static size_t		 nperms;
static int		 perms_loaded;

/* "a clerk", for "only a clerk or a liaison may". */
static const char *const perm_role_words[ROLE_COUNT] = {
	[ROLE_CLERK] = "a clerk",
	[ROLE_LIAISON] = "a liaison",
	[ROLE_CENTER] = "a center reviewer",
	[ROLE_ADMIN] = "an admin",
	[ROLE_AUDITOR] = "an auditor",
};

static void
perm_clear(void)
{
	size_t	 i;

	for (i = 0; i < nperms; i++) {
		free(perms[i].noun);
		free(perms[i].verb);
	}
	xfree(&perms);
	nperms = 0;
	perms_loaded = 0;
}

int
perm_load(sqlite3 *db)
{
	sqlite3_stmt	*st;
	const char	*noun, *verb, *role;
	enum qd_role	 r;
	size_t		 i;
	int		 step;

	perm_clear();
	if (db_prepare(db, "SELECT noun, verb, role FROM permissions"
	    " ORDER BY noun, verb", &st) != QD_OK)
		return QD_EDB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		noun = (const char *)sqlite3_column_text(st, 0);
		verb = (const char *)sqlite3_column_text(st, 1);
		role = (const char *)sqlite3_column_text(st, 2);
		if (noun == NULL || verb == NULL || role == NULL ||
		    role_parse(role, &r) != QD_OK)
			continue;
		for (i = 0; i < nperms; i++) {
			if (strcmp(perms[i].noun, noun) == 0 &&
			    strcmp(perms[i].verb, verb) == 0)
				break;
		}
		if (i == nperms) {
			perms = xreallocarray(perms, nperms + 1, sizeof *perms);
			perms[nperms].noun = xstrdup(noun);
			perms[nperms].verb = xstrdup(verb);
			perms[nperms++].roles = 0;
		}
		perms[i].roles |= 1 << r;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		log_error("cannot read the permissions: %s",
		    sqlite3_errmsg(db));
		perm_clear();
		return QD_EDB;
	}
	perms_loaded = 1;
	return QD_OK;
}

int
perm_known(void)
{
	return perms_loaded;
}

int
perm_roles(const char *may)
{
	size_t	 i, n;

	if (may == NULL)
		return 0;
	n = strcspn(may, " ");
	if (may[n] == '\0')
		fatal("permission '%s' is not 'noun verb'", may);
	for (i = 0; i < nperms; i++) {
		if (strlen(perms[i].noun) == n &&
		    strncmp(perms[i].noun, may, n) == 0 &&
		    strcmp(perms[i].verb, may + n + 1) == 0)
			return perms[i].roles;
	}
	return 0;
}

int
role_may(enum qd_role role, const char *may)
{
	return (perm_roles(may) & (1 << role)) != 0;
}

int
user_may(const struct qd_user *user, const char *may)
{
	return user != NULL && role_may(user->role, may);
}

void
perm_who(const char *may, char *buf, size_t len)
{
	int	 roles = perm_roles(may), r, left;
	size_t	 off = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (roles == 0) {
		snprintf(buf, len, "no one");
		return;
	}
	for (r = 0; r < ROLE_COUNT && off < len; r++) {
		if (!(roles & (1 << r)))
			continue;
		roles &= ~(1 << r);
		left = roles != 0;
		/* "a, b or c" */
		off += (size_t)snprintf(buf + off, len - off, "%s%s",
		    perm_role_words[r], !left ? "" :
		    (roles & (roles - 1)) != 0 ? ", " : " or ");
	}
}
