/*
 * Policy questions at the database level: a question answered on the
 * spot, one forwarded, replied by the center, seen in the city's inbox
 * and notice outbox, told, and published to the base so the same
 * question then finds it; local policy seen by its city only; answers
 * flagged for review; the rules the schema keeps against raw SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "policy/policy.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *xm, *fz, *ctr, *aud;

static void
setup(void)
{
	char	*why = NULL;

	dir = fixture_dir("policy");
	db = fixture_db(dir, "policy.db");
	op = user_local_operator();
	xm = fixture_user(db, op, "xm1", ROLE_CLERK, "xiamen");
	fz = fixture_user(db, op, "fz1", ROLE_LIAISON, "fuzhou");
	ctr = fixture_user(db, op, "ctr1", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud1", ROLE_AUDITOR, NULL);
	if (policy_demo(db, &why) != QD_OK) {
		printf("Bail out! demo: %s\n", why);
		exit(1);
	}
}

/* The number of answers actor finds for text, and the first's title. */
static size_t
found(struct qd_user *u, const char *text, char **first)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL;
	size_t		 n;

	db_set_actor(db, u);
	*first = NULL;
	if (db_policy_find(db, u, text, 50, &r, &why) != QD_OK) {
		free(why);
		return 0;
	}
	if (r.n > 0)
		*first = xstrdup(db_rows_cell(&r, 0, POLICY_ANSWER_TITLE));
	n = r.n;
	db_rows_free(&r);
	return n;
}

static void
test_window(void)
{
	struct policy_question_new	 nq = { .text = "補貼怎麼申請",
					    .channel = "window" };
	struct db_rows			 r = { 0 };
	char				*why = NULL, *first = NULL;
	int64_t				 q, aid;
	size_t				 n;

	n = found(xm, "補貼怎麼申請", &first);
	ok(n > 0 && first != NULL &&
	    strcmp(first, "职业培训补贴怎么申请") == 0, "the window finds the"
	    " subsidy answer for a Traditional question (%s)", first);
	free(first);
	db_set_actor(db, xm);
	ok(db_policy_ask(db, xm, &nq, &q, &why) == QD_OK, "Xiamen records it");
	aid = fixture_int(db, "SELECT id FROM policy_answers WHERE title ="
	    " '职业培训补贴怎么申请'");
	ok(db_policy_answer_here(db, xm, q, aid, &why) == QD_OK,
	    "and answers it on the spot");
	ok(fixture_int(db, "SELECT answer_id FROM policy_questions WHERE"
	    " state = 'answered'") == aid, "the answer used is linked");
	nq.channel = "fax";
	ok(db_policy_ask(db, xm, &nq, &q, &why) == QD_EINVAL,
	    "an unknown channel is refused");
	nq.channel = "phone";
	db_set_actor(db, ctr);
	ok(db_policy_ask(db, ctr, &nq, &q, &why) == QD_EDENIED,
	    "the center does not take window questions");
	db_set_actor(db, fz);
	ok(db_policy_answer_here(db, fz, 1, aid, &why) == QD_EINVAL,
	    "Fuzhou cannot touch Xiamen's question");
	ok(db_policy_question_list(db, fz, NULL, 10, &r, &why) == QD_OK &&
	    r.n == 0, "nor see it");
	db_rows_free(&r);
	free(why);
}

static void
test_forward(void)
{
	struct policy_question_new	 nq = { .text = "台胞子女可以在厦门上幼儿园吗",
					    .channel = "phone",
					    .contact = "0900-000-000" };
	struct db_rows			 r = { 0 };
	char				*why = NULL, *first = NULL;
	int64_t				 q, aid;

	db_set_actor(db, xm);
	ok(db_policy_ask(db, xm, &nq, &q, &why) == QD_OK &&
	    db_policy_forward(db, xm, q, &why) == QD_OK,
	    "an unanswered question is forwarded");
	db_set_actor(db, ctr);
	ok(db_policy_question_list(db, ctr, "forwarded", 10, &r, &why) ==
	    QD_OK && r.n == 1 && r.ids[0] == q, "it is in the center's queue");
	db_rows_free(&r);
	ok(db_policy_reply(db, ctr, q, "可以，凭居住证就近入园。", 0, &why) ==
	    QD_OK, "the center replies");
	ok(fixture_int(db, "SELECT count(*) FROM policy_inbox WHERE office_id"
	    " = 2 AND read_at IS NULL") == 1 && fixture_int(db, "SELECT count(*)"
	    " FROM policy_notices WHERE office_id = 2 AND status = 'pending'"
	    " AND contact = '0900-000-000'") == 1, "the reply lands in Xiamen's"
	    " inbox and notice outbox");
	db_set_actor(db, xm);
	ok(db_policy_question_list(db, xm, "inbox", 10, &r, &why) == QD_OK &&
	    r.n == 1 && strcmp(db_rows_cell(&r, 0, POLICY_Q_INBOX),
	    "未读 unread") == 0, "Xiamen sees it unread");
	db_rows_free(&r);
	ok(db_policy_notify(db, xm, q, &why) == QD_OK, "and tells the person");
	ok(fixture_int(db, "SELECT count(*) FROM policy_notices WHERE"
	    " status = 'given' AND given_by = 'xm1'") == 1 &&
	    fixture_int(db, "SELECT count(*) FROM policy_inbox WHERE read_by ="
	    " 'xm1'") == 1, "the notice is given and the inbox row read");
	ok(found(xm, "幼儿园", &first) == 0, "the reply is not in the base yet");
	free(first);
	db_set_actor(db, xm);
	ok(db_policy_publish_reply(db, xm, q, NULL, "闽台资〔2023〕15号", NULL,
	    NULL, &aid, &why) == QD_EDENIED, "a city cannot publish the"
	    " center's reply");
	db_set_actor(db, ctr);
	ok(db_policy_publish_reply(db, ctr, q, NULL, "闽台资〔2099〕1号", NULL,
	    NULL, &aid, &why) == QD_EINVAL && strstr(why, "2099") != NULL,
	    "an unknown document is refused by name");
	ok(db_policy_publish_reply(db, ctr, q, NULL, "闽台资〔2023〕15号", NULL,
	    "入学 子女", &aid, &why) == QD_OK, "the center publishes it in one"
	    " step");
	ok(found(fz, "台胞子女可以在厦门上幼儿园吗", &first) > 0 &&
	    first != NULL && strcmp(first, "台胞子女可以在厦门上幼儿园吗") == 0,
	    "after which the same question finds it");
	free(first);
	free(why);
}

