/*
 * Intake at the window (受理), in two steps. First the person: if the MTP
 * number, or the name (Traditional or Simplified) and birth date, match
 * someone already registered, that person and their cases are offered
 * instead of a second record. Then the case: type, the Taiwan
 * qualification from the catalog (or typed, for adoption), the
 * certificate number, the materials received and notes. Both forms are
 * kept as drafts while typing; a dropped link loses nothing and the draft
 * is offered when the clerk comes back.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"
#include "catalog/catalog-screens.h"

#define INTAKE_FORM	"intake"
#define INTAKE_CASE	"intake-case"
#define INTAKE_EDIT	"case-edit"

/* What the case step works on: a new case for a person, or an edit. */
struct intake_case_arg {
	int64_t			 applicant_id;
	const struct qd_case	*edit;		/* NULL for a new case */
	char			*who;		/* a person of another office */
};

/* Wrap an idcheck function as a field validator. */
static int
intake_valid_date(const char *s, char **why)
{
	char	 out[11];

	return idcheck_date(s, out, why);
}

static int
intake_valid_mtp(const char *s, char **why)
{
	char	 out[9];
	int	 old;

	return idcheck_mtp(s, out, &old, why);
}

static int
intake_valid_residence(const char *s, char **why)
{
	char	 out[19];

	return *s == '\0' ? QD_OK : idcheck_residence(s, NULL, out, why);
}

static int
intake_valid_taiwan_id(const char *s, char **why)
{
	char	 out[11];

	return *s == '\0' ? QD_OK : idcheck_taiwan_id(s, out, why);
}

static int
intake_valid_phone(const char *s, char **why)
{
	char	 out[IDCHECK_PHONE_SIZE];

	return *s == '\0' ? QD_OK : idcheck_phone(s, out, sizeof out, why);
}

static int
intake_valid_email(const char *s, char **why)
{
	char	 out[IDCHECK_EMAIL_SIZE];

	return *s == '\0' ? QD_OK : idcheck_email(s, out, sizeof out, why);
}

/* Two choices: value a for label la, b for lb. */
static int
intake_pair(struct ui_choice **out, size_t *n, const char *a, const char *la,
    const char *b, const char *lb)
{
	*out = xcalloc(2, sizeof **out);
	(*out)[0].value = xstrdup(a);
	(*out)[0].label = xstrdup(la);
	(*out)[1].value = xstrdup(b);
	(*out)[1].label = xstrdup(lb);
	*n = 2;
	return QD_OK;
}

static int
intake_sex_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return intake_pair(out, n, "M", "男 Male", "F", "女 Female");
}

static int
intake_yesno_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return intake_pair(out, n, "0", "否 No", "1", "是 Yes");
}

static int
intake_received_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return intake_pair(out, n, "0", "未收 Not received", "1",
	    "已收 Received");
}

static int
intake_type_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return intake_pair(out, n, "adoption", case_type_label("adoption"),
	    "recognition", case_type_label("recognition"));
}

static int
intake_channel_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	size_t	 i;

	(void)ui;
	for (*n = 0; case_channel(*n) != NULL; (*n)++)
		;
	*out = xcalloc(*n, sizeof **out);
	for (i = 0; i < *n; i++) {
		(*out)[i].value = xstrdup(case_channel(i));
		(*out)[i].label = xstrdup(case_channel_label(case_channel(i)));
	}
	return QD_OK;
}

/* Save the form as the user's draft of form for ref. */
static void
intake_draft_save(struct ui *ui, struct ui_view *v, const char *form,
    int64_t ref)
{
	char	*data = ui_view_draft_text(v), *why = NULL;

	if (db_draft_save(ui->db, ui->user, form, ref, data, &why) != QD_OK)
		ui_error(ui, "草稿未能保存 the draft was not saved: %s",
		    why != NULL ? why : "");
	free(why);
	free(data);
}

/* Offer a draft of form for ref, if there is one. */
static void
intake_draft_offer(struct ui *ui, struct ui_view *v, const char *form,
    int64_t ref)
{
	char	*data = NULL, *at = NULL, *q, t[32];

	if (db_draft_load(ui->db, ui->user, form, ref, &data, &at) != QD_OK)
		return;
	/* "2026-11-22 08:15": the minute is enough, and it fits 80 columns. */
	ui_time(at, t, sizeof t);
	xasprintf(&q, "继续未完成的草稿（%.16s）？ Continue the draft?", t);
	/* Enter goes on with the draft; only a second yes throws it away. */
	if (!ui_dialog_ask(ui, v, q, 1) && !ui->quit &&
	    ui_dialog_confirm(ui, v, "丢弃草稿？丢弃后无法恢复 Discard the "
	    "draft for good?")) {
		db_draft_drop(ui->db, ui->user, form, ref);
		ui_msg(ui, "草稿已丢弃 Draft discarded");
	} else if (!ui->quit) {
		ui_view_draft_apply(v, data);
		ui_msg(ui, "已恢复草稿 Draft restored");
	}
	free(q);
	free(data);
	free(at);
}

