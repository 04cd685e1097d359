# Portail partenaires — build, run and test.
#
#   make          build portal-host, the modules, portal-mailer, portal-admin
#   make run      install what is missing, build, start the whole stack on :8080
#   make stop     stop everything `make run` started
#   make test     unit tests (ASan + UBSan), integration and browser tests on a private stack
#   make e2e      the browser scenarios (chromium, axe-core) alone
#   make bench    benchmarks (not part of make test)
#   make fuzz     the libFuzzer targets, longer

PKG_CONFIG ?= pkg-config
CC ?= cc
# A sanitizer build of the unit tests: SANITIZER=address,undefined (default).
SANITIZER ?= address,undefined

, := ,
ifneq ($(filter-out address undefined address$(,)undefined,$(SANITIZER)),)
$(error SANITIZER must be address, undefined or address,undefined)
endif

BUILD := build
CORE_PKGS := fcgi libmariadb libxml-2.0 libxslt libexslt libsodium
CORE_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(CORE_PKGS) 2>/dev/null)
CORE_LIBS := $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null)

# Extra libraries per module or plugin (pkg-config names). The heavy ones
# go to a plugin, loaded by its one route when first needed (core/plugin.h),
# so the module's other workers never map them.
PKGS_auth-captcha := gdlib libsodium
PKGS_declarations-pdf := cairo pangocairo
PKGS_mailer := libcurl

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -fPIC -MMD -MP \
	-Imodules/core $(CORE_CFLAGS)
SAN_CFLAGS := $(ALL_CFLAGS) -O1 -fsanitize=$(SANITIZER) -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
SAN_LDFLAGS := -fsanitize=$(SANITIZER)

