/*
 * How well the answer base's search finds the right answers: the demo's
 * answers indexed once per way of cutting Chinese (pairs and characters
 * as Lucene's CJK analyzer, ICU's dictionary words, ICU's words with their
 * characters, and FTS5's own trigram for comparison), searched with the
 * invented questions of fts-questions.h whose answers are known. Prints
 * recall and precision of the first three results for each; checks that
 * the way the base uses finds what it must (one- and two-character words,
 * Traditional for Simplified).
 *
 * recall = right answers among the first 3 / min(3, right answers there
 * are); precision = right answers among the first 3 / answers returned
 * (at most 3); both summed over all questions. p@1: the first is right.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"
#include "policy/policy.h"
#include "../tap.h"
#include "../fixture.h"
#include "fts-questions.h"

#define FTS_TOP		3
#define FTS_TRIGRAM	FTS_NMODES	/* FTS5's own, for comparison */

static sqlite3	*db;

struct fts_score {
	int	 hits, returned, wanted, first, empty, questions;
	double	 ms;
};

static const char *
mode_name(int mode)
{
	return mode == FTS_TRIGRAM ? "trigram" : fts_mode_name(mode);
}

/* Index the answers, folded, into m_MODE. */
static void
index_mode(int mode)
{
	sqlite3_stmt	*rd, *wr;
	char		*sql, *msg = NULL;
	const char	*name = mode_name(mode);
	char		*f[3];
	int		 i;

	xasprintf(&sql, "CREATE VIRTUAL TABLE m_%s USING fts5(title, tags,"
	    " body, tokenize = '%s%s')", name, mode == FTS_TRIGRAM ? "" : "qd ",
	    name);
	if (fixture_exec(db, sql, &msg) != SQLITE_OK) {
		printf("Bail out! %s: %s\n", sql, msg);
		exit(1);
	}
	free(sql);
	xasprintf(&sql, "INSERT INTO m_%s (rowid, title, tags, body)"
	    " VALUES (?1, ?2, ?3, ?4)", name);
	sqlite3_prepare_v2(db, "SELECT id, title, tags, body FROM"
	    " policy_answers", -1, &rd, NULL);
	sqlite3_prepare_v2(db, sql, -1, &wr, NULL);
	while (sqlite3_step(rd) == SQLITE_ROW) {
		sqlite3_bind_int64(wr, 1, sqlite3_column_int64(rd, 0));
		for (i = 0; i < 3; i++) {
			/* trigram gets the same folding the others do. */
			f[i] = namekey_text((const char *)
			    sqlite3_column_text(rd, i + 1));
			sqlite3_bind_text(wr, i + 2, f[i], -1, SQLITE_TRANSIENT);
			free(f[i]);
		}
		if (sqlite3_step(wr) != SQLITE_DONE)
			printf("# index %s: %s\n", name, sqlite3_errmsg(db));
		sqlite3_reset(wr);
	}
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	free(sql);
	free(msg);
}

/* The trigram query: every run of three characters, quoted, OR-ed. */
static char *
trigram_query(const char *text)
{
	char	*folded = namekey_text(text), *q = xstrdup(""), *t;
	size_t	 off[600], n = 0, i;
	const char *p;

	for (p = folded; *p != '\0' && n < nitems(off) - 1;
	    p += text_char_len(p))
		off[n++] = (size_t)(p - folded);
	off[n] = strlen(folded);
	for (i = 0; i + 3 <= n; i++) {
		xasprintf(&t, "%s%s\"%.*s\"", q, *q != '\0' ? " OR " : "",
		    (int)(off[i + 3] - off[i]), folded + off[i]);
		free(q);
		q = t;
	}
	free(folded);
	if (*q == '\0')
		xfree(&q);
	return q;
}

