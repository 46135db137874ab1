/*
 * One case: the applicant, the qualification, the materials, the
 * decision and the whole history as a page, with the steps the user may
 * take now. Which steps those are comes from the data layer (the
 * case_transitions table for the case's state and the user's role); the
 * actions here only say which key runs which step.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"
#include "cert/cert.h"
#include "catalog/catalog-screens.h"


/* What the screen keeps between draws: the case and its steps now. */
struct case_view {
	int64_t			 id;
	struct qd_case		*c;
	struct qd_case_action	*acts;
	size_t			 nacts;
	char			*typed;		/* a reason kept after a failure */
	char			*cert;		/* its certificate's number */
};

/* The number of the case's newest certificate, if it has one. */
static void
case_view_cert(struct ui *ui, struct case_view *cv)
{
	struct qd_cert	*cert = NULL;

	xfree(&cv->cert);
	if (db_cert_get_case(ui->db, ui->user, cv->id, &cert, NULL) == QD_OK)
		cv->cert = xstrdup(cert->number);
	cert_free(cert);
}

/* Read the case and what the user may do with it again. */
static int
case_view_load(struct ui *ui, struct case_view *cv, char **why)
{
	int	 rc;

	case_free(cv->c);
	cv->c = NULL;
	case_actions_free(cv->acts, cv->nacts);
	cv->acts = NULL;
	cv->nacts = 0;
	if ((rc = db_case_get(ui->db, ui->user, cv->id, &cv->c, why)) != QD_OK)
		return rc;
	case_view_cert(ui, cv);
	return db_case_actions(ui->db, ui->user, cv->c, &cv->acts, &cv->nacts);
}

static int
case_open(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv;
	char			*why = NULL;

	cv = xcalloc(1, sizeof *cv);
	cv->id = *(int64_t *)ui_view_arg(v);
	if (case_view_load(ui, cv, &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "无法打开案件 cannot"
		    " open the case");
		free(why);
		case_free(cv->c);
		free(cv->cert);
		free(cv);
		return QD_ENOTFOUND;
	}
	v->priv = cv;
	return QD_OK;
}

static void
case_close(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;

	(void)ui;
	case_free(cv->c);
	case_actions_free(cv->acts, cv->nacts);
	free(cv->typed);
	free(cv->cert);
	free(cv);
	v->priv = NULL;
}

static char *
case_title(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*t;

	(void)ui;
	xasprintf(&t, "案件 Case %lld  %s", (long long)cv->id,
	    cv->c != NULL ? cv->c->state_name : "");
	return t;
}

/* Append a formatted line to *lines. */
static void __attribute__((format(printf, 3, 4)))
case_line(char ***lines, size_t *n, const char *fmt, ...)
{
	va_list	 ap;

	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	va_start(ap, fmt);
	xvasprintf(&(*lines)[(*n)++], fmt, ap);
	va_end(ap);
}

static const char *
case_mark(int received)
{
	return received ? "[x]" : "[ ]";
}

/* The case itself, above its history. */
static void
case_lines_record(const struct qd_case *c, char ***l, size_t *n)
{
	char	 t[32];

	case_line(l, n, "台胞 Applicant   %s   台胞证 MTP %s", c->applicant_name,
	    c->applicant_mtp_masked);
	case_line(l, n, "办公室 Office    %s   类型 Type %s", c->office_name,
	    case_type_label(c->type));
	case_line(l, n, "台湾资格 Taiwan  %s   证书号 No. %s", c->tw_qual,
	    c->tw_cert_no);
	case_line(l, n, "渠道 Channel     %s", case_channel_label(c->channel));
	case_line(l, n, "材料 Materials   %s身份 ID  %s证书 Cert  %s照片 Photo  "
	    "%s申请表 Form", case_mark(c->mat_id), case_mark(c->mat_cert),
	    case_mark(c->mat_photo), case_mark(c->mat_form));
	if (*c->materials_missing != '\0')
		case_line(l, n, "缺少 Missing     %s", c->materials_missing);
	if (c->materials_waiver != NULL && *c->materials_missing != '\0')
		case_line(l, n, "缺件报送原因 Why %s", c->materials_waiver);
	if (c->notes != NULL && *c->notes != '\0')
		case_line(l, n, "备注 Notes       %s", c->notes);
	case_line(l, n, "受理 Accepted    %s", ui_time(c->created_at, t,
	    sizeof t));
	if (c->held_by != 0)
		case_line(l, n, "领取人 Held by   %s  %s", c->held_by_login,
		    ui_time(c->held_at, t, sizeof t));
	if (c->decided_level != 0)
		case_line(l, n, "结果 Decision    %s %s", c->decided_occupation,
		    c->decided_level_name);
	if (c->reason != NULL && *c->reason != '\0')
		case_line(l, n, "原因 Reason      %s", c->reason);
	if (c->agency_name != NULL)
		case_line(l, n, "认定机构 Agency  %s %s %s%s", c->agency_name,
		    c->agency_ref, c->agency_on != NULL ? c->agency_on : "",
		    c->agency_paper ? "  交付机构证书 its own paper" : "");
	if (c->collected_on != NULL)
		case_line(l, n, "领证 Collected   %s", c->collected_on);
}

