/*
 * The catalog module's screens (the catalog, the agencies), and the
 * choices of occupations, levels and catalog entries it offers other
 * modules' fields.
 */
#ifndef CATALOG_CATALOG_SCREENS_H
#define CATALOG_CATALOG_SCREENS_H

#include "catalog/catalog.h"

extern const struct ui_screen screen_catalog;
extern const struct ui_screen screen_catalog_edit;
extern const struct ui_screen screen_agencies;
extern const struct ui_screen screen_agency_edit;

/* screens/catalog/choices.c */
/* Occupations by id; the filter's list starts with "all". */
int	 screen_occupation_choices(struct ui *, struct ui_choice **, size_t *);
int	 screen_occupation_filter_choices(struct ui *, struct ui_choice **,
	    size_t *);
int	 screen_level_choices(struct ui *, struct ui_choice **, size_t *);
/* The five levels named in both schemes: "二级/技师 | 副高级". */
int	 screen_level_both_choices(struct ui *, struct ui_choice **,
	    size_t *);
/* Active catalog entries by id, after "not in the catalog" (""). */
int	 screen_catalog_choices(struct ui *, struct ui_choice **, size_t *);
/* The occupation and level catalog entry id compares to. */
int	 screen_catalog_level(struct ui *, int64_t catalog_id,
	    int64_t *occupation, int *level);

#endif /* CATALOG_CATALOG_SCREENS_H */
