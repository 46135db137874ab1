# The case module: applicants, cases, their steps and notices.
libqualdesk_a_SOURCES += \
	%reldir%/case.h \
	%reldir%/module.c \
	%reldir%/case-indicators.c \
	%reldir%/tables.c \
	%reldir%/db-applicant.c \
	%reldir%/db-case.c \
	%reldir%/db-case-edit.c \
	%reldir%/db-material.c \
	%reldir%/db-window.c \
	%reldir%/case.c \
	%reldir%/db-case-agency.c \
	%reldir%/notice.c \
	%reldir%/db-notice.c \
	%reldir%/demo-cases.c \
	%reldir%/cmd-case.c \
	%reldir%/cmd-case-show.c \
	%reldir%/cmd-case-step.c \
	%reldir%/cmd-case-intake.c \
	%reldir%/cmd-material.c \
	%reldir%/cmd-applicant.c \
	screens/case/case-screens.h \
	screens/case/common.c \
	screens/case/intake.c \
	screens/case/outbox.c \
	screens/case/inbox.c \
	screens/case/review.c \
	screens/case/search.c \
	screens/case/cases.c \
	screens/case/notices.c \
	screens/case/case.c \
	screens/case/agency.c \
	screens/case/applicant.c \
	screens/case/windows.c
schema_sql += schema/002-cases.sql schema/015-case-domain.sql

unit_tests += tests/unit/case/test-db-case tests/unit/case/test-db-cmd-case \
	tests/unit/case/test-db-case-agency tests/unit/case/test-case-domain
tests_unit_case_test_db_case_agency_SOURCES = \
	tests/unit/case/test-db-case-agency.c tests/unit/tap.h \
	tests/unit/fixture.h
tests_unit_case_test_db_case_SOURCES = tests/unit/case/test-db-case.c \
	tests/unit/tap.h tests/unit/fixture.h
tests_unit_case_test_db_cmd_case_SOURCES = \
	tests/unit/case/test-db-cmd-case.c tests/unit/tap.h tests/unit/fixture.h
tests_unit_case_test_case_domain_SOURCES = \
	tests/unit/case/test-case-domain.c tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/case.sh tests/e2e/case-commands.sh \
	tests/e2e/queues.sh tests/e2e/case-steps.sh tests/e2e/case-domain.sh
