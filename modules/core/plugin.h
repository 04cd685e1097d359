/* Plugins: a shared object holding a heavy library that a single route
 * needs (cairo and pango for the PDF summary, gd for the CAPTCHA). Linked
 * into the module, such a library would be mapped, relocated and
 * initialised in every worker of the module; as a plugin it is dlopen'ed
 * the first time that route runs in a worker, and only there.
 *
 * A plugin is build/modules/MODULE-NAME.so, next to MODULE.so, built from
 * modules/MODULE/NAME/. It exports one const descriptor whose first member
 * is `int abi`; its header, shared by the module and the plugin, defines the
 * rest (a function taking a plain description, returning malloc'ed bytes).
 * A plugin knows neither the database nor the request. */
#ifndef PORTAL_PLUGIN_H
#define PORTAL_PLUGIN_H

#include <stddef.h>

struct portal_plugin {
	const char *file;	/* "declarations-pdf.so", next to the module's .so */
	const char *symbol;	/* the exported descriptor */
	int abi;		/* what its first member must hold */
	const void *descriptor;	/* once loaded: cached for the process */
};

#define PORTAL_PLUGIN(file, symbol, abi) {(file), (symbol), (abi), NULL}

/* The plugin's descriptor, loaded on the first call in this process (then
 * cached, never unloaded). NULL after a log line saying why (no such file,
 * a library missing, no such symbol, another ABI): the caller answers 503,
 * and the next call tries again, so a plugin installed late is picked up.
 * p must have static storage in the calling module: its own address tells
 * which shared object is asking, hence in which folder to look. */
const void *plugin_get(struct portal_plugin *p);

/* The path of file in the folder of object_path ("build/modules/auth.so",
 * "auth-captcha.so" -> "build/modules/auth-captcha.so"; "auth.so" ->
 * "./auth-captcha.so", so that dlopen does not search the library path).
 * 0, or -1 when it does not fit in n bytes. */
int plugin_path(const char *object_path, const char *file, char *out, size_t n);

#endif
