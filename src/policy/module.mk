# The policy module: questions, replies and the answer base.
libqualdesk_a_SOURCES += \
	%reldir%/policy.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/db-policy-doc.c \
	%reldir%/db-policy-answer.c \
	%reldir%/db-policy-question.c \
	%reldir%/demo-policy.c \
	%reldir%/demo-answers.c \
	%reldir%/cmd-policy.c \
	%reldir%/cmd-policy-base.c \
	screens/policy/policy-screens.h \
	screens/policy/common.c \
	screens/policy/window.c \
	screens/policy/queue.c \
	screens/policy/inbox.c \
	screens/policy/base.c
schema_sql += schema/008-policy.sql

unit_tests += tests/unit/policy/test-db-policy tests/unit/policy/test-fts
tests_unit_policy_test_db_policy_SOURCES = \
	tests/unit/policy/test-db-policy.c tests/unit/tap.h tests/unit/fixture.h
tests_unit_policy_test_fts_SOURCES = tests/unit/policy/test-fts.c \
	tests/unit/policy/fts-questions.h tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/policy.sh