/* The notices to the applicant, with what the delivery said. */
static void
case_lines_notices(struct ui *ui, int64_t id, char ***l, size_t *n)
{
	struct qd_notice	*e = NULL;
	size_t			 i, ne = 0;
	char			*why = NULL, t[32];

	if (db_notice_list(ui->db, ui->user, id, 0, 20, &e, &ne, &why) ==
	    QD_OK && ne > 0) {
		case_line(l, n, "%s", "");
		case_line(l, n, "通知 Notices");
		for (i = 0; i < ne; i++)
			case_line(l, n, "%.16s %-8s %s %s  %s%s%s",
			    ui_time(e[i].recorded_at, t, sizeof t),
			    e[i].recorded_by, notice_channel_label(e[i].channel),
			    notice_status_label(e[i].status), e[i].text,
			    *e[i].detail != '\0' ? "  " : "", e[i].detail);
	}
	notice_rows_free(e, ne);
	free(why);
}

static int
case_lines(struct ui *ui, struct ui_view *v, char ***out, size_t *n,
    char **why)
{
	struct case_view	*cv = v->priv;
	struct qd_case_event	*ev = NULL;
	size_t			 i, nev = 0;
	char			 t[32];
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = case_view_load(ui, cv, why)) != QD_OK ||
	    (rc = db_case_history(ui->db, ui->user, cv->id, &ev, &nev,
	    why)) != QD_OK)
		return rc;
	case_lines_record(cv->c, out, n);
	case_line(out, n, "%s", "");
	case_line(out, n, "历史 History");
	for (i = 0; i < nev; i++)
		case_line(out, n, "%.16s %-8s %s → %s  %s",
		    ui_time(ev[i].at, t, sizeof t), ev[i].actor,
		    strcmp(ev[i].to_state, "agency_office") == 0 &&
		    strcmp(ev[i].action, "route") == 0 ? "交本地机构认定" :
		    case_action_label(ev[i].action),
		    case_state_label(ev[i].to_state), ev[i].note);
	case_events_free(ev, nev);
	case_lines_notices(ui, cv->id, out, n);
	if (cv->nacts == 0)
		case_line(out, n, "\n（您现在不能对此案件执行操作 Nothing for you"
		    " to do on this case now）");
	return QD_OK;
}

/* An action is shown when the data layer allows its step now. */
static int
case_enabled(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	struct case_view	*cv = v->priv;

	(void)ui;
	/* Edit is no transition: the office may while it could forward. */
	if (strcmp(a->name, "edit") == 0)
		return case_action_allowed(cv->acts, cv->nacts, "forward");
	/* The city's own keys for the steps the center has on others. */
	if (strcmp(a->name, "route-city") == 0)
		return case_action_allowed(cv->acts, cv->nacts, "route");
	if (strcmp(a->name, "confirm-city") == 0)
		return case_action_allowed(cv->acts, cv->nacts, "confirm");
	return case_action_allowed(cv->acts, cv->nacts, a->name);
}

