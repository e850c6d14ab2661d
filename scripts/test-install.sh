#!/usr/bin/env bash
# dosc as a user meets it once installed: `make install` into a temporary prefix, the prefix
# moved, an example built and run from another directory with only PREFIX/bin (and the system's
# /usr/bin:/bin) on the PATH and no checkout in reach; man pages, completions, pkg-config; an
# uninstall that removes exactly what was installed. Then the Debian package: its declared
# dependencies and file list, and an example built with the tree `dpkg -x` unpacks alone.
# One release build (make stage) serves every check. Ends with `install: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # check NAME COMMAND...: one test
  local name=$1
  shift
  if "$@" >"$tmp/check.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     /' "$tmp/check.log" | tail -20
  fi
}

# The user's shell: the installed bin first, the system's tools, no dosc variables, and a
# working directory outside the checkout.
as_user() { # as_user BIN COMMAND...
  local bin=$1
  shift
  (cd "$tmp/work" && env -u DOSC_RUNTIME_DIR -u DOSC_CC -u DOSC_MANIFEST PATH="$bin:/usr/bin:/bin" "$@")
}

same_output() { # same_output PROGRAM ARGS...: the dosc-built PROGRAM prints what PROGRAM-plain prints
  local program=$1
  shift
  as_user /nonexistent "./$program-plain" "$@" >"$tmp/expected" &&
    as_user /nonexistent "./$program" "$@" >"$tmp/actual" &&
    cmp "$tmp/expected" "$tmp/actual" && [ -s "$tmp/actual" ]
}

if ! make -s stage >"$tmp/stage.log" 2>&1; then
  tail -30 "$tmp/stage.log"
  echo "install: 0 passed, 1 failed"
  exit 1
fi

# --- make install, then move the prefix ----------------------------------------------------
mkdir -p "$tmp/prefix" "$tmp/work"
check "make install PREFIX=..." make -s install PREFIX="$tmp/prefix"
mv "$tmp/prefix" "$tmp/moved"
prefix=$tmp/moved
bin=$prefix/bin

installed_layout() {
  [ -x "$bin/dosc" ] && [ -x "$bin/dosc-cc" ] && [ ! -L "$bin/dosc-cc" ] &&
    for file in lib/libdosc.a include/dosc/dosc.h include/dosc/dosc_abi.h lib/pkgconfig/dosc.pc \
      share/dosc/schemas/dosc-manifest-1.schema.json share/dosc/examples/matmul/matmul.c \
      share/dosc/examples/Makefile share/man/man1/dosc.1 share/man/man1/dosc.compile.1 \
      share/bash-completion/completions/dosc share/zsh/site-functions/_dosc \
      share/fish/vendor_completions.d/dosc.fish; do
      [ -s "$prefix/$file" ] || { echo "missing $file"; return 1; }
    done
}
check "the prefix holds bin, lib, include/dosc, pkg-config, schemas, examples, man, completions" installed_layout

# Static Swift runtime: nothing from a Swift toolchain is loaded, every library resolves.
no_swift_libraries() {
  ldd "$bin/dosc" && ! ldd "$bin/dosc" | grep -Ei 'swift|Foundation|dispatch|not found'
}
check "bin/dosc needs no Swift toolchain (ldd)" no_swift_libraries

# dosc-cc is the C launcher: no Swift runtime, no libclang to load before it starts cc.
lean_launcher() {
  ldd "$bin/dosc-cc" && ! ldd "$bin/dosc-cc" | grep -Ei 'swift|clang|LLVM|stdc\+\+|crypto|not found'
}
check "bin/dosc-cc is the C launcher: libc alone (ldd)" lean_launcher

