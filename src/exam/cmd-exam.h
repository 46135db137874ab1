/*
 * What the exam verbs' files share: the words after a verb and the
 * checks of their arguments.
 */
#ifndef EXAM_CMD_EXAM_H
#define EXAM_CMD_EXAM_H

#include "qualdesk.h"

/* One word after an exam verb ("add" of `exam demand add`). */
struct cmd_exam_sub {
	const char	*word;
	int		(*run)(struct cmd_ctx *, int, char **);
};
/* Run the sub-command argv[1] names, with argv from it on. */
int	 cmd_exam_dispatch(struct cmd_ctx *, int argc, char **argv,
	    const struct cmd_exam_sub *, size_t n);
/* A record number, or -1. */
int64_t	 cmd_exam_id(const char *);
/* --format among allowed, or a usage error's exit code. */
int	 cmd_exam_format(struct cmd_ctx *, const char *verb, const char *s,
	    int allowed, enum cmd_format *);
/* An occupation by code or name, or a usage error's exit code. */
int	 cmd_exam_occupation(struct cmd_ctx *, const char *verb,
	    const char *key, int64_t *id);

#endif
