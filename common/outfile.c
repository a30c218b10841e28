/*
 * outfile.c - files that appear whole or not at all.
 *
 * Every file cbm writes (a report, a chart, a figure, the demo database)
 * goes first to a temporary file in the target's own folder, made with
 * mkstemp, so that the final rename(2) stays on one file system and is
 * atomic.  Only when the writer says the content is complete is it
 * flushed, fsync'ed and renamed over the target; on any failure the
 * temporary file is removed and the target is as it was.  The target
 * itself is never opened for writing and never removed.
 *
 * The one piece of process-wide state in cbm lives here: the list of
 * temporary files now open, so that a signal handler (which cannot be
 * given a context) can unlink them before the process dies.  It is a
 * fixed array of fixed buffers, written with signals blocked, so that
 * cbm_outfile_unlink_all() needs nothing but unlink(2), which is
 * async-signal-safe.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cbm.h"

/* Enough for every output a command has open at once (demo: two). */
#define LIVE_MAX  8
#define LIVE_PATH 4096

static char live[LIVE_MAX][LIVE_PATH];

/* Runs with SIGINT, SIGTERM and SIGHUP blocked, so that the handler
 * never sees a half-written entry. */
static void live_set(const char *old, const char *path)
{
	sigset_t block, saved;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &saved);
	for (int i = 0; i < LIVE_MAX; i++) {
		if ((old && strcmp(live[i], old) == 0) ||
		    (!old && live[i][0] == '\0')) {
			snprintf(live[i], LIVE_PATH, "%s", path ? path : "");
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
}

void cbm_outfile_unlink_all(void)
{
	for (int i = 0; i < LIVE_MAX; i++)
		if (live[i][0])
			unlink(live[i]);
}

bool cbm_outfile_is_stdout(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

/* The mode a new file gets from open(2): 0666 less the umask. */
static mode_t default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* The real file behind PATH when PATH is a symbolic link to one, so that
 * the rename replaces the file the link points at, not the link. */
static char *resolve_link(const char *path)
{
	char *target = g_file_read_link(path, NULL);
	char *dir, *full;

	if (!target)
		return g_strdup(path);
	if (g_path_is_absolute(target))
		return target;
	dir = g_path_get_dirname(path);
	full = g_build_filename(dir, target, NULL);
	g_free(dir);
	g_free(target);
	return full;
}

enum cbm_status cbm_outfile_open(struct cbm_outfile *of, const char *path,
                                 struct cbm_error *err)
{
	struct stat sb;
	char *dir, *base;
	int fd;
	mode_t mode = default_mode();

	memset(of, 0, sizeof(*of));
	of->path = g_strdup(path);
	if (cbm_outfile_is_stdout(path)) {
		of->fp = stdout;
		return CBM_OK;
	}
	of->target = resolve_link(path);
	if (stat(of->target, &sb) == 0)
		mode = sb.st_mode & 07777;
	dir = g_path_get_dirname(of->target);
	base = g_path_get_basename(of->target);
	of->tmp = g_strdup_printf("%s/.%s.cbm-XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	fd = mkstemp(of->tmp);
	if (fd < 0) {
		int e = errno;
		g_free(of->tmp);
		of->tmp = NULL;
		cbm_outfile_abort(of);
		return CBM_ERROR(err, CBM_EINTERNAL, path, "cannot write: %s",
		                 strerror(e));
	}
	live_set(NULL, of->tmp);
	if (fchmod(fd, mode) != 0 || !(of->fp = fdopen(fd, "w+b"))) {
		int e = errno;
		if (!of->fp)
			close(fd);
		cbm_outfile_abort(of);
		return CBM_ERROR(err, CBM_EINTERNAL, path, "cannot write: %s",
		                 strerror(e));
	}
	return CBM_OK;
}

enum cbm_status cbm_outfile_commit(struct cbm_outfile *of,
                                   struct cbm_error *err)
{
	int e = 0;

	if (!of->fp)
		return CBM_ERROR(err, CBM_EINTERNAL, of->path,
		                 "cannot write: the file is not open");
	if (!of->tmp) {
		/* stdout: flushed here so that a full disk is an error. */
		if (fflush(of->fp) != 0 || ferror(of->fp))
			e = errno ? errno : EIO;
		of->fp = NULL;
	} else {
		errno = 0;
		if (fflush(of->fp) != 0 || ferror(of->fp) ||
		    fsync(fileno(of->fp)) != 0)
			e = errno ? errno : EIO;
		if (fclose(of->fp) != 0 && !e)
			e = errno ? errno : EIO;
		of->fp = NULL;
		if (!e && rename(of->tmp, of->target) != 0)
			e = errno;
		if (!e) {
			live_set(of->tmp, NULL);
			g_free(of->tmp);
			of->tmp = NULL;
		}
	}
	if (e) {
		cbm_outfile_abort(of);
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot write '%s': %s",
		                 of->path ? of->path : "", strerror(e));
	}
	cbm_outfile_abort(of); /* frees the names */
	return CBM_OK;
}

void cbm_outfile_abort(struct cbm_outfile *of)
{
	if (!of)
		return;
	if (of->fp && of->fp != stdout)
		fclose(of->fp);
	of->fp = NULL;
	if (of->tmp) {
		unlink(of->tmp);
		live_set(of->tmp, NULL);
	}
	g_free(of->tmp);
	g_free(of->target);
	g_free(of->path);
	memset(of, 0, sizeof(*of));
}

/* Same file: same device and inode. */
static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return stat(path, &b) == 0 && a->st_dev == b.st_dev &&
	       a->st_ino == b.st_ino;
}

enum cbm_status cbm_output_check(const char *path, const char *db,
                                 struct cbm_error *err)
{
	static const char *const sidecars[] = {"", "-wal", "-shm", "-journal"};
	struct stat sb;
	char *dir;
	bool dir_ok, writable;
	int e;

	if (!path || !*path)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "give the output file with -o FILE");
	if (cbm_outfile_is_stdout(path))
		return CBM_OK;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return CBM_ERROR(err, CBM_EUSAGE, path,
			                 "is a folder; give a file name");
		if (!S_ISREG(sb.st_mode))
			return CBM_ERROR(err, CBM_EUSAGE, path,
			                 "is not a regular file; cbm writes "
			                 "only ordinary files");
		for (size_t i = 0; db && i < G_N_ELEMENTS(sidecars); i++) {
			char *f = g_strconcat(db, sidecars[i], NULL);
			bool same = same_file(&sb, f);
			g_free(f);
			if (same)
				return CBM_ERROR(err, CBM_EUSAGE, path,
				                 "is the database%s; choose "
				                 "another output file",
				                 sidecars[i][0] ? "'s journal"
				                                : "");
		}
	} else if (errno != ENOENT)
		return CBM_ERROR(err, CBM_EUSAGE, path, "cannot use: %s",
		                 strerror(errno));
	/* The temporary file goes beside the target. */
	dir = g_path_get_dirname(path);
	dir_ok = g_file_test(dir, G_FILE_TEST_IS_DIR);
	writable = access(dir, W_OK | X_OK) == 0;
	e = errno;
	g_free(dir);
	if (!dir_ok)
		return CBM_ERROR(err, CBM_EUSAGE, path,
		                 "no such folder; create it first");
	if (!writable)
		return CBM_ERROR(err, CBM_EUSAGE, path,
		                 "cannot write in its folder: %s", strerror(e));
	return CBM_OK;
}
