/*
 * server.c - the HTTP side of cbm serve on libsoup-3.0: listening on
 * 127.0.0.1, refusing foreign Host headers and methods that are not GET
 * or HEAD, and handing each request to a pool of worker threads.
 *
 * libsoup is not thread-safe, so its objects stay on the main loop's
 * thread: the handler pauses the message (soup_server_message_pause),
 * copies what the page needs into a struct web_req and pushes it to a
 * GThreadPool; the worker opens its own read-only connection, renders,
 * closes it, and schedules finish() on the main context, which sets the
 * answer and unpauses the message.  A query that runs to its time limit
 * holds one worker; the others go on answering.
 */
#include <libsoup/soup.h>
#include <string.h>

#include "store.h"
#include "web_internal.h"

/* Threads answering at once when the config says 0.  More workers than
 * cores helps: most of a slow request is SQLite waiting on a query. */
#define WEB_WORKERS_DEFAULT 8

struct web_server {
	struct web_config cfg;
	SoupServer *soup;
	GThreadPool *pool;
	GMainContext *ctx;
	GMutex files; /* web_req.files */
	char *url;
	char port[16];
};

/* A request on its way through a worker: the message (libsoup's thread
 * only) and the request the worker fills. */
struct job {
	struct web_server *s;
	SoupServerMessage *msg;
	struct web_req r;
};

const char *web_param(const struct web_req *r, const char *name)
{
	const char *v = r->query ? g_hash_table_lookup(r->query, name) : NULL;

	return v && *v ? v : NULL;
}

void web_answer(struct web_req *r, unsigned status, const char *type,
                char *body, size_t len)
{
	g_free(r->body);
	r->status = status;
	r->type = type;
	r->body = body;
	r->len = len;
}

/* True for a Host header naming this server: localhost or 127.0.0.1,
 * alone or with our port. */
static bool host_ok(const struct web_server *s, const char *host)
{
	static const char *const names[] = {"localhost", "127.0.0.1"};
	size_t n;

	if (!host)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		n = strlen(names[i]);
		if (g_ascii_strncasecmp(host, names[i], n) != 0)
			continue;
		if (host[n] == '\0')
			return true;
		if (host[n] == ':' && strcmp(host + n + 1, s->port) == 0)
			return true;
	}
	return false;
}

/* Headers every answer carries: nothing loads from elsewhere, no
 * script runs, no other site frames the page. */
static void secure_headers(SoupServerMessage *msg)
{
	SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);

	soup_message_headers_replace(
	    h, "Content-Security-Policy",
	    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
	    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
	soup_message_headers_replace(h, "Referrer-Policy", "no-referrer");
	soup_message_headers_replace(h, "Cache-Control", "no-store");
}

static void plain_answer(SoupServerMessage *msg, unsigned status,
                         const char *text)
{
	secure_headers(msg);
	soup_server_message_set_status(msg, status, NULL);
	soup_server_message_set_response(msg, "text/plain; charset=utf-8",
	                                 SOUP_MEMORY_COPY, text, strlen(text));
}

/* On the main thread: the worker's answer goes out. */
static gboolean finish(gpointer data)
{
	struct job *j = data;
	SoupMessageHeaders *h =
	    soup_server_message_get_response_headers(j->msg);

	secure_headers(j->msg);
	if (j->r.filename) {
		char *cd = g_strdup_printf("attachment; filename=\"%s\"",
		                           j->r.filename);
		soup_message_headers_replace(h, "Content-Disposition", cd);
		g_free(cd);
	}
	soup_server_message_set_status(j->msg, j->r.status, NULL);
	soup_server_message_set_response(j->msg, j->r.type, SOUP_MEMORY_TAKE,
	                                 j->r.body, j->r.len);
	j->r.body = NULL;
	soup_server_message_unpause(j->msg);
	g_object_unref(j->msg);
	g_free(j->r.path);
	g_free(j->r.filename);
	if (j->r.query)
		g_hash_table_unref(j->r.query);
	g_free(j);
	return G_SOURCE_REMOVE;
}

