/*
 * One certificate: its fields laid out as on the paper (附件2), then what
 * became of it: printed, handed over, revoked, replaced. The keys are the
 * steps that apply to it now and to the user's role: its QR code, print,
 * hand over (the case's collect step), revoke and reissue, and its case.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "cert/cert-screens.h"

/* The widest label of the paper, 台湾居民往来大陆通行证号码, and a gap. */
#define CERT_LABEL_COLS	28

/* What the page keeps: the number shown and the certificate as read. */
struct cert_view {
	char		*number;
	struct qd_cert	*c;
	char		*typed;		/* a reason kept after a refusal */
};

static int
cert_load(struct ui *ui, struct cert_view *cv, char **why)
{
	cert_free(cv->c);
	cv->c = NULL;
	return db_cert_get(ui->db, ui->user, cv->number, &cv->c, why);
}

static int
cert_open(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv;
	char			*why = NULL;

	cv = xcalloc(1, sizeof *cv);
	cv->number = xstrdup(ui_view_arg(v));
	if (cert_load(ui, cv, &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "无法打开证书 cannot open"
		    " the certificate");
		free(why);
		free(cv->number);
		free(cv);
		return QD_ENOTFOUND;
	}
	v->priv = cv;
	return QD_OK;
}

static void
cert_close(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;

	(void)ui;
	cert_free(cv->c);
	free(cv->number);
	free(cv->typed);
	free(cv);
	v->priv = NULL;
}

static char *
cert_title(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;
	char			*t;

	(void)ui;
	xasprintf(&t, "证书 Certificate %s  %s", cv->number,
	    cv->c != NULL ? cv->c->state_name : "");
	return t;
}

/* Append a formatted line to *lines. */
static void __attribute__((format(printf, 3, 4)))
cert_line(char ***lines, size_t *n, const char *fmt, ...)
{
	va_list	 ap;

	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	va_start(ap, fmt);
	xvasprintf(&(*lines)[(*n)++], fmt, ap);
	va_end(ap);
}

