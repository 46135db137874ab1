/*
 * Inside the exam module's data layer: what its files share.
 */
#ifndef EXAM_EXAM_DB_H
#define EXAM_EXAM_DB_H

#include "qualdesk.h"

#define EXAM_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/*
 * A failed statement as a result: a trigger's refusal QD_EDENIED, a
 * duplicate QD_ECONFLICT, another broken CHECK QD_EINVAL (its message
 * in *why), else as db_fail.
 */
int	 exam_fail(sqlite3 *, char **why);
/* Commit when rc is QD_OK, else roll back; the result. */
int	 exam_tx_end(sqlite3 *, int rc, char **why);
/* Step st once and finalize it: QD_OK or exam_fail's. */
int	 exam_step_done(sqlite3 *, sqlite3_stmt *, char **why);
/*
 * Check a free text: valid, at most max characters, and not blank when
 * required. QD_OK or QD_EINVAL with *why naming it.
 */
int	 exam_text_check(const char *, int max, const char *zh,
	    const char *en, int required, char **why);

#endif