/* Say how a step went; keep the screen (reloaded) either way. */
static enum ui_next
case_done(struct ui *ui, int rc, char *why, const char *done_zh,
    const char *done_en)
{
	if (rc == QD_OK)
		ui_msg(ui, "%s %s", done_zh, done_en);
	else
		ui_error(ui, "%s", why != NULL ? why : "操作失败 the step failed");
	free(why);
	return UI_RELOAD;
}

/*
 * Forward; a case that lacks materials goes only with the reason typed
 * (kept, audited and shown to the reviewer).
 */
static enum ui_next
case_forward(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL, *reason = NULL, *q;
	int			 rc;

	if (*cv->c->materials_missing == '\0')
		return case_done(ui, db_case_forward(ui->db, ui->user,
		    &cv->id, 1, &why), why, "已报送中心",
		    "Forwarded to the center");
	xasprintf(&q, "缺少 Missing: %s", cv->c->materials_missing);
	for (;;) {
		if (ui_dialog_input(ui, v, "材料不全，仍要报送？ Forward without"
		    " all materials?", q, cv->typed, 120, &reason) != QD_OK) {
			free(q);
			return UI_STAY;
		}
		free(cv->typed);
		cv->typed = reason;
		rc = db_case_forward_reason(ui->db, ui->user, &cv->id, 1,
		    reason, &why);
		if (rc != QD_EINVAL || ui->quit)
			break;
		ui_error(ui, "%s", why != NULL ? why : "请写明原因 give the"
		    " reason");
		xfree(&why);
	}
	free(q);
	if (rc == QD_OK)
		xfree(&cv->typed);
	return case_done(ui, rc, why, "已报送中心（缺件原因已记录）",
	    "Forwarded; the reason is recorded");
}

/* A step that takes one line of text: a reason, a reference. */
struct case_text_step {
	const char	*title;
	const char	*prompt;
	int		 required;	/* blank text is refused at once */
	int		(*step)(sqlite3 *, const struct qd_user *, int64_t,
			    int64_t, const char *, char **);
	const char	*done_zh;
	const char	*done_en;
};

/* 1 if text holds nothing but spaces (ASCII or full-width). */
static int
case_text_blank(const char *text)
{
	while (*text == ' ' || *text == '\t')
		text++;
	if (strncmp(text, "\xe3\x80\x80", 3) == 0)
		return case_text_blank(text + 3);
	return *text == '\0';
}

/*
 * Ask for the text and take the step. A blank required text, or text
 * the step refuses as invalid, keeps the dialog open with the message
 * and what was typed; what was typed before a step that failed otherwise
 * is offered again, and dropped once one succeeds.
 */
static enum ui_next
case_text_run(struct ui *ui, struct ui_view *v,
    const struct case_text_step *ts)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL, *text = NULL;
	int			 rc;

	for (;;) {
		if (ui_dialog_input(ui, v, ts->title, ts->prompt, cv->typed,
		    120, &text) != QD_OK)
			return UI_STAY;
		free(cv->typed);
		cv->typed = text;
		if (ts->required && case_text_blank(text)) {
			ui_error(ui, "%s 必填 required", ts->prompt);
			continue;
		}
		rc = ts->step(ui->db, ui->user, cv->id, cv->c->version, text,
		    &why);
		if (rc != QD_EINVAL || ui->quit)
			break;
		ui_error(ui, "%s", why != NULL ? why : "输入有误 invalid input");
		xfree(&why);
	}
	if (rc == QD_OK)
		xfree(&cv->typed);
	return case_done(ui, rc, why, ts->done_zh, ts->done_en);
}

static const struct case_text_step case_withdraw_step = {
	"撤回 Withdraw", "原因（可空） Reason (optional)", 0, db_case_withdraw,
	"已撤回", "Withdrawn"
};
static const struct case_text_step case_reject_step = {
	"不予通过 Reject", "原因 Reason", 1, db_case_reject,
	"已不予通过", "Rejected"
};
static const struct case_text_step case_return_step = {
	"退回补正 Return", "缺少什么 What is missing", 1, db_case_return,
	"已退回办公室", "Returned to the office"
};