static int
intake_open(struct ui *ui, struct ui_view *v)
{
	intake_draft_offer(ui, v, INTAKE_FORM, 0);
	return QD_OK;
}

static void
intake_draft(struct ui *ui, struct ui_view *v)
{
	intake_draft_save(ui, v, INTAKE_FORM, 0);
}

/* The person as the form says. */
static void
intake_person(const struct ui_view *v, struct qd_applicant_new *nf)
{
	memset(nf, 0, sizeof *nf);
	nf->name = ui_view_value(v, "name");
	nf->sex = ui_view_value(v, "sex");
	nf->birth_date = ui_view_value(v, "birth_date");
	nf->mtp = ui_view_value(v, "mtp");
	nf->residence_no = ui_view_value(v, "residence_no");
	nf->taiwan_id = ui_view_value(v, "taiwan_id");
	nf->phone = ui_view_value(v, "phone");
	nf->email = ui_view_value(v, "email");
	nf->address = ui_view_value(v, "address");
	nf->in_taiwan = strcmp(ui_view_value(v, "in_taiwan"), "1") == 0;
}

/*
 * Offer the people already registered who match; *id is the one chosen,
 * or 0 to register a new one. QD_ENOTFOUND if the clerk went back.
 */
static int
intake_pick_existing(struct ui *ui, struct ui_view *v,
    const struct qd_applicant_row *r, size_t n, int same_mtp, int64_t *id)
{
	struct ui_choice	*ch;
	size_t			 i, picked, nch = n + (same_mtp ? 0 : 1);
	int			 rc;

	ch = xcalloc(nch, sizeof *ch);
	for (i = 0; i < n; i++) {
		xasprintf(&ch[i].value, "%" PRId64, r[i].id);
		xasprintf(&ch[i].label, "%s %s %s 台胞证 %s %s 案件 %d（本办 %d）",
		    r[i].name, strcmp(r[i].sex, "M") == 0 ? "男" : "女",
		    r[i].birth_date, r[i].mtp_masked, r[i].office_name,
		    r[i].ncases, r[i].ncases_here);
	}
	if (!same_mtp) {
		ch[n].value = xstrdup("0");
		ch[n].label = xstrdup("不是此人，新登记 None of these: register"
		    " a new person");
	}
	rc = ui_dialog_pick(ui, v, "已登记的台胞 Already registered", ch, nch,
	    &picked);
	if (rc == QD_OK)
		*id = strtoll(ch[picked].value, NULL, 10);
	ui_choices_free(ch, nch);
	return rc;
}

/* 1 if one of the matches holds the MTP number the form gives. */
static int
intake_same_mtp(const struct ui_view *v, const struct qd_applicant_row *r,
    size_t n, sqlite3 *db, const struct qd_user *user)
{
	struct qd_applicant_row	*m = NULL;
	size_t			 nm = 0, i, j;
	char			*why = NULL;
	int			 same = 0;

	/* Search by the number alone: those are the same person. */
	if (db_applicant_duplicates(db, user, "", "", ui_view_value(v, "mtp"),
	    &m, &nm, &why) == QD_OK) {
		for (i = 0; i < nm; i++)
			for (j = 0; j < n; j++)
				same |= m[i].id == r[j].id;
	}
	applicant_rows_free(m, nm);
	free(why);
	return same;
}

/*
 * Show the person chosen and their cases: those of this office in full,
 * the others' as a count (they are another office's to read).
 */
