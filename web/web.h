/*
 * web.h - cbm serve: the figures, charts, reports and read-only queries of
 * one database as local web pages in English, Russian and Kazakh.
 *
 * Invariants:
 *  - The server listens on 127.0.0.1 only and answers 403 to a Host other
 *    than localhost or 127.0.0.1 (with or without the port): a page of
 *    another site cannot reach it through DNS rebinding.
 *  - It never writes to the database: every request opens its own
 *    read-only connection (store/, ST_OPEN_READONLY), and SQL typed by a
 *    user goes through the guard of cbm query with a time limit.
 *  - Requests run on worker threads: libsoup's main loop only parses
 *    requests and sends answers, so one slow query stalls no other page.
 *  - Every value on a page is HTML-escaped; pages load nothing from
 *    elsewhere and carry no script.
 */
#ifndef CBM_WEB_H
#define CBM_WEB_H

#include "cbm.h"

/* What the server serves. */
struct web_config {
	const char *db_path; /* the database (the caller's string) */
	unsigned port;       /* 0: any free port */
	unsigned timeout_s;  /* seconds a query may run; 0: no limit */
	unsigned workers;    /* threads answering requests; 0: a default */
};

struct web_server;

/* Checks that the database opens read-only, then listens on 127.0.0.1
 * at C->port.  The caller owns *OUT (web_close).  CBM_EINTERNAL when the
 * port cannot be had, the database's status when it cannot be opened. */
enum cbm_status web_open(struct web_server **out, const struct web_config *c,
                         struct cbm_error *err);

/* The address it listens on, "http://127.0.0.1:PORT/" (owned by S). */
const char *web_url(const struct web_server *s);

/* Answers requests until the process ends. */
void web_run(struct web_server *s);

/* Stops listening and frees S; a no-op for NULL. */
void web_close(struct web_server *s);

#endif /* CBM_WEB_H */
