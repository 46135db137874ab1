# The catalog module: the comparison catalog, occupations, agencies.
libqualdesk_a_SOURCES += \
	%reldir%/catalog.h \
	%reldir%/module.c \
	%reldir%/tables.c \
	%reldir%/db-catalog.c \
	%reldir%/db-occupation.c \
	%reldir%/db-agency.c \
	%reldir%/cmd-catalog.c \
	%reldir%/cmd-agency.c \
	%reldir%/demo-catalog.c \
	screens/catalog/catalog-screens.h \
	screens/catalog/choices.c \
	screens/catalog/catalog.c \
	screens/catalog/agencies.c
schema_sql += schema/012-agency.sql

e2e_tests += tests/e2e/agency.sh
unit_tests += tests/unit/catalog/test-db-catalog \
	tests/unit/catalog/test-cmd-catalog
tests_unit_catalog_test_db_catalog_SOURCES = \
	tests/unit/catalog/test-db-catalog.c tests/unit/tap.h \
	tests/unit/fixture.h
tests_unit_catalog_test_cmd_catalog_SOURCES = \
	tests/unit/catalog/test-cmd-catalog.c tests/unit/tap.h \
	tests/unit/fixture.h