CORE_SRC := $(wildcard modules/core/*.c)
HOST_SRC := $(wildcard modules/host/*.c)
MAILER_SRC := $(wildcard modules/mailer/*.c)
CLI_SRC := $(wildcard modules/cli/*.c)
# Every other folder of modules/ holding C files is a module.
MODULES := $(sort $(filter-out core host mailer cli,$(notdir $(patsubst %/,%,$(dir $(wildcard modules/*/*.c))))))

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
sanobj = $(patsubst %.c,$(BUILD)/san/%.o,$(1))
module_src = $(wildcard modules/$(1)/*.c)
# A plugin MODULE-NAME is built from modules/MODULE/NAME/*.c into
# build/modules/MODULE-NAME.so (module names have no '-').
PLUGINS := $(sort $(foreach m,$(MODULES),$(patsubst modules/$(m)/%/,$(m)-%,$(dir $(wildcard modules/$(m)/*/*.c)))))
so_src = $(wildcard modules/$(subst -,/,$(1))/*.c)
# Whose PKGS_ a source uses: modules/M/N/x.c is plugin M-N's, modules/M/x.c module M's.
src_owner = $(if $(word 4,$(subst /, ,$(1))),$(word 2,$(subst /, ,$(1)))-$(word 3,$(subst /, ,$(1))),$(word 2,$(subst /, ,$(1))))
pkg_cflags = $(foreach p,$(PKGS_$(1)),$(shell $(PKG_CONFIG) --cflags $(p)))
pkg_libs = $(foreach p,$(PKGS_$(1)),$(shell $(PKG_CONFIG) --libs $(p)))

HOST_BIN := $(BUILD)/bin/portal-host
MAILER_BIN := $(BUILD)/bin/portal-mailer
ADMIN_BIN := $(BUILD)/bin/portal-admin
MODULE_SOS := $(foreach m,$(MODULES),$(BUILD)/modules/$(m).so)
PLUGIN_SOS := $(foreach p,$(PLUGINS),$(BUILD)/modules/$(p).so)

.PHONY: all run stop test unit integration e2e bench fuzz clean deps
all: $(HOST_BIN) $(MODULE_SOS) $(PLUGIN_SOS) $(if $(MAILER_SRC),$(MAILER_BIN)) $(if $(CLI_SRC),$(ADMIN_BIN))

# Rebuild everything when the flags change.
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(ALL_CFLAGS) $(SAN_CFLAGS)' | cmp -s - $@ || echo '$(ALL_CFLAGS) $(SAN_CFLAGS)' > $@
FORCE:

$(BUILD)/obj/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(if $(filter $(word 2,$(subst /, ,$<)),$(MODULES)),-fvisibility=hidden) $(call pkg_cflags,$(call src_owner,$<)) -c $< -o $@

$(BUILD)/san/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	@echo "  CC-SAN  $<"
	@$(CC) $(SAN_CFLAGS) $(call pkg_cflags,$(call src_owner,$<)) -c $< -o $@

$(BUILD)/lib/libportalcore.a: $(call obj,$(CORE_SRC))
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/lib/libportalcore-san.a: $(call sanobj,$(CORE_SRC))
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The host exports the core's symbols (-rdynamic) for the modules it loads.
# It links mimalloc, whose malloc then serves the whole process, libraries
# and modules included (modules/host/host_allocator.c says why).
$(HOST_BIN): $(call obj,$(HOST_SRC)) $(BUILD)/lib/libportalcore.a
	@mkdir -p $(dir $@)
	$(CC) -rdynamic -o $@ $(call obj,$(HOST_SRC)) -Wl,--whole-archive $(BUILD)/lib/libportalcore.a -Wl,--no-whole-archive $(CORE_LIBS) -lmimalloc -ldl -lm

# Modules and plugins export only their descriptor. Installed by rename, so
# a running worker never sees a half-written file (SIGHUP picks up the new
# module; a plugin is read by the first worker that needs it). A plugin must
# resolve every symbol itself (-z defs): it uses nothing of the core.
$(BUILD)/modules/%.so: $(BUILD)/.flags FORCE_MODULES
	@mkdir -p $(dir $@)
	@$(MAKE) -s --no-print-directory $(call obj,$(call so_src,$*))
	$(CC) -shared -fvisibility=hidden $(if $(findstring -,$*),-Wl$(,)-z$(,)defs) -o $@.tmp \
		$(call obj,$(call so_src,$*)) $(call pkg_libs,$*) -lm
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
FORCE_MODULES:

$(MAILER_BIN): $(call obj,$(MAILER_SRC)) $(BUILD)/lib/libportalcore.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $(call obj,$(MAILER_SRC)) $(BUILD)/lib/libportalcore.a $(CORE_LIBS) \
		$(shell $(PKG_CONFIG) --libs libcurl) -lm

$(ADMIN_BIN): $(call obj,$(CLI_SRC)) $(BUILD)/lib/libportalcore.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $(call obj,$(CLI_SRC)) $(BUILD)/lib/libportalcore.a $(CORE_LIBS) -lm

# The FastCGI hello world: the benchmarks' baseline through the same nginx.
HELLO_BIN := $(BUILD)/bin/fcgi-hello
$(HELLO_BIN): tests/bench/hello/hello.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(shell $(PKG_CONFIG) --libs fcgi)

# The serialiser's cost per page (tests/bench/html_writer/bench.c).
$(BUILD)/bin/html-writer-bench: tests/bench/html_writer/bench.c $(BUILD)/lib/libportalcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/lib/libportalcore.a $(CORE_LIBS) -lm

# Unit tests: tests/unit/DIR/test_*.c links the sanitized core and, for a
# module DIR, that module's sources (its descriptor included) and its
# plugins' sources, so a test calls a plugin's descriptor directly.
# tests/unit/DIR/fixture_*.c are plugins built next to the tests of DIR.
UNIT_SRC := $(wildcard tests/unit/*/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/test/%,$(UNIT_SRC))
UNIT_FIXTURES := $(patsubst tests/unit/%.c,$(BUILD)/test/%.so,$(wildcard tests/unit/*/fixture_*.c))
unit_dir = $(word 3,$(subst /, ,$(1)))
# DIR and its plugins: whose sources and PKGS_ a test of DIR links.
unit_owners = $(if $(filter-out core,$(1)),$(1) $(filter $(1)-%,$(PLUGINS)))
unit_src = $(foreach o,$(call unit_owners,$(1)),$(call so_src,$(o)))

$(BUILD)/test/%: tests/unit/%.c $(BUILD)/lib/libportalcore-san.a FORCE_UNIT
	@mkdir -p $(dir $@)
	@$(MAKE) -s --no-print-directory $(call sanobj,$(call unit_src,$(call unit_dir,$<)))
	$(CC) $(SAN_CFLAGS) $(foreach o,$(call unit_owners,$(call unit_dir,$<)),$(call pkg_cflags,$(o))) \
		-Itests/unit -o $@ $< $(call sanobj,$(call unit_src,$(call unit_dir,$<))) \
		$(BUILD)/lib/libportalcore-san.a $(SAN_LDFLAGS) $(CORE_LIBS) \
		$(foreach o,$(call unit_owners,$(call unit_dir,$<)),$(call pkg_libs,$(o))) \
		$(shell $(PKG_CONFIG) --libs cmocka) -ldl -lm
FORCE_UNIT:

$(BUILD)/test/%.so: tests/unit/%.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -shared -fvisibility=hidden -o $@ $<

deps:
	./scripts/install-deps

unit: $(UNIT_BINS) $(UNIT_FIXTURES)
	@./tests/run-unit $(UNIT_BINS)

run: deps
	$(MAKE) all
	./scripts/portalctl run

stop:
	./scripts/portalctl stop

test: deps
	$(MAKE) all $(if $(wildcard tests/bench/hello/hello.c),$(HELLO_BIN))
	$(MAKE) unit
	./tests/xslt/check
	./tests/fuzz/run short
	./tests/run-integration
	./tests/e2e/run

e2e: deps
	$(MAKE) all
	./tests/e2e/run

bench: deps
	$(MAKE) all $(HELLO_BIN)
	./tests/bench/run

fuzz: deps
	./tests/fuzz/run long

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
