#!/usr/bin/env bash
# build-dosc-cc.sh OUT: the dosc-cc launcher (Sources/DoscCCLauncher and the DoscCC code it
# shares with the tool) built by cc into OUT, as make installs it. `swift build` makes one too
# (.build/debug/dosc-cc, which the tests run), but SwiftPM links a C executable with the Swift
# runtime and libstdc++, some 2-3 ms of start-up more than the whole launcher costs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cc -O2 -std=gnu11 -Wall -Wextra -Werror -I"$root/Sources/DoscCC/include" -I"$root/Sources/DoscELF/include" \
  "$root"/Sources/DoscCCLauncher/*.c "$root"/Sources/DoscCC/*.c "$root/Sources/DoscELF/elf_section.c" -o "$1"
