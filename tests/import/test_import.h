/* test_import.h - the parts of the import module's test executable. */
#ifndef CBM_TEST_IMPORT_H
#define CBM_TEST_IMPORT_H

/* Each part counts its own checks (check.h keeps them per file), prints
 * its tally and returns non-zero when one failed. */

/* test_workbook.c: the .xlsx and .ods reader. */
int test_workbooks(void);

/* test_encoding.c: recognising files, text in other encodings. */
int test_encodings(void);

/* test_header.c: header names, column tables, --map, reasons. */
int test_headers(void);

#endif
