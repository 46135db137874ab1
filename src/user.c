/* Roles and accounts: names, labels and the local operator. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

static const struct {
	const char	*name;
	const char	*label;
	int		 has_office;
} role_table[ROLE_COUNT] = {
	[ROLE_CLERK] = { "clerk", "窗口 Clerk", 1 },
	[ROLE_LIAISON] = { "liaison", "联络员 Liaison", 1 },
	[ROLE_CENTER] = { "center", "中心审核 Center", 0 },
	[ROLE_ADMIN] = { "admin", "管理员 Admin", 0 },
	[ROLE_AUDITOR] = { "auditor", "审计 Auditor", 0 },
};

const char *
role_name(enum qd_role role)
{
	return role_table[role].name;
}

const char *
role_label(enum qd_role role)
{
	return role_table[role].label;
}

int
role_has_office(enum qd_role role)
{
	return role_table[role].has_office;
}

int
role_parse(const char *s, enum qd_role *out)
{
	int	 i;

	for (i = 0; i < ROLE_COUNT; i++) {
		if (strcmp(s, role_table[i].name) == 0) {
			*out = (enum qd_role)i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

int
user_login_valid(const char *s)
{
	size_t	 i;

	if (s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; s[i] != '\0'; i++) {
		if (i >= 32)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_' || s[i] == '.' || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* The operator at the machine's shell: whoever can open the file is admin. */
struct qd_user *
user_local_operator(void)
{
	struct qd_user	*u;
	struct passwd	*pw;
	static char	 via[96];

	u = xcalloc(1, sizeof *u);
	pw = getpwuid(getuid());
	snprintf(via, sizeof via, "local %s", pw != NULL ? pw->pw_name : "?");
	xasprintf(&u->login, "(local)");
	u->display_name = xstrdup(pw != NULL ? pw->pw_name : "local operator");
	u->role = ROLE_ADMIN;
	u->active = 1;
	u->via = via;
	return u;
}

void
user_free(struct qd_user *u)
{
	if (u == NULL)
		return;
	free(u->login);
	free(u->display_name);
	free(u->office_code);
	free(u->office_name);
	free(u);
}