static enum ui_next
case_withdraw(struct ui *ui, struct ui_view *v)
{
	return case_text_run(ui, v, &case_withdraw_step);
}

static enum ui_next
case_reject(struct ui *ui, struct ui_view *v)
{
	return case_text_run(ui, v, &case_reject_step);
}

static enum ui_next
case_return(struct ui *ui, struct ui_view *v)
{
	return case_text_run(ui, v, &case_return_step);
}

/* The agency's certificate, then the certificate in its name. */
static enum ui_next
case_confirm(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL;
	int			 rc;

	rc = screen_case_confirm(ui, v, cv->c, &cv->typed, &why);
	if (rc == QD_ENOTFOUND && why == NULL)
		return UI_STAY;
	if (rc == QD_OK)
		xfree(&cv->typed);
	return case_done(ui, rc, why, "已确认并以认定机构名义发证",
	    "Confirmed; the certificate is in the agency's name");
}

static enum ui_next
case_take(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL;

	return case_done(ui, db_case_take(ui->db, ui->user, cv->id,
	    cv->c->version, &why), why, "已领取，请审核", "Taken; review it");
}

static enum ui_next
case_release(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL;

	return case_done(ui, db_case_release(ui->db, ui->user, cv->id,
	    cv->c->version, &why), why, "已释放", "Released");
}

/* Choose an occupation and a level; the catalog's are offered first. */
static int
case_pick_level(struct ui *ui, struct ui_view *v, int64_t *occupation,
    int *level)
{
	struct ui_choice	*ch = NULL;
	size_t			 n = 0, picked;
	int			 rc;

	if ((rc = screen_occupation_choices(ui, &ch, &n)) != QD_OK || n == 0) {
		ui_error(ui, "职业目录为空 the occupation list is empty");
		ui_choices_free(ch, n);
		return QD_ENOTFOUND;
	}
	rc = ui_dialog_pick(ui, v, "确认职业（工种） Confirm the occupation",
	    ch, n, &picked);
	if (rc == QD_OK)
		*occupation = strtoll(ch[picked].value, NULL, 10);
	ui_choices_free(ch, n);
	if (rc != QD_OK)
		return rc;
	if ((rc = screen_level_choices(ui, &ch, &n)) != QD_OK)
		return rc;
	rc = ui_dialog_pick(ui, v, "确认等级 Confirm the level", ch, n,
	    &picked);
	if (rc == QD_OK)
		*level = atoi(ch[picked].value);
	ui_choices_free(ch, n);
	return rc;
}

/*
 * Say in full what approving will confirm and that the certificate is
 * issued now, and ask once more: 1 to go on. No and Esc cancel.
 */
static int
case_approve_ask(struct ui *ui, struct ui_view *v, const struct qd_case *c,
    int64_t occupation, int level)
{
	char	*name = NULL, *grade = NULL, *why = NULL, *q;
	int	 yes;

	if (db_case_decision_name(ui->db, occupation, level, &name, &grade,
	    &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "找不到职业 no such"
		    " occupation");
		free(why);
		return 0;
	}
	xasprintf(&q, "案件 %lld 审核通过，确认大陆相当水平为：\n"
	    "职业（工种） Occupation  %s\n"
	    "等级 Level  %s\n"
	    "并立即签发采信证书。确定？\n"
	    "Approve case %lld so, and issue its certificate now?",
	    (long long)c->id, name, grade, (long long)c->id);
	yes = ui_dialog_confirm(ui, v, q);
	free(q);
	free(name);
	free(grade);
	if (!yes && !ui->quit)
		ui_msg(ui, "未通过，案件未改变 Not approved; the case is as it"
		    " was");
	return yes;
}

/* Approve at occupation and level once the user says yes to it in full. */
static enum ui_next
case_approve_at(struct ui *ui, struct ui_view *v, int64_t occupation,
    int level)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL;
	int			 rc;

	if (!case_approve_ask(ui, v, cv->c, occupation, level))
		return UI_STAY;
	rc = db_case_approve(ui->db, ui->user, cv->id, cv->c->version,
	    occupation, level, &why);
	return case_done(ui, rc, why, "已审核通过，结果已反馈办公室",
	    "Approved; the office has the result");
}