version_report() {
  as_user "$bin" dosc --version >"$tmp/version" || return 1
  cat "$tmp/version"
  grep -qE '^dosc [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/version" &&
    grep -q '^libclang: .*clang version' "$tmp/version" &&
    grep -q '^C compiler: cc (/' "$tmp/version" &&
    grep -q '^MPI: ' "$tmp/version" &&
    grep -qF "runtime:    $prefix/lib/libdosc.a, headers in $prefix/include/dosc (installed)" "$tmp/version" &&
    # Without mpicc and cc on the PATH, it says so.
    (cd "$tmp/work" && env -u DOSC_RUNTIME_DIR -u DOSC_CC PATH="$bin" dosc --version) >"$tmp/version-bare" &&
    grep -q '^MPI: *none' "$tmp/version-bare" && grep -q '^C compiler: cc (not found)' "$tmp/version-bare"
}
check "dosc --version: version, libclang, C compiler, MPI, the moved prefix's runtime" version_report

# Everything a compile might write into the prefix would show here.
snapshot() { (cd "$prefix" && find . -printf '%p %s %m %T@\n' | sort); }
snapshot >"$tmp/prefix-before"

cp "$prefix/share/dosc/examples/matmul/matmul.c" "$prefix/share/dosc/examples/fib/fib.c" "$tmp/work/"
compile_matmul() {
  as_user "$bin" dosc compile matmul.c -O2 -o matmul && [ -s "$tmp/work/matmul.dosc.json" ] &&
    as_user "$bin" cc -O2 -Wno-unknown-pragmas matmul.c -o matmul-plain &&
    same_output matmul 300 && DOSC_BIND=local same_output matmul 300
}
check "dosc compile from the moved prefix: matmul prints what plain cc's build prints" compile_matmul

# One MPI plugin per MPI the runtime was built for, each loaded under its own launcher.
built_plugins() { for plugin in Runtime/build/libdosc_mpi_*.so; do [ -f "$plugin" ] && echo "${plugin##*/}"; done; }
mpi_plugins() {
  local plugin mpi
  [ -n "$(built_plugins)" ] || { echo "the runtime was built without MPI: nothing to ship"; return 0; }
  for plugin in $(built_plugins); do
    [ -f "$prefix/lib/dosc/$plugin" ] && grep -q "^MPI plugins: .*$plugin.* in $prefix/lib/dosc$" "$tmp/version" ||
      { echo "$plugin: not installed or not in dosc --version"; return 1; }
    mpi=${plugin#libdosc_mpi_}
    mpi=${mpi%.so}
    as_user "$bin" env DOSC_BIND=remote DOSC_TRACE=1 dosc run -n 2 --mpi "$mpi" ./matmul 300 >"$tmp/actual" \
      2>"$tmp/mpi.err" && as_user /nonexistent ./matmul-plain 300 | cmp - "$tmp/actual" &&
      grep -q "^dosc: 2 ranks ($([ "$mpi" = mpich ] && echo MPICH || echo Open MPI)" "$tmp/mpi.err" ||
      { cat "$tmp/mpi.err"; return 1; }
  done
}
check "each MPI's plugin installed, named by dosc --version, and loaded under its launcher (matmul, 2 ranks)" mpi_plugins

compile_fib_with_dosc_cc() {
  printf 'int plain_one(void) { return 1; }\n' >"$tmp/work/plain.c" &&
    as_user "$bin" dosc-cc -O2 -c plain.c -o plain.o && objdump -h "$tmp/work/plain.o" | grep -q '\.dosc\.manifest' &&
    as_user "$bin" dosc-cc -O2 -c fib.c -o fib.o && as_user "$bin" dosc-cc fib.o plain.o -o fib &&
    [ -s "$tmp/work/fib.dosc.json" ] && as_user "$bin" cc -O2 -Wno-unknown-pragmas fib.c -o fib-plain &&
    same_output fib
}
check "dosc-cc compiles a plain file itself, and fib and the link through the moved prefix's dosc" compile_fib_with_dosc_cc

installed_examples_makefile() {
  cp -R "$prefix/share/dosc/examples" "$tmp/work/examples" &&
    as_user "$bin" make -s -C examples check EXAMPLES="fib matmul" | tee /dev/stderr | grep -c 'same output' |
    grep -qx 2
}
check "the installed examples' Makefile uses the dosc on the PATH" installed_examples_makefile

pkg_config_link() {
  local flags
  flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs dosc) || return 1
  echo "$flags"
  [ "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion dosc)" = "$(sed -n '1s/^dosc //p' "$tmp/version")" ] &&
    case $flags in *"$prefix/lib/pkgconfig/../../lib"*) ;; *) return 1 ;; esac &&
    # shellcheck disable=SC2086 # the flags are words
    as_user "$bin" cc fib.o $flags -o fib-pc && cp "$tmp/work/fib-plain" "$tmp/work/fib-pc-plain" &&
    same_output fib-pc
}
check "pkg-config finds dosc.pc in the moved prefix; a plain cc link with its flags runs" pkg_config_link

