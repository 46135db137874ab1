/*
 * What the training and subsidy verbs share: a noun's sub-verbs
 * ("training class publish 3") dispatched from a table, their --name
 * value options, reading a CSV file or standard input, and printing a
 * list or the reason it failed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

#define TRAINING_INPUT_MAX	(32 << 20)

int
training_args_parse(struct cmd_ctx *ctx, const char *noun, const char *usage,
    int argc, char **argv, struct training_args *a)
{
	size_t	 i, len;
	int	 k;

	memset(a->values, 0, sizeof a->values);
	a->nwords = 0;
	for (k = 1; k < argc; k++) {
		if (strncmp(argv[k], "--", 2) != 0 || argv[k][2] == '\0') {
			if (a->nwords == TRAINING_ARGS_MAX)
				goto usage;
			a->words[a->nwords++] = argv[k];
			continue;
		}
		for (i = 0; a->names[i] != NULL; i++) {
			len = strcspn(a->names[i], "!");
			if (strlen(argv[k] + 2) == len &&
			    strncmp(argv[k] + 2, a->names[i], len) == 0)
				break;
		}
		if (a->names[i] == NULL) {
			fprintf(ctx->err, "%s %s %s: 未知选项 unknown option"
			    " %s\n", QD_NAME, noun, argv[0], argv[k]);
			goto usage;
		}
		if (a->names[i][len] == '!')
			a->values[i] = "1";
		else if (k + 1 < argc)
			a->values[i] = argv[++k];
		else {
			fprintf(ctx->err, "%s %s %s: %s 需要一个值 needs a"
			    " value\n", QD_NAME, noun, argv[0], argv[k]);
			goto usage;
		}
	}
	return QD_EXIT_OK;
usage:
	fprintf(ctx->err, "usage: %s %s %s %s\n", QD_NAME, noun, argv[0],
	    usage);
	return QD_EXIT_USAGE;
}

const char *
training_arg(const struct training_args *a, const char *name)
{
	size_t	 i;

	for (i = 0; a->names[i] != NULL; i++) {
		if (strncmp(a->names[i], name, strcspn(a->names[i], "!")) ==
		    0 && strlen(name) == strcspn(a->names[i], "!"))
			return a->values[i];
	}
	return NULL;
}

int
training_dispatch(struct cmd_ctx *ctx, const char *noun,
    const struct training_verb *verbs, int argc, char **argv)
{
	const struct training_verb	*v;

	/* argv[0] is the noun's second word; the sub-verb follows it. */
	if (argc >= 2) {
		for (v = verbs; v->verb != NULL; v++) {
			if (strcmp(v->verb, argv[1]) == 0)
				return v->exec(ctx, v->usage, argc - 1,
				    argv + 1);
		}
		fprintf(ctx->err, "%s %s %s: 没有这个操作 no such verb %s\n",
		    QD_NAME, noun, argv[0], argv[1]);
	}
	fprintf(ctx->err, "usage:\n");
	for (v = verbs; v->verb != NULL; v++)
		fprintf(ctx->err, "  %s %s %s %s %s\n", QD_NAME, noun, argv[0],
		    v->verb, v->usage);
	return QD_EXIT_USAGE;
}

int
cmd_training_read(struct cmd_ctx *ctx, const char *noun, const char *file,
    char **data, size_t *len)
{
	FILE	*f;
	size_t	 size = 65536, n = 0, got;
	char	*buf;

	if (file == NULL || (ctx->remote && strcmp(file, "-") != 0)) {
		fprintf(ctx->err, "%s %s: 请给出文件，经 ssh 时用 - 从标准输入"
		    "读取 give a FILE, or - for standard input (over ssh: -"
		    " < FILE)\n", QD_NAME, noun);
		return QD_EXIT_USAGE;
	}
	if (strcmp(file, "-") == 0)
		f = ctx->in;
	else if ((f = fopen(file, "rb")) == NULL) {
		fprintf(ctx->err, "%s: 无法打开 cannot read %s: %s\n", QD_NAME,
		    file, strerror(errno));
		return QD_EXIT_ERROR;
	}
	buf = xmalloc(size);
	while ((got = fread(buf + n, 1, size - n, f)) > 0) {
		n += got;
		if (n > TRAINING_INPUT_MAX)
			break;
		if (n == size) {
			size *= 2;
			buf = xrealloc(buf, size);
		}
	}
	if (f != ctx->in)
		fclose(f);
	if (n > TRAINING_INPUT_MAX) {
		fprintf(ctx->err, "%s: 文件超过 32 MiB the file is larger than"
		    " 32 MiB\n", QD_NAME);
		free(buf);
		return QD_EXIT_ERROR;
	}
	*data = buf;
	*len = n;
	return QD_EXIT_OK;
}

int
cmd_training_print(struct cmd_ctx *ctx, int rc, enum cmd_format format,
    struct cmd_rows *rows, char *why)
{
	int	 exit;

	if (rc != QD_OK)
		exit = cmd_fail(ctx, rc, why);
	else
		exit = cmd_rows_print(ctx, format, rows);
	cmd_rows_free(rows);
	free(why);
	return exit;
}
