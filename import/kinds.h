/* kinds.h - internal to import/: the hooks of each file kind. */
#ifndef CBM_IMPORT_KINDS_H
#define CBM_IMPORT_KINDS_H

#include "import_internal.h"

enum cbm_status imp_kind_states_begin(struct imp_ctx *ctx);
void imp_kind_states_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_areas_begin(struct imp_ctx *ctx);
void imp_kind_areas_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_coordinators_begin(struct imp_ctx *ctx);
void imp_kind_coordinators_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_plan_begin(struct imp_ctx *ctx);
void imp_kind_plan_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_contributions_begin(struct imp_ctx *ctx);
void imp_kind_contributions_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_pledges_begin(struct imp_ctx *ctx);
void imp_kind_pledges_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_budget_begin(struct imp_ctx *ctx);
void imp_kind_budget_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_budget_end(struct imp_ctx *ctx);
enum cbm_status imp_kind_fx_begin(struct imp_ctx *ctx);
void imp_kind_fx_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_fx_end(struct imp_ctx *ctx);
enum cbm_status imp_kind_secondments_begin(struct imp_ctx *ctx);
void imp_kind_secondments_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_scale_begin(struct imp_ctx *ctx);
void imp_kind_scale_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_scale_end(struct imp_ctx *ctx);
enum cbm_status imp_kind_organization_begin(struct imp_ctx *ctx);
void imp_kind_organization_row(struct imp_ctx *ctx);
enum cbm_status imp_kind_organization_digest(struct imp_ctx *ctx, FILE *fp,
                                             GChecksum *sum);

#endif
