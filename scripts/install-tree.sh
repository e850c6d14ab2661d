#!/usr/bin/env bash
# The steps behind the top-level Makefile's stage, install and uninstall (run them with make):
#   BIN=DIR STAGE=DIR [ZSH_COMPLETION_DIR=REL] install-tree.sh stage
#       lays out, under STAGE, the tree an install copies: nothing in it names the prefix
#   install-tree.sh install STAGE DEST
#       copies STAGE into DEST and writes DEST/share/dosc/install-manifest: every file, then
#       every directory the install created (ending in '/'), relative to DEST
#   install-tree.sh uninstall DEST
#       removes the files the manifest lists, then those directories if they are empty
set -euo pipefail
cd "$(dirname "$0")/.."
manifest_path=share/dosc/install-manifest

stage() {
  local stage=$STAGE zsh=${ZSH_COMPLETION_DIR:-share/zsh/site-functions} dosc version date
  rm -rf "$stage"
  install -d "$stage/bin" "$stage/share/dosc/schemas" "$stage/share/man/man1" \
    "$stage/share/bash-completion/completions" "$stage/$zsh" "$stage/share/fish/vendor_completions.d"
  install -m 755 "$BIN/dosc" "$stage/bin/dosc"
  # dosc-cc: `dosc cc` in C for the plain compiles of a build, running this dosc for the rest.
  scripts/build-dosc-cc.sh "$stage/bin/dosc-cc"
  dosc=$stage/bin/dosc
  version=$("$dosc" --version | sed -n '1s/^dosc //p')
  # Runtime/'s own install: headers, libdosc.a and dosc.pc (which finds the prefix from where it is).
  make -s -C Runtime install PREFIX= DESTDIR="$PWD/$stage" VERSION="$version"
  # MPI support, when the runtime was built with it: one plugin per MPI it was built for
  # (loaded under that MPI's launcher), and the object naming them without a directory (the
  # link adds lib/dosc as the run path).
  local plugin mpis=()
  for plugin in Runtime/build/libdosc_mpi_*.so; do
    [ -f "$plugin" ] || continue
    install -D -m 755 "$plugin" "$stage/lib/dosc/${plugin##*/}"
    plugin=${plugin##*/libdosc_mpi_}
    mpis+=("-DDOSC_MPI_$(echo "${plugin%.so}" | tr a-z A-Z)")
  done
  if ((${#mpis[@]})); then
    cc -O2 -std=c11 "${mpis[@]}" -c Runtime/src/mpi_link.c -o "$stage/lib/dosc/dosc_mpi_link.o"
    chmod 644 "$stage/lib/dosc/dosc_mpi_link.o"
  fi
  # The runtime built with each sanitizer a program may be built with (RuntimeVariant's names
  # for cc): a compile never builds into the prefix, so they are built here.
  for sanitizer in thread address undefined; do
    make -s -C Runtime BUILD="build-sanitize-$sanitizer" CFLAGS_EXTRA="-fsanitize=$sanitizer" \
      "build-sanitize-$sanitizer/libdosc.a"
    install -D -m 644 "Runtime/build-sanitize-$sanitizer/libdosc.a" \
      "$stage/lib/dosc/build-sanitize-$sanitizer/libdosc.a"
  done
  install -m 644 Schemas/*.json "$stage/share/dosc/schemas/"
  # dosc calibrate's measuring programs, built by it on the machine it measures.
  install -d "$stage/share/dosc/calibrate"
  install -m 644 Runtime/calibrate/*.c Runtime/calibrate/*.h "$stage/share/dosc/calibrate/"
  # The examples as they are in the source tree, without what building them leaves behind.
  find Examples -type d -name build -prune -o -type f -print | while read -r file; do
    install -D -m 644 "$file" "$stage/share/dosc/examples/${file#Examples/}"
  done
  # Man pages and completions come from the command definitions, so they match --help.
  date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
  "$BIN/generate-manual" "$dosc" --multi-page --date "$date" --output-directory "$stage/share/man/man1"
  ln -s dosc.cc.1 "$stage/share/man/man1/dosc-cc.1"
  "$dosc" --generate-completion-script bash >"$stage/share/bash-completion/completions/dosc"
  "$dosc" --generate-completion-script zsh >"$stage/$zsh/_dosc"
  "$dosc" --generate-completion-script fish >"$stage/share/fish/vendor_completions.d/dosc.fish"
  chmod 644 "$stage"/share/man/man1/*.1 "$stage/share/bash-completion/completions/dosc" \
    "$stage/$zsh/_dosc" "$stage/share/fish/vendor_completions.d/dosc.fish"
}

install_tree() {
  local stage=$1 dest=$2 manifest entry
  manifest=$dest/$manifest_path
  [ -d "$stage/bin" ] || { echo "install: '$stage' is not staged; run make" >&2; exit 1; }
  local list
  list=$(mktemp)
  trap 'rm -f "$list"' RETURN
  # Directories made now, and those an earlier install made (it listed them), are ours to remove.
  (cd "$stage" && find . -mindepth 1 -type d | sed 's|^\./||' | sort) | while read -r entry; do
    [ -d "$dest/$entry" ] || echo "$entry/"
  done >"$list.dirs"
  [ -f "$manifest" ] && grep '/$' "$manifest" >>"$list.dirs" || true
  mkdir -p "$dest"
  (cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort) >"$list"
  while read -r entry; do
    mkdir -p "$(dirname "$dest/$entry")"
    rm -f "$dest/$entry"
    cp -P --preserve=mode,timestamps "$stage/$entry" "$dest/$entry"
  done <"$list"
  mkdir -p "$(dirname "$manifest")"
  { cat "$list"; echo "$manifest_path"; sort -u "$list.dirs" | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2; } \
    >"$manifest.tmp"
  mv "$manifest.tmp" "$manifest"
  rm -f "$list.dirs"
  echo "installed dosc in $dest ($(grep -vc '/$' "$manifest") files; uninstall: make uninstall PREFIX=...)"
}

uninstall_tree() {
  local dest=$1 manifest entry
  manifest=$dest/$manifest_path
  [ -f "$manifest" ] || { echo "uninstall: no $manifest: dosc is not installed there" >&2; exit 1; }
  local entries
  entries=$(cat "$manifest")
  # Files first, then the directories the install created, deepest first (the manifest's order).
  while read -r entry; do
    case $entry in
      */) ;;
      *) rm -f "$dest/$entry" ;;
    esac
  done <<<"$entries"
  while read -r entry; do
    case $entry in
      */) rmdir "$dest/$entry" 2>/dev/null || { echo "uninstall: kept $dest/$entry: not empty" >&2; } ;;
    esac
  done <<<"$entries"
  echo "removed dosc from $dest"
  return 0
}

case ${1:-} in
  stage) stage ;;
  install) install_tree "$2" "$3" ;;
  uninstall) uninstall_tree "$2" ;;
  *) echo "usage: $0 stage | install STAGE DEST | uninstall DEST" >&2; exit 2 ;;
esac