static void
test_local_and_review(void)
{
	struct policy_answer_new	 na = { .title = "厦门台胞公寓申请",
	    .body = "在厦门就业的台胞可申请人才公寓。", .doc_no = "厦台〔2024〕1号",
	    .valid_until = "2030-01-01", .local = 1 };
	char				*why = NULL, *first = NULL;
	int64_t				 d, a;

	db_set_actor(db, xm);
	ok(db_policy_doc_add(db, xm, "厦台〔2024〕1号", "厦门台胞人才公寓办法",
	    "2024-01-01", 1, &d, &why) == QD_OK, "Xiamen adds its own"
	    " document");
	ok(db_policy_publish(db, xm, &na, &a, &why) == QD_OK,
	    "and publishes local information on it");
	ok(found(xm, "公寓", &first) == 1, "Xiamen finds it");
	free(first);
	ok(found(fz, "公寓", &first) == 0, "Fuzhou does not");
	free(first);
	na.local = 0;
	db_set_actor(db, xm);
	ok(db_policy_publish(db, xm, &na, &a, &why) == QD_EDENIED,
	    "a city cannot publish for the province");
	db_set_actor(db, ctr);
	ok(db_policy_doc_replace(db, ctr, "闽台资〔2023〕15号", "2026-01-01",
	    NULL, &why) == QD_OK, "the center marks a document replaced");
	ok(fixture_int(db, "SELECT count(*) FROM policy_answers a JOIN"
	    " policy_docs d ON d.id = a.doc_id WHERE d.doc_no ="
	    " '闽台资〔2023〕15号'") >= 9, "it holds the employment answers");
	found(ctr, "社保", &first);
	ok(first != NULL, "they are still found");
	free(first);
	{
		struct db_rows	 r = { 0 };

		ok(db_policy_review_list(db, ctr, 100, &r, &why) == QD_OK &&
		    r.n >= 11, "and listed for review with the expired and the"
		    " replaced subsidy one (%zu)", r.n);
		db_rows_free(&r);
	}
	free(why);
}

static void
refused(struct qd_user *u, const char *sql, const char *words,
    const char *what)
{
	char	*msg = NULL;
	int	 rc;

	db_set_actor(db, u);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK && msg != NULL && strstr(msg, words) != NULL,
	    "%s (%s)", what, msg != NULL ? msg : "accepted");
	free(msg);
}

static void
test_schema(void)
{
	struct policy_question_new	 nq = { .text = "还没答复的问题" };
	char				*why = NULL;
	int64_t				 q;

	db_set_actor(db, xm);
	ok(db_policy_ask(db, xm, &nq, &q, &why) == QD_OK, "an open question");
	free(why);
	refused(xm, "INSERT INTO policy_answers (title, body, doc_id,"
	    " valid_until, created_by) VALUES ('t', 'b', 1, '2030-01-01', 'x')",
	    "only the center publishes", "a city cannot publish province-wide");
	refused(fz, "UPDATE policy_questions SET state = 'forwarded', action ="
	    " 'forward', version = version + 1 WHERE state = 'open'",
	    "another office",
	    "Fuzhou cannot move Xiamen's question");
	refused(xm, "UPDATE policy_questions SET state = 'replied', action ="
	    " 'reply', reply = 'x', version = version + 1 WHERE state = 'open'",
	    "not allowed", "a city cannot reply for the center");
	refused(xm, "INSERT INTO policy_inbox (office_id, question_id) VALUES"
	    " (2, 1)", "only the center", "a city cannot fill its own inbox");
	refused(aud, "UPDATE policy_answers SET title = 'x', version ="
	    " version + 1", "not your office", "the auditor changes nothing");
	refused(ctr, "DELETE FROM policy_answers", "never deleted",
	    "answers are never deleted");
	refused(xm, "UPDATE policy_questions SET state = 'answered', action ="
	    " 'answer', answer_id = (SELECT max(id) FROM policy_answers WHERE"
	    " office_id IS NULL) + 1000, version = version + 1 WHERE"
	    " state = 'open'", "cannot be used", "an answer that is not there"
	    " cannot be used");
	ok(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'policy_questions' AND action = 'reply'") == 1,
	    "the reply is audited by its name");
}

int
main(void)
{
	setup();
	test_window();
	test_forward();
	test_local_and_review();
	test_schema();
	db_close(db);
	user_free(xm);
	user_free(fz);
	user_free(ctr);
	user_free(aud);
	user_free(op);
	namekey_close();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
