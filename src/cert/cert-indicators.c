/*
 * The certificate module's figures for the reports: certificates issued,
 * first printed, handed over and revoked, counted by schema/009-report.sql's
 * triggers on certificates, by office, month, the kind of case, the
 * occupation and the mainland level (levels 1 and 2 are the high-level
 * talents the province counts).
 */
#include "cert/cert.h"

#define CERT_SPLIT (REPORT_BY_OFFICE | REPORT_BY_MONTH | \
	REPORT_BY_OCCUPATION | REPORT_BY_LEVEL | REPORT_BY_TYPE)

const struct report_indicator cert_indicators[] = {
	{ "certs.issued", "发证数", "Certificates issued", REPORT_COUNT,
	  CERT_SPLIT, NULL },
	{ "certs.printed", "打印数", "Certificates printed", REPORT_COUNT,
	  CERT_SPLIT, NULL },
	{ "certs.handed", "发放数", "Certificates handed over", REPORT_COUNT,
	  CERT_SPLIT, NULL },
	{ "certs.revoked", "撤销数", "Certificates revoked", REPORT_COUNT,
	  CERT_SPLIT, NULL },
	{ NULL, NULL, NULL, REPORT_COUNT, 0, NULL }
};
