#!/usr/bin/env bash
# multihost.sh: several hosts on this one machine, for running dosc programs with a hostfile
# (issue 9: "running on several hosts"), and the check that does so.
#
# usage: multihost.sh up | down | check | hostfile | ssh HOST COMMAND...
#
# Host 0 is this machine (its root namespaces): mpirun and rank 0 run there, beside the program's
# sidecar and the machine profile, as on a cluster's head node. Hosts 1..N-1 are each a Linux
# network namespace (a veth into a bridge on host 0, its own address, no route elsewhere), a UTS
# namespace (its own hostname, dosc-host1...) and a mount namespace with a private /tmp and
# /dev/shm (no file and no shared-memory segment crosses between hosts; the rest of the file
# system, /usr and this checkout, is shared, as an NFS-mounted home or install would be), and run
# an sshd that admits root with a key made here. Open MPI reaches them as a cluster's launcher
# does: over ssh (plm_rsh_agent) with a hostfile, starting its daemon orted on each, and its
# ranks talk TCP over the bridge.
#
#   up        creates the hosts (first tearing down what a previous run left)
#   down      ends every process in the hosts' namespaces, removes the namespaces, the bridge
#             and the state directory; idempotent
#   check     up, then the checks below, then down (also on failure or interruption); prints
#             one line per check and closes with `multihost: N passed, N failed`, or
#             `multihost: skipped: WHY` (exit 0) where namespaces or sshd are not available
#   hostfile  prints the hostfile's path (after up)
#   ssh HOST  runs a command on host HOST (1..N-1) as the launcher would
#
# The checks (each asserts what would break if the several-host path broke):
#   - each host answers ssh with its own hostname, and Open MPI's mpirun places one rank per host
#     (the ranks' hostnames are distinct);
#   - Open MPI treats them as distinct hosts: without its TCP transport (--mca btl self,vader)
#     the ranks cannot reach each other and the job fails, while on one host it runs;
#   - every example, built once with `dosc compile` and copied to the other hosts' /tmp without
#     its sidecar, started by `dosc run -n 3 --hostfile` with DOSC_BIND=remote and auto and a
#     profile present on host 0 only, prints what the plain C build prints; the examples whose
#     tasks are remotable send tasks that ranks 1 and 2 run (the trace's counters), each rank's
#     trace names its host, DOSC_THREADS reaches the remote ranks, and no rank warns (the
#     remote ranks read neither the sidecar nor the profile);
#   - a rank killed on host 2 ends the job within 10 s with a notice naming rank 2.
#
# Environment: DOSC (default .build/debug/dosc), MULTIHOST_HOSTS (3), MULTIHOST_STATE (the state
# directory, default /run/dosc-multihost), MULTIHOST_NET (the bridge's /24, default 10.213.47).
# Needs root, iproute2, util-linux's unshare, openssh-server and -client, Open MPI
# (scripts/setup.sh installs them).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOSC=${DOSC:-$ROOT/.build/debug/dosc}
HOSTS=${MULTIHOST_HOSTS:-3}
STATE=${MULTIHOST_STATE:-/run/dosc-multihost}
NET=${MULTIHOST_NET:-10.213.47}
BRIDGE=dosc-mh-br
export DOSC_RUNTIME_DIR=${DOSC_RUNTIME_DIR:-$ROOT/Runtime}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

netns() { echo "dosc-mh$1"; }           # host i's network namespace
host_name() { echo "dosc-host$1"; }     # and its hostname
host_address() { echo "$NET.$(($1 + 1))"; }

# ---- down ----------------------------------------------------------------------------------

# Ends the processes in host i's namespace (sshd, orted, ranks: all started by up and check),
# by pid, then removes the namespace.
remove_host() {
  local ns pids
  ns=$(netns "$1")
  ip netns list 2>/dev/null | grep -qw "^$ns" || return 0
  for signal in TERM KILL; do
    pids=$(ip netns pids "$ns" 2>/dev/null)
    [ -z "$pids" ] && break
    # shellcheck disable=SC2086
    kill -s $signal $pids 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
      sleep 0.2
    done
  done
  ip netns del "$ns" 2>/dev/null
}

down() {
  local i
  for ((i = 1; i < HOSTS; i++)); do remove_host "$i"; done
  ip link del "$BRIDGE" 2>/dev/null
  rm -rf "$STATE"
  return 0
}

# ---- up ------------------------------------------------------------------------------------

fail_up() {
  echo "multihost: up: $1" >&2
  down
  exit 1
}

