# The subsidy module: rates, rules, claims, batches and their export.
libqualdesk_a_SOURCES += \
	%reldir%/subsidy.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/subsidy-indicators.c \
	%reldir%/db-rate.c \
	%reldir%/db-claim.c \
	%reldir%/db-batch.c \
	%reldir%/subsidy-export.c \
	%reldir%/cmd-subsidy.c \
	%reldir%/demo-subsidy.c \
	screens/subsidy/subsidy-screens.h \
	screens/subsidy/claims.c
schema_sql += schema/006-subsidy.sql

unit_tests += tests/unit/subsidy/test-db-subsidy
tests_unit_subsidy_test_db_subsidy_SOURCES = \
	tests/unit/subsidy/test-db-subsidy.c tests/unit/tap.h \
	tests/unit/fixture.h
