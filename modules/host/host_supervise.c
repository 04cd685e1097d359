/* The supervisor: forks workers, respawns the ones that die, replaces the
 * whole generation on SIGHUP without refusing a request, drains on SIGTERM.
 * Signals only write to a self-pipe; all work happens in the loop. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "host.h"
#include "log.h"

#define MAX_WORKERS 256

struct child {
	pid_t pid;
	int generation;
	int ready;
	time_t started;
};

struct supervisor {
	const struct host_options *o;
	int listen_fd;
	int ready_pipe[2];
	int generation;
	int wanted;
	int stopping;
	int backoff;		/* seconds before respawning a failing worker */
	time_t respawn_after;
	time_t reload_deadline;	/* pending reload: new generation not ready yet */
	struct child children[MAX_WORKERS * 2];
};

static int signal_pipe[2];

static void on_signal(int sig)
{
	unsigned char c = (unsigned char)sig;
	int saved = errno;
	if (write(signal_pipe[1], &c, 1) < 0) {
		/* the pipe is full: the signal is already pending there */
	}
	errno = saved;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static int workers_wanted(const struct host_options *o)
{
	if (o->workers > 0)
		return o->workers;
	/* workers_MODULE, else workers: re-read at each reload (SIGHUP). */
	struct portal_config *cfg = config_load(o->config_path);
	char key[64];
	snprintf(key, sizeof key, "workers_%s", o->module);
	long n = cfg ? config_int(cfg, key, config_int(cfg, "workers", 2)) : 2;
	if (cfg)
		config_free(cfg);
	return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n;
}

static void write_state(struct supervisor *s)
{
	if (!s->o->pid_file)
		return;
	char path[1100], tmp[1200];
	snprintf(path, sizeof path, "%s.status", s->o->pid_file);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "generation=%d\nworkers=", s->generation);
	int first = 1;
	for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++)
		if (s->children[i].pid && s->children[i].generation == s->generation) {
			fprintf(f, "%s%d", first ? "" : ",", (int)s->children[i].pid);
			first = 0;
		}
	fprintf(f, "\n");
	fclose(f);
	rename(tmp, path);
}

static struct child *free_slot(struct supervisor *s)
{
	for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++)
		if (!s->children[i].pid)
			return &s->children[i];
	return NULL;
}

static void spawn(struct supervisor *s)
{
	struct child *c = free_slot(s);
	if (!c)
		return;
	pid_t pid = fork();
	if (pid < 0) {
		log_error("fork failed: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		close(signal_pipe[0]);
		close(signal_pipe[1]);
		close(s->ready_pipe[0]);
		host_worker_run(s->o, s->listen_fd, s->ready_pipe[1]);
	}
	c->pid = pid;
	c->generation = s->generation;
	c->ready = 0;
	c->started = time(NULL);
}

static int count(struct supervisor *s, int generation, int ready_only)
{
	int n = 0;
	for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++)
		if (s->children[i].pid && s->children[i].generation == generation &&
		    (!ready_only || s->children[i].ready))
			n++;
	return n;
}

static void signal_generation(struct supervisor *s, int generation, int sig, int all_but)
{
	for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++) {
		struct child *c = &s->children[i];
		if (!c->pid)
			continue;
		if (all_but ? c->generation != generation : c->generation == generation)
			kill(c->pid, sig);
	}
}

static void reap(struct supervisor *s)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++) {
			struct child *c = &s->children[i];
			if (c->pid != pid)
				continue;
			int current = c->generation == s->generation;
			if (WIFSIGNALED(status))
				log_error("worker %d died of signal %d", (int)pid, WTERMSIG(status));
			else if (WEXITSTATUS(status) != 0)
				log_error("worker %d exited with %d", (int)pid, WEXITSTATUS(status));
			int failed_setup = WIFEXITED(status) && WEXITSTATUS(status) == HOST_EXIT_CONFIG;
			if (current && !s->stopping && failed_setup && s->reload_deadline) {
				/* The new generation cannot start: keep serving with the old. */
				log_error("reload failed: keeping generation %d", s->generation - 1);
				s->generation--;
				s->reload_deadline = 0;
				signal_generation(s, s->generation + 1, SIGTERM, 0);
			} else if (current && !s->stopping && failed_setup) {
				s->backoff = s->backoff ? (s->backoff * 2 > 30 ? 30 : s->backoff * 2) : 1;
				s->respawn_after = time(NULL) + s->backoff;
			} else if (current && !s->stopping && !failed_setup && c->ready) {
				s->backoff = 0;
			}
			c->pid = 0;
		}
	}
}

