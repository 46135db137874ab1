# The certificate module: numbering, payload, signing, QR, PDF, printing.
libqualdesk_a_SOURCES += \
	%reldir%/cert.h \
	%reldir%/module.c \
	%reldir%/cert-indicators.c \
	%reldir%/tables.c \
	%reldir%/base45.c \
	%reldir%/cert-sign.c \
	%reldir%/cert-code.c \
	%reldir%/qr.c \
	%reldir%/qr-show.c \
	%reldir%/cert-pdf.c \
	%reldir%/cert-print.c \
	%reldir%/db-cert.c \
	%reldir%/db-cert-issue.c \
	%reldir%/cmd-cert.c \
	%reldir%/cmd-cert-change.c \
	screens/cert/cert-screens.h \
	screens/cert/certs.c \
	screens/cert/cert.c \
	screens/cert/verify.c
schema_sql += schema/003-certificates.sql

unit_tests += tests/unit/cert/test-base45 tests/unit/cert/test-cert-sign \
	tests/unit/cert/test-cert-code tests/unit/cert/test-qr \
	tests/unit/cert/test-cert-pdf tests/unit/cert/test-db-cert \
	tests/unit/cert/test-ui-cert
tests_unit_cert_test_base45_SOURCES = tests/unit/cert/test-base45.c \
	tests/unit/tap.h
tests_unit_cert_test_cert_sign_SOURCES = tests/unit/cert/test-cert-sign.c \
	tests/unit/tap.h
tests_unit_cert_test_cert_code_SOURCES = tests/unit/cert/test-cert-code.c \
	tests/unit/tap.h
tests_unit_cert_test_qr_SOURCES = tests/unit/cert/test-qr.c tests/unit/tap.h
tests_unit_cert_test_cert_pdf_SOURCES = tests/unit/cert/test-cert-pdf.c \
	tests/unit/tap.h
tests_unit_cert_test_db_cert_SOURCES = tests/unit/cert/test-db-cert.c \
	tests/unit/tap.h tests/unit/fixture.h
tests_unit_cert_test_ui_cert_SOURCES = tests/unit/cert/test-ui-cert.c \
	tests/unit/tap.h tests/unit/fixture.h
e2e_tests += tests/e2e/cert.sh tests/e2e/cert-commands.sh
