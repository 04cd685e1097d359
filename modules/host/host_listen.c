/* The listening socket: inherited (systemd socket activation or a
 * hand-over), a unix socket, or TCP. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "host.h"
#include "log.h"

#define BACKLOG 1024

static int listen_unix(const char *path, int *owns_path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa.sun_path) {
		log_error("socket path too long: %s", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	/* A stale socket is replaced; a live one means another host serves it. */
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
		log_error("%s is already served by another process", path);
		close(fd);
		return -1;
	}
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, BACKLOG) != 0) {
		log_error("cannot listen on %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	chmod(path, 0660);
	*owns_path = 1;
	return fd;
}

static int listen_tcp(const char *addr)
{
	char host[256];
	const char *colon = strrchr(addr, ':');
	if (!colon || (size_t)(colon - addr) >= sizeof host) {
		log_error("--listen wants HOST:PORT");
		return -1;
	}
	memcpy(host, addr, (size_t)(colon - addr));
	host[colon - addr] = '\0';
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_PASSIVE};
	struct addrinfo *res;
	if (getaddrinfo(host, colon + 1, &hints, &res) != 0) {
		log_error("cannot resolve %s", addr);
		return -1;
	}
	int fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd < 0 || bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, BACKLOG) != 0) {
		log_error("cannot listen on %s: %s", addr, strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	return fd;
}

int host_listen(const struct host_options *o, int *owns_path)
{
	*owns_path = 0;
	const char *fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID");
	if (fds && pid && atoi(fds) >= 1 && atoi(pid) == (int)getpid())
		return 3; /* systemd socket activation */
	if (o->inherit_fd >= 0)
		return o->inherit_fd;
	if (o->socket_path)
		return listen_unix(o->socket_path, owns_path);
	return listen_tcp(o->listen_addr);
}
