/* Command-line options of portal-host. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

static void usage(void)
{
	fprintf(stderr,
		"usage: portal-host --module NAME --config PATH (--socket PATH | --listen HOST:PORT |"
		" --inherit-fd N)\n"
		"                   [--workers N] [--module-dir DIR] [--pid-file PATH]\n");
}

int host_parse_options(int argc, char **argv, struct host_options *o)
{
	static const struct option longopts[] = {
		{"module", required_argument, NULL, 'm'},
		{"config", required_argument, NULL, 'c'},
		{"socket", required_argument, NULL, 's'},
		{"listen", required_argument, NULL, 'l'},
		{"workers", required_argument, NULL, 'w'},
		{"module-dir", required_argument, NULL, 'd'},
		{"pid-file", required_argument, NULL, 'p'},
		{"inherit-fd", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	o->module_dir = "build/modules";
	o->inherit_fd = -1;
	int c;
	while ((c = getopt_long(argc, argv, "m:c:s:l:w:d:p:i:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': o->module = optarg; break;
		case 'c': o->config_path = optarg; break;
		case 's': o->socket_path = optarg; break;
		case 'l': o->listen_addr = optarg; break;
		case 'w': o->workers = atoi(optarg); break;
		case 'd': o->module_dir = optarg; break;
		case 'p': o->pid_file = optarg; break;
		case 'i': o->inherit_fd = atoi(optarg); break;
		default: usage(); return -1;
		}
	}
	if (!o->module || !o->config_path ||
	    (!o->socket_path && !o->listen_addr && o->inherit_fd < 0 && !getenv("LISTEN_FDS"))) {
		usage();
		return -1;
	}
	for (const char *p = o->module; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_')) {
			fprintf(stderr, "portal-host: invalid module name\n");
			return -1;
		}
	if (o->workers < 0 || o->workers > 256) {
		fprintf(stderr, "portal-host: --workers must be between 1 and 256\n");
		return -1;
	}
	return 0;
}
