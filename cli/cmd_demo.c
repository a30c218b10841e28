/*
 * cmd_demo.c - `cbm demo [-o DIR]`: the example data set loaded into a new
 * database, and every report in English, Russian and Kazakh with the
 * charts, made from it: what cbm does, in one command.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli.h"
#include "import.h"
#include "report.h"
#include "store.h"

#ifndef CBM_EXAMPLES_SOURCE
#define CBM_EXAMPLES_SOURCE ""
#endif
#ifndef CBM_EXAMPLES_INSTALLED
#define CBM_EXAMPLES_INSTALLED ""
#endif

struct demo_opts {
	char *output;
};

GOptionContext *cmd_demo_options(struct cli *cli, void *opts)
{
	struct demo_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "[-o DIR]",
	    "Load the example data set into DIR/demo.sqlite (made anew) and "
	    "write every\nreport, in English, Russian and Kazakh, and the "
	    "charts into DIR.",
	    "The example data are made up for illustration; the names of "
	    "states and areas are\nreal.  They are read from $CBM_EXAMPLES, "
	    "else from the installed examples, else\nfrom the source tree.  "
	    "--db is not used: the demo has a database of its own.");
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "where to write (default ./cbm-demo)", "DIR"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* <prefix>/share/cbm/examples beside the running program
 * (<prefix>/bin/cbm), wherever the package was installed or unpacked
 * (caller frees); NULL when the program's path is unknown. */
static char *examples_beside_program(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *bin, *prefix, *dir = NULL;

	if (!exe)
		return NULL;
	bin = g_path_get_dirname(exe);
	prefix = g_path_get_dirname(bin);
	dir = g_build_filename(prefix, "share", "cbm", "examples", NULL);
	g_free(prefix);
	g_free(bin);
	g_free(exe);
	return dir;
}

/* The folder of the example CSV files (caller frees): $CBM_EXAMPLES,
 * else the examples installed beside the program, else where `cmake
 * --install` put them, else the source tree. */
static char *examples_dir(void)
{
	char *beside = examples_beside_program();
	const char *const tries[] = {g_getenv("CBM_EXAMPLES"), beside,
	                             CBM_EXAMPLES_INSTALLED,
	                             CBM_EXAMPLES_SOURCE};
	char *found = NULL;

	for (size_t i = 0; i < G_N_ELEMENTS(tries) && !found; i++) {
		char *probe;
		if (!tries[i] || !*tries[i])
			continue;
		probe = g_build_filename(tries[i], "states.csv", NULL);
		if (g_file_test(probe, G_FILE_TEST_EXISTS))
			found = g_strdup(tries[i]);
		g_free(probe);
	}
	g_free(beside);
	return found;
}

static int load(struct cli *cli, struct st_db *db, const char *dir)
{
	struct imp_options opt = {0};
	struct cbm_error err = {0};
	int rc = CBM_OK;

	for (int k = 0; k < IMP_KIND_COUNT && rc == CBM_OK; k++) {
		/* The file of each kind; the order of the enum is a valid
		 * import order except that fx must precede money. */
		static const enum imp_kind order[IMP_KIND_COUNT] = {
		    IMP_ORGANIZATION, IMP_STATES,
		    IMP_AREAS,        IMP_COORDINATORS,
		    IMP_FX,           IMP_BUDGET,
		    IMP_PLAN,         IMP_CONTRIBUTIONS,
		    IMP_PLEDGES,      IMP_SECONDMENTS,
		    IMP_SCALE};
		const char *kind = imp_kind_name(order[k]);
		char *name = g_strdup_printf("%s.csv", kind);
		char *path = g_build_filename(dir, name, NULL);
		struct imp_result res;
		imp_result_init(&res);
		if (imp_import_file(db, order[k], path, &opt, &res, &err) !=
		    CBM_OK) {
			if (err.code == CBM_OK)
				CBM_ERROR(&err, CBM_EDATA, path,
				          "the example file was refused");
			rc = cli_fail(cli, &err);
		}
		imp_result_release(&res);
		g_free(path);
		g_free(name);
	}
	return rc;
}

/* Writes one file and says so; returns its status. */
static int made(struct cli *cli, enum cbm_status st, const char *path,
                const struct cbm_error *err)
{
	if (st != CBM_OK)
		return cli_fail(cli, err);
	printf("  %s\n", path);
	return CBM_OK;
}

static int reports(struct cli *cli, struct st_db *db, const char *out)
{
	static const char *const langs[] = {"en", "ru", "kk"};
	int rc = CBM_OK;

	for (int l = 0; l < 3 && rc == CBM_OK; l++) {
		for (int k = 0; k < RPT_KIND_COUNT && rc == CBM_OK; k++) {
			static const char *const names[] = {"annual", "budget",
			                                    "state-KAZ"};
			struct rpt_params p;
			struct cbm_error err = {0};
			char *file =
			    g_strdup_printf("%s-%s.pdf", names[k], langs[l]);
			char *path = g_build_filename(out, file, NULL);
			rpt_params_init(&p);
			p.kind = (enum rpt_kind)k;
			p.lang = (enum cbm_lang)l;
			p.state = "KAZ";
			p.scale = "draft-2026";
			rc = made(cli, rpt_write_file(db, &p, path, &err), path,
			          &err);
			g_free(path);
			g_free(file);
		}
	}
	return rc;
}