static void
intake_show_existing(struct ui *ui, struct ui_view *v,
    const struct qd_applicant_row *p)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_ALL,
	    .applicant_id = p->id };
	struct qd_case_row	*r = NULL;
	char			*why = NULL, *next = NULL, *text, *t;
	size_t			 i, n = 0;

	xasprintf(&text, "%s  %s  台胞证 %s  %s\n", p->name, p->birth_date,
	    p->mtp_masked, p->office_name);
	if (db_case_list(ui->db, ui->user, &f, NULL, 20, &r, &n, &next,
	    &why) == QD_OK) {
		for (i = 0; i < n; i++) {
			xasprintf(&t, "%s\n案件 %lld  %s  %s", text,
			    (long long)r[i].id, r[i].state_name, r[i].tw_qual);
			free(text);
			text = t;
		}
	}
	if (p->ncases > p->ncases_here) {
		xasprintf(&t, "%s\n\n其他办公室另有 %d 件 %d more at other"
		    " offices", text, p->ncases - p->ncases_here,
		    p->ncases - p->ncases_here);
		free(text);
		text = t;
	} else if (p->ncases == 0) {
		xasprintf(&t, "%s\n尚无案件 No cases yet", text);
		free(text);
		text = t;
	}
	ui_dialog_show(ui, v, "已登记的台胞及其案件 The person and their cases",
	    text);
	case_rows_free(r, n);
	free(next);
	free(why);
	free(text);
}

/* F2: find or register the person, then take the case. */
static enum ui_next
intake_next(struct ui *ui, struct ui_view *v)
{
	struct qd_applicant_new	 nf;
	struct qd_applicant_row	*r = NULL;
	struct intake_case_arg	 arg;
	char			*why = NULL;
	size_t			 i, n = 0;
	int64_t			 id = 0;
	int			 rc;

	intake_person(v, &nf);
	rc = db_applicant_duplicates(ui->db, ui->user, nf.name, nf.birth_date,
	    nf.mtp, &r, &n, &why);
	memset(&arg, 0, sizeof arg);
	if (rc == QD_OK && n > 0)
		rc = intake_pick_existing(ui, v, r, n, intake_same_mtp(v, r, n,
		    ui->db, ui->user), &id);
	/* Another office's person is shown as the match listed them. */
	for (i = 0; rc == QD_OK && i < n; i++) {
		if (r[i].id != id)
			continue;
		intake_show_existing(ui, v, &r[i]);
		xasprintf(&arg.who, "%s  %s  %s  (%s)", r[i].name,
		    r[i].birth_date, r[i].mtp_masked, r[i].office_name);
	}
	applicant_rows_free(r, n);
	if (rc == QD_OK && id == 0)
		rc = db_applicant_add(ui->db, ui->user, &nf, &id, &why);
	if (rc != QD_OK) {
		if (rc != QD_ENOTFOUND)
			ui_error(ui, "%s", why != NULL ? why :
			    screen_result_text(rc));
		free(why);
		free(arg.who);
		return UI_STAY;
	}
	free(why);
	db_draft_drop(ui->db, ui->user, INTAKE_FORM, 0);
	arg.applicant_id = id;
	ui_screen_run_arg(ui, &screen_intake_case, &arg);
	free(arg.who);
	return UI_CLOSE;
}

static const struct ui_field intake_fields[] = {
	{ .label = "姓名 Name", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 20, .max_bytes = 80, .required = 1, .column = "name" },
	{ .label = "性别 Sex", .type = UI_FIELD_CHOICE, .width = 12,
	  .required = 1, .column = "sex", .choices = intake_sex_choices },
	{ .label = "出生日期 Born", .type = UI_FIELD_TEXT, .width = 12,
	  .max_chars = 10, .max_bytes = 40, .required = 1, .column = "birth_date",
	  .validate = intake_valid_date },
	{ .label = "台胞证号 MTP No.", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 14, .max_bytes = 56, .required = 1, .column = "mtp",
	  .validate = intake_valid_mtp },
	{ .label = "居住证号 Residence", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 18, .max_bytes = 72, .column = "residence_no",
	  .validate = intake_valid_residence },
	{ .label = "台湾身份证 Taiwan ID", .type = UI_FIELD_TEXT, .width = 12,
	  .max_chars = 10, .max_bytes = 40, .column = "taiwan_id",
	  .validate = intake_valid_taiwan_id },
	{ .label = "电话 Phone", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 24, .max_bytes = 96, .column = "phone", .validate = intake_valid_phone },
	{ .label = "电子邮件 E-mail", .type = UI_FIELD_TEXT, .width = 30,
	  .max_chars = 80, .max_bytes = 320, .column = "email", .validate = intake_valid_email },
	{ .label = "地址 Address", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 100, .max_bytes = 400, .column = "address" },
	{ .label = "现在台湾 In Taiwan", .type = UI_FIELD_CHOICE, .width = 12,
	  .column = "in_taiwan", .choices = intake_yesno_choices },
};

