/*
 * What the policy screens share: the answers found for what is typed,
 * and one answer shown in full.
 */
#include <stdlib.h>
#include <string.h>

#include "policy/policy-screens.h"

#define SCREEN_ANSWER_PAGE	30

const struct ui_column screen_answer_columns[SCREEN_ANSWER_NCOLUMNS] = {
	{ "答复 Answer", 26, 1 },
	{ "复核 Review", 11, 0 },
	{ "依据 Document", 18, 0 },
	{ "范围 Scope", 10, 0 },
};

static const int screen_answer_pick[SCREEN_ANSWER_NCOLUMNS] = {
	POLICY_ANSWER_TITLE, POLICY_ANSWER_REVIEW, POLICY_ANSWER_DOC_NO,
	POLICY_ANSWER_SCOPE,
};

int
screen_answer_load(struct ui *ui, struct ui_view *v, const char *column,
    struct ui_rows *rows, char **why)
{
	struct db_rows	 r = { 0 };
	const char	*text = ui_view_value(v, column);
	int		 rc;

	if (*text == '\0')
		return QD_OK;
	rc = db_policy_find(ui->db, ui->user, text, SCREEN_ANSWER_PAGE, &r,
	    why);
	/* Punctuation alone has no word to look for: nothing to list. */
	if (rc == QD_EINVAL) {
		xfree(why);
		rc = QD_OK;
	}
	if (rc == QD_OK)
		screen_db_rows(rows, &r, screen_answer_pick,
		    nitems(screen_answer_pick));
	db_rows_free(&r);
	return rc;
}

enum ui_next
screen_answer_show(struct ui *ui, struct ui_view *v)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL, *text;

	if (db_policy_answer_get(ui->db, ui->user, v->rows.ids[v->sel], &r,
	    &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "?");
		free(why);
		return UI_STAY;
	}
	xasprintf(&text, "%s\n\n依据 %s %s（%s）\n有效期至 Valid until %s%s%s",
	    db_rows_cell(&r, 0, POLICY_ANSWER_BODY),
	    db_rows_cell(&r, 0, POLICY_ANSWER_DOC_NO),
	    db_rows_cell(&r, 0, POLICY_ANSWER_DOC_TITLE),
	    db_rows_cell(&r, 0, POLICY_ANSWER_DOC_DATE),
	    db_rows_cell(&r, 0, POLICY_ANSWER_VALID),
	    *db_rows_cell(&r, 0, POLICY_ANSWER_REVIEW) != '\0' ? "\n" : "",
	    db_rows_cell(&r, 0, POLICY_ANSWER_REVIEW));
	ui_dialog_show(ui, v, db_rows_cell(&r, 0, POLICY_ANSWER_TITLE), text);
	free(text);
	db_rows_free(&r);
	return UI_STAY;
}