/* A day as the template writes it: 1990年5月17日. */
static void
cert_day(const char *ymd, char *buf, size_t len)
{
	int	 y, m, d;

	if (ymd != NULL && sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(buf, len, "%d年%d月%d日", y, m, d);
	else
		snprintf(buf, len, "%s", ymd != NULL ? ymd : "");
}

/* One field of the paper: its label padded to the values' column. */
static void
cert_field(char ***l, size_t *n, const char *label, const char *value)
{
	char	 pad[CERT_LABEL_COLS + 1];
	int	 w = CERT_LABEL_COLS - text_width(label);

	memset(pad, ' ', sizeof pad - 1);
	pad[w > 0 ? w : 0] = '\0';
	cert_line(l, n, "  %s%s%s", label, pad, value);
}

/* The certificate as the paper has it, in the template's words. */
static void
cert_lines_paper(const struct qd_cert *c, char ***l, size_t *n)
{
	char	 born[32], issued[32], *level;

	cert_day(c->birth_date, born, sizeof born);
	cert_day(c->issued_on, issued, sizeof issued);
	xasprintf(&level, "%s %s", c->occupation, c->level_name);
	cert_line(l, n, "%*s%s", CERT_LABEL_COLS / 2, "", c->title);
	cert_line(l, n, "%s", "");
	cert_field(l, n, "姓名", c->name);
	cert_field(l, n, "性别", c->sex);
	cert_field(l, n, "出生日期", born);
	cert_field(l, n, "台湾居民往来大陆通行证号码", c->mtp);
	cert_field(l, n, "台湾地区职业资格及等级", c->tw_qual);
	cert_field(l, n, "证书编号", c->number);
	cert_line(l, n, "%s", "");
	cert_line(l, n, "  经比对采信，持证人具备大陆地区以下相当水平");
	cert_field(l, n, "职业（工种）及等级", level);
	cert_line(l, n, "%s", "");
	cert_line(l, n, "%*s%s", CERT_LABEL_COLS / 2, "", c->issuer);
	cert_line(l, n, "%*s%s", CERT_LABEL_COLS / 2, "", issued);
	free(level);
}

/* What happened to it since: print, hand-over, revocation, replacement. */
static void
cert_lines_state(const struct qd_cert *c, char ***l, size_t *n)
{
	char	 t[32];

	cert_line(l, n, "%s", "");
	cert_line(l, n, "状态 State        %s", c->state_name);
	cert_line(l, n, "签发 Issued       %s  %s  案件 Case %lld  %s",
	    c->issued_on, c->issued_by, (long long)c->case_id,
	    case_state_label(c->case_state));
	if (c->printed_at != NULL)
		cert_line(l, n, "打印 Printed      %s  共 %d 次 %d time%s",
		    ui_time(c->printed_at, t, sizeof t), c->print_count,
		    c->print_count, c->print_count == 1 ? "" : "s");
	else
		cert_line(l, n, "打印 Printed      未打印 not yet");
	if (c->handed_at != NULL)
		cert_line(l, n, "发放 Handed over  %s", ui_time(c->handed_at, t,
		    sizeof t));
	if (c->revoked_at != NULL)
		cert_line(l, n, "撤销 Revoked      %s  %s  原因 Reason: %s",
		    ui_time(c->revoked_at, t, sizeof t), c->revoked_by,
		    c->revoke_reason);
	if (c->replaces != NULL)
		cert_line(l, n, "换发自 Replaces   %s", c->replaces);
	if (c->replaced_by != NULL)
		cert_line(l, n, "已换发 Replaced by %s", c->replaced_by);
	cert_line(l, n, "办公室 Office     %s", c->office_name);
}

static int
cert_lines(struct ui *ui, struct ui_view *v, char ***out, size_t *n,
    char **why)
{
	struct cert_view	*cv = v->priv;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = cert_load(ui, cv, why)) != QD_OK)
		return rc;
	cert_lines_paper(cv->c, out, n);
	cert_lines_state(cv->c, out, n);
	return QD_OK;
}

/* Which keys apply to the certificate as it is now. */
static int
cert_enabled(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	const struct qd_cert	*c = ((struct cert_view *)v->priv)->c;

	(void)ui;
	if (c == NULL)
		return 0;
	if (strcmp(a->name, "print") == 0 || strcmp(a->name, "revoke") == 0)
		return c->revoked_at == NULL;
	if (strcmp(a->name, "hand") == 0)
		return strcmp(c->state, "printed") == 0;
	if (strcmp(a->name, "reissue") == 0)
		return c->revoked_at != NULL && c->replaced_by == NULL;
	return 1;
}

static enum ui_next
cert_qr(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;
	char			*title;

	xasprintf(&title, " %s  %s  %s", cv->c->number, cv->c->name,
	    cv->c->state_name);
	ui_qr_show(ui, title, cv->c->qr_text);
	free(title);
	return UI_STAY;
}

static enum ui_next
cert_print(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;

	ui_print_certs(ui, v, &cv->c, 1);
	return UI_RELOAD;
}

