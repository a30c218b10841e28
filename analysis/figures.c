/*
 * figures.c - the figures by name, as `cbm stats FIGURE` offers them.
 */
#include <string.h>

#include "analysis.h"

static const struct ana_figure figures[] = {
    {"collection",
     "collection rate of voluntary contributions per budget "
     "year, with pledges (--as-of DATE: by that day)",
     ana_collection},
    {"contributions", "received per year and state, and its share",
     ana_contributions},
    {"outstanding",
     "pledges against payments per state: paid in full, "
     "in part, nothing",
     ana_outstanding},
    {"execution", "budget execution per line: spent / approved, remaining",
     ana_execution},
    {"activity", "plan events per year and area, dimension or organizer",
     ana_activity},
    {"coordinators",
     "coordinator and co-coordinators of each priority area in a year, "
     "vacant areas, and the events each organised in its area",
     ana_coordinators},
    {"concentration",
     "how concentrated contributions are: top shares, "
     "HHI, Gini",
     ana_concentration},
    {"trend", "linear trend and next year's forecast with a 95 % interval",
     ana_trend},
    {"shares", "what-if shares of the budget (equal or an imported scale)",
     ana_shares},
    {"secondments", "seconded person-months per state and year",
     ana_secondments},
    {"curve",
     "cumulative collection by day of one year against earlier "
     "years",
     ana_curve},
    {"forecast",
     "the year's collection by 31 December, from where it stands "
     "(--year, --as-of) and what earlier years still gained",
     ana_forecast},
};

const char *const ana_kind_names[] = {"voluntary", "earmarked", "in-kind",
                                     "all", NULL};
const char *const ana_by_names[] = {"area",   "dimension", "organizer",
                                   "format", "venue",     NULL};
const char *const ana_of_names[] = {"received", "collection_rate", NULL};

const struct ana_figure *ana_figures(size_t *n)
{
	*n = sizeof(figures) / sizeof(figures[0]);
	return figures;
}

const struct ana_figure *ana_figure_find(const char *name)
{
	for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
		if (strcmp(figures[i].name, name) == 0)
			return &figures[i];
	return NULL;
}
