# The exam module: demand, plans, seats, tickets, results.
libqualdesk_a_SOURCES += \
	%reldir%/exam.h \
	%reldir%/exam-db.h \
	%reldir%/cmd-exam.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/exam-indicators.c \
	%reldir%/exam.c \
	%reldir%/db-exam-demand.c \
	%reldir%/db-exam-table.c \
	%reldir%/db-exam-plan.c \
	%reldir%/db-exam-seat.c \
	%reldir%/db-exam-result.c \
	%reldir%/exam-ticket.c \
	%reldir%/demo-exam.c \
	%reldir%/cmd-exam.c \
	%reldir%/cmd-exam-plan.c \
	%reldir%/cmd-exam-seat.c \
	%reldir%/cmd-exam-pass.c \
	screens/exam/exam-screens.h \
	screens/exam/demands.c \
	screens/exam/table.c \
	screens/exam/plans.c \
	screens/exam/seats.c
schema_sql += schema/004-exam.sql

unit_tests += tests/unit/exam/test-db-exam
tests_unit_exam_test_db_exam_SOURCES = tests/unit/exam/test-db-exam.c \
	tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/exam.sh