# calibrate builds its measuring programs from the prefix's share/dosc/calibrate; on a loaded
# machine it may refuse an unstable measurement, which is its documented answer, not a failure.
installed_calibrate() {
  local out status
  out=$(as_user "$bin" dosc calibrate -o "$tmp/work/profile.json" 2>&1)
  status=$?
  echo "$out" >&2
  if [ "$status" = 0 ]; then grep -q '"schema" *: *"dosc-profile/1"' "$tmp/work/profile.json"; else
    echo "$out" | grep -q unstable && ! echo "$out" | grep -q reinstall
  fi
}
check "dosc calibrate from the moved prefix builds its programs and writes a profile" installed_calibrate

check "no compile wrote into the prefix" bash -c "diff '$tmp/prefix-before' <(cd '$prefix' && find . -printf '%p %s %m %T@\n' | sort)"

# An install that lost its library says so and builds nothing into it.
broken_install() {
  cp -a "$prefix" "$tmp/broken" && rm "$tmp/broken/lib/libdosc.a"
  as_user "$tmp/broken/bin" dosc compile matmul.c -o broken 2>"$tmp/broken.err"
  local status=$?
  cat "$tmp/broken.err"
  [ "$status" = 1 ] && grep -q "libdosc.a' is missing; reinstall dosc" "$tmp/broken.err" &&
    [ ! -e "$tmp/work/broken" ] && [ ! -e "$tmp/broken/lib/libdosc.a" ]
}
check "an installed runtime without its library: an error, nothing built into the prefix" broken_install

man_pages() {
  MANWIDTH=100 man -l "$prefix/share/man/man1/dosc.1" >"$tmp/man" 2>/dev/null &&
    grep -q 'DOSC_RUNTIME_DIR' "$tmp/man" && grep -q 'dosc.compile(1)' "$tmp/man" &&
    # Generated from the command definitions: the compile page says what `dosc help compile` says.
    MANWIDTH=1000 man -l "$prefix/share/man/man1/dosc.compile.1" >"$tmp/man-compile" 2>/dev/null &&
    "$bin/dosc" help compile | sed -n 's/^OVERVIEW: //p' >"$tmp/abstract" && [ -s "$tmp/abstract" ] &&
    grep -qF "$(cat "$tmp/abstract")" "$tmp/man-compile" &&
    MANPATH="$prefix/share/man" man -w dosc-cc >"$tmp/man-path" && cat "$tmp/man-path" &&
    [ "$(readlink -f "$(cat "$tmp/man-path")")" = "$prefix/share/man/man1/dosc.cc.1" ]
}
check "man -l renders dosc(1); dosc.compile(1) matches --help; man finds dosc-cc" man_pages

bash_completion() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  bash -c 'source "$1"; COMP_WORDS=(dosc ""); COMP_CWORD=1; COMP_LINE="dosc "; COMP_POINT=5; _dosc
    printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/dosc" >"$tmp/completions" &&
    grep -qx analyze "$tmp/completions" && grep -qx compile "$tmp/completions" && grep -qx cc "$tmp/completions" &&
    grep -q compile "$prefix/share/zsh/site-functions/_dosc" &&
    grep -q compile "$prefix/share/fish/vendor_completions.d/dosc.fish" &&
    if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_dosc"; fi
}
check "bash completion offers the subcommands; zsh and fish scripts name them" bash_completion

check "make uninstall leaves the moved prefix empty" bash -c \
  "make -s uninstall PREFIX='$prefix' && [ -z \"\$(find '$prefix' -mindepth 1)\" ]"

