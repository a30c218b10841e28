/*
 * writer.c - the thread that writes the rows an import reads.
 *
 * Reading a file (parsing it, reading each field by its type, the kind's
 * checks across a row) and writing its rows (SQLite's inserts) each take
 * a good part of a large import, and neither needs the other's result
 * row by row: the reader only has to know that a row was written before
 * the transaction ends.  So the reader (the caller's thread) copies the
 * values of each valid row into a batch, and full batches go to a thread
 * of their own, which binds and steps them on the import's connection,
 * in the order they were read.  A few batches are in flight at most, so
 * memory stays flat whatever the file's size.  A million payments on two
 * processors: bench/README.md has the figures.
 *
 * The connection is opened without SQLite's mutex (store/db.c), so only
 * one thread may use it at a time.  While batches are in flight only the
 * writer does.  A reader that needs the connection before the end of the
 * rows (to note a currency, to load fx rates) first waits for the writer
 * to finish what it was given (imp_writer_wait); the rows it has not
 * handed over yet stay in its own batch, so what it runs then comes
 * before them, as when each row was written as soon as it was read.
 *
 * A failure to write a row is kept, the rows after it are not written,
 * and the reader learns of it at its next wait; the import then rolls
 * back, so what was written meanwhile is never seen.  When no thread can
 * be made, the reader writes each batch itself.
 */
#include <string.h>

#include "import_internal.h"

/* A batch is handed over when it holds this many rows or bytes: enough
 * to make the hand-over cheap, few enough to keep memory small. */
#define BATCH_ROWS  1024
#define BATCH_BYTES (256 * 1024)

/* Batches in all: one being filled, the rest written or waiting. */
#define BATCHES 4

/* GLib's queues lock with futexes, which ThreadSanitizer does not see;
 * in a build with it (GCC or clang), each hand-over of a batch says so. */
#if defined(__SANITIZE_THREAD__)
#define CBM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CBM_TSAN 1
#endif
#endif
#ifdef CBM_TSAN
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
#define push(q, b) (__tsan_release(b), g_async_queue_push((q), (b)))
static gpointer pop(GAsyncQueue *q)
{
	gpointer b = g_async_queue_pop(q);

	__tsan_acquire(b);
	return b;
}
#else
#define push g_async_queue_push
#define pop  g_async_queue_pop
#endif

/* One row of a batch: its statement and params[first .. first + n). */
struct entry {
	sqlite3_stmt *st;
	guint first;
	int n;
};

struct batch {
	GArray *entries;   /* struct entry */
	GArray *params;    /* struct imp_param, their offsets into bytes */
	GByteArray *bytes; /* the text and blobs of the params */
};

struct imp_writer {
	struct st_db *db;
	GThread *thread;          /* NULL: the reader writes */
	GAsyncQueue *todo, *done; /* struct batch *, the writer's and back */
	struct batch *cur;        /* being filled by the reader */
	GPtrArray *spare;         /* empty batches the reader holds */
	int out;                  /* batches handed over and not back */
	struct batch all[BATCHES];
	int stop; /* the writer skips what it is given (atomic) */
	/* The first failure; read by the reader only after a wait. */
	int failed; /* atomic */
	enum cbm_status status;
	struct cbm_error err;
};

/* ---- a row's values ------------------------------------------------------ */

static struct imp_param *param(struct imp_row *r, int p)
{
	g_assert(p >= 1 && p <= IMP_MAX_PARAMS);
	if (p > r->n) {
		for (int i = r->n; i < p; i++)
			r->param[i].type = IMP_PARAM_NULL;
		r->n = p;
	}
	return &r->param[p - 1];
}

void imp_row_int(struct imp_row *r, int p, int64_t v)
{
	struct imp_param *c = param(r, p);

	c->type = IMP_PARAM_INT;
	c->i = v;
}

void imp_row_double(struct imp_row *r, int p, double v)
{
	struct imp_param *c = param(r, p);

	c->type = IMP_PARAM_DOUBLE;
	c->d = v;
}

static void bytes_param(struct imp_row *r, int p, enum imp_param_type type,
                        const void *v, size_t n)
{
	struct imp_param *c = param(r, p);

	if (!r->bytes)
		r->bytes = g_byte_array_new();
	c->type = type;
	c->off = r->bytes->len;
	c->len = n;
	g_byte_array_append(r->bytes, v, (guint)n);
}

void imp_row_text(struct imp_row *r, int p, const char *v, size_t n)
{
	bytes_param(r, p, IMP_PARAM_TEXT, v, n);
}

void imp_row_blob(struct imp_row *r, int p, const void *v, size_t n)
{
	bytes_param(r, p, IMP_PARAM_BLOB, v, n);
}

void imp_row_clear(struct imp_row *r)
{
	r->n = 0;
	if (r->bytes)
		g_byte_array_set_size(r->bytes, 0);
}

void imp_row_release(struct imp_row *r)
{
	if (r->bytes)
		g_byte_array_free(r->bytes, TRUE);
	memset(r, 0, sizeof(*r));
}

/* ---- writing ------------------------------------------------------------- */

static void batch_reset(struct batch *b)
{
	g_array_set_size(b->entries, 0);
	g_array_set_size(b->params, 0);
	g_byte_array_set_size(b->bytes, 0);
}

/* Binds parameter P of ST to C (NULL: to NULL); its text or blob stays
 * in BYTES until the row is stepped. */
