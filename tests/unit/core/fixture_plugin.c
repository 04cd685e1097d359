/* A plugin for test_plugin, built next to it (build/test/core/
 * fixture_plugin.so): one descriptor of ABI 7 and a symbol of another ABI. */
struct fixture_plugin {
	int abi;
	int (*answer)(void);
};

static int answer(void)
{
	return 42;
}

__attribute__((visibility("default"))) const struct fixture_plugin fixture_plugin = {7, answer};
__attribute__((visibility("default"))) const struct fixture_plugin fixture_plugin_v2 = {2, answer};