/*
 * How to approve a case with a catalog entry: at what the catalog
 * compares it to (first, Enter), or at an occupation and level chosen by
 * hand. 1 for the catalog's, 0 by hand, -1 cancelled.
 */
static int
case_approve_how(struct ui *ui, struct ui_view *v, int64_t occupation,
    int level)
{
	struct ui_choice	 ch[2];
	char			*name = NULL, *grade = NULL, *why = NULL;
	size_t			 picked;
	int			 rc;

	if (db_case_decision_name(ui->db, occupation, level, &name, &grade,
	    &why) != QD_OK) {
		free(why);
		return 0;
	}
	xasprintf(&ch[0].label, "按目录 As the catalog compares: %s %.*s",
	    name, (int)strcspn(grade, " "), grade);
	free(grade);
	ch[0].value = (char *)"catalog";
	ch[1].label = (char *)"手工选择职业和等级 Choose the occupation and"
	    " level by hand";
	ch[1].value = (char *)"pick";
	rc = ui_dialog_pick(ui, v, "通过 Approve", ch, 2, &picked);
	free(ch[0].label);
	free(name);
	if (rc != QD_OK)
		return -1;
	return picked == 0;
}

/*
 * F5: approve. A case with a catalog entry is offered the catalog's
 * comparison or a choice by hand; one typed without an entry has the
 * occupation and level chosen. Either way the last word is a yes to all
 * of it in full.
 */
static enum ui_next
case_approve(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	int64_t			 occupation = 0;
	int			 level = 0, how = 0;

	if (cv->c->catalog_id != 0 && screen_catalog_level(ui,
	    cv->c->catalog_id, &occupation, &level) == QD_OK &&
	    (how = case_approve_how(ui, v, occupation, level)) < 0)
		return UI_STAY;
	if (how == 0 && case_pick_level(ui, v, &occupation, &level) != QD_OK)
		return UI_STAY;
	return case_approve_at(ui, v, occupation, level);
}

/* Route to the city's agency, or one the center picks (委托认证). */
static enum ui_next
case_route(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	const char		*done;
	char			*why = NULL;
	int			 rc;

	rc = screen_case_route(ui, v, cv->c, &done, &why);
	if (rc == QD_ENOTFOUND && why == NULL)
		return UI_STAY;
	return case_done(ui, rc, why, done, "");
}

#define CASE_NCHANNELS	8	/* room for every notice channel */

/* The usual words of a notice for this case. */
static char *
case_notice_text(struct ui *ui, const struct qd_case *c)
{
	char	*t;

	t = notice_text(ui->db, c);
	return t;
}

static enum ui_next
case_notify(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	struct ui_choice	 ch[CASE_NCHANNELS];
	char			*why = NULL, *text = NULL, *initial;
	size_t			 n, picked;
	int64_t			 notice = 0;
	int			 rc;

	for (n = 0; n < CASE_NCHANNELS && notice_channel(n) != NULL; n++) {
		ch[n].value = (char *)notice_channel(n);
		ch[n].label = (char *)notice_channel_label(notice_channel(n));
	}
	if (ui_dialog_pick(ui, v, "通知方式 How was the applicant told",
	    ch, n, &picked) != QD_OK)
		return UI_STAY;
	initial = cv->typed != NULL ? xstrdup(cv->typed) :
	    case_notice_text(ui, cv->c);
	rc = ui_dialog_input(ui, v, "通知内容 The notice", "内容 Text",
	    initial, 250, &text);
	free(initial);
	if (rc != QD_OK)
		return UI_STAY;
	free(cv->typed);
	cv->typed = xstrdup(text);
	rc = db_case_notify(ui->db, ui->user, cv->id, cv->c->version,
	    ch[picked].value, text, &notice, &why);
	free(text);
	if (rc == QD_OK) {
		xfree(&cv->typed);
		rc = notice_deliver(ui->db, ui->user, ui->cfg, notice, &why);
		if (rc == QD_ENOTFOUND)
			return case_done(ui, QD_OK, why, "已记录通知",
			    "Notice recorded");
		return case_done(ui, rc, why, "已通知并发送",
		    "Notice recorded and sent");
	}
	return case_done(ui, rc, why, "", "");
}

