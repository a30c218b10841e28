/*
 * measure.c - runs a command and prints its wall time in seconds and its
 * peak resident set size in KiB (from wait4's rusage), tab-separated, on
 * stderr.  The command's own output passes through.
 *
 *   measure COMMAND [ARGS...]
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status = 0;
	pid_t pid;

	if (argc < 2)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "%.3f\t%ld\n",
	        (double)(t1.tv_sec - t0.tv_sec) +
	            (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	        ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
}
