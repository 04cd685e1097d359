/* portal-host: one module, one listening socket, N preforked workers. */
#ifndef PORTAL_HOST_H
#define PORTAL_HOST_H

struct host_options {
	const char *module;
	const char *config_path;
	const char *socket_path;  /* unix socket, or NULL */
	const char *listen_addr;  /* HOST:PORT, or NULL */
	const char *module_dir;
	const char *pid_file;
	int inherit_fd;		  /* an already listening fd, or -1 */
	int workers;		  /* 0: from config (workers), else 2 */
};

/* Exit code of a worker that cannot load its module: the supervisor backs
 * off instead of respawning in a tight loop. */
#define HOST_EXIT_CONFIG 78

int host_parse_options(int argc, char **argv, struct host_options *o);
/* Returns a listening fd or -1 (logged). */
int host_listen(const struct host_options *o, int *owns_path);
/* The worker process: never returns. ready_fd gets one byte once serving. */
void host_worker_run(const struct host_options *o, int listen_fd, int ready_fd)
	__attribute__((noreturn));
int host_supervise(const struct host_options *o, int listen_fd, int owns_path);
/* "mimalloc X.Y.Z" when malloc is mimalloc's (host_allocator.c), for the log. */
const char *host_allocator(void);

#endif
