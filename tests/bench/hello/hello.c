/* fcgi-hello: the benchmarks' baseline, a FastCGI "hello world" in C with
 * libfcgi, preforked like portal-host, so the bench measures the limit of
 * the path nginx -> unix socket -> FastCGI worker -> nginx.
 *
 *   fcgi-hello --socket PATH [--workers N]
 *
 * The parent binds PATH, forks N workers (default 2) that answer every
 * request with a small HTML page, and on SIGTERM or SIGINT ends them and
 * removes PATH. Not part of the portal: tests/bench/run starts it. */
#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORKERS 64

static const char PAGE[] =
	"Status: 200 OK\r\n"
	"Content-Type: text/html; charset=utf-8\r\n"
	"\r\n"
	"<!DOCTYPE html>\n<html lang=\"fr\"><head><title>Bonjour</title></head>"
	"<body><p>Bonjour</p></body></html>\n";

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int listen_unix(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa.sun_path) {
		fprintf(stderr, "fcgi-hello: socket path too long\n");
		return -1;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 1024) != 0) {
		fprintf(stderr, "fcgi-hello: cannot listen on %s: %s\n", path, strerror(errno));
		close(fd);
		return -1;
	}
	chmod(path, 0660);
	return fd;
}

static void worker(int fd)
{
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if (FCGX_Init() != 0)
		_exit(1);
	FCGX_Request req;
	FCGX_InitRequest(&req, fd, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_PutStr(PAGE, (int)sizeof PAGE - 1, req.out);
		FCGX_Finish_r(&req);
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	int n = 2;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--socket") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc)
			n = atoi(argv[++i]);
		else
			path = NULL, i = argc;
	}
	if (!path || n < 1 || n > MAX_WORKERS) {
		fprintf(stderr, "usage: fcgi-hello --socket PATH [--workers 1..%d]\n", MAX_WORKERS);
		return 64;
	}
	int fd = listen_unix(path);
	if (fd < 0)
		return 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	pid_t pids[MAX_WORKERS];
	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			worker(fd);
		if (pids[i] < 0) {
			perror("fcgi-hello: fork");
			pids[i] = 0;
		}
	}
	/* Until told to stop; a worker that dies is replaced. */
	while (!stopping) {
		int status;
		pid_t dead = wait(&status);
		if (dead < 0 && errno != EINTR)
			break;
		for (int i = 0; i < n && !stopping; i++) {
			if (dead <= 0 || pids[i] != dead)
				continue;
			pid_t pid = fork();
			if (pid == 0)
				worker(fd);
			pids[i] = pid > 0 ? pid : 0;
		}
	}
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(NULL) > 0)
		;
	unlink(path);
	return 0;
}
