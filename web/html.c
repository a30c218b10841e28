/*
 * html.c - the frame of every page: head with its own style sheet (no
 * external resources), the navigation, the language switch, escaping.
 */
#include <stdlib.h>
#include <string.h>

#include "web_internal.h"

/* The pages' style: plain, printable, readable on a laptop. */
static const char style[] =
    "body{font-family:'DejaVu Sans',sans-serif;margin:0;color:#222;"
    "background:#fafafa}"
    "header{background:#1f3a5f;color:#fff;padding:.5em 1em;display:flex;"
    "flex-wrap:wrap;gap:1em;align-items:center}"
    "header a{color:#fff;text-decoration:none;padding:.2em .5em}"
    "header a.on{background:#fff;color:#1f3a5f;border-radius:3px}"
    "header .lang{margin-left:auto}"
    "main{padding:1em 2em;max-width:1200px}"
    "table{border-collapse:collapse;margin:1em 0;background:#fff}"
    "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;"
    "vertical-align:top;overflow-wrap:anywhere}"
    "th{background:#e8eef5}td.n{text-align:right;white-space:nowrap}"
    "tfoot td{font-weight:bold;border-top:2px solid #555}"
    ".cards{display:flex;flex-wrap:wrap;gap:1em}"
    ".card{background:#fff;border:1px solid #ccc;padding:.8em 1.2em;"
    "min-width:12em}.card .v{font-size:1.6em;font-weight:bold}"
    ".chart svg{width:100%;max-width:900px;height:auto;background:#fff;"
    "border:1px solid #ddd}"
    ".error{background:#fde8e8;border:1px solid #c33;padding:.6em 1em}"
    "form{background:#fff;border:1px solid #ddd;padding:.6em 1em}"
    "form label{display:inline-block;margin:.3em 1em .3em 0}"
    "textarea{width:100%;font-family:'DejaVu Sans Mono',monospace}"
    "nav.figs a{margin-right:.8em}"
    "#views td:first-child,#views td:last-child{white-space:nowrap;"
    "overflow-wrap:normal}";

void web_esc(FILE *fp, const char *text)
{
	char *valid, *esc;

	if (!text)
		return;
	valid = g_utf8_make_valid(text, -1);
	esc = g_markup_escape_text(valid, -1);
	fputs(esc, fp);
	g_free(esc);
	g_free(valid);
}

void web_uri(FILE *fp, const char *text)
{
	char *e = g_uri_escape_string(text, NULL, FALSE);

	fputs(e, fp);
	g_free(e);
}

static int compare_keys(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void web_href(FILE *fp, const struct web_req *r, const char *path,
              const char *const *keys, const char *const *values, size_t n)
{
	GString *s = g_string_new(path);
	guint nk = 0;
	gpointer *all = g_hash_table_get_keys_as_array(r->query, &nk);
	char sep = '?', *esc;

	/* In a stable order, so that a link reads the same each time. */
	qsort(all, nk, sizeof(*all), compare_keys);
	for (guint i = 0; i < nk; i++) {
		const char *k = all[i], *v = g_hash_table_lookup(r->query, k);
		bool replaced = false;
		for (size_t j = 0; j < n; j++)
			replaced = replaced || strcmp(keys[j], k) == 0;
		if (replaced || !*v)
			continue;
		g_string_append_printf(s, "%c", sep);
		g_string_append_uri_escaped(s, k, NULL, FALSE);
		g_string_append_c(s, '=');
		g_string_append_uri_escaped(s, v, NULL, FALSE);
		sep = '&';
	}
	for (size_t j = 0; j < n; j++) {
		if (!values[j])
			continue;
		g_string_append_printf(s, "%c", sep);
		g_string_append_uri_escaped(s, keys[j], NULL, FALSE);
		g_string_append_c(s, '=');
		g_string_append_uri_escaped(s, values[j], NULL, FALSE);
		sep = '&';
	}
	esc = g_markup_escape_text(s->str, -1);
	fputs(esc, fp);
	g_free(esc);
	g_free(all);
	g_string_free(s, TRUE);
}

void web_html_open(struct web_html *h, const struct web_req *r, const char *nav)
{
	static const char *const pages[][2] = {
	    {"/", "nav.overview"},       {"/figures", "nav.figures"},
	    {"/query", "nav.query"},     {"/reports", "nav.reports"},
	    {"/batches", "nav.batches"},
	};
	static const char *const langs[] = {"en", "ru", "kk"};
	static const char *const key[] = {"lang"};
	FILE *fp;

	h->buf = NULL;
	h->len = 0;
	h->r = r;
	h->fp = fp = open_memstream(&h->buf, &h->len);
	g_assert(fp);
	fprintf(fp,
	        "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	        "<meta charset=\"utf-8\">\n<title>cbm — ",
	        langs[r->lang]);
	web_esc(fp, web_label(r->lang, nav));
	fprintf(fp,
	        "</title>\n<style>%s</style>\n</head>\n<body>\n<header>"
	        "<strong>cbm</strong>\n",
	        style);
	for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
		const char *v[] = {langs[r->lang]};
		fprintf(fp, "<a href=\"%s?lang=%s\"%s>", pages[i][0], v[0],
		        strcmp(pages[i][1], nav) == 0 ? " class=\"on\"" : "");
		web_esc(fp, web_label(r->lang, pages[i][1]));
		fputs("</a>\n", fp);
	}
	fputs("<span class=\"lang\">", fp);
	for (size_t i = 0; i < G_N_ELEMENTS(langs); i++) {
		const char *v[] = {langs[i]};
		fputs("<a hreflang=\"", fp);
		fputs(langs[i], fp);
		fputs("\" href=\"", fp);
		web_href(fp, r, r->path, key, v, 1);
		fprintf(fp, "\"%s>", i == r->lang ? " class=\"on\"" : "");
		web_esc(fp, web_label((enum cbm_lang)i, "lang.name"));
		fputs("</a>", fp);
	}
	fputs("</span></header>\n<main>\n<h1>", fp);
	web_esc(fp, web_label(r->lang, nav));
	fputs("</h1>\n", fp);
}

void web_html_close(struct web_html *h, struct web_req *r, unsigned status)
{
	fputs("</main>\n</body>\n</html>\n", h->fp);
	fclose(h->fp);
	h->fp = NULL;
	web_answer(r, status, "text/html; charset=utf-8", h->buf, h->len);
	h->buf = NULL;
}

void web_html_error(struct web_html *h, const char *message)
{
	fputs("<p class=\"error\"><strong>", h->fp);
	web_esc(h->fp, web_label(h->r->lang, "error"));
	fputs(":</strong> ", h->fp);
	web_esc(h->fp, message);
	fputs("</p>\n", h->fp);
}