/* On a worker thread: the page, over the worker's own connection. */
static void work(gpointer data, gpointer user)
{
	struct job *j = data;
	struct cbm_error err = {0};

	if (st_open(&j->r.db, j->s->cfg.db_path, ST_OPEN_READONLY, &err) !=
	    CBM_OK) {
		char *text = g_strdup_printf("cannot open the database: %s\n",
		                             err.message);
		web_answer(&j->r, 503, "text/plain; charset=utf-8", text,
		           strlen(text));
	} else {
		web_page(&j->r);
	}
	st_close(j->r.db);
	j->r.db = NULL;
	g_main_context_invoke(j->s->ctx, finish, j);
}

/* Copies the query's parameters: the worker outlives libsoup's table. */
static GHashTable *copy_query(GHashTable *query)
{
	GHashTable *t =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GHashTableIter it;
	gpointer k, v;

	if (query) {
		g_hash_table_iter_init(&it, query);
		while (g_hash_table_iter_next(&it, &k, &v))
			g_hash_table_replace(t, g_strdup(k), g_strdup(v));
	}
	return t;
}

static void handle(SoupServer *soup, SoupServerMessage *msg, const char *path,
                   GHashTable *query, gpointer data)
{
	struct web_server *s = data;
	const char *method = soup_server_message_get_method(msg);
	const char *host = soup_message_headers_get_one(
	    soup_server_message_get_request_headers(msg), "Host");
	const char *lang;
	struct job *j;

	if (!host_ok(s, host)) {
		plain_answer(msg, 403,
		             "Forbidden: this server answers only to "
		             "localhost and 127.0.0.1.\n");
		return;
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		soup_message_headers_replace(
		    soup_server_message_get_response_headers(msg), "Allow",
		    "GET, HEAD");
		plain_answer(msg, 405,
		             "Method not allowed: cbm serve only reads.\n");
		return;
	}
	j = g_new0(struct job, 1);
	j->s = s;
	j->msg = g_object_ref(msg);
	j->r.path = g_strdup(path);
	j->r.query = copy_query(query);
	j->r.cfg = &s->cfg;
	j->r.files = &s->files;
	lang = web_param(&j->r, "lang");
	if (!lang || !cbm_lang_parse(lang, &j->r.lang))
		j->r.lang = CBM_LANG_EN;
	soup_server_message_pause(msg);
	g_thread_pool_push(s->pool, j, NULL);
}

enum cbm_status web_open(struct web_server **out, const struct web_config *c,
                         struct cbm_error *err)
{
	struct web_server *s;
	struct st_db *db = NULL;
	GError *gerr = NULL;
	GSList *uris;
	enum cbm_status rc;

	*out = NULL;
	if ((rc = st_open(&db, c->db_path, ST_OPEN_READONLY, err)) != CBM_OK)
		return rc;
	st_close(db);
	s = g_new0(struct web_server, 1);
	s->cfg = *c;
	g_mutex_init(&s->files);
	s->ctx = g_main_context_default();
	s->soup = soup_server_new("server-header", "cbm ", NULL);
	soup_server_add_handler(s->soup, NULL, handle, s, NULL);
	if (!soup_server_listen_local(s->soup, c->port,
	                              SOUP_SERVER_LISTEN_IPV4_ONLY, &gerr)) {
		CBM_ERROR(err, CBM_EINTERNAL, NULL,
		          "cannot listen on 127.0.0.1:%u: %s", c->port,
		          gerr->message);
		g_error_free(gerr);
		web_close(s);
		return CBM_EINTERNAL;
	}
	uris = soup_server_get_uris(s->soup);
	snprintf(s->port, sizeof(s->port), "%d",
	         uris ? g_uri_get_port(uris->data) : (int)c->port);
	g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
	s->url = g_strdup_printf("http://127.0.0.1:%s/", s->port);
	s->pool = g_thread_pool_new(
	    work, s, c->workers ? (int)c->workers : WEB_WORKERS_DEFAULT, FALSE,
	    NULL);
	*out = s;
	return CBM_OK;
}

const char *web_url(const struct web_server *s)
{
	return s->url;
}

void web_run(struct web_server *s)
{
	GMainLoop *loop = g_main_loop_new(s->ctx, FALSE);

	g_main_loop_run(loop);
	g_main_loop_unref(loop);
}

void web_close(struct web_server *s)
{
	if (!s)
		return;
	if (s->pool)
		g_thread_pool_free(s->pool, TRUE, FALSE);
	if (s->soup) {
		soup_server_disconnect(s->soup);
		g_object_unref(s->soup);
	}
	g_mutex_clear(&s->files);
	g_free(s->url);
	g_free(s);
}