# Installing twice over a prefix that already has a man directory of someone else's, then one
# uninstall: that directory and its file stay, nothing of dosc does.
shared_prefix() {
  local shared=$tmp/shared
  mkdir -p "$shared/share/man/man1" && echo other >"$shared/share/man/man1/other.1" &&
    make -s install PREFIX="$shared" >/dev/null &&
    scripts/install-tree.sh install .build/stage "$shared" >/dev/null && # what make install runs, not restaged
    make -s uninstall PREFIX="$shared" &&
    [ "$(cd "$shared" && find . | sort | tr '\n' ' ')" = ". ./share ./share/man ./share/man/man1 ./share/man/man1/other.1 " ]
}
check "install twice over another package's directory, uninstall: exactly the other's files stay" shared_prefix

# --- the Debian package -------------------------------------------------------------------------
deb=$(DEB_COMPRESS=gzip scripts/package-deb.sh "$tmp/deb" 2>"$tmp/deb.log")
check "scripts/package-deb.sh builds dosc_VERSION_ARCH.deb" bash -c "cat '$tmp/deb.log' >&2; [ -f '$deb' ] &&
  [ \"\$(basename '$deb')\" = \"dosc_\$(sed -n '1s/^dosc //p' '$tmp/version')_\$(dpkg --print-architecture).deb\" ]"

deb_dependencies() {
  dpkg-deb --info "$deb" >"$tmp/info" || return 1
  cat "$tmp/info"
  local depends recommends
  depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
  recommends=$(sed -n 's/^ Recommends: //p' "$tmp/info")
  for needed in 'libclang1-[0-9]+' 'libclang-common-[0-9]+-dev' 'libjansson-dev' 'binutils' 'gcc \| c-compiler' \
    'libc6-dev \| libc-dev' 'libc6 '; do
    echo "$depends" | grep -qE "(^|, )$needed" || { echo "Depends lacks $needed"; return 1; }
  done
  ! echo "$depends" | grep -qi swift && echo "$recommends" | grep -q 'mpi-default-dev'
}
check "dpkg-deb --info: libclang and its headers, jansson, binutils, a C compiler; MPI recommended" deb_dependencies

deb_contents() {
  dpkg-deb --contents "$deb" | awk '{ print ($7 == "->") ? $6 " -> " $8 : $6 }' >"$tmp/contents" || return 1
  for entry in './usr/bin/dosc' './usr/bin/dosc-cc' './usr/lib/libdosc.a' './usr/include/dosc/dosc_abi.h' \
    './usr/lib/pkgconfig/dosc.pc' './usr/share/dosc/schemas/dosc-manifest-1.schema.json' \
    './usr/share/dosc/examples/matmul/matmul.c' './usr/share/man/man1/dosc.1.gz' \
    './usr/share/man/man1/dosc-cc.1.gz -> dosc.cc.1.gz' './usr/share/bash-completion/completions/dosc' \
    './usr/share/zsh/vendor-completions/_dosc' './usr/share/fish/vendor_completions.d/dosc.fish' \
    $(built_plugins | sed 's|^|./usr/lib/dosc/|'); do
    grep -qxF "$entry" "$tmp/contents" || { echo "no '$entry' in:"; cat "$tmp/contents"; return 1; }
  done
  ! grep -q 'install-manifest' "$tmp/contents" && ! grep -v '^\./usr/' "$tmp/contents" | grep -qvx '\./'
}
check "dpkg-deb --contents: the toolchain under /usr, nothing outside it, no install manifest" deb_contents

deb_tree_alone() {
  dpkg -x "$deb" "$tmp/root" && rm -f "$tmp/work"/matmul "$tmp/work"/matmul.dosc.json &&
    as_user "$tmp/root/usr/bin" dosc --version | grep -qF "runtime:    $tmp/root/usr/lib/libdosc.a" &&
    as_user "$tmp/root/usr/bin" dosc compile matmul.c -O2 -o matmul && same_output matmul 300 &&
    MANWIDTH=80 man -l "$tmp/root/usr/share/man/man1/dosc.1.gz" 2>/dev/null | grep -q 'DOSC_RUNTIME_DIR'
}
check "dpkg -x: that tree alone compiles and runs matmul; its man page renders" deb_tree_alone

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