static enum ui_next
case_collect(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*why = NULL;
	int			 rc;

	if ((rc = screen_case_collect(ui, v, "领证 Collected", cv->id,
	    cv->c->version, &why)) == QD_ENOTFOUND && why == NULL)
		return UI_STAY;
	return case_done(ui, rc, why, "已记录领证", "Collection recorded");
}

static enum ui_next
case_edit(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;

	screen_intake_edit(ui, cv->c);
	return UI_RELOAD;
}

/* The certificate key is there once the approval issued one. */
static int
case_has_cert(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	(void)ui;
	(void)a;
	return ((struct case_view *)v->priv)->cert != NULL;
}

static enum ui_next
case_cert(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;
	char			*number = xstrdup(cv->cert);

	ui_screen_open(ui, "cert", number);
	free(number);
	return UI_RELOAD;
}

static enum ui_next
case_applicant(struct ui *ui, struct ui_view *v)
{
	struct case_view	*cv = v->priv;

	ui_screen_run_arg(ui, &screen_applicant, &cv->c->applicant_id);
	return UI_STAY;
}

static const struct ui_action case_actions[] = {
	{ .key = UI_KEY_F(5), .label = "报送 Forward", .name = "forward",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled, .run = case_forward },
	{ .key = UI_KEY_F(4), .label = "修改 Edit", .name = "edit",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled, .run = case_edit },
	{ .key = UI_KEY_F(6), .label = "撤回 Withdraw", .name = "withdraw",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled,
	  .run = case_withdraw },
	{ .key = UI_KEY_F(8), .label = "通知 Notify", .name = "notify",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled, .run = case_notify },
	{ .key = UI_KEY_F(9), .label = "领证 Collected", .name = "collect",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled,
	  .run = case_collect },
	{ .key = UI_KEY_F(7), .label = "本地认定 Agency", .name = "route-city",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled, .run = case_route },
	{ .key = 'k', .label = "认定确认 Confirmed", .name = "confirm-city",
	  .roles = UI_ROLES_OFFICE, .enabled = case_enabled,
	  .run = case_confirm },
	{ .key = UI_KEY_F(4), .label = "领取 Take", .name = "take",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled, .run = case_take },
	{ .key = UI_KEY_F(5), .label = "通过 Approve", .name = "approve",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled,
	  .run = case_approve },
	{ .key = UI_KEY_F(6), .label = "不予通过 Reject", .name = "reject",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled, .run = case_reject },
	{ .key = UI_KEY_F(7), .label = "退回 Return", .name = "return",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled, .run = case_return },
	{ .key = UI_KEY_F(8), .label = "委托认定 Agency", .name = "route",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled, .run = case_route },
	{ .key = UI_KEY_F(9), .label = "认定确认 Confirmed", .name = "confirm",
	  .roles = UI_ROLE(ROLE_CENTER), .enabled = case_enabled,
	  .run = case_confirm },
	{ .key = 'r', .label = "释放 Release", .name = "release",
	  .roles = UI_ROLES_CENTER_STAFF, .enabled = case_enabled,
	  .run = case_release },
	{ .key = 'p', .label = "台胞 Applicant", .roles = UI_ROLES_ALL &
	  ~UI_ROLE(ROLE_ADMIN), .run = case_applicant },
	/* One character: the center's widest key bar has to fit 80 columns. */
	{ .key = 'z', .label = "证 Certificate", .name = "certificate",
	  .roles = UI_ROLES_ALL, .enabled = case_has_cert, .run = case_cert },
};

const struct ui_screen screen_case = {
	.name = "case",
	.title = "案件 Case",
	.title_get = case_title,
	.open = case_open,
	.close = case_close,
	.lines = case_lines,
	.actions = case_actions,
	.nactions = nitems(case_actions),
};

void
screen_case_show(struct ui *ui, int64_t id)
{
	ui_screen_run_arg(ui, &screen_case, &id);
}
