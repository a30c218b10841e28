/*
 * output_internal.h - what output.c (the printer of tables, csv and json,
 * and the stream) and xlsx.c (the workbook) share.  Not a public header.
 */
#ifndef CBM_OUTPUT_INTERNAL_H
#define CBM_OUTPUT_INTERNAL_H

#include "output.h"

/* One sheet of data being written: its header, its rows in order, then
 * its end (filter, frozen header, widths).  Errors are sticky: after the
 * first one every call does nothing and out_sheet_status() reports it. */
struct out_sheet;

/* A new sheet of data named NAME (made valid and unique) in B; NCOL
 * columns named COLUMNS (char *).  NULL, with ERR set, when the book
 * cannot add a sheet. */
struct out_sheet *out_sheet_open(struct out_book *b, const char *name,
                                 const GPtrArray *columns,
                                 struct cbm_error *err);

/* Writes the next row of data; false once the sheet has failed. */
bool out_sheet_row(struct out_sheet *s, const struct out_cell *cells);

/* Writes the totals row after a blank row, outside the filter. */
bool out_sheet_totals(struct out_sheet *s, const struct out_cell *cells);

/* Ends the sheet: autofilter over the header and the rows, the header
 * frozen, column widths that fit what was written. */
void out_sheet_end(struct out_sheet *s);

/* CBM_OK or the sheet's first error, copied into ERR. */
enum cbm_status out_sheet_status(const struct out_sheet *s,
                                 struct cbm_error *err);

/* Frees S (the sheet stays in its book); a no-op for NULL. */
void out_sheet_free(struct out_sheet *s);

/* The kind a cell's value has for a workbook: OUT_AUTO resolved by the
 * cell's NUMBER into OUT_REAL (as it is) or OUT_TEXT. */
enum out_kind out_cell_kind(const struct out_cell *cell);

#endif /* CBM_OUTPUT_INTERNAL_H */
