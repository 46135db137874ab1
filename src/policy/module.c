/*
 * The policy module: questions at the window, the center's replies and
 * the answer base they build (政策咨询).
 */
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"
#include "policy/policy-screens.h"

static const struct cmd_entry policy_commands[] = {
	{ .noun = "policy", .verb = "ask",
	  .args = "TEXT [--channel window|phone|online] [--person N]"
	  " [--contact TEXT] [--use ANSWER | --forward]",
	  .summary = "record a question at your office; answer it with an"
	  " answer of the base, or forward it",
	  .exec = cmd_policy_ask },
	{ .noun = "policy", .verb = "answer",
	  .args = "N --use ANSWER | N --text TEXT [--use ANSWER]",
	  .summary = "answer a question: at the window from the base, at the"
	  " center with a reply",
	  .exec = cmd_policy_answer },
	{ .noun = "policy", .verb = "forward", .args = "N...",
	  .summary = "forward questions to the center",
	  .exec = cmd_policy_forward },
	{ .noun = "policy", .verb = "notify", .args = "N...",
	  .summary = "say the person was told the center's reply",
	  .exec = cmd_policy_notify },
	{ .noun = "policy", .verb = "list",
	  .args = "[--queue open|forwarded|inbox|all] [--limit N]"
	  " [--format text|csv|json]",
	  .summary = "list the questions you may see",
	  .exec = cmd_policy_list },
	{ .noun = "policy", .verb = "find",
	  .args = "TEXT [--limit N] [--format text|csv|json]",
	  .summary = "search the answer base, best first",
	  .exec = cmd_policy_find },
	{ .noun = "policy", .verb = "show", .args = "N [--format text|csv|json]",
	  .summary = "show an answer with its document",
	  .exec = cmd_policy_show },
	{ .noun = "policy", .verb = "publish",
	  .args = "--question N --doc DOCNO [--title TEXT] [--valid-until DAY]"
	  " [--tags TEXT] | --title TEXT --body TEXT --doc DOCNO"
	  " --valid-until DAY [--tags TEXT] [--local]",
	  .summary = "publish an answer (or the center's reply) to the base",
	  .exec = cmd_policy_publish },
	{ .noun = "policy", .verb = "withdraw", .args = "N",
	  .summary = "withdraw an answer from the base",
	  .exec = cmd_policy_withdraw },
	{ .noun = "policy", .verb = "review",
	  .args = "[--limit N] [--format text|csv|json]",
	  .summary = "answers whose document was replaced or that expired",
	  .exec = cmd_policy_review },
	{ .noun = "policy", .verb = "doc",
	  .args = "add DOCNO --title TEXT [--issued DAY] [--local]"
	  " | replace DOCNO [--on DAY] [--by DOCNO]"
	  " | list [--format text|csv|json]",
	  .summary = "the policy documents answers rest on",
	  .exec = cmd_policy_doc },
	{ .noun = NULL }
};

static const struct ui_screen *const policy_screens[] = {
	&screen_policy_window,
	&screen_policy_queue,
	&screen_policy_inbox,
	&screen_policy_base,
	NULL
};

static const struct ui_menu_item policy_menu[] = {
	{ .key = 'w', .label = "政策咨询 Questions",
	  .may = "policy-question record",
	  .screen = &screen_policy_window },
	{ .key = 'g', .label = "咨询答复 Replies",
	  .may = "policy-question record",
	  .screen = &screen_policy_inbox },
	{ .key = UI_MENU_NOKEY, .label = "待答咨询 Forwarded", .roles = UI_ROLES_REVIEW,
	  .screen = &screen_policy_queue },
	{ .key = UI_MENU_NOKEY, .label = "答复库 Answer base", .roles = UI_ROLES_ALL,
	  .screen = &screen_policy_base },
	{ .key = 0 }
};

static const struct qd_schema_file policy_schema[] = {
	{ .name = "008-policy.sql", .tables = policy_tables },
	{ .name = NULL }
};

/* Replies from the center wait unread: say so as the menu opens. */
static char *
policy_greeting(struct ui *ui)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL, *s = NULL;
	size_t		 i, unread = 0;

	if (!role_has_office(ui->user->role) || db_policy_question_list(ui->db,
	    ui->user, "inbox", 100, &r, &why) != QD_OK) {
		db_rows_free(&r);
		free(why);
		return NULL;
	}
	for (i = 0; i < r.n; i++)
		unread += strncmp(db_rows_cell(&r, i, POLICY_Q_INBOX),
		    "未读", strlen("未读")) == 0;
	if (unread > 0)
		xasprintf(&s, "中心答复了 %zu 条咨询，按 x 查看 %zu replies from"
		    " the center: press x", unread, unread);
	db_rows_free(&r);
	return s;
}

const struct qd_module module_policy = {
	.name = "policy",
	.label = "政策咨询 Policy",
	.commands = policy_commands,
	.screens = policy_screens,
	.menu = policy_menu,
	.schema = policy_schema,
	.greeting = policy_greeting,
	.demo = policy_demo,
};
