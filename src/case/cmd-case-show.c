/*
 * cases show: one case as the data layer gives it to the actor, with its
 * history and the steps the actor may take now. The MTP number is shown
 * masked, as in every list; no full ID number leaves the data layer.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

/* What show prints, read in one go. */
struct cmd_show {
	struct qd_case		*c;
	struct qd_case_event	*ev;
	size_t			 nev;
	struct qd_case_action	*act;
	size_t			 nact;
};

static const char *
cmd_show_or(const char *s, const char *none)
{
	return s != NULL && *s != '\0' ? s : none;
}

static void
cmd_show_text_case(FILE *f, const struct qd_case *c)
{
	char	*s;

	fprintf(f, "case %" PRId64 "  %s  (version %" PRId64 ")\n", c->id,
	    c->state_name, c->version);
	xasprintf(&s, "%s  MTP %s", c->applicant_name,
	    c->applicant_mtp_masked);
	cmd_label_line(f, "applicant", s, 14);
	free(s);
	xasprintf(&s, "%s (%s)", c->office_name, c->office_code);
	cmd_label_line(f, "office", s, 14);
	free(s);
	cmd_label_line(f, "type", case_type_label(c->type), 14);
	cmd_label_line(f, "qualification", c->tw_qual, 14);
	cmd_label_line(f, "certificate", c->tw_cert_no, 14);
	cmd_label_line(f, "occupation", c->occupation_name, 14);
	xasprintf(&s, "ID %s, certificate %s, photo %s, form %s",
	    c->mat_id ? "yes" : "no", c->mat_cert ? "yes" : "no",
	    c->mat_photo ? "yes" : "no", c->mat_form ? "yes" : "no");
	cmd_label_line(f, "materials", s, 14);
	free(s);
	cmd_label_line(f, "missing", c->materials_missing, 14);
	if (*c->materials_missing != '\0')
		cmd_label_line(f, "waived because", c->materials_waiver, 14);
	cmd_label_line(f, "channel", case_channel_label(c->channel), 14);
	cmd_label_line(f, "notes", c->notes, 14);
	if (c->held_by != 0) {
		xasprintf(&s, "%s since %s", c->held_by_login, c->held_at);
		cmd_label_line(f, "held by", s, 14);
		free(s);
	}
	if (c->decided_level != 0) {
		xasprintf(&s, "%s %s", cmd_show_or(c->decided_occupation, "?"),
		    cmd_show_or(c->decided_level_name, ""));
		cmd_label_line(f, "decided", s, 14);
		free(s);
	}
	cmd_label_line(f, "reason", c->reason, 14);
	if (c->agency_id != 0) {
		xasprintf(&s, "%s%s%s", cmd_show_or(c->agency_name, "?"),
		    *cmd_show_or(c->agency_ref, "") != '\0' ? "  ref " : "",
		    cmd_show_or(c->agency_ref, ""));
		cmd_label_line(f, "agency", s, 14);
		free(s);
	}
	cmd_label_line(f, "collected on", c->collected_on, 14);
	cmd_label_line(f, "created", c->created_at, 14);
	cmd_label_line(f, "forwarded", c->forwarded_at, 14);
	cmd_label_line(f, "decided at", c->decided_at, 14);
	cmd_label_line(f, "updated", c->updated_at, 14);
}

static void
cmd_show_text(FILE *f, const struct cmd_show *sh)
{
	const struct qd_case_event	*e;
	size_t				 i;

	cmd_show_text_case(f, sh->c);
	fprintf(f, "history:\n");
	for (i = 0; i < sh->nev; i++) {
		e = &sh->ev[i];
		fprintf(f, "  %s  %s  %s  %s -> %s%s%s\n", e->at, e->actor,
		    e->action, cmd_show_or(e->from_state, "-"), e->to_state,
		    *e->note != '\0' ? "  " : "", e->note);
	}
	fprintf(f, "you may:%s\n", sh->nact == 0 ? " nothing now" : "");
	for (i = 0; i < sh->nact; i++)
		fprintf(f, "  %s  %s %s\n", sh->act[i].action,
		    sh->act[i].name_zh, sh->act[i].name_en);
}

