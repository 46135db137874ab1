/*
 * The subsidy module's screens: the claims, with their checklist and the
 * steps the claim's state allows.
 */
#ifndef SUBSIDY_SUBSIDY_SCREENS_H
#define SUBSIDY_SUBSIDY_SCREENS_H

#include "subsidy/subsidy.h"

extern const struct ui_screen screen_subsidy_claims;

#endif /* SUBSIDY_SUBSIDY_SCREENS_H */
