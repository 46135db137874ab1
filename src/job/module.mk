# The job module: needs, employers, postings, matching and service plans.
libqualdesk_a_SOURCES += \
	%reldir%/job.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/db-job-lookup.c \
	%reldir%/db-job-step.c \
	%reldir%/db-job-need.c \
	%reldir%/db-job-post.c \
	%reldir%/db-job-match.c \
	%reldir%/db-job-plan.c \
	%reldir%/demo-job.c \
	%reldir%/cmd-job-common.c \
	%reldir%/cmd-job.c \
	%reldir%/cmd-job-match.c \
	screens/job/job-screens.h \
	screens/job/postings.c \
	screens/job/fit.c \
	screens/job/matches.c
schema_sql += schema/007-job.sql

unit_tests += tests/unit/job/test-db-job
tests_unit_job_test_db_job_SOURCES = tests/unit/job/test-db-job.c \
	tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/job.sh
