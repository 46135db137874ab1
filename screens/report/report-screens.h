/* The report module's screens. */
#ifndef REPORT_SCREENS_H
#define REPORT_SCREENS_H

#include "report/report.h"

extern const struct ui_screen screen_report_overview;
extern const struct ui_screen screen_reports;

#endif
