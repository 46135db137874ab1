/*
 * The subsidy claims an office or the center may see, bank accounts
 * masked: the office ticks the documents in (F5: all four, with the bank
 * details), and either marks a claim complete (F6) as its transitions
 * allow; the center's batch and decisions are commands (subsidy batch).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "subsidy/subsidy-screens.h"

/* The columns of subsidy_claim_columns shown, in order. */
static const size_t claims_cols[] = { 0, 1, 2, 3, 6, 8, 10, 12, 13 };
static const struct ui_column claims_columns[] = {
	{ .title = "编号 ID", .width = 7 },
	{ .title = "市 City", .width = 7 },
	{ .title = "姓名 Name", .width = 9, .grow = 1 },
	{ .title = "类别 Kind", .width = 9 },
	{ .title = "级 Lv", .width = 5 },
	{ .title = "分 Fen", .width = 6 },
	{ .title = "材料 Doc", .width = 8 },
	{ .title = "账号 Acct", .width = 9 },
	{ .title = "状态 State", .width = 10 },
};
#define CLAIMS_NCOLUMNS (nitems(claims_columns))

static int
claims_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct cmd_rows		 r = { subsidy_claim_columns,
				     subsidy_claim_ncolumns, NULL, 0 };
	struct subsidy_filter	 f;
	const char		*cells[CLAIMS_NCOLUMNS];
	char			*last = NULL;
	size_t			 i, j;
	int			 rc;

	(void)v;
	memset(&f, 0, sizeof f);
	f.after = cursor != NULL ? strtoll(cursor, NULL, 10) : 0;
	f.limit = 200;
	if ((rc = db_subsidy_claim_list(ui->db, ui->user, &f, &r, why)) !=
	    QD_OK)
		return rc;
	for (i = 0; i < r.n; i++) {
		char	**row = r.cells + i * r.ncols;

		for (j = 0; j < CLAIMS_NCOLUMNS; j++)
			cells[j] = row[claims_cols[j]];
		ui_rows_add(rows, strtoll(row[0], NULL, 10), row[0], cells);
		last = row[0];
	}
	rows->more = r.n == 200;
	if (rows->more && last != NULL)
		ui_rows_set_cursor(rows, last);
	cmd_rows_free(&r);
	return QD_OK;
}

static enum ui_next
claims_docs(struct ui *ui, struct ui_view *v)
{
	struct subsidy_docs	 d;
	char			*bank = NULL, *account = NULL, *why = NULL;
	int64_t			 id = strtoll(ui_view_row_key(v), NULL, 10);
	int			 rc;

	if (ui_dialog_input(ui, v, "材料齐全 Documents", "开户行 Bank", "", 30,
	    &bank) != QD_OK || ui_dialog_input(ui, v, "材料齐全 Documents",
	    "银行账号 Account (digits)", "", 32, &account) != QD_OK)
		goto out;
	memset(&d, 0, sizeof d);
	d.doc_id = d.doc_cert = d.doc_bank = d.doc_form = 1;
	d.bank_name = bank;
	d.bank_account = account;
	rc = db_subsidy_claim_docs(ui->db, ui->user, id, &d, &why);
	if (rc == QD_OK)
		ui_msg(ui, "材料已登记 Documents recorded");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
out:
	free(bank);
	free(account);
	free(why);
	return UI_RELOAD;
}

static enum ui_next
claims_complete(struct ui *ui, struct ui_view *v)
{
	struct subsidy_step	 s;
	char			*why = NULL;
	int64_t			 id = strtoll(ui_view_row_key(v), NULL, 10);
	int			 rc;

	memset(&s, 0, sizeof s);
	s.action = "complete";
	s.paid_fen = -1;
	rc = db_subsidy_claim_step(ui->db, ui->user, id, &s, &why);
	if (rc == QD_OK)
		ui_msg(ui, "材料齐全 Complete: %" PRId64, id);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

static const struct ui_action claims_actions[] = {
	{ .key = UI_KEY_F(5), .label = "材料 Docs",
	  .may = "subsidy-claim docs", .needs_row = 1,
	  .run = claims_docs },
	{ .key = UI_KEY_F(6), .label = "齐全 Complete",
	  .may = "subsidy-claim docs", .needs_row = 1,
	  .run = claims_complete },
};

static const struct ui_list claims_list = {
	.columns = claims_columns,
	.ncolumns = CLAIMS_NCOLUMNS,
	.load = claims_load,
	.empty = "尚无补贴申请 No claims yet",
};

const struct ui_screen screen_subsidy_claims = {
	.name = "subsidy-claims",
	.title = "培训补贴申请 Subsidy claims",
	.list = &claims_list,
	.actions = claims_actions,
	.nactions = nitems(claims_actions),
};