static int charts(struct cli *cli, struct st_db *db, const char *out)
{
	int rc = CBM_OK;

	for (int k = 0; k < RPT_CHART_KIND_COUNT && rc == CBM_OK; k++) {
		struct rpt_chart_params p = {0};
		struct rpt_chart *c = NULL;
		struct cbm_error err = {0};
		char *file =
		    g_strdup_printf("chart-%s.png", rpt_chart_kind_name(k));
		char *path = g_build_filename(out, file, NULL);
		enum cbm_status st = rpt_chart_open(&c, db, k, &p, &err);
		if (st == CBM_OK)
			st = chart_write_file(rpt_chart_get(c), path, 0, 0,
			                      &err);
		rc = made(cli, st, path, &err);
		rpt_chart_close(c);
		g_free(path);
		g_free(file);
	}
	return rc;
}

/* The file that marks a folder as written by cbm demo, so that a later
 * demo may write into it again. */
#define DEMO_MARK ".cbm-demo"

/* True when DIR has no entries. */
static bool dir_empty(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	bool empty = d && !g_dir_read_name(d);

	if (d)
		g_dir_close(d);
	return empty;
}

/* Makes OUT ready: a new folder, an empty one, or one an earlier demo
 * wrote (it has the mark).  Anything else is the user's and is refused
 * before any work, so that no file of theirs is replaced. */
static int prepare_folder(struct cli *cli, const char *out)
{
	struct cbm_error err = {0};
	char *mark = g_build_filename(out, DEMO_MARK, NULL);
	char *db = g_build_filename(out, "demo.sqlite-wal", NULL);
	int rc = CBM_OK;
	FILE *fp;

	if (g_file_test(out, G_FILE_TEST_EXISTS) &&
	    !g_file_test(out, G_FILE_TEST_IS_DIR))
		rc = cli_usage(cli, "'%s' is not a folder", out);
	else if (g_file_test(out, G_FILE_TEST_IS_DIR) && !dir_empty(out) &&
	         !g_file_test(mark, G_FILE_TEST_EXISTS))
		rc = cli_usage(cli,
		               "'%s' is not empty and was not written by cbm "
		               "demo; give a new or empty folder",
		               out);
	else if (g_file_test(db, G_FILE_TEST_EXISTS))
		rc =
		    cli_usage(cli,
		              "'%s' is in use (it has a -wal file); close what "
		              "uses it and try again",
		              db);
	else if (g_mkdir_with_parents(out, 0755) != 0)
		rc = CBM_ERROR(&err, CBM_EINTERNAL, out, "cannot create: %s",
		               g_strerror(errno));
	else if (!g_file_test(mark, G_FILE_TEST_EXISTS) &&
	         (!(fp = fopen(mark, "w")) || fclose(fp) != 0))
		rc = CBM_ERROR(&err, CBM_EINTERNAL, mark, "cannot create: %s",
		               g_strerror(errno));
	if (err.code != CBM_OK)
		rc = cli_fail(cli, &err);
	g_free(mark);
	g_free(db);
	return rc;
}

/* Loads the examples into a new database at the temporary file of DBF
 * and writes the reports and charts from it into OUT. */
static int make(struct cli *cli, struct cbm_outfile *dbf, const char *out,
                const char *examples)
{
	struct cbm_error err = {0};
	struct st_db *db = NULL;
	int rc = CBM_OK;

	if (st_open(&db, dbf->tmp, ST_OPEN_CREATE, &err) != CBM_OK)
		return cli_fail(cli, &err);
	printf("loading the example data from %s into %s\n", examples,
	       dbf->path);
	rc = load(cli, db, examples);
	if (rc == CBM_OK) {
		printf("writing into %s:\n", out);
		rc = reports(cli, db, out);
	}
	if (rc == CBM_OK)
		rc = charts(cli, db, out);
	st_close(db);
	return rc;
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct demo_opts o = {0};
	GOptionContext *octx = cmd_demo_options(cli, &o);
	struct cbm_error err = {0};
	struct cbm_outfile dbf = {0};
	const char *out;
	char *examples = examples_dir(), *path = NULL;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	out = o.output ? o.output : "cbm-demo";
	if (rc == CBM_OK && argc > 1)
		rc = cli_usage(cli, "unexpected argument '%s'", argv[1]);
	if (rc == CBM_OK && !examples) {
		CBM_ERROR(&err, CBM_EINTERNAL, NULL,
		          "cannot find the example data; set CBM_EXAMPLES to "
		          "the examples/ folder");
		rc = cli_fail(cli, &err);
	}
	if (rc == CBM_OK)
		rc = prepare_folder(cli, out);
	/* The database is built under a temporary name and renamed over
	 * demo.sqlite only when everything was made from it. */
	path = g_build_filename(out, "demo.sqlite", NULL);
	if (rc == CBM_OK && cbm_outfile_open(&dbf, path, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	if (rc == CBM_OK)
		rc = make(cli, &dbf, out, examples);
	if (rc == CBM_OK && cbm_outfile_commit(&dbf, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	cbm_outfile_abort(&dbf);
	g_free(examples);
	g_free(path);
	g_free(o.output);
	return rc;
}
