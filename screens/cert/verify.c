/*
 * Checking a certificate someone holds: a USB QR scanner types the code's
 * text into the one line and presses Enter (as a keyboard does), and the
 * verdict shows in large words with what the code carries, for the
 * clerk to compare with the paper. Then the line is empty for the next
 * scan. Any role may check any certificate: whether one is in force is
 * no secret; what the record holds beyond the code stays scoped.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert-screens.h"
#include "catalog/catalog.h"

/* A scanned text is a few hundred characters; leave room. */
#define VERIFY_MAX	1000

/* The last verdict, for the draw hook. */
struct verify_view {
	enum ui_tone	 tone;
	char		*headline;
	char		*detail;
};

/* Each shown field starts empty; a scan fills them. */
static char *
verify_empty(struct ui *ui)
{
	(void)ui;
	return xstrdup("");
}

static const struct ui_field verify_fields[] = {
	{ .label = "二维码内容 Code", .type = UI_FIELD_TEXT, .width = 52,
	  .max_chars = VERIFY_MAX, .max_bytes = VERIFY_MAX,
	  .column = "qr_text" },
	{ .label = "证书编号 Number", .type = UI_FIELD_SHOW, .width = 20,
	  .column = "number", .get = verify_empty },
	{ .label = "姓名 Name", .type = UI_FIELD_SHOW, .width = 40,
	  .column = "name", .get = verify_empty },
	{ .label = "通行证号 MTP", .type = UI_FIELD_SHOW, .width = 10,
	  .column = "mtp", .get = verify_empty },
	{ .label = "台湾资格 Taiwan", .type = UI_FIELD_SHOW, .width = 50,
	  .column = "tw_qual", .get = verify_empty },
	{ .label = "职业及等级 Level", .type = UI_FIELD_SHOW, .width = 50,
	  .column = "occupation", .get = verify_empty },
	{ .label = "签发日期 Issued", .type = UI_FIELD_SHOW, .width = 12,
	  .column = "issued_on", .get = verify_empty },
};

static int
verify_open(struct ui *ui, struct ui_view *v)
{
	struct verify_view	*vv;

	(void)ui;
	vv = xcalloc(1, sizeof *vv);
	vv->tone = UI_TONE_PLAIN;
	vv->headline = xstrdup("请扫描证书上的二维码 Scan the QR code on the"
	    " certificate");
	v->priv = vv;
	return QD_OK;
}

static void
verify_close(struct ui *ui, struct ui_view *v)
{
	struct verify_view	*vv = v->priv;

	(void)ui;
	free(vv->headline);
	free(vv->detail);
	free(vv);
	v->priv = NULL;
}

static void
verify_draw(struct ui *ui, struct ui_view *v, int top)
{
	struct verify_view	*vv = v->priv;

	ui_banner(ui, top + 2, vv->headline, vv->detail, vv->tone);
}

/* "四级/中级工" for a level, from the levels table. */
static char *
verify_level(struct ui *ui, int level)
{
	struct qd_level	*l = NULL;
	size_t		 i, n = 0;
	char		*why = NULL, *name = NULL;

	if (db_level_list(ui->db, &l, &n, &why) == QD_OK) {
		for (i = 0; i < n && name == NULL; i++) {
			if (l[i].level == level)
				name = xstrdup(l[i].name_zh);
		}
	}
	level_free_array(l, n);
	free(why);
	if (name == NULL)
		xasprintf(&name, "%d", level);
	return name;
}

/* Show what the code carries; empty when it carried nothing readable. */
static void
verify_fields_set(struct ui *ui, struct ui_view *v,
    const struct cert_fields *f)
{
	char	*number, *level, *occupation;

	if (f->name == NULL) {
		ui_view_set(v, "number", "");
		ui_view_set(v, "name", "");
		ui_view_set(v, "mtp", "");
		ui_view_set(v, "tw_qual", "");
		ui_view_set(v, "occupation", "");
		ui_view_set(v, "issued_on", "");
		return;
	}
	number = cert_number(f->series, f->year, f->seq);
	level = verify_level(ui, f->level);
	xasprintf(&occupation, "%s %s", f->occupation, level);
	ui_view_set(v, "number", number != NULL ? number : "");
	ui_view_set(v, "name", f->name);
	ui_view_set(v, "mtp", f->mtp);
	ui_view_set(v, "tw_qual", f->tw_qual);
	ui_view_set(v, "occupation", occupation);
	ui_view_set(v, "issued_on", f->issued_on);
	free(occupation);
	free(level);
	free(number);
}

/* The verdict: in force, revoked (the data layer's QD_ECONFLICT), or not. */
static void
verify_verdict(struct verify_view *vv, int rc, char *why)
{
	int	 revoked;

	free(vv->headline);
	free(vv->detail);
	vv->detail = why;
	revoked = rc == QD_ECONFLICT;
	if (rc == QD_OK) {
		vv->tone = UI_TONE_GOOD;
		vv->headline = xstrdup("证书有效 VALID");
		if (vv->detail == NULL)
			vv->detail = xstrdup("签名真实，证书现行有效 genuine,"
			    " and in force");
	} else if (revoked) {
		vv->tone = UI_TONE_BAD;
		vv->headline = xstrdup("已撤销 REVOKED");
	} else {
		vv->tone = UI_TONE_BAD;
		vv->headline = xstrdup("验证失败 INVALID");
		if (vv->detail == NULL)
			vv->detail = xstrdup(screen_result_text(rc));
	}
}

/* Enter (or F2) after a scan: check it, then wait for the next. */
static enum ui_next
verify_run(struct ui *ui, struct ui_view *v)
{
	struct verify_view	*vv = v->priv;
	struct cert_fields	 f;
	char			*text, *why = NULL;
	int			 rc;

	/* A scanner ending its text in CR LF sends a second, empty Enter. */
	if (*ui_view_value(v, "qr_text") == '\0')
		return UI_STAY;
	/* Spaces are Base45 too: the text is checked exactly as scanned. */
	text = xstrdup(ui_view_value(v, "qr_text"));
	rc = db_cert_verify(ui->db, ui->user, text, &f, NULL, &why);
	verify_fields_set(ui, v, &f);
	verify_verdict(vv, rc, why);
	if (rc == QD_OK && f.series == CERT_SERIES_TICKET) {
		free(vv->headline);
		vv->headline = xstrdup("准考证有效 TICKET VALID");
	}
	cert_fields_free(&f);
	free(text);
	ui_view_set(v, "qr_text", "");
	return UI_STAY;
}

static const struct ui_action verify_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "验证 Verify", .roles = UI_ROLES_ALL,
	  .run = verify_run },
};

const struct ui_screen screen_verify = {
	.name = "verify",
	.title = "验证证书 Verify a certificate",
	.table = "certificates",
	.fields = verify_fields,
	.nfields = nitems(verify_fields),
	.actions = verify_actions,
	.nactions = nitems(verify_actions),
	.open = verify_open,
	.close = verify_close,
	.draw = verify_draw,
};
