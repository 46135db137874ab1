/*
 * The subsidy module's figures for the reports: claims drafted, claims
 * paid and the amount paid (in fen), counted by schema/014-joins.sql's
 * triggers on subsidy_claims.
 */
#include "subsidy/subsidy.h"

#define SUBSIDY_SPLIT (REPORT_BY_OFFICE | REPORT_BY_MONTH | \
	REPORT_BY_OCCUPATION | REPORT_BY_LEVEL)

const struct report_indicator subsidy_indicators[] = {
	{ "subsidy.claims", "补贴申请", "Subsidy claims drafted",
	  REPORT_COUNT, SUBSIDY_SPLIT, NULL },
	{ "subsidy.paid", "补贴已拨付（件）", "Subsidy claims paid",
	  REPORT_COUNT, SUBSIDY_SPLIT, NULL },
	{ "subsidy.paid_fen", "补贴拨付金额（分）", "Subsidy paid (fen)",
	  REPORT_COUNT, SUBSIDY_SPLIT, NULL },
	{ NULL, NULL, NULL, REPORT_COUNT, 0, NULL }
};