/* Handing over is the case's collect step, on the day the user says. */
static enum ui_next
cert_hand(struct ui *ui, struct ui_view *v)
{
	struct qd_cert	*c = ((struct cert_view *)v->priv)->c;
	char		*why = NULL, *day = NULL;
	int		 rc;

	if (strcmp(c->case_state, "approved") == 0) {
		ui_error(ui, "请先在案件页（o）通知台胞领证 notify the applicant"
		    " first, on the case page (o)");
		return UI_STAY;
	}
	/* Handing over is the case's collect step, asked as the case asks. */
	if (screen_ask_date(ui, v, "发放证书 Handed over", "领证日期 Date",
	    &day) != QD_OK)
		return UI_STAY;
	rc = db_case_collect(ui->db, ui->user, c->case_id, c->case_version,
	    day, &why);
	free(day);
	if (rc == QD_OK)
		ui_msg(ui, "已记录发放 Recorded as handed over");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

/*
 * Ask the reason for a revocation or a replacement; what was typed
 * before a refusal is offered again. QD_OK with *reason (caller frees).
 */
static int
cert_reason(struct ui *ui, struct ui_view *v, const char *title,
    char **reason)
{
	struct cert_view	*cv = v->priv;

	if (ui_dialog_input(ui, v, title, "原因 Reason", cv->typed, 120,
	    reason) != QD_OK)
		return QD_ENOTFOUND;
	free(cv->typed);
	cv->typed = xstrdup(*reason);
	return QD_OK;
}

static enum ui_next
cert_revoke(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;
	char			*reason = NULL, *why = NULL, *q;
	int			 rc;

	if (cert_reason(ui, v, "撤销证书 Revoke", &reason) != QD_OK)
		return UI_STAY;
	xasprintf(&q, "撤销证书 %s？撤销不可恢复 Revoke it? This cannot be"
	    " undone", cv->number);
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (rc) {
		rc = db_cert_revoke(ui->db, ui->user, cv->number,
		    cv->c->version, reason, &why);
		if (rc == QD_OK) {
			xfree(&cv->typed);
			ui_msg(ui, "已撤销 %s Revoked", cv->number);
		} else
			ui_error(ui, "%s", why != NULL ? why :
			    screen_result_text(rc));
	}
	free(reason);
	free(why);
	return UI_RELOAD;
}

/* A replacement under a new number, which the page then shows. */
static enum ui_next
cert_reissue(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;
	char			*reason = NULL, *why = NULL, *number = NULL;
	int			 rc;

	if (cert_reason(ui, v, "换发证书 Issue a replacement", &reason) !=
	    QD_OK)
		return UI_STAY;
	rc = db_cert_reissue(ui->db, ui->user, cv->number, reason, &number,
	    &why);
	if (rc == QD_OK) {
		xfree(&cv->typed);
		ui_msg(ui, "已换发新证书 %s，替换 %s  %s replaces %s", number,
		    cv->number, number, cv->number);
		free(cv->number);
		cv->number = number;
	} else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(reason);
	free(why);
	return UI_RELOAD;
}

static enum ui_next
cert_case(struct ui *ui, struct ui_view *v)
{
	struct cert_view	*cv = v->priv;

	ui_screen_open(ui, "case", &cv->c->case_id);
	return UI_RELOAD;
}

static const struct ui_action cert_actions[] = {
	{ .key = 'Q', .label = "二维码 QR code", .name = "qr",
	  .roles = UI_ROLES_ALL, .enabled = cert_enabled, .run = cert_qr },
	{ .key = 'P', .label = "打印 Print", .name = "print",
	  .roles = UI_ROLES_ALL, .enabled = cert_enabled, .run = cert_print },
	{ .key = UI_KEY_F(9), .label = "发放 Handed over", .name = "hand",
	  .roles = UI_ROLES_OFFICE, .enabled = cert_enabled, .run = cert_hand },
	{ .key = 'X', .label = "撤销 Revoke", .name = "revoke",
	  .may = "cert revoke", .enabled = cert_enabled,
	  .run = cert_revoke },
	{ .key = 'R', .label = "换发 Reissue", .name = "reissue",
	  .may = "cert issue", .enabled = cert_enabled,
	  .run = cert_reissue },
	{ .key = 'o', .label = "案件 Case", .name = "case",
	  .roles = UI_ROLES_ALL, .enabled = cert_enabled, .run = cert_case },
};

const struct ui_screen screen_cert = {
	.name = "cert",
	.title = "证书 Certificate",
	.title_get = cert_title,
	.open = cert_open,
	.close = cert_close,
	.lines = cert_lines,
	.actions = cert_actions,
	.nactions = nitems(cert_actions),
};

void
screen_cert_show(struct ui *ui, const char *number)
{
	ui_screen_run_arg(ui, &screen_cert, (void *)number);
}
