/* A worker: loads the module, then serves FastCGI requests one at a time
 * until told to stop. A request in flight always completes. */
#include <dlfcn.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "dispatch.h"
#include "host.h"
#include "log.h"
#include "module.h"

static volatile sig_atomic_t stop_requested;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
	FCGX_ShutdownPending();
}

static void install_worker_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop; /* no SA_RESTART: a blocked accept returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static const struct portal_module *load_module(const struct host_options *o)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.so", o->module_dir, o->module);
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		log_error("cannot load %s: %s", path, dlerror());
		return NULL;
	}
	const struct portal_module *m = dlsym(h, PORTAL_MODULE_SYMBOL);
	if (!m) {
		log_error("%s exports no %s", path, PORTAL_MODULE_SYMBOL);
		return NULL;
	}
	if (m->abi != PORTAL_MODULE_ABI || !m->name || strcmp(m->name, o->module) != 0 ||
	    !m->prefix) {
		log_error("%s: ABI %d name %s refused (want ABI %d, module %s)", path, m->abi,
			  m->name ? m->name : "?", PORTAL_MODULE_ABI, o->module);
		return NULL;
	}
	return m;
}

void host_worker_run(const struct host_options *o, int listen_fd, int ready_fd)
{
	install_worker_signals();
	struct portal_config *cfg = config_load(o->config_path);
	if (!cfg)
		_exit(HOST_EXIT_CONFIG);
	const struct portal_module *mod = load_module(o);
	if (!mod)
		_exit(HOST_EXIT_CONFIG);
	struct worker *w = worker_new(cfg, mod);
	if (!w)
		_exit(HOST_EXIT_CONFIG);
	if (FCGX_Init() != 0)
		_exit(1);
	FCGX_Request req;
	FCGX_InitRequest(&req, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
	pid_t self = getpid();
	if (write(ready_fd, &self, sizeof self) != (ssize_t)sizeof self)
		log_error("cannot signal readiness");
	close(ready_fd);
	long max_requests = config_int(cfg, "max_requests", 0);
	long served = 0;
	while (!stop_requested && FCGX_Accept_r(&req) >= 0) {
		worker_handle(w, &req);
		FCGX_Finish_r(&req);
		if (max_requests > 0 && ++served >= max_requests)
			break;
	}
	worker_free(w);
	config_free(cfg);
	_exit(0);
}