static void read_ready(struct supervisor *s)
{
	pid_t pid;
	while (read(s->ready_pipe[0], &pid, sizeof pid) == (ssize_t)sizeof pid)
		for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++)
			if (s->children[i].pid == pid)
				s->children[i].ready = 1;
}

static void top_up(struct supervisor *s)
{
	if (s->stopping || time(NULL) < s->respawn_after)
		return;
	while (count(s, s->generation, 0) < s->wanted)
		spawn(s);
}

static void start_reload(struct supervisor *s)
{
	if (s->reload_deadline)
		return; /* one reload at a time */
	log_info("reload: starting generation %d", s->generation + 1);
	s->generation++;
	s->wanted = workers_wanted(s->o);
	s->reload_deadline = time(NULL) + 30;
	s->respawn_after = 0;
	top_up(s);
}

/* The new generation is serving: the old one drains and exits. */
static void finish_reload(struct supervisor *s)
{
	if (!s->reload_deadline)
		return;
	if (count(s, s->generation, 1) >= s->wanted) {
		log_info("reload: generation %d serving, retiring the previous one", s->generation);
		signal_generation(s, s->generation, SIGTERM, 1);
		s->reload_deadline = 0;
		write_state(s);
	} else if (time(NULL) > s->reload_deadline) {
		log_error("reload: generation %d not ready in time, keeping the previous one",
			  s->generation);
		signal_generation(s, s->generation, SIGKILL, 0);
		s->generation--;
		s->reload_deadline = 0;
	}
}

static int live_children(struct supervisor *s)
{
	int n = 0;
	for (size_t i = 0; i < sizeof s->children / sizeof s->children[0]; i++)
		n += s->children[i].pid != 0;
	return n;
}

static void drain_and_exit(struct supervisor *s, int owns_path)
{
	s->stopping = 1;
	if (owns_path && s->o->socket_path)
		unlink(s->o->socket_path); /* no new connections reach us */
	signal_generation(s, -1, SIGTERM, 1);
	struct portal_config *cfg = config_load(s->o->config_path);
	long drain = cfg ? config_int(cfg, "drain_seconds", 30) : 30;
	if (cfg)
		config_free(cfg);
	time_t deadline = time(NULL) + drain;
	while (live_children(s) && time(NULL) < deadline) {
		reap(s);
		usleep(20000);
	}
	if (live_children(s)) {
		log_error("drain timeout: killing the remaining workers");
		signal_generation(s, -1, SIGKILL, 1);
		while (live_children(s)) {
			reap(s);
			usleep(10000);
		}
	}
	if (s->o->pid_file) {
		char path[1100];
		snprintf(path, sizeof path, "%s.status", s->o->pid_file);
		unlink(path);
		unlink(s->o->pid_file);
	}
	log_info("stopped");
}

int host_supervise(const struct host_options *o, int listen_fd, int owns_path)
{
	static struct supervisor s;
	s.o = o;
	s.listen_fd = listen_fd;
	s.generation = 1;
	s.wanted = workers_wanted(o);
	if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0 ||
	    pipe2(s.ready_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		log_error("pipe: %s", strerror(errno));
		return 1;
	}
	install_signals();
	if (o->pid_file) {
		FILE *f = fopen(o->pid_file, "w");
		if (f) {
			fprintf(f, "%d\n", (int)getpid());
			fclose(f);
		}
	}
	log_info("module %s: %d workers, allocator %s", o->module, s.wanted, host_allocator());
	top_up(&s);
	write_state(&s);
	for (;;) {
		struct pollfd p[2] = {{.fd = signal_pipe[0], .events = POLLIN},
				      {.fd = s.ready_pipe[0], .events = POLLIN}};
		poll(p, 2, 1000);
		if (p[1].revents & POLLIN)
			read_ready(&s);
		unsigned char sig;
		while (read(signal_pipe[0], &sig, 1) == 1) {
			if (sig == SIGTERM || sig == SIGINT) {
				drain_and_exit(&s, owns_path);
				return 0;
			}
			if (sig == SIGHUP)
				start_reload(&s);
		}
		reap(&s);
		read_ready(&s);
		finish_reload(&s);
		int before = live_children(&s);
		top_up(&s);
		if (live_children(&s) != before)
			write_state(&s);
	}
}
