#!/usr/bin/env bash
# Builds OUTDIR/dosc_VERSION_ARCH.deb (OUTDIR defaults to .build/deb) from `make install
# PREFIX=/usr DESTDIR=...`, and prints its path. Its dependencies are what the binary links
# (dpkg-shlibdeps: libclang, libc; the Swift runtime is linked in
# statically) plus what `dosc compile` needs to run: libclang's own headers (stddef.h and the
# like), a C compiler and libc's headers, jansson to link the runtime, objcopy. MPI is recommended.
# DEB_COMPRESS=gzip packs faster than the default xz (the suite uses it).
#   apt-get install ./dosc_*.deb     apt-get remove dosc
set -euo pipefail
cd "$(dirname "$0")/.."
outdir=$(mkdir -p "${1:-.build/deb}" && cd "${1:-.build/deb}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# dpkg-shlibdeps expects a source package's layout: debian/control, the tree in debian/dosc.
root=$work/debian/dosc
make -s install PREFIX=/usr DESTDIR="$root" ZSH_COMPLETION_DIR=share/zsh/vendor-completions >/dev/null
rm "$root/usr/share/dosc/install-manifest" # dpkg keeps its own list of the package's files
strip --strip-debug "$root/usr/bin/dosc" "$root/usr/bin/dosc-cc"
# Debian compresses man pages; the dosc-cc page is a link to the dosc cc one.
rm "$root/usr/share/man/man1/dosc-cc.1"
gzip -9n "$root"/usr/share/man/man1/*.1
ln -s dosc.cc.1.gz "$root/usr/share/man/man1/dosc-cc.1.gz"
install -d "$root/usr/share/doc/dosc"
gzip -9nc README.md >"$root/usr/share/doc/dosc/README.md.gz"

version=$("$root/usr/bin/dosc" --version | sed -n '1s/^dosc //p')
arch=$(dpkg --print-architecture)
printf 'Source: dosc\n\nPackage: dosc\nArchitecture: %s\n' "$arch" >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e debian/dosc/usr/bin/dosc -e debian/dosc/usr/bin/dosc-cc 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
# libclang parses with the builtin headers of its own version (libclang1-14: libclang-common-14-dev).
llvm=$(echo "$shlibs" | grep -oE 'libclang1-[0-9]+' | head -1 | sed 's/libclang1-//')
[ -n "$llvm" ] || { echo "package-deb: the binary does not link libclang1-N: $shlibs" >&2; exit 1; }
# binutils: `dosc cc` carries manifest fragments in objects with objcopy.
depends="$shlibs, libclang-common-$llvm-dev, libjansson-dev, binutils, gcc | c-compiler, libc6-dev | libc-dev"

install -d "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: dosc
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-dosc developers <dosc@localhost>}
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: mpi-default-dev, mpi-default-bin, pkg-config
Section: devel
Priority: optional
Description: compiler-integrated toolchain for parallel C
 Mark calls in ordinary C with '#pragma dosc task'; dosc works out what each
 task reads and writes and how much work it does, writes that into a sidecar
 manifest, and links a small runtime that binds every spawn site at load time
 to a plain call, a task on the local work-stealing pool, or an MPI rank.
 Provides dosc, dosc-cc (a drop-in C compiler), the runtime library and its
 headers, pkg-config's dosc.pc, man pages and shell completions.
EOF
deb=$outdir/dosc_${version}_${arch}.deb
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$root" "$deb" >/dev/null
echo "$deb"
