# The report module: indicators computed live, charts, exports, closed
# months.
libqualdesk_a_SOURCES += \
	%reldir%/report.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/report.c \
	%reldir%/db-report-close.c \
	%reldir%/db-report-prefs.c \
	%reldir%/report-export.c \
	%reldir%/report-pdf.c \
	%reldir%/cmd-report.c \
	screens/report/report-screens.h \
	screens/report/overview.c \
	screens/report/reports.c
schema_sql += schema/009-report.sql schema/014-joins.sql

unit_tests += tests/unit/report/test-report tests/unit/report/test-report-close
tests_unit_report_test_report_SOURCES = tests/unit/report/test-report.c \
	tests/unit/report/report-fixture.h tests/unit/tap.h tests/unit/fixture.h
tests_unit_report_test_report_close_SOURCES = \
	tests/unit/report/test-report-close.c \
	tests/unit/report/report-fixture.h tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/report.sh
