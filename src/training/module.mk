# The training module: providers, needs, classes, enrolment, roster and
# the training completion certificate.
libqualdesk_a_SOURCES += \
	%reldir%/training.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/training-indicators.c \
	%reldir%/db-training.c \
	%reldir%/db-provider.c \
	%reldir%/db-need.c \
	%reldir%/db-class.c \
	%reldir%/db-enrol.c \
	%reldir%/db-training-cert.c \
	%reldir%/cmd-training-args.c \
	%reldir%/cmd-training.c \
	%reldir%/cmd-training-class.c \
	%reldir%/demo-training.c \
	screens/training/training-screens.h \
	screens/training/classes.c
schema_sql += schema/005-training.sql

unit_tests += tests/unit/training/test-db-training
tests_unit_training_test_db_training_SOURCES = \
	tests/unit/training/test-db-training.c tests/unit/tap.h \
	tests/unit/fixture.h
e2e_tests += tests/e2e/training.sh