static void bind(sqlite3_stmt *st, int p, const struct imp_param *c,
                 const GByteArray *bytes)
{
	/* An empty text is text, not NULL, even in an empty batch. */
	const void *v =
	    c && bytes->data ? (const void *)(bytes->data + c->off) : "";

	switch (c ? c->type : IMP_PARAM_NULL) {
	case IMP_PARAM_INT:
		sqlite3_bind_int64(st, p, c->i);
		break;
	case IMP_PARAM_DOUBLE:
		sqlite3_bind_double(st, p, c->d);
		break;
	case IMP_PARAM_TEXT:
		sqlite3_bind_text64(st, p, v, c->len, SQLITE_STATIC,
		                    SQLITE_UTF8);
		break;
	case IMP_PARAM_BLOB:
		sqlite3_bind_blob64(st, p, v, c->len, SQLITE_STATIC);
		break;
	default:
		sqlite3_bind_null(st, p);
		break;
	}
}

/* Binds and steps every row of B, stopping at the first failure.  Each
 * parameter is bound, the unset ones to NULL, so that nothing of the
 * row before is left. */
static void write_batch(struct imp_writer *w, struct batch *b)
{
	for (guint e = 0; e < b->entries->len; e++) {
		const struct entry *en =
		    &g_array_index(b->entries, struct entry, e);
		int params = sqlite3_bind_parameter_count(en->st);
		bool ok;
		for (int p = 1; p <= params; p++)
			bind(en->st, p,
			     p <= en->n
			         ? &g_array_index(b->params, struct imp_param,
			                          en->first + p - 1)
			         : NULL,
			     b->bytes);
		ok = sqlite3_step(en->st) == SQLITE_DONE;
		if (!ok)
			w->status =
			    st_sql_error(w->db, "cannot stage a row", &w->err);
		sqlite3_reset(en->st);
		if (!ok) {
			g_atomic_int_set(&w->failed, 1);
			return;
		}
	}
}

static gpointer run(gpointer data)
{
	struct imp_writer *w = data;
	struct batch *b;

	/* The writer itself is the sign to end. */
	while ((b = pop(w->todo)) != (gpointer)w) {
		if (!g_atomic_int_get(&w->failed) &&
		    !g_atomic_int_get(&w->stop))
			write_batch(w, b);
		push(w->done, b);
	}
	return NULL;
}

struct imp_writer *imp_writer_start(struct st_db *db)
{
	struct imp_writer *w = g_new0(struct imp_writer, 1);

	w->db = db;
	w->spare = g_ptr_array_new();
	for (int i = 0; i < BATCHES; i++) {
		w->all[i].entries =
		    g_array_new(FALSE, FALSE, sizeof(struct entry));
		w->all[i].params =
		    g_array_new(FALSE, FALSE, sizeof(struct imp_param));
		w->all[i].bytes = g_byte_array_new();
		g_ptr_array_add(w->spare, &w->all[i]);
	}
	w->cur = g_ptr_array_steal_index(w->spare, w->spare->len - 1);
	w->todo = g_async_queue_new();
	w->done = g_async_queue_new();
	w->thread = g_thread_try_new("cbm-writer", run, w, NULL);
	return w;
}

/* Takes back one batch the writer is done with, waiting for it. */
static void take_back(struct imp_writer *w)
{
	struct batch *b = pop(w->done);

	w->out--;
	batch_reset(b);
	g_ptr_array_add(w->spare, b);
}

void imp_writer_hand_over(struct imp_writer *w)
{
	if (!w->cur->entries->len)
		return;
	if (!w->thread) {
		if (!w->failed)
			write_batch(w, w->cur);
		batch_reset(w->cur);
		return;
	}
	push(w->todo, w->cur);
	w->out++;
	if (!w->spare->len)
		take_back(w);
	w->cur = g_ptr_array_steal_index(w->spare, w->spare->len - 1);
}

void imp_writer_put(struct imp_writer *w, sqlite3_stmt *st,
                    const struct imp_row *r)
{
	struct batch *b = w->cur;
	struct entry en = {st, b->params->len, r->n};
	guint base = b->bytes->len;

	if (r->bytes && r->bytes->len)
		g_byte_array_append(b->bytes, r->bytes->data, r->bytes->len);
	for (int i = 0; i < r->n; i++) {
		struct imp_param c = r->param[i];
		if (c.type == IMP_PARAM_TEXT || c.type == IMP_PARAM_BLOB)
			c.off += base;
		g_array_append_val(b->params, c);
	}
	g_array_append_val(b->entries, en);
	if (b->entries->len >= BATCH_ROWS || b->bytes->len >= BATCH_BYTES)
		imp_writer_hand_over(w);
}

bool imp_writer_failed(struct imp_writer *w)
{
	return g_atomic_int_get(&w->failed) != 0;
}

enum cbm_status imp_writer_wait(struct imp_writer *w, struct cbm_error *err)
{
	while (w->out > 0)
		take_back(w);
	if (w->status != CBM_OK && err && err->code == CBM_OK)
		*err = w->err;
	return w->status;
}

void imp_writer_stop(struct imp_writer *w)
{
	if (!w)
		return;
	if (w->thread) {
		/* What is still in flight is not wanted: the import ends
		 * without it, by a rollback. */
		g_atomic_int_set(&w->stop, 1);
		push(w->todo, w);
		g_thread_join(w->thread);
	}
	for (int i = 0; i < BATCHES; i++) {
		g_array_free(w->all[i].entries, TRUE);
		g_array_free(w->all[i].params, TRUE);
		g_byte_array_free(w->all[i].bytes, TRUE);
	}
	g_async_queue_unref(w->todo);
	g_async_queue_unref(w->done);
	g_ptr_array_free(w->spare, TRUE);
	g_free(w);
}
