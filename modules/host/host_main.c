/* portal-host --module NAME --config PATH (--socket PATH | --listen H:P)
 * Loads nothing itself: each worker dlopens the module, so a reload
 * (SIGHUP) picks up a new shared object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "host.h"
#include "log.h"

int main(int argc, char **argv)
{
	struct host_options o;
	if (host_parse_options(argc, argv, &o) != 0)
		return 64;
	/* Calendar decisions (dates shown, "today") are French local time. */
	setenv("TZ", getenv("TZ") ? getenv("TZ") : "Europe/Paris", 1);
	log_set_module(o.module);
	if (crypto_init() != 0) {
		log_error("libsodium initialisation failed");
		return 1;
	}
	int owns_path = 0;
	int fd = host_listen(&o, &owns_path);
	if (fd < 0)
		return 1;
	return host_supervise(&o, fd, owns_path);
}
