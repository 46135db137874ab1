/*
 * A module added with nothing but its own folder, the list line and its
 * Makefile fragment: its command runs and is in help, its screen is
 * found by name, its group is in the menu, and the modules before it
 * are unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "../tap.h"

static char	*out_buf, *err_buf;

/* Run argv as actor, remote or not; out_buf and err_buf hold the output. */
static int
run(const struct qd_user *actor, int remote, int argc, char **argv)
{
	struct cmd_ctx	 ctx;
	size_t		 outlen, errlen;
	int		 rc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&ctx, 0, sizeof ctx);
	ctx.actor = actor;
	ctx.remote = remote;
	ctx.db_path = "/nonexistent/example.db";
	ctx.out = open_memstream(&out_buf, &outlen);
	ctx.err = open_memstream(&err_buf, &errlen);
	rc = cmd_run(&ctx, argc, argv);
	fclose(ctx.out);
	fclose(ctx.err);
	return rc;
}

int
main(void)
{
	const struct qd_module *const	*m;
	const struct ui_menu_item	*items[64];
	const struct ui_screen		*s;
	const struct cmd_entry		*ce;
	struct qd_user			 clerk;
	char				*hello[] = { "example", "hello", NULL };
	char				*help[] = { "help", NULL };
	char				 names[128] = "";
	size_t				 i, n;
	int				 used, found = 0;

	for (m = qd_modules; *m != NULL; m++) {
		strcat(names, m == qd_modules ? "" : " ");
		strcat(names, (*m)->name);
	}
	ok(strstr(names, " example") != NULL &&
	    strcmp(names + strlen(names) - 8, " example") == 0,
	    "the example module comes last in the list (%s)", names);
	ok(strncmp(names, "case cert ", 10) == 0 &&
	    strstr(names, " admin") != NULL,
	    "after the modules the program has");

	ce = cmd_find(2, hello, &used);
	ok(ce != NULL && used == 2 && strcmp(ce->noun, "example") == 0,
	    "its command is found");
	memset(&clerk, 0, sizeof clerk);
	clerk.login = "fz-clerk";
	clerk.role = ROLE_CLERK;
	is_int(run(&clerk, 1, 2, hello), QD_EXIT_OK, "it runs over SSH");
	is_str(out_buf, "你好 hello, fz-clerk\n", "and says its words");
	run(&clerk, 1, 1, help);
	ok(out_buf != NULL && strstr(out_buf, "example hello") != NULL,
	    "help lists it");
	ok(strstr(out_buf, "greet the user") != NULL, "with its summary");

	s = ui_screen_find("example");
	ok(s != NULL && strcmp(s->title, "示例 Example") == 0,
	    "its screen is found by name");
	for (i = 0; (s = ui_screen_at(i)) != NULL; i++)
		found += strcmp(s->name, "example") == 0;
	is_int(found, 1, "and listed once among every screen");
	ok(ui_screen_find("case") != NULL && ui_screen_find("cert") != NULL,
	    "the other modules' screens are still there");

	n = ui_menu_visible(ROLE_CLERK, items, 64);
	for (i = 0, found = 0; i < n; i++)
		found += strcmp(items[i]->label, "示例 Example") == 0;
	is_int(found, 1, "a clerk's menu has its item");
	n = ui_menu_visible(ROLE_CENTER, items, 64);
	for (i = 0, found = 0; i < n; i++)
		found += strcmp(items[i]->label, "示例 Example") == 0;
	is_int(found, 0, "the center's has not: the item is the offices'");
	ok(strcmp(items[n - 1]->label, "退出 Quit") == 0,
	    "help and quit still end the menu");

	free(out_buf);
	free(err_buf);
	return done_testing();
}