static void
cmd_show_json_case(FILE *f, const struct qd_case *c)
{
	cmd_json_number(f, "id", c->id, 1);
	cmd_json_string(f, "applicant", c->applicant_name, 1);
	cmd_json_string(f, "mtp", c->applicant_mtp_masked, 1);
	cmd_json_string(f, "office", c->office_name, 1);
	cmd_json_string(f, "office_code", c->office_code, 1);
	cmd_json_string(f, "type", c->type, 1);
	cmd_json_string(f, "tw_qual", c->tw_qual, 1);
	cmd_json_string(f, "tw_cert_no", c->tw_cert_no, 1);
	cmd_json_string(f, "occupation", c->occupation_name, 1);
	fprintf(f, "\"materials\": {\"id\": %s, \"certificate\": %s,"
	    " \"photo\": %s, \"form\": %s}, ", c->mat_id ? "true" : "false",
	    c->mat_cert ? "true" : "false", c->mat_photo ? "true" : "false",
	    c->mat_form ? "true" : "false");
	cmd_json_string(f, "materials_missing", c->materials_missing, 1);
	cmd_json_string(f, "materials_waiver", c->materials_waiver, 1);
	cmd_json_string(f, "channel", c->channel, 1);
	cmd_json_string(f, "notes", c->notes, 1);
	cmd_json_string(f, "state", c->state, 1);
	cmd_json_string(f, "state_name", c->state_name, 1);
	cmd_json_string(f, "held_by", c->held_by_login, 1);
	cmd_json_string(f, "held_at", c->held_at, 1);
	cmd_json_string(f, "decided_occupation", c->decided_occupation, 1);
	if (c->decided_level != 0)
		cmd_json_number(f, "decided_level", c->decided_level, 1);
	else
		fputs("\"decided_level\": null, ", f);
	cmd_json_string(f, "reason", c->reason, 1);
	cmd_json_string(f, "agency", c->agency_name, 1);
	cmd_json_string(f, "agency_ref", c->agency_ref, 1);
	cmd_json_string(f, "collected_on", c->collected_on, 1);
	cmd_json_string(f, "created_at", c->created_at, 1);
	cmd_json_string(f, "updated_at", c->updated_at, 1);
	cmd_json_string(f, "forwarded_at", c->forwarded_at, 1);
	cmd_json_string(f, "decided_at", c->decided_at, 1);
	cmd_json_number(f, "version", c->version, 1);
}

static void
cmd_show_json(FILE *f, const struct cmd_show *sh)
{
	const struct qd_case_event	*e;
	size_t				 i;

	fputs("{", f);
	cmd_show_json_case(f, sh->c);
	fputs("\n \"history\": [", f);
	for (i = 0; i < sh->nev; i++) {
		e = &sh->ev[i];
		fputs(i > 0 ? ",\n  {" : "\n  {", f);
		cmd_json_string(f, "at", e->at, 1);
		cmd_json_string(f, "actor", e->actor, 1);
		cmd_json_string(f, "action", e->action, 1);
		cmd_json_string(f, "from_state", e->from_state, 1);
		cmd_json_string(f, "to_state", e->to_state, 1);
		cmd_json_string(f, "note", e->note, 0);
		fputs("}", f);
	}
	fputs("],\n \"actions\": [", f);
	for (i = 0; i < sh->nact; i++) {
		fputs(i > 0 ? ", {" : "{", f);
		cmd_json_string(f, "action", sh->act[i].action, 1);
		cmd_json_string(f, "name_zh", sh->act[i].name_zh, 1);
		cmd_json_string(f, "name_en", sh->act[i].name_en, 1);
		cmd_json_string(f, "to_state", sh->act[i].to_state, 1);
		fprintf(f, "\"held\": %s}", sh->act[i].held ? "true" : "false");
	}
	fputs("]}\n", f);
}

/* Read the case, its history and its actions for the actor. */
static int
cmd_show_read(struct cmd_ctx *ctx, int64_t id, struct cmd_show *sh,
    char **why)
{
	int	 rc;

	memset(sh, 0, sizeof *sh);
	if ((rc = db_case_get(ctx->db, ctx->actor, id, &sh->c, why)) != QD_OK)
		return rc;
	if ((rc = db_case_history(ctx->db, ctx->actor, id, &sh->ev, &sh->nev,
	    why)) != QD_OK)
		return rc;
	return db_case_actions(ctx->db, ctx->actor, sh->c, &sh->act,
	    &sh->nact);
}

int
cmd_cases_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_show	 sh;
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	long long	 id;
	char		*why = NULL;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "cases", argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && cmd_format_parse(optarg, (1 << CMD_FORMAT_TEXT) |
		    (1 << CMD_FORMAT_JSON), &format) != QD_OK)
			return cmd_usage_error(ctx, "cases", argv[0],
			    "--format is text or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 ||
	    (id = cmd_number(argv[optind], 1, INT64_MAX)) < 0)
		return cmd_usage_error(ctx, "cases", argv[0],
		    "give one case number");
	if ((rc = cmd_show_read(ctx, id, &sh, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else if (format == CMD_FORMAT_JSON)
		cmd_show_json(ctx->out, &sh);
	else
		cmd_show_text(ctx->out, &sh);
	case_free(sh.c);
	case_events_free(sh.ev, sh.nev);
	case_actions_free(sh.act, sh.nact);
	free(why);
	return rc;
}
