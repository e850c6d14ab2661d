#!/usr/bin/env bash
# By hand, as root, not in the suite (it downloads a Debian base system and ~120 MB of
# packages): `apt-get install ./dosc_*.deb` on a bare Debian bookworm with no Swift, an example
# built and run there, then `apt-get purge dosc` and `autoremove`, which must leave the same
# package set and no file named *dosc* behind.
#   scripts/try-deb-chroot.sh .build/deb/dosc_0.1.0_amd64.deb [CHROOT-DIR]
# CHROOT-DIR (default /var/tmp/dosc-chroot) is made with debootstrap if missing and kept for
# another try; remove it with rm -rf when done.
set -euo pipefail
deb=$(realpath "$1")
root=${2:-/var/tmp/dosc-chroot}
if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/root/"
cat >"$root/root/try-dosc.sh" <<EOF
#!/bin/bash
set -u
export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin
apt-get update -qq
dpkg-query -W -f '\${Package}\n' | sort >/root/before.txt
echo "== packages before: \$(wc -l </root/before.txt); swift: \$(command -v swift || echo none)"
apt-get install -y --no-install-recommends ./root/$(basename "$deb") >/root/install.log 2>&1 || { cat /root/install.log; exit 1; }
grep 'newly installed' /root/install.log
dosc --version
rm -rf /tmp/try && mkdir /tmp/try && cd /tmp/try
cp /usr/share/dosc/examples/fib/fib.c /usr/share/dosc/examples/matmul/matmul.c .
dosc compile fib.c -O2 -o fib && cc -O2 -w fib.c -o fib-plain && [ "\$(./fib)" = "\$(./fib-plain)" ] && echo "== fib: same output"
dosc-cc -O2 -c matmul.c -o matmul.o && dosc-cc matmul.o -o matmul && cc -O2 -w matmul.c -o mm-plain &&
  [ "\$(DOSC_BIND=local ./matmul 300)" = "\$(./mm-plain 300)" ] && echo "== matmul through dosc-cc: same output"
cd / && rm -rf /tmp/try
apt-get purge -y dosc >/dev/null 2>&1 && apt-get autoremove --purge -y >/dev/null 2>&1
dpkg-query -W -f '\${Package}\n' | sort >/root/after.txt
diff /root/before.txt /root/after.txt && echo "== after purge and autoremove: the same \$(wc -l </root/after.txt) packages"
left=\$(find / -xdev \( -path /root -o -path /proc \) -prune -o -name '*dosc*' -print)
[ -z "\$left" ] && echo "== no file named *dosc* left" || echo "left behind: \$left"
EOF
chmod +x "$root/root/try-dosc.sh"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc"' EXIT
chroot "$root" /root/try-dosc.sh
