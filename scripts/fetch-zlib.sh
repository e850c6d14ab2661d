#!/usr/bin/env bash
# fetch-zlib.sh DIR: unpacks zlib's upstream source (the .orig tarball of Debian bookworm's zlib
# source package) into DIR and prints its version. The tarball is obtained once with apt-get from
# Debian's archive, which checks its signature and hashes, and kept in .build/third-party (out of
# git: no third-party code is committed). apt runs with a private source list, lists and cache,
# so the machine's apt configuration is left alone.
set -euo pipefail
dir=${1:?usage: $0 DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${DOSC_THIRD_PARTY:-$root/.build/third-party}
if ! ls "$cache"/zlib/zlib_*.orig.tar.* >/dev/null 2>&1; then
  apt=$cache/apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$cache/zlib"
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$apt/sources.list"
  options=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Sandbox::User=root -qq)
  apt-get "${options[@]}" update >&2
  (cd "$cache/zlib" && apt-get "${options[@]}" source --download-only zlib >&2)
fi
tarball=$(ls "$cache"/zlib/zlib_*.orig.tar.* | head -1)
mkdir -p "$dir"
tar -xf "$tarball" -C "$dir" --strip-components=1
basename "$tarball" | sed -E 's/^zlib_(.*)\.orig\.tar\..*/\1/'