static const struct ui_action intake_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "下一步 Next", .may = "applicant write",
	  .run = intake_next },
};

const struct ui_screen screen_intake = {
	.name = "intake",
	.title = "受理 Intake 1/2: 台胞 Applicant",
	.table = "applicants",
	.fields = intake_fields,
	.nfields = nitems(intake_fields),
	.actions = intake_actions,
	.nactions = nitems(intake_actions),
	.open = intake_open,
	.draft = intake_draft,
};

/* Correcting a person's details: the same fields, filled in. */

static int
intake_person_open(struct ui *ui, struct ui_view *v)
{
	const struct qd_applicant	*a = ui_view_arg(v);

	(void)ui;
	record_to_view(&applicant_record, a, v);
	/* The older 10-digit permit is shown as it was given. */
	if (a->mtp_old)
		ui_view_set(v, "mtp", a->mtp_raw);
	return QD_OK;
}

static enum ui_next
intake_person_save(struct ui *ui, struct ui_view *v)
{
	const struct qd_applicant	*a = ui_view_arg(v);
	struct qd_applicant_new		 nf;
	char				*why = NULL;
	int				 rc;

	intake_person(v, &nf);
	rc = db_applicant_update(ui->db, ui->user, a->id, a->version, &nf,
	    &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	ui_msg(ui, "已保存 Saved");
	return UI_CLOSE;
}

static const struct ui_action intake_person_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "applicant write",
	  .run = intake_person_save },
};

const struct ui_screen screen_applicant_edit = {
	.name = "applicant-edit",
	.title = "修改台胞信息 Correct the applicant",
	.table = "applicants",
	.fields = intake_fields,
	.nfields = nitems(intake_fields),
	.actions = intake_person_actions,
	.nactions = nitems(intake_person_actions),
	.open = intake_person_open,
};

/* The case step. */

static int64_t
intake_case_ref(const struct intake_case_arg *a)
{
	return a->edit != NULL ? a->edit->id : a->applicant_id;
}

static const char *
intake_case_form(const struct intake_case_arg *a)
{
	return a->edit != NULL ? INTAKE_EDIT : INTAKE_CASE;
}

/* Fill the fields from the case being edited. */
static void
intake_case_fill(struct ui_view *v, const struct qd_case *c)
{
	char	 id[24];

	record_to_view(&case_record, c, v);
	/* A catalog entry's qualification is the entry's, not typed. */
	snprintf(id, sizeof id, "%" PRId64, c->catalog_id);
	ui_view_set(v, "catalog_id", c->catalog_id != 0 ? id : "");
	ui_view_set(v, "tw_qual", c->catalog_id != 0 ? "" : c->tw_qual);
}

/* Filled by the open hook, which knows the person. */
static char *
intake_case_who(struct ui *ui)
{
	(void)ui;
	return xstrdup("");
}

static int
intake_case_open(struct ui *ui, struct ui_view *v)
{
	const struct intake_case_arg	*a = ui_view_arg(v);
	struct qd_applicant		*p = NULL;
	char				*why = NULL, *who;

	/* Opening the person's record is audited as a view. */
	if (db_applicant_get(ui->db, ui->user, a->applicant_id, &p, &why) ==
	    QD_OK) {
		xasprintf(&who, "%s  %s  %s", p->name, p->birth_date,
		    p->mtp);
		ui_view_set(v, "applicant_id", who);
		free(who);
	} else if (a->who != NULL)
		ui_view_set(v, "applicant_id", a->who);
	applicant_free(p);
	free(why);
	if (a->edit != NULL)
		intake_case_fill(v, a->edit);
	intake_draft_offer(ui, v, intake_case_form(a), intake_case_ref(a));
	return QD_OK;
}

static void
intake_case_draft(struct ui *ui, struct ui_view *v)
{
	const struct intake_case_arg	*a = ui_view_arg(v);

	intake_draft_save(ui, v, intake_case_form(a), intake_case_ref(a));
}

static void
intake_case_values(const struct ui_view *v, int64_t applicant,
    struct qd_case_new *nc)
{
	memset(nc, 0, sizeof *nc);
	nc->applicant_id = applicant;
	nc->type = ui_view_value(v, "type");
	nc->catalog_id = strtoll(ui_view_value(v, "catalog_id"), NULL, 10);
	nc->tw_qual = ui_view_value(v, "tw_qual");
	nc->tw_cert_no = ui_view_value(v, "tw_cert_no");
	nc->channel = ui_view_value(v, "channel");
	nc->mat_id = strcmp(ui_view_value(v, "mat_id"), "1") == 0;
	nc->mat_cert = strcmp(ui_view_value(v, "mat_cert"), "1") == 0;
	nc->mat_photo = strcmp(ui_view_value(v, "mat_photo"), "1") == 0;
	nc->mat_form = strcmp(ui_view_value(v, "mat_form"), "1") == 0;
	nc->notes = ui_view_value(v, "notes");
}

