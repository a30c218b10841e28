/*
 * table.c - result tables: typed cells in row-major order and a string
 * pool, so that a figure's rows are one allocation a report can walk.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis_internal.h"

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

void tb_columns(struct ana_table *t, const struct ana_column *cols, size_t n,
                const char *currency)
{
	assert(t->nrows == 0);
	g_free(t->cols);
	t->cols = g_new(struct ana_column, n);
	memcpy(t->cols, cols, n * sizeof(*cols));
	t->ncols = n;
	snprintf(t->currency, sizeof(t->currency), "%s", currency);
	t->exponent = cbm_currency_exponent(currency);
}

size_t tb_row(struct ana_table *t)
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

void tb_int(struct ana_table *t, size_t row, size_t col, int64_t v)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = true;
	c->i = v;
}

void tb_money(struct ana_table *t, size_t row, size_t col, int64_t v)
{
	tb_int(t, row, col, v);
}

/* NaN and infinities are not values: they stay undefined. */
void tb_double(struct ana_table *t, size_t row, size_t col, double v)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = isfinite(v);
	c->d = v;
}

void tb_text(struct ana_table *t, size_t row, size_t col, const char *s)
{
	struct ana_value *c = cell(t, row, col);

	c->defined = s != NULL;
	c->s = s ? g_string_chunk_insert(t->strings, s) : NULL;
}
