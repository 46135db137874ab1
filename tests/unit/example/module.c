/*
 * A tiny module, built only for the tests: one command, one screen in a
 * menu group of its own. It shows what a module consists of; its test
 * proves the program takes it in with no edit outside this folder but
 * the list line (here given by the test's build) and the fragment.
 */
#include <stdio.h>

#include "qualdesk.h"

static int
cmd_example_hello(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cmd_usage_error(ctx, "example", "hello", "no arguments");
	fprintf(ctx->out, "你好 hello, %s\n", ctx->actor->login);
	return QD_EXIT_OK;
}

static const struct cmd_entry example_commands[] = {
	{ .noun = "example", .verb = "hello", .args = "",
	  .summary = "greet the user", .flags = CMD_NODB,
	  .exec = cmd_example_hello },
	{ .noun = NULL }
};

static const char *const example_text[] = {
	"示例模块 An example module.",
	NULL
};

static const struct ui_screen screen_example = {
	.name = "example",
	.title = "示例 Example",
	.text = example_text,
};

static const struct ui_screen *const example_screens[] = {
	&screen_example,
	NULL
};

/* A key no real module takes. */
static const struct ui_menu_item example_menu[] = {
	{ .key = '~', .label = "示例 Example", .roles = UI_ROLES_OFFICE,
	  .screen = &screen_example },
	{ .key = 0 }
};

const struct qd_module module_example = {
	.name = "example",
	.label = "示例 Examples",
	.commands = example_commands,
	.screens = example_screens,
	.menu = example_menu,
};
