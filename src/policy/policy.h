/*
 * The policy module: policy questions (政策咨询) and the answer base. A
 * city's window records a question, answers it on the spot from the base
 * or forwards it to the center; the center's reply comes back to the
 * city's inbox and notice outbox and can be published to the base in one
 * step. Answers rest on policy documents and are flagged for review when
 * a document is replaced or their validity ends. Every function checks
 * the actor's role and office; the schema (008-policy.sql) checks again.
 */
#ifndef POLICY_H
#define POLICY_H

#include "qualdesk.h"

/* db-policy-doc.c: policy documents (文号, title, date). */
/* 1 if s is valid text of 1 to max characters. */
int	 policy_text_ok(const char *, int max);
/*
 * Add a document: the center's for the province, or (local set, a clerk
 * or liaison) their own city's. *id gets its id.
 */
int	 db_policy_doc_add(sqlite3 *, const struct qd_user *actor,
	    const char *doc_no, const char *title, const char *issued_on,
	    int local, int64_t *id, char **why);
/*
 * Mark doc_no replaced on day (empty: today), by the document by_no
 * (NULL: none named). Its answers are then flagged for review.
 */
int	 db_policy_doc_replace(sqlite3 *, const struct qd_user *actor,
	    const char *doc_no, const char *day, const char *by_no,
	    char **why);
/* The document numbered doc_no that actor may cite, into *id. */
int	 policy_doc_find(sqlite3 *, const struct qd_user *actor,
	    const char *doc_no, int64_t *id, int64_t *office, char **why);
enum policy_doc_col {
	POLICY_DOC_NO, POLICY_DOC_TITLE, POLICY_DOC_ISSUED, POLICY_DOC_SCOPE,
	POLICY_DOC_REPLACED, POLICY_DOC_ANSWERS, POLICY_DOC_NCOLS
};
int	 db_policy_doc_list(sqlite3 *, const struct qd_user *actor,
	    struct db_rows *, char **why);

/* db-policy-answer.c: the answer base. */
struct policy_answer_new {
	const char	*title;
	const char	*body;
	const char	*tags;		/* words, space-separated */
	const char	*doc_no;	/* the document it rests on */
	const char	*valid_until;	/* YYYY-MM-DD */
	int		 local;		/* the actor's city only */
	int64_t		 question_id;	/* the question it answered, or 0 */
};
/*
 * Publish an answer to the base: the center (or admin) for the province,
 * a clerk or liaison (local set) for their own city on a document of the
 * province or of that city. *id gets its id.
 */
int	 db_policy_publish(sqlite3 *, const struct qd_user *actor,
	    const struct policy_answer_new *, int64_t *id, char **why);
/*
 * Publish the center's reply to question qid in one step: its reply is
 * the body, the question (cut to 80 characters) the title unless given;
 * valid_until empty: a year from today.
 */
int	 db_policy_publish_reply(sqlite3 *, const struct qd_user *actor,
	    int64_t qid, const char *title, const char *doc_no,
	    const char *valid_until, const char *tags, int64_t *id,
	    char **why);
/* Withdraw a published answer (center, or the liaison of a local one). */
int	 db_policy_withdraw(sqlite3 *, const struct qd_user *actor, int64_t id,
	    char **why);
/* The columns of an answer's row, after its id. */
enum policy_answer_col {
	POLICY_ANSWER_TITLE, POLICY_ANSWER_REVIEW, POLICY_ANSWER_DOC_NO,
	POLICY_ANSWER_DOC_TITLE, POLICY_ANSWER_DOC_DATE, POLICY_ANSWER_VALID,
	POLICY_ANSWER_TAGS, POLICY_ANSWER_SCOPE, POLICY_ANSWER_SCORE,
	POLICY_ANSWER_BODY, POLICY_ANSWER_NCOLS
};
/*
 * The published answers actor may read (the province's and, for a city,
 * its own local ones) that share words with text, best first (those in
 * force before those needing review, then bm25 over title, tags and body),
 * at most limit. Traditional and Simplified find
 * each other; one- and two-character words are found. POLICY_ANSWER_REVIEW
 * is "" or why the answer needs review (document replaced, expired).
 * QD_EINVAL when text has no word to search for.
 */
int	 db_policy_find(sqlite3 *, const struct qd_user *actor,
	    const char *text, int limit, struct db_rows *, char **why);
/* One answer actor may read (any state), or QD_ENOTFOUND. */
int	 db_policy_answer_get(sqlite3 *, const struct qd_user *actor,
	    int64_t id, struct db_rows *, char **why);
