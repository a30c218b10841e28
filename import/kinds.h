/* kinds.h - internal to import/: the hooks of each file kind. */
#ifndef CBM_IMPORT_KINDS_H
#define CBM_IMPORT_KINDS_H

#include "import_internal.h"

enum cbm_status kind_states_begin(struct imp_ctx *ctx);
void kind_states_row(struct imp_ctx *ctx);
enum cbm_status kind_areas_begin(struct imp_ctx *ctx);
void kind_areas_row(struct imp_ctx *ctx);
enum cbm_status kind_coordinators_begin(struct imp_ctx *ctx);
void kind_coordinators_row(struct imp_ctx *ctx);
enum cbm_status kind_plan_begin(struct imp_ctx *ctx);
void kind_plan_row(struct imp_ctx *ctx);
enum cbm_status kind_contributions_begin(struct imp_ctx *ctx);
void kind_contributions_row(struct imp_ctx *ctx);
enum cbm_status kind_pledges_begin(struct imp_ctx *ctx);
void kind_pledges_row(struct imp_ctx *ctx);
enum cbm_status kind_budget_begin(struct imp_ctx *ctx);
void kind_budget_row(struct imp_ctx *ctx);
enum cbm_status kind_fx_begin(struct imp_ctx *ctx);
void kind_fx_row(struct imp_ctx *ctx);
enum cbm_status kind_fx_end(struct imp_ctx *ctx);
enum cbm_status kind_secondments_begin(struct imp_ctx *ctx);
void kind_secondments_row(struct imp_ctx *ctx);
enum cbm_status kind_scale_begin(struct imp_ctx *ctx);
void kind_scale_row(struct imp_ctx *ctx);
enum cbm_status kind_scale_end(struct imp_ctx *ctx);

#endif
