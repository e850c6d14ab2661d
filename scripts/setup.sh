#!/usr/bin/env bash
# Installs what building and testing dosc needs on a fresh Debian machine with Swift.
# Idempotent: installs only what is missing.
set -euo pipefail
# Open MPI and MPICH side by side: Debian's alternatives keep Open MPI the default mpicc and
# mpirun (priority 50 over MPICH's 40); the runtime builds a plugin for each (Runtime/Makefile).
packages=(libclang-dev libjansson-dev make gcc pkg-config csmith libcsmith-dev clang-14 libomp-dev hyperfine cmake valgrind python3-jsonschema man-db dpkg-dev zsh libopenmpi-dev openmpi-bin mpich libmpich-dev)
# libtool-bin: a shared library built through libtool with dosc-cc (BuildIntegrationTests);
# libclang-rt-14-dev: clang's ThreadSanitizer runtime, for the runtime's TSan stage with clang.
# clang-format: Runtime/.clang-format's style, checked by scripts/test.sh (`make -C Runtime
# format-check`); a new machine has none, and the check then failed with "No such file".
packages+=(libtool-bin libclang-rt-14-dev clang-format)
# Several hosts emulated on this machine (scripts/multihost.sh): namespaces and an sshd in each.
packages+=(iproute2 openssh-server openssh-client)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
