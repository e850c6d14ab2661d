# dosc, installed as a toolchain: one prefix, found relative to the executable, so it can move.
#   make                        build everything an install needs into .build/stage: dosc (release,
#                               Swift runtime linked statically), libdosc.a and its headers,
#                               dosc.pc, the schemas and examples, man pages and completions
#   make install PREFIX=/usr/local [DESTDIR=...]
#                               copy the stage into DESTDIR/PREFIX and list every file and every
#                               directory it created in PREFIX/share/dosc/install-manifest
#   make uninstall PREFIX=...   remove what that manifest lists, and nothing else
#   make deb                    build/dosc_VERSION_amd64.deb (scripts/package-deb.sh)
# The runtime is built once, here; an installed dosc never builds or writes into its prefix.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib
# Relative to the prefix. Debian's zsh reads share/zsh/vendor-completions for packages.
ZSH_COMPLETION_DIR ?= share/zsh/site-functions
STAGE := .build/stage

.PHONY: all stage install uninstall deb
all: stage

stage:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product dosc
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product generate-manual
	$(MAKE) -C Runtime
	BIN="$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)" STAGE="$(STAGE)" \
	  ZSH_COMPLETION_DIR="$(ZSH_COMPLETION_DIR)" scripts/install-tree.sh stage

install: stage
	scripts/install-tree.sh install "$(STAGE)" "$(DESTDIR)$(PREFIX)"

uninstall:
	scripts/install-tree.sh uninstall "$(DESTDIR)$(PREFIX)"

deb:
	scripts/package-deb.sh
