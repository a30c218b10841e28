/*
 * table.c - result tables: typed cells in row-major order and a string
 * pool, so that a figure's rows are one allocation a report can walk.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis_internal.h"
#include "store.h"

void ana_table_init(struct ana_table *t)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->currency, sizeof(t->currency), "USD");
	t->exponent = 2;
	t->strings = g_string_chunk_new(1024);
}

void ana_table_release(struct ana_table *t)
{
	g_free(t->cols);
	g_free(t->cells);
	if (t->strings)
		g_string_chunk_free(t->strings);
	memset(t, 0, sizeof(*t));
}

void ana_table_copy(struct ana_table *dst, const struct ana_table *src)
{
	size_t n = src->nrows * src->ncols;

	ana_table_init(dst);
	memcpy(dst->currency, src->currency, sizeof(dst->currency));
	dst->exponent = src->exponent;
	dst->ncols = src->ncols;
	dst->nrows = src->nrows;
	dst->cap = src->nrows;
	dst->cols = g_memdup2(src->cols, src->ncols * sizeof(*src->cols));
	dst->cells = g_memdup2(src->cells, n * sizeof(*src->cells));
	for (size_t i = 0; i < n; i++)
		if (dst->cells[i].s)
			dst->cells[i].s =
			    g_string_chunk_insert(dst->strings, src->cells[i].s);
}

int ana_col(const struct ana_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return (int)c;
	return -1;
}

const struct ana_value *ana_cell(const struct ana_table *t, size_t row,
                                 size_t col)
{
	assert(row < t->nrows && col < t->ncols);
	return &t->cells[row * t->ncols + col];
}

void ana_tb_columns(struct ana_table *t, const struct ana_column *cols,
                    size_t n, const char *currency)
{
	assert(t->nrows == 0);
	g_free(t->cols);
	t->cols = g_new(struct ana_column, n);
	memcpy(t->cols, cols, n * sizeof(*cols));
	t->ncols = n;
	snprintf(t->currency, sizeof(t->currency), "%s", currency);
	t->exponent = cbm_currency_exponent(currency);
}

size_t ana_tb_row(struct ana_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cells =
		    g_renew(struct ana_value, t->cells, t->cap * t->ncols);
	}
	memset(&t->cells[t->nrows * t->ncols], 0,
	       t->ncols * sizeof(struct ana_value));
	return t->nrows++;
}

static struct ana_value *cell(struct ana_table *t, size_t row, size_t col)
{
	assert(row < t->nrows && col < t->ncols);
	return &t->cells[row * t->ncols + col];
}

void ana_tb_int(struct ana_table *t, size_t row, size_t col, int64_t v)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = true;
	c->i = v;
}

void ana_tb_money(struct ana_table *t, size_t row, size_t col, cbm_money v)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = true;
	c->i = v;
}

/* NaN and infinities are not values: they stay undefined. */
void ana_tb_double(struct ana_table *t, size_t row, size_t col, double v)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = isfinite(v);
	c->d = v;
}

void ana_tb_text(struct ana_table *t, size_t row, size_t col, const char *s)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = s != NULL;
	c->s = s ? g_string_chunk_insert(t->strings, s) : NULL;
}

/* Copies the rows of T into a table one column wider, the new last
 * column holding each row's state's English name. */
static void widen_with_names(struct ana_table *t, size_t state,
                             const struct ana_names *names)
{
	size_t nc = t->ncols + 1;
	struct ana_value *cells =
	    g_new0(struct ana_value, MAX(t->nrows, 1) * nc);

	t->cols = g_renew(struct ana_column, t->cols, nc);
	t->cols[t->ncols] = (struct ana_column){"name", ANA_TEXT};
	for (size_t r = 0; r < t->nrows; r++) {
		const char *code = t->cells[r * t->ncols + state].s;
		const char *name = ana_state_name(names, code, CBM_LANG_EN);
		memcpy(&cells[r * nc], &t->cells[r * t->ncols],
		       t->ncols * sizeof(*cells));
		cells[r * nc + t->ncols] = (struct ana_value){
		    .defined = true,
		    .s = g_string_chunk_insert(t->strings, name ? name : "")};
	}
	g_free(t->cells);
	t->cells = cells;
	t->ncols = nc;
	t->cap = t->nrows;
}

enum cbm_status ana_tb_add_state_names(struct st_db *db,
                                       const struct ana_params *p,
                                       struct ana_table *t,
                                       struct cbm_error *err)
{
	struct ana_names *own = NULL;
	int state = ana_col(t, "state");
	enum cbm_status rc = CBM_OK;

	if (state < 0)
		return CBM_OK;
	if (!p->names)
		rc = ana_names_open(&own, db, err);
	if (rc == CBM_OK)
		widen_with_names(t, (size_t)state, p->names ? p->names : own);
	ana_names_close(own);
	return rc;
}
