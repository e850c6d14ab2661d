#!/usr/bin/env bash
# site-scale.sh [SITES] [RUNS]: what many spawn sites in one function cost the C compiler.
#
# Generates three files: SITES sites of one small task in main (each followed by a taskwait:
# the fuzz suite's many-sites case), the same with the task `noinline` (the plain call is not
# inlined at every site), and bench/gen-c-project.sh's main.c (300 sites of 300 distinct tasks
# defined in other files, their work known at the link). Each is rewritten by dosc (`dosc cc -c
# --keep-generated`; $DOSC, default .build/debug/dosc, and $DOSC_BEFORE when set, side by
# side) and the generated C compiled with `cc -O2 -c`, RUNS times interleaved: the table has
# the least user+system CPU time and the largest peak memory of the compiler, and the plain
# file's compile beside them.
set -eu
SITES=${1:-1000}
RUNS=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
DOSC=${DOSC:-$root/.build/debug/dosc}
work=$(mktemp -d /tmp/dosc-site-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$SITES" <<'PY'
import sys
work, sites = sys.argv[1], int(sys.argv[2])
head = "#include <stdio.h>\n%svoid work(int *a, int n) { for (int i = 0; i < n; i++) a[i] += i; }\nint main(void) {\n  int a[64] = {0};\n"
body = "#pragma dosc task\n  work(a, 64);\n#pragma dosc taskwait\n" * sites
tail = "  printf(\"%d\\n\", a[63]);\n  return 0;\n}\n"
open(f"{work}/same.c", "w").write(head % "" + body + tail)
open(f"{work}/noinline.c", "w").write(head % "__attribute__((noinline)) " + body + tail)
PY
"$here/gen-c-project.sh" "$work/project" > /dev/null
cp "$work/project/main.c" "$work/project.c"
# cpu_and_memory FILE [CFLAGS...]: "user+sys seconds<TAB>peak KB" of one cc -O2 -c.
cpu_and_memory() {
  local file=$1
  shift
  /usr/bin/time -f "%U %S %M" -o "$work/time" cc -O2 -std=gnu11 "$@" -c "$file" -o "$work/x.o"
  awk '{ printf "%.2f\t%d\n", $1 + $2, $3 }' "$work/time"
}
variants="after"
[ -n "${DOSC_BEFORE:-}" ] && variants="before after"
for case in same noinline project; do
  for variant in $variants; do
    tool=$DOSC
    [ "$variant" = before ] && tool=$DOSC_BEFORE
    mkdir -p "$work/$variant"
    (cd "$work" && "$tool" cc -c "$case.c" -O2 --keep-generated -o "$variant/$case.o" > /dev/null 2>&1 || true)
    [ -f "$work/$variant/$case.o.dosc-gen/$case.c" ] || { echo "site-scale: $variant dosc did not rewrite $case.c" >&2; exit 1; }
  done
done
echo "| file | sites | compile | cc -O2 CPU s | per site ms | peak KB | per site KB |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: |"
for case in same noinline project; do
  sites=$(grep -c '^#pragma dosc task$' "$work/$case.c")
  declare -A best=() peak=()
  for ((run = 0; run < RUNS; run++)); do
    for variant in plain $variants; do
      if [ "$variant" = plain ]; then
        result=$(cpu_and_memory "$work/$case.c")
      else
        result=$(cpu_and_memory "$work/$variant/$case.o.dosc-gen/$case.c" -I"$root/Runtime/include")
      fi
      cpu=${result%%$'\t'*}
      kb=${result##*$'\t'}
      if [ -z "${best[$variant]:-}" ] || awk -v a="$cpu" -v b="${best[$variant]}" 'BEGIN { exit !(a < b) }'; then
        best[$variant]=$cpu
      fi
      [ "${peak[$variant]:-0}" -lt "$kb" ] && peak[$variant]=$kb
    done
  done
  for variant in plain $variants; do
    awk -v f="$case" -v s="$sites" -v v="$variant" -v c="${best[$variant]}" -v k="${peak[$variant]}" \
      -v pc="${best[plain]}" -v pk="${peak[plain]}" 'BEGIN {
        name = v == "plain" ? "plain cc" : "dosc (" v ")"
        if (v == "plain") printf "| %s | %d | %s | %.2f |  | %d |  |\n", f, s, name, c, k
        else printf "| %s | %d | %s | %.2f | %.2f | %d | %d |\n", f, s, name, c, (c - pc) * 1000 / s, k, (k - pk) / s }'
  done
  unset best peak
done