/* The published answers flagged for review that actor may read. */
int	 db_policy_review_list(sqlite3 *, const struct qd_user *actor,
	    int limit, struct db_rows *, char **why);

/* db-policy-question.c: questions at the window. */
struct policy_question_new {
	const char	*text;
	const char	*channel;	/* window, phone or online */
	int64_t		 applicant_id;	/* 0: not given */
	const char	*contact;	/* where an answer is sent, or NULL */
};
/* Record a question at actor's office (clerk or liaison). */
int	 db_policy_ask(sqlite3 *, const struct qd_user *actor,
	    const struct policy_question_new *, int64_t *id, char **why);
/* Answer an open question on the spot with answer aid (the city). */
int	 db_policy_answer_here(sqlite3 *, const struct qd_user *actor,
	    int64_t qid, int64_t aid, char **why);
/* Forward an open question to the center (the city). */
int	 db_policy_forward(sqlite3 *, const struct qd_user *actor, int64_t qid,
	    char **why);
/*
 * The center's reply to a forwarded question: its own text, or an answer
 * aid of the base (0: none), or both. It lands in the city's inbox and,
 * as a notice to the person, in its notice outbox.
 */
int	 db_policy_reply(sqlite3 *, const struct qd_user *actor, int64_t qid,
	    const char *text, int64_t aid, char **why);
/* The city has told the person: the question ends, its notice is given. */
int	 db_policy_notify(sqlite3 *, const struct qd_user *actor, int64_t qid,
	    char **why);
/* Mark the city's inbox row of question qid read. */
int	 db_policy_inbox_read(sqlite3 *, const struct qd_user *actor,
	    int64_t qid, char **why);
enum policy_question_col {
	POLICY_Q_OFFICE, POLICY_Q_CHANNEL, POLICY_Q_TEXT, POLICY_Q_STATE_NAME,
	POLICY_Q_STATE, POLICY_Q_ANSWER, POLICY_Q_REPLY, POLICY_Q_CREATED,
	POLICY_Q_INBOX, POLICY_Q_NOTICE, POLICY_Q_CONTACT, POLICY_Q_VERSION,
	POLICY_Q_NCOLS
};
/*
 * The questions actor may read, newest first: queue "open" (the city's
 * unanswered), "forwarded" (the center's to answer, oldest first),
 * "inbox" (replies come back to the city, unread first), or NULL: all.
 * POLICY_Q_INBOX is "未读 unread", "已读 read" or ""; POLICY_Q_NOTICE the
 * notice's status ("pending", "given") or "".
 */
int	 db_policy_question_list(sqlite3 *, const struct qd_user *actor,
	    const char *queue, int limit, struct db_rows *, char **why);

/* demo-policy.c, demo-answers.c: invented documents and answers. */
int	 policy_demo(sqlite3 *, char **why);
struct policy_demo_doc {
	const char	*doc_no;
	const char	*title;
	const char	*issued_on;
	const char	*replaced_by;	/* a later doc_no, or NULL */
};
struct policy_demo_answer {
	const char	*title;
	const char	*tags;
	const char	*body;
	const char	*doc_no;
	const char	*valid_until;	/* NULL: the demo's default */
};
#define POLICY_DEMO_VALID	"2027-12-31"
extern const struct policy_demo_doc policy_demo_docs[];
extern const size_t policy_demo_ndocs;
extern const struct policy_demo_answer policy_demo_answers[];
extern const size_t policy_demo_nanswers;

/* cmd-policy.c, cmd-policy-base.c: the policy verbs. */
int	 cmd_policy_ask(struct cmd_ctx *, int, char **);
int	 cmd_policy_answer(struct cmd_ctx *, int, char **);
int	 cmd_policy_forward(struct cmd_ctx *, int, char **);
int	 cmd_policy_notify(struct cmd_ctx *, int, char **);
int	 cmd_policy_list(struct cmd_ctx *, int, char **);
int	 cmd_policy_find(struct cmd_ctx *, int, char **);
int	 cmd_policy_show(struct cmd_ctx *, int, char **);
int	 cmd_policy_publish(struct cmd_ctx *, int, char **);
int	 cmd_policy_withdraw(struct cmd_ctx *, int, char **);
int	 cmd_policy_review(struct cmd_ctx *, int, char **);
int	 cmd_policy_doc(struct cmd_ctx *, int, char **);

/* tables.c: the audited tables of 008-policy.sql. */
extern const struct schema_table policy_tables[];

#endif
