/*
 * view.h - the figures, query results and batches of cbm as results of
 * output/, for every front end (the command line, the web view): a
 * figure's cells for people and for programs in the reader's language,
 * with its totals and currency; what a workbook says about itself; the
 * rows of a read-only query as typed cells; the options of a figure
 * from text.
 *
 * Invariants: nothing here prints, exits or writes to the database; the
 * language of every word comes from reports/ (rpt_label), so that the
 * terminal, the workbook, the PDF and the browser say the same.
 */
#ifndef CBM_VIEW_H
#define CBM_VIEW_H

#include <glib.h>
#include <stdbool.h>
#include <sqlite3.h>

#include "analysis.h"
#include "cbm.h"
#include "output.h"
#include "store.h"

/* ---- figures as results (figure.c) --------------------------------------- */

/* How a figure is shown. */
struct view_figure {
	const char *figure;            /* its name */
	const struct ana_params *p;    /* its parameters */
	enum out_format format;        /* decides the totals and currency */
	enum cbm_lang lang;            /* of the names; with LOCALISE, of all */
	bool localise;                 /* headings, statuses, numbers and
	                                * dates in LANG (table, workbook) */
	const struct ana_names *names; /* names in LANG; NULL: the figure's
	                                * English names */
	const char *state;             /* only this state's rows; NULL: all */
};

/* Puts figure T into OUT (initialised, no columns yet) as V says: its
 * columns (and a `currency` column on money figures outside the table
 * format), the rows of V's state, and a totals row of additive figures
 * in the table and the workbook.  Returns the number of rows kept. */
size_t view_figure_out(const struct ana_table *t, const struct view_figure *v,
                      struct out_table *out);

/* The column of FIGURE holding a state's code ("state", or "key" of
 * activity by organizer), or NULL for a figure not per state. */
const char *view_state_column(const char *figure, const struct ana_params *p);

/* True when FIGURE's rows add up (it gets a totals row). */
bool view_figure_additive(const char *figure);

/* True when T holds money (it gets a currency column). */
bool view_figure_money(const struct ana_table *t);

/* The heading of COLUMN of FIGURE in LANG (caller frees). */
char *view_heading(enum cbm_lang lang, const char *figure, const char *column,
                  const struct ana_params *p);

/* ---- workbooks (book.c) -------------------------------------------------- */

/* What a workbook says about itself. */
struct view_book {
	enum cbm_lang lang;
	const struct ana_params *p; /* currency, basis, years, as-of; NULL
	                             * for a query, which has none */
	const char *command;        /* the command line that made it */
	const char *db_path;
	const char *state;      /* the state's code, or NULL */
	const char *state_name; /* its name in LANG */
};

/* A sheet of a workbook and what it shows, for the Read me. */
struct view_sheet {
	char *name; /* as given to the book */
	char *note; /* its definition, or why it is missing */
};

/* The sheet of FIGURE computed with P into T (NULL: not computed): its
 * name and definition in LANG (caller frees: view_sheet_free). */
struct view_sheet *view_sheet_new(enum cbm_lang lang, const char *figure,
                                const struct ana_params *p,
                                const struct ana_table *t);

/* Frees a struct view_sheet (a GDestroyNotify). */
void view_sheet_free(gpointer p);

/* Sets the document properties of B: title, subject (the command),
 * currency, basis, as-of, years and state as custom properties. */
enum cbm_status view_book_info(struct out_book *b, const struct view_book *bk,
                              struct cbm_error *err);

/* Adds the "Read me" sheet: how the book was made, its currency, basis,
 * years, as-of and state, then SHEETS (struct view_sheet *), each with
 * what it shows, and notes on amounts, rates and totals. */
enum cbm_status view_book_readme(struct out_book *b, const struct view_book *bk,
                                const GPtrArray *sheets, struct cbm_error *err);


/* Writes into OF (open; the caller commits or aborts it) the workbook of
 * FIGURE computed with BK->p into T and laid out in OUT: its sheet, the
 * document properties and the Read me. */
enum cbm_status view_book_figure(struct cbm_outfile *of,
                                 const struct view_book *bk,
                                 const char *figure,
                                 const struct ana_table *t,
                                 const struct out_table *out,
                                 struct cbm_error *err);

struct st_query;

/* Fills B (open; the caller closes or aborts it) with the result of Q
 * streamed into a "Query" sheet, or with LIST (not NULL: the views) in a
 * "Views" sheet, then the properties and the Read me of BK. */
enum cbm_status view_book_query(struct out_book *b, const struct view_book *bk,
                                struct st_query *q,
                                const struct out_table *list,
                                struct cbm_error *err);

/* ---- import batches (batches.c) ------------------------------------------ */

/* Adds to T (initialised, without columns) the columns and a row per
 * import batch of DB, as cbm batches lists them: headings in *LANG, or
 * the English keys when LANG is NULL. */
enum cbm_status view_batch_table(struct st_db *db, const enum cbm_lang *lang,
                                struct out_table *t, struct cbm_error *err);


/* ---- read-only queries (query.c) ------------------------------------------ */

/* Steps Q (st_query_open) and writes each row to OUT as it comes, after
 * the result's column names: numbers stay numbers, money of the
 * documented views with its currency's decimals, rates as rates, days as
 * dates.  Steps over the first SKIP rows (a later page); stops after
 * MAX_ROWS rows when MAX_ROWS > 0 and sets *MORE when
 * another row was there.  *ROWS (may be NULL) gets the rows written.
 * Finishes OUT only when every row was written.  Returns CBM_OK, the
 * guard's or the time limit's status, or OUT's (out_stream_status) when
 * it could not be written; ERR says which. */
enum cbm_status view_query_stream(struct st_query *q, struct out_stream *out,
                                  size_t skip, size_t max_rows, size_t *rows, bool *more,
                                  struct cbm_error *err);

/* The columns of VIEW of DB, comma-separated (caller frees). */
char *view_columns(struct st_db *db, const char *view);

/* ---- the options of a figure as text (params.c) -------------------------- */

/* A figure's options as the user gives them: years as numbers (0: not
 * given), the rest as text (NULL: not given). */
struct view_options {
	int year, from, to;
	const char *currency, *kind, *as_of, *by, *of, *scale;
	bool with_co_organizers;
};

/* Checks O and fills P (initialised here) from it.  Returns CBM_OK, or
 * CBM_EUSAGE with a message in ERR that names the option ("--kind is
 * voluntary, earmarked, in-kind or all, not 'x'"). */
enum cbm_status view_params(const struct view_options *o,
                            struct ana_params *p, struct cbm_error *err);

/* Reads the currency code TEXT (any case) into OUT.  CBM_EUSAGE with a
 * message for a bad code. */
enum cbm_status view_currency(const char *text, char out[4],
                              struct cbm_error *err);

/* The code of the state NAME names (a code, a name in any of the three
 * languages, or an alias, as the importers accept them) into CODE.  An
 * unknown state is CBM_EDATA, its message naming the nearest known one. */
enum cbm_status view_state_code(struct st_db *db, const char *name,
                                char code[4], struct cbm_error *err);

#endif /* CBM_VIEW_H */