static enum ui_next
intake_case_save(struct ui *ui, struct ui_view *v)
{
	const struct intake_case_arg	*a = ui_view_arg(v);
	struct qd_case_new		 nc;
	char				*why = NULL;
	int64_t				 id = 0;
	int				 rc;

	intake_case_values(v, a->applicant_id, &nc);
	if (a->edit != NULL)
		rc = db_case_update(ui->db, ui->user, a->edit->id,
		    a->edit->version, &nc, &why);
	else
		rc = db_case_open(ui->db, ui->user, &nc, &id, &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	db_draft_drop(ui->db, ui->user, intake_case_form(a),
	    intake_case_ref(a));
	if (a->edit != NULL)
		ui_msg(ui, "已保存 Saved");
	else
		ui_msg(ui, "已受理，案件号 %" PRId64 "，在待报送中  Accepted as"
		    " case %" PRId64 ", in the outbox", id, id);
	return UI_CLOSE;
}

/* F6: choose the qualification from the whole catalog, typing to narrow. */
static enum ui_next
intake_case_pick(struct ui *ui, struct ui_view *v)
{
	struct ui_choice	*ch = NULL;
	size_t			 n = 0, picked;

	if (screen_catalog_choices(ui, &ch, &n) == QD_OK &&
	    ui_dialog_pick(ui, v, "台湾资格（输入筛选） Taiwan qualification"
	    " (type to narrow)", ch, n, &picked) == QD_OK) {
		ui_view_set(v, "catalog_id", ch[picked].value);
		v->edited = 1;
	}
	ui_choices_free(ch, n);
	return UI_STAY;
}

static const struct ui_field intake_case_fields[] = {
	{ .label = "台胞 Applicant", .type = UI_FIELD_SHOW, .width = 40,
	  .column = "applicant_id", .get = intake_case_who },
	{ .label = "类型 Type", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "type", .choices = intake_type_choices },
	{ .label = "申请渠道 Channel", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "channel", .choices = intake_channel_choices },
	{ .label = "台湾资格 Qualification", .type = UI_FIELD_CHOICE,
	  .width = 44, .column = "catalog_id",
	  .choices = screen_catalog_choices },
	{ .label = "或手工填写 Or type it", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 40, .max_bytes = 160, .column = "tw_qual" },
	{ .label = "台湾证书号 Cert No.", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 40, .max_bytes = 160, .required = 1, .column = "tw_cert_no" },
	{ .label = "身份证明 ID papers", .type = UI_FIELD_CHOICE, .width = 22,
	  .column = "mat_id", .choices = intake_received_choices },
	{ .label = "台湾证书 Certificate", .type = UI_FIELD_CHOICE, .width = 22,
	  .column = "mat_cert", .choices = intake_received_choices },
	{ .label = "照片 Photo", .type = UI_FIELD_CHOICE, .width = 22,
	  .column = "mat_photo", .choices = intake_received_choices },
	{ .label = "申请表 Form", .type = UI_FIELD_CHOICE, .width = 22,
	  .column = "mat_form", .choices = intake_received_choices },
	{ .label = "备注 Notes", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 250, .max_bytes = 1000, .column = "notes" },
};

static const struct ui_action intake_case_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "受理 Accept", .may = "case open",
	  .run = intake_case_save },
	{ .key = UI_KEY_F(6), .label = "目录 Catalog", .may = "case open",
	  .run = intake_case_pick },
};

const struct ui_screen screen_intake_case = {
	.name = "intake-case",
	.title = "受理 Intake 2/2: 案件 Case",
	.table = "cases",
	.fields = intake_case_fields,
	.nfields = nitems(intake_case_fields),
	.actions = intake_case_actions,
	.nactions = nitems(intake_case_actions),
	.open = intake_case_open,
	.draft = intake_case_draft,
};

void
screen_intake_edit(struct ui *ui, const struct qd_case *c)
{
	struct intake_case_arg	 arg = { .applicant_id = c->applicant_id,
	    .edit = c };

	ui_screen_run_arg(ui, &screen_intake_case, &arg);
}
