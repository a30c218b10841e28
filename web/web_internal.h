/*
 * web_internal.h - what the files of web/ share: one request as a worker
 * thread sees it, the page layout and the words of the pages.
 *
 * A request is answered in two halves: server.c copies what a page needs
 * (path, query, language) into a struct web_req on libsoup's thread, a
 * worker thread opens the database and fills the answer (status, type,
 * body) with a page of pages.c, and server.c hands it back to libsoup on
 * its thread.  Nothing of libsoup is touched by a worker.
 */
#ifndef CBM_WEB_INTERNAL_H
#define CBM_WEB_INTERNAL_H

#include <glib.h>
#include <stdio.h>

#include "cbm.h"
#include "web.h"

struct st_db;

/* One request and its answer. */
struct web_req {
	/* asked (owned) */
	char *path;
	GHashTable *query; /* char * -> char *: the URL's parameters */
	enum cbm_lang lang;
	const struct web_config *cfg;
	struct st_db *db; /* read-only, the worker's own */
	/* Held while a file is written (a workbook): cbm_outfile keeps a
	 * process-wide list of files being written and reads the umask by
	 * setting it, neither safe on two threads at once. */
	GMutex *files;
	/* the answer */
	unsigned status;
	const char *type; /* content type (static) */
	char *filename;   /* a download's name, or NULL (owned) */
	char *body;       /* owned */
	size_t len;
};

/* The parameter NAME of the URL, or NULL when absent or empty. */
const char *web_param(const struct web_req *r, const char *name);

/* The answer of R: BODY (taken) of LEN bytes, of TYPE, with STATUS. */
void web_answer(struct web_req *r, unsigned status, const char *type,
                char *body, size_t len);

/* ---- pages (pages.c) ---------------------------------------------------- */

/* Fills R's answer from its path: a page, a download, or 404. */
void web_page(struct web_req *r);

/* ---- the layout (html.c) ------------------------------------------------ */

/* A page being written: a memory stream. */
struct web_html {
	FILE *fp;
	char *buf;
	size_t len;
	const struct web_req *r;
};

/* Starts a page of R titled TITLE (a label key of the navigation) with
 * the navigation and the language switch. */
void web_html_open(struct web_html *h, const struct web_req *r,
                   const char *nav);
/* Ends H and makes it R's answer with STATUS. */
void web_html_close(struct web_html *h, struct web_req *r, unsigned status);
/* Writes TEXT escaped (NULL writes nothing). */
void web_esc(FILE *fp, const char *text);
/* Writes the URL-encoded TEXT (a query value). */
void web_uri(FILE *fp, const char *text);
/* Writes a link to PATH with R's parameters, those of KEYS[] replaced by
 * VALUES[] (NULL: dropped), N of them, as an escaped href value. */
void web_href(FILE *fp, const struct web_req *r, const char *path,
              const char *const *keys, const char *const *values, size_t n);
/* An error box saying MESSAGE. */
void web_html_error(struct web_html *h, const char *message);

/* ---- words (labels.c) --------------------------------------------------- */

/* The word KEY of the pages in LANG; KEY itself when unknown. */
const char *web_label(enum cbm_lang lang, const char *key);

/* The word KEY in LANG with its "{}" replaced by VALUE (caller frees). */
char *web_labelf(enum cbm_lang lang, const char *key, const char *value);

#endif /* CBM_WEB_INTERNAL_H */