/* 1 if title is one of the '|'-separated answers. */
static int
is_answer(const char *answers, const char *title)
{
	const char	*p = answers, *bar;
	size_t		 len = strlen(title);

	for (;;) {
		bar = strchr(p, '|');
		if ((bar != NULL ? (size_t)(bar - p) : strlen(p)) == len &&
		    strncmp(p, title, len) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

static int
count_answers(const char *answers)
{
	int	 n = 1;

	for (; *answers != '\0'; answers++)
		n += *answers == '|';
	return n;
}

/* Ask question q of m_MODE; add what came back to s. */
static void
ask(int mode, size_t q, struct fts_score *s, int verbose)
{
	sqlite3_stmt	*st;
	struct timespec	 t0, t1;
	char		*sql, *query;
	const char	*title;
	int		 n = 0, hits = 0, wanted;

	query = mode == FTS_TRIGRAM ? trigram_query(fts_questions[q].question) :
	    fts_query(fts_questions[q].question, mode);
	wanted = count_answers(fts_questions[q].answers);
	s->wanted += wanted < FTS_TOP ? wanted : FTS_TOP;
	s->questions++;
	if (query == NULL) {
		s->empty++;
		return;
	}
	xasprintf(&sql, "SELECT a.title FROM m_%s m JOIN policy_answers a"
	    " ON a.id = m.rowid WHERE m_%s MATCH ?1 ORDER BY bm25(m_%s, 4.0,"
	    " 3.0, 1.0) LIMIT %d", mode_name(mode), mode_name(mode),
	    mode_name(mode), FTS_TOP);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_bind_text(st, 1, query, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		title = (const char *)sqlite3_column_text(st, 0);
		if (is_answer(fts_questions[q].answers, title)) {
			hits++;
			if (n == 0)
				s->first++;
		}
		n++;
	}
	sqlite3_finalize(st);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s->ms += (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	s->hits += hits;
	s->returned += n;
	if (n == 0)
		s->empty++;
	if (verbose && hits == 0)
		printf("#   %s missed: %s\n", mode_name(mode),
		    fts_questions[q].question);
	free(sql);
	free(query);
}

static struct fts_score
measure(int mode)
{
	struct fts_score	 s = { 0 };
	size_t			 q;

	index_mode(mode);
	for (q = 0; q < nitems(fts_questions); q++)
		ask(mode, q, &s, getenv("FTS_VERBOSE") != NULL);
	printf("# %-8s recall %.3f  precision %.3f  p@1 %.3f  no result %2d"
	    "  (%d questions, %.2f ms each)\n", mode_name(mode),
	    (double)s.hits / s.wanted, s.returned > 0 ?
	    (double)s.hits / s.returned : 0.0, (double)s.first / s.questions,
	    s.empty, s.questions, s.ms / s.questions);
	return s;
}

/* The base's own search (db_policy_find) for text: the first title. */
static char *
first_found(const char *text)
{
	struct qd_user	*op = user_local_operator();
	struct db_rows	 r = { 0 };
	char		*why = NULL, *t = NULL;

	if (db_policy_find(db, op, text, 5, &r, &why) == QD_OK && r.n > 0)
		t = xstrdup(db_rows_cell(&r, 0, POLICY_ANSWER_TITLE));
	db_rows_free(&r);
	free(why);
	user_free(op);
	return t;
}

int
main(void)
{
	struct fts_score	 s[FTS_NMODES + 1];
	char			*dir, *why = NULL, *t;
	int			 mode;

	dir = fixture_dir("fts");
	db = fixture_db(dir, "fts.db");
	ok(policy_demo(db, &why) == QD_OK, "the demo's answers load");
	ok(policy_demo_nanswers >= 50 && nitems(fts_questions) >= 50,
	    "%zu answers, %zu questions with known answers",
	    policy_demo_nanswers, nitems(fts_questions));
	printf("# first %d results of each question, over %zu answers:\n",
	    FTS_TOP, policy_demo_nanswers);
	for (mode = 0; mode <= FTS_TRIGRAM; mode++)
		s[mode] = measure(mode);
	ok((double)s[FTS_BIGRAM].hits / s[FTS_BIGRAM].wanted >= 0.8,
	    "pairs and characters find at least 80%% of the right answers");
	ok(s[FTS_BIGRAM].empty == 0, "and something for every question");
	ok(s[FTS_TRIGRAM].empty > 0, "trigram alone finds nothing for the"
	    " short questions (%d)", s[FTS_TRIGRAM].empty);

	t = first_found("補貼");
	ok(t != NULL && strstr(t, "补贴") != NULL, "補貼 finds an answer"
	    " written with 补贴 (%s)", t != NULL ? t : "none");
	free(t);
	t = first_found("考试");
	ok(t != NULL && strstr(t, "考试") != NULL, "a two-character word is"
	    " found (%s)", t != NULL ? t : "none");
	free(t);
	t = first_found("贷");
	ok(t != NULL && strcmp(t, "创业有没有扶持政策") == 0, "so is one"
	    " character (%s)", t != NULL ? t : "none");
	free(t);
	t = first_found("！？。");
	ok(t == NULL, "punctuation alone finds nothing, and no error");
	free(t);
	t = fts_query("補貼 \"x\"", FTS_BIGRAM);
	ok(t != NULL && strcmp(t, "\"补贴\" OR \"x\"") == 0,
	    "a query's words are folded and quoted (%s)", t != NULL ? t : "");
	free(t);
	free(why);
	db_close(db);
	namekey_close();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