up() {
  down
  mkdir -p "$STATE" /run/sshd || fail_up "cannot create $STATE"
  chmod 700 "$STATE"
  ssh-keygen -q -t ed25519 -N '' -C dosc-multihost -f "$STATE/client_key" || fail_up "ssh-keygen failed"
  ssh-keygen -q -t ed25519 -N '' -C dosc-multihost -f "$STATE/host_key" || fail_up "ssh-keygen failed"
  cp "$STATE/client_key.pub" "$STATE/authorized_keys"
  # The client side: every host by name, the key made here, nothing of ~/.ssh read or written.
  {
    local i
    for ((i = 1; i < HOSTS; i++)); do
      printf 'Host %s\n  HostName %s\n' "$(host_name $i)" "$(host_address $i)"
    done
    printf 'Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n' "$STATE/client_key"
    printf '  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n  BatchMode yes\n'
    printf '  LogLevel ERROR\n  ConnectTimeout 5\n'
  } >"$STATE/ssh_config"
  # Every host's names, bound over /etc/hosts in the hosts' mount namespaces.
  {
    printf '127.0.0.1 localhost\n%s %s\n' "$(host_address 0)" "$(hostname)"
    for ((i = 1; i < HOSTS; i++)); do printf '%s %s\n' "$(host_address $i)" "$(host_name $i)"; done
  } >"$STATE/hosts"
  # Host 0 first (the machine itself, as it is named), then one line per namespace host.
  {
    printf '%s slots=1\n' "$(hostname)"
    for ((i = 1; i < HOSTS; i++)); do printf '%s slots=1\n' "$(host_name $i)"; done
  } >"$STATE/hostfile"

  ip link add "$BRIDGE" type bridge || fail_up "cannot create a bridge (ip link add type bridge)"
  ip addr add "$(host_address 0)/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  for ((i = 1; i < HOSTS; i++)); do
    local ns
    ns=$(netns $i)
    ip netns add "$ns" || fail_up "cannot create network namespace $ns"
    ip link add "$ns" type veth peer name "$ns-p" || fail_up "cannot create a veth pair"
    ip link set "$ns" master "$BRIDGE"
    ip link set "$ns" up
    ip link set "$ns-p" netns "$ns"
    ip -n "$ns" link set "$ns-p" name eth0
    ip -n "$ns" addr add "$(host_address $i)/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
    cat >"$STATE/sshd_config.$i" <<EOF
ListenAddress $(host_address $i)
HostKey $STATE/host_key
PidFile $STATE/sshd.$i.pid
AuthorizedKeysFile $STATE/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100
EOF
    # In the host's network namespace, new UTS and mount namespaces: its hostname, a private
    # /tmp and /dev/shm, its /etc/hosts; sshd then daemonizes and keeps them alive.
    ip netns exec "$ns" unshare --uts --mount --propagation private sh -c "
      hostname $(host_name $i) &&
      mount -t tmpfs -o mode=1777 dosc-tmp /tmp &&
      mount -t tmpfs -o mode=1777 dosc-shm /dev/shm &&
      mount --bind $STATE/hosts /etc/hosts &&
      exec /usr/sbin/sshd -f $STATE/sshd_config.$i -E $STATE/sshd.$i.log" ||
      fail_up "sshd did not start on $(host_name $i): $(cat "$STATE/sshd.$i.log" 2>/dev/null)"
  done
  # Ready when every host answers ssh with its own name.
  for ((i = 1; i < HOSTS; i++)); do
    local answer="" try
    for try in $(seq 50); do
      answer=$(on_host $i hostname 2>/dev/null) && break
      sleep 0.1
    done
    [ "$answer" = "$(host_name $i)" ] ||
      fail_up "$(host_name $i) does not answer over ssh (got '$answer'): $(cat "$STATE/sshd.$i.log" 2>/dev/null)"
  done
}

# on_host I COMMAND...: the command on host I over ssh, as Open MPI's launcher runs orted.
on_host() {
  local i=$1
  shift
  ssh -F "$STATE/ssh_config" "$(host_name "$i")" "$@"
}

case ${1:-} in
  up) up; echo "multihost: $HOSTS hosts up; hostfile $STATE/hostfile, ssh -F $STATE/ssh_config" ;;
  down) down ;;
  hostfile) echo "$STATE/hostfile" ;;
  ssh) shift; on_host "$@" ;;
  check) ;;
  *) echo "usage: multihost.sh up | down | check | hostfile | ssh HOST COMMAND..." >&2; exit 2 ;;
esac
[ "${1:-}" = check ] || exit 0
