/* Plugins loaded on first use, once per worker process (plugin.h). */
#include "plugin.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "log.h"

int plugin_path(const char *object_path, const char *file, char *out, size_t n)
{
	const char *slash = strrchr(object_path, '/');
	/* A bare name would make dlopen search LD_LIBRARY_PATH and the system
	 * folders instead of the module's folder. */
	int dir_len = slash ? (int)(slash - object_path) : 1;
	const char *dir = slash ? object_path : ".";
	if (slash == object_path) /* "/auth.so": the root folder */
		dir_len = 0;
	int w = snprintf(out, n, "%.*s/%s", dir_len, dir, file);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* Opens path and checks its descriptor. An accepted plugin is never closed:
 * GLib and fontconfig do not support being unloaded, and the next request
 * would load them again anyway. A refused one is closed (ld.so keeps what
 * is marked not to be unloaded) so that a fixed file is read next time. */
static const void *load(struct portal_plugin *p, const char *path)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		log_error("plugin %s: cannot load: %s", path, dlerror());
		return NULL;
	}
	const int *abi = dlsym(h, p->symbol);
	if (!abi) {
		log_error("plugin %s: %s", path, dlerror());
		dlclose(h);
		return NULL;
	}
	if (*abi != p->abi) {
		log_error("plugin %s: ABI %d refused (want %d)", path, *abi, p->abi);
		dlclose(h);
		return NULL;
	}
	return abi; /* the descriptor begins with its ABI number */
}

const void *plugin_get(struct portal_plugin *p)
{
	if (p->descriptor)
		return p->descriptor;
	Dl_info self;
	if (!dladdr(p, &self) || !self.dli_fname) {
		log_error("plugin %s: cannot tell which object asks for it", p->file);
		return NULL;
	}
	char path[PATH_MAX];
	if (plugin_path(self.dli_fname, p->file, path, sizeof path) != 0) {
		log_error("plugin %s: path too long next to %s", p->file, self.dli_fname);
		return NULL;
	}
	p->descriptor = load(p, path);
	return p->descriptor;
}
