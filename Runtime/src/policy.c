/* policy.c - the cost model: one binding per site, fixed at load time.
 *
 * Self-contained C11 (see dosc_policy.h): also compiled into the Swift tool.
 *
 * Prices (DESIGN.md section 6): inline costs the work; local costs the work
 * plus a spawn, over the threads; remote costs the work plus latency plus
 * bytes / bandwidth. From these follow the two numbers generated code checks
 * at spawn time: a work threshold (known work) and a depth cut-off (unknown
 * work, i.e. recursive tasks).
 */
#include "dosc_policy.h"

#include <math.h> /* isfinite, isnan, NAN, HUGE_VAL: macros, no libm needed */
#include <stdio.h>
#include <string.h>

/* Built-in machine profile: a current x86-64 core at ~3 GHz, one socket.
 * - spawn_ns: push + pop of a task on the owner's Chase-Lev deque plus the
 *   frame bookkeeping, two uncontended atomic RMWs and a fence: ~10 ns
 *   (Cilk-5 reports a spawn at 2-6 function calls, Frigo et al. PLDI'98;
 *   `dosc calibrate` measured 11.9 ns on the 2-core development VM).
 * - steal_ns: a steal moves the deque's top, the task record and the
 *   arguments between cores (~100 ns per cache-line transfer) and may wake a
 *   parked worker (a futex wake, ~1 us).
 * - ns_per_op: the manifest counts simple operations (loads, stores,
 *   arithmetic) and compilers at -O2 overlap and vectorise them: `dosc
 *   calibrate` measured 0.058 ns per counted operation on the development
 *   VM; 0.1 keeps a margin for slower cores. The local grain (spawn_ns /
 *   (ns_per_op x overhead_target) = 5000 ops) is what it was with 50 ns and
 *   0.5 ns/op; the remote thresholds, latency / ns_per_op, grow 5x to what a
 *   measured machine gives.
 * - remote: MPI over TCP on 10 Gb Ethernet, ~20 us latency and ~1 GB/s
 *   (InfiniBand would be ~1.5 us and ~10 GB/s; `dosc calibrate` measures).
 * - remote_first_ns: `dosc calibrate` measures 0.14-0.18 ms for the first
 *   tasks to a rank over shared memory on the development VM (cold against
 *   warm runs of the same launch; 0.2-0.4 ms with the older, unpaired probe);
 *   a TCP connection's set-up adds its own round trips: 0.3 ms.
 * - remote_later_contact_share: the contacts of a batch overlap (rank 0 sends
 *   its first tasks to every serving rank before any answers), so each rank
 *   after the first adds a share of remote_first_ns, not a whole one:
 *   bench/first_contact.py measured 0.19 on 3 ranks and 0.29 per rank on 4
 *   (a cold batch of 8 tasks less warm ones, medians of 15-25 launches at
 *   load 11-16: 263 us on 2 ranks, 314 on 3, 418 on 4); `dosc calibrate`
 *   measures it when steady (calibrate_contact.c on 2 and 3 ranks: the ratio
 *   less 1), else keeps 0.25 and the profile says why.
 * - overhead_target: spawns may cost at most 2% of the work they move.
 * - tasks_per_thread: a recursive computation is split until its heaviest
 *   leaf task is at most 1 / (threads x 256) of the work (see
 *   dosc_recursive_depth_cutoff). Measured on fib(34), 2 threads (2-core VM,
 *   whole-process time vs the plain build): 32 -> 0.67x, 256 -> 0.57x,
 *   2048 -> 0.57x, 32768 -> 0.68x. With few tasks a worker that waits for a
 *   stolen child soon finds nothing left to steal and idles (0.3-0.9 ms per
 *   run at 32); each extra spawn costs ~20 ns. */
#define DOSC_DEFAULT_SPAWN_NS            10.0
#define DOSC_DEFAULT_STEAL_NS            1000.0
#define DOSC_DEFAULT_NS_PER_OP           0.1
#define DOSC_DEFAULT_REMOTE_LATENCY_NS   20000.0
#define DOSC_DEFAULT_REMOTE_BYTES_PER_NS 1.0
#define DOSC_DEFAULT_REMOTE_FIRST_NS     300000.0
#define DOSC_DEFAULT_LATER_CONTACT_SHARE 0.25
#define DOSC_DEFAULT_OVERHEAD_TARGET     0.02
#define DOSC_DEFAULT_TASKS_PER_THREAD    256

/* A non-recursive task of unknown work spawns at any depth. */
#define DOSC_UNBOUNDED_DEPTH (1 << 20)

void dosc_profile_defaults(dosc_profile *profile) {
  profile->spawn_ns = DOSC_DEFAULT_SPAWN_NS;
  profile->steal_ns = DOSC_DEFAULT_STEAL_NS;
  profile->ns_per_op = DOSC_DEFAULT_NS_PER_OP;
  profile->remote_latency_ns = DOSC_DEFAULT_REMOTE_LATENCY_NS;
  profile->remote_bytes_per_ns = DOSC_DEFAULT_REMOTE_BYTES_PER_NS;
  profile->remote_first_ns = DOSC_DEFAULT_REMOTE_FIRST_NS;
  profile->remote_later_contact_share = DOSC_DEFAULT_LATER_CONTACT_SHARE;
  profile->overhead_target = DOSC_DEFAULT_OVERHEAD_TARGET;
  profile->tasks_per_thread = DOSC_DEFAULT_TASKS_PER_THREAD;
  profile->threads = 1;
  profile->nodes = 1;
  profile->cores = 0;
  profile->ranks_per_host = 0;
}

/* The ranges span every machine dosc may meet, with margin: a spawn or a
 * steal of up to a second, an operation between a picosecond and a
 * millisecond, a network from a shared-memory transport (no latency, 10 TB/s)
 * to one of 100 s latency and 1 KB/s. What lies outside is a typo or a broken
 * measurement, and would turn a threshold into nonsense (1e308 ns per spawn,
 * 1e-320 ns per op). */
static const dosc_profile_field profile_fields[] = {
    {"spawn_ns", 0.0, 1e9, 0, "spawn and join of a local task its owner runs, ns"},
    {"steal_ns", 0.0, 1e9, 0, "extra cost of a task another worker steals, ns"},
    {"ns_per_op", 1e-3, 1e6, 0, "time of one operation of the manifest's work estimate, ns"},
    {"remote_latency_ns", 0.0, 1e11, 0, "one-way message latency between two ranks, ns"},
    {"remote_bytes_per_ns", 1e-6, 1e4, 0, "bandwidth between two ranks, bytes/ns (= GB/s)"},
    {"overhead_target", 1e-4, 1.0, 0, "acceptable spawn overhead, fraction of the work"},
    {"tasks_per_thread", 1.0, 1e6, 1, "recursive tasks: leaves per thread to aim for"},
    {"remote_first_ns", 0.0, 1e11, 0,
     "extra time of a program's first remote tasks to a rank over warm ones, ns"},
    {"remote_later_contact_share", 0.0, 10.0, 0,
     "what each further rank adds to a batch's first contact, share of remote_first_ns"},
};
#define PROFILE_FIELD_COUNT ((int)(sizeof profile_fields / sizeof profile_fields[0]))

const dosc_profile_field *dosc_profile_fields(int *count) {
  *count = PROFILE_FIELD_COUNT;
  return profile_fields;
}

static double *field_slot(dosc_profile *profile, int index) {
  switch (index) {
  case 0:
    return &profile->spawn_ns;
  case 1:
    return &profile->steal_ns;
  case 2:
    return &profile->ns_per_op;
  case 3:
    return &profile->remote_latency_ns;
  case 4:
    return &profile->remote_bytes_per_ns;
  case 5:
    return &profile->overhead_target;
  case 7:
    return &profile->remote_first_ns;
  case 8:
    return &profile->remote_later_contact_share;
  default:
    return NULL; /* tasks_per_thread: an int */
  }
}

static int field_index(const char *name) {
  for (int i = 0; name != NULL && i < PROFILE_FIELD_COUNT; i++)
    if (strcmp(profile_fields[i].name, name) == 0) return i;
  return -1;
}

double dosc_profile_get(const dosc_profile *profile, const char *name) {
  int index = field_index(name);
  if (index < 0) return NAN;
  if (index == 6) return (double)profile->tasks_per_thread;
  return *field_slot((dosc_profile *)profile, index);
}

int dosc_profile_set(dosc_profile *profile, const char *name, double value, char *warning,
                     size_t warning_size) {
  int index = field_index(name);
  if (index < 0) return 0;
  const dosc_profile_field *field = &profile_fields[index];
  dosc_profile defaults;
  dosc_profile_defaults(&defaults);
  /* In range, a whole number converts exactly: the cast is defined there. */
  int ok = isfinite(value) && value >= field->least && value <= field->most &&
           (!field->integer || value == (double)(long long)value);
  double chosen = ok ? value : dosc_profile_get(&defaults, name);
  if (index == 6)
    profile->tasks_per_thread = (int)chosen; /* within [1, 1e6]: exact */
  else
    *field_slot(profile, index) = chosen;
  if (!ok && warning != NULL && warning_size > 0)
    snprintf(warning, warning_size, "\"%s\" is %g, outside [%g, %g]%s: using the default %g", name,
             value, field->least, field->most, field->integer ? " or not whole" : "", chosen);
  return ok ? 1 : -1;
}

long long dosc_saturate_ll(double value, int round_up) {
  if (isnan(value)) return DOSC_POLICY_NEVER;
  /* 2^63 is exactly representable; LLONG_MAX is not (it rounds up to 2^63).
   * Inside (-2^63, 2^63) the cast truncates and is defined. No libm: the
   * runtime links without -lm. */
  if (value >= 9223372036854775808.0) return DOSC_POLICY_NEVER;
  if (value <= -9223372036854775808.0) return -DOSC_POLICY_NEVER - 1;
  long long truncated = (long long)value;
  if (round_up && (double)truncated < value && truncated < DOSC_POLICY_NEVER) truncated++;
  if (!round_up && (double)truncated > value && truncated > -DOSC_POLICY_NEVER - 1) truncated--;
  return truncated;
}

/* Guards against a profile with zeros or negatives (a user-edited file). */
static double positive_or(double value, double fallback) {
  return value > 0.0 ? value : fallback;
}

/* The profile as the model computes with it: a rate or a target that must be
 * positive (ns_per_op, overhead_target, remote_bytes_per_ns) gets its default
 * when it is not; a cost (spawn, steal, latency) is at least 0; threads,
 * nodes and tasks_per_thread at least 1. NaN counts as not positive. Every
 * function of the model starts from it. */
static dosc_profile usable_profile(const dosc_profile *profile) {
  dosc_profile usable = *profile;
  usable.ns_per_op = positive_or(profile->ns_per_op, DOSC_DEFAULT_NS_PER_OP);
  usable.overhead_target = positive_or(profile->overhead_target, DOSC_DEFAULT_OVERHEAD_TARGET);
  usable.remote_bytes_per_ns =
      positive_or(profile->remote_bytes_per_ns, DOSC_DEFAULT_REMOTE_BYTES_PER_NS);
  usable.spawn_ns = positive_or(profile->spawn_ns, 0.0);
  usable.steal_ns = positive_or(profile->steal_ns, 0.0);
  usable.remote_latency_ns = positive_or(profile->remote_latency_ns, 0.0);
  usable.remote_first_ns = positive_or(profile->remote_first_ns, 0.0);
  usable.remote_later_contact_share = positive_or(profile->remote_later_contact_share, 0.0);
  usable.threads = profile->threads > 1 ? profile->threads : 1;
  usable.nodes = profile->nodes > 1 ? profile->nodes : 1;
  usable.tasks_per_thread = profile->tasks_per_thread > 1 ? profile->tasks_per_thread : 1;
  usable.cores = profile->cores > 0 ? profile->cores : 0;
  usable.ranks_per_host = profile->ranks_per_host > 0 ? profile->ranks_per_host : 0;
  return usable;
}

dosc_break_even dosc_break_even_sizes(const dosc_profile *profile, double bytes) {
  dosc_profile p = usable_profile(profile);
  dosc_break_even result;
  /* Only the spawn counts per task: steals happen O(threads x critical path)
   * times in a work-stealing schedule, not once per task (work-first
   * principle, Frigo et al. PLDI'98), so they do not set the grain. */
  result.local_ops = p.spawn_ns / (p.ns_per_op * p.overhead_target);
  result.remote_ops =
      (p.remote_latency_ns + positive_or(bytes, 0.0) / p.remote_bytes_per_ns) / p.ns_per_op;
  return result;
}

/* The split of a recursive task is unknown: assume the heaviest of its
 * fan_out children gets 2 / golden ratio = 1.24 times an even share of its
 * work, fib's proportion (fib(n - 1) is 1 / 1.618 of fib(n), not 1 / 2).
 * Then the heaviest task shrinks by fan_out x 0.809 per level; count the
 * levels until it is 1 / (threads x tasks_per_thread) of the whole. An even
 * tree (mergesort) is split about 1.4 times deeper than it strictly needs:
 * a few thousand more spawns of ~20 ns each, against a tail in which one
 * worker runs a big leaf while the others idle. The depth is capped where
 * an even tree would have 16 x tasks_per_thread leaves per thread (4096 by
 * default, ~0.2 ms of spawns per thread): many threads must not turn a
 * small tree into one task per call. */
#define DOSC_UNEVEN_SPLIT    0.80901699437494742 /* golden ratio / 2 */
#define DOSC_EVEN_LEAVES_CAP 16.0
/* Children per invocation when the manifest does not know (0): the site
 * spawns in a loop of unknown trip count or under a condition, like
 * n-queens' one task per free column. Counting such a tree as binary split
 * it far too deep: n-queens(11) ran 0.54x the plain build at depth 6 and
 * 0.61x at depth 13, where every call is a task. */
#define DOSC_UNKNOWN_FAN_OUT 4

static long long fan_out_of(long long siblings) {
  if (siblings == 0) return DOSC_UNKNOWN_FAN_OUT;
  return siblings >= 2 ? siblings : 2;
}

int dosc_recursive_depth_cutoff(const dosc_profile *profile, long long siblings) {
  long long fan_out = fan_out_of(siblings);
  dosc_profile p = usable_profile(profile);
  double wanted = (double)p.threads * (double)p.tasks_per_thread;
  double shrink = (double)fan_out * DOSC_UNEVEN_SPLIT; /* > 1.6: the loop ends */
  double parts = 1.0;
  int depth = 0;
  /* The tolerance keeps an exact power (fan_out^d == wanted) from counting
   * an extra level through rounding. */
  double even_leaves = 1.0;
  while (parts * (1.0 + 1e-9) < wanted &&
         even_leaves * (1.0 + 1e-9) < wanted * DOSC_EVEN_LEAVES_CAP) {
    parts *= shrink;
    even_leaves *= (double)fan_out;
    depth++;
  }
  return depth;
}

/* Decrements past this count as this (a smaller decrement only enlarges the
 * bound): the window of N's last values stays small. */
#define DOSC_MEASURE_WINDOW 256
/* Values of N computed before giving up on reaching a threshold (a recursion
 * of one call per invocation and decrement 1 grows by 1 per value). */
#define DOSC_MEASURE_STEPS 65536

static double work_per_call_of(const dosc_recurrence *recurrence) {
  return recurrence->work_per_call >= 1.0 ? recurrence->work_per_call : 1.0;
}

/* Walks N(m) = 1 + sum N(m - d_i) upward from the base (N = `below_base`
 * below it: 1 counts every invocation, 0 only those at or above the base,
 * which make all their calls) until work_per_call x N(m) reaches `target_ops`
 * or m passes `last`; returns that m and leaves the bound there in *ops. */
static long long walk_calls(const dosc_recurrence *recurrence, double below_base, double target_ops,
                            long long last, double *ops) {
  double window[DOSC_MEASURE_WINDOW]; /* N(m - 1 - k) at window[(m - 1 - k) % size] */
  double per_call = work_per_call_of(recurrence);
  long long m = recurrence->base - 1;
  for (int k = 0; k < DOSC_MEASURE_WINDOW; k++)
    window[k] = below_base;
  *ops = per_call * below_base; /* at base - 1 */
  for (long long step = 0; step < DOSC_MEASURE_STEPS && m < last && *ops < target_ops; step++) {
    m++;
    double calls = 1.0;
    for (int i = 0; i < recurrence->calls && i < DOSC_POLICY_MAX_RECURSIVE_CALLS; i++) {
      long long d = recurrence->decrement[i];
      if (d < 1) d = 1;
      if (d > DOSC_MEASURE_WINDOW - 1) d = DOSC_MEASURE_WINDOW - 1;
      long long below = m - d;
      calls += below < recurrence->base ? below_base
                                        : window[(unsigned long long)below % DOSC_MEASURE_WINDOW];
    }
    if (!isfinite(calls)) calls = HUGE_VAL;
    window[(unsigned long long)m % DOSC_MEASURE_WINDOW] = calls;
    *ops = per_call * calls;
  }
  return m;
}

/* Every invocation of the subtree, leaves included: the upper bound. */
static long long walk_subtree_bound(const dosc_recurrence *recurrence, double target_ops,
                                    long long last, double *ops) {
  return walk_calls(recurrence, 1.0, target_ops, last, ops);
}

double dosc_recursive_subtree_ops(const dosc_recurrence *recurrence, long long measure) {
  /* An at_spawn recurrence's bound needs the spawn's fan-out, not known here. */
  if (recurrence == NULL || recurrence->calls < 1 || recurrence->at_spawn) return -1.0;
  double ops;
  if (measure < recurrence->base) return work_per_call_of(recurrence);
  long long reached = walk_subtree_bound(recurrence, HUGE_VAL, measure, &ops);
  return reached < measure ? HUGE_VAL : ops; /* beyond the steps walked: no bound stated */
}

double dosc_recursive_grain_ops(const dosc_profile *profile) {
  dosc_profile p = usable_profile(profile);
  return (p.spawn_ns + p.steal_ns) / (p.ns_per_op * p.overhead_target);
}

long long dosc_recursive_measure_threshold(const dosc_profile *profile,
                                           const dosc_recurrence *recurrence) {
  /* An at_spawn recurrence passes its estimate, not its measure: the local
   * grain is the depth cut-off alone, as without a measure. */
  if (recurrence == NULL || recurrence->calls < 1 || recurrence->at_spawn)
    return DOSC_POLICY_ANY_MEASURE;
  double grain = dosc_recursive_grain_ops(profile);
  if (work_per_call_of(recurrence) >= grain) return DOSC_POLICY_ANY_MEASURE;
  double ops;
  long long base = recurrence->base;
  /* Past DOSC_MEASURE_STEPS values the bound has not reached the grain: the
   * threshold stays there (below it the subtree is surely smaller). */
  long long last =
      base > DOSC_POLICY_NEVER - DOSC_MEASURE_STEPS ? DOSC_POLICY_NEVER : base + DOSC_MEASURE_STEPS;
  return walk_subtree_bound(recurrence, grain, last, &ops);
}

double dosc_shipped_bytes(double bytes_in, double bytes_out, double bytes_replicated,
                          long long siblings, int nodes) {
  double in = bytes_in > 0.0 ? bytes_in : 0.0;
  double out = bytes_out > 0.0 ? bytes_out : 0.0;
  double replicated = bytes_replicated > 0.0 ? bytes_replicated : 0.0;
  int others = nodes > 1 ? nodes - 1 : 1;
  /* Each other node gets the replicated data once and about siblings / others
   * of the tasks; unknown siblings: charge it to every task (an upper bound). */
  double share = siblings > others ? replicated * (double)others / (double)siblings : replicated;
  double total = in + out + share;
  return isfinite(total) ? total : HUGE_VAL;
}

/* Workers a batch of `siblings` tasks can keep busy out of `workers`. */
static double batch_width(long long siblings, double workers) {
  if (siblings <= 0 || (double)siblings >= workers) return workers;
  return (double)siblings;
}

/* The workers that run at once on this node's pool: its threads, at most its
 * host's cores (when known). */
static double local_workers(const dosc_profile *usable) {
  double threads = usable->threads;
  return usable->cores > 0 && usable->cores < threads ? usable->cores : threads;
}

/* The cores of the hosts the ranks fill (nodes / ranks_per_host of them,
 * rounded up); -1 where the profile does not say. */
static double hosts_cores(const dosc_profile *usable) {
  if (usable->cores <= 0 || usable->ranks_per_host <= 0) return -1;
  long long hosts =
      ((long long)usable->nodes + usable->ranks_per_host - 1) / usable->ranks_per_host;
  return (double)hosts * usable->cores;
}

/* The workers that run at once over all nodes: threads x nodes, at most the
 * cores of the hosts the ranks fill (ranks_per_host ranks a host, when
 * known). 3 ranks of 1 thread on one 2-core host: 2. */
static double all_workers(const dosc_profile *usable) {
  double workers = (double)usable->threads * usable->nodes;
  double cores = hosts_cores(usable);
  if (cores < 0) return workers;
  double local = local_workers(usable);
  return cores < workers ? (cores > local ? cores : local) : workers;
}

int dosc_rank_zero_shares(const dosc_profile *profile) {
  dosc_profile p = usable_profile(profile);
  if (p.nodes < 2 || p.cores <= 0 || p.ranks_per_host <= 0) return 1;
  /* Rank 0's own host, as the runtime reads it there: the other ranks the launcher started on it
   * (ranks_per_host less rank 0) and their threads against its cores. Not the hosts as
   * hosts_cores counts them, every one like rank 0's: 5 ranks, 4 of them on a host of 3 cores
   * and one on another, fill rank 0's cores though the two hosts have 6 for 5 workers. */
  double others = (double)(p.ranks_per_host - 1) * p.threads;
  return others < (double)p.cores;
}

/* What remote saves per operation of a task over running it on the local
 * pool: its share of the batch's time shrinks from 1/local width to
 * 1/remote width. 0 when the batch does not fill more than the local pool. */
static double remote_gain_ns_per_op(const dosc_profile *usable, long long siblings) {
  double local_width = batch_width(siblings, local_workers(usable));
  double remote_width = batch_width(siblings, all_workers(usable));
  double gain = usable->ns_per_op * (1.0 / local_width - 1.0 / remote_width);
  return gain > 0.0 ? gain : 0.0;
}

/* A remote task's round trip without its bytes: the paper's y less the data. */
static double round_trip_ns(const dosc_profile *usable) {
  return 2.0 * usable->remote_latency_ns;
}

long long dosc_send_ahead_work(const dosc_profile *profile) {
  dosc_profile p = usable_profile(profile);
  double bound_ns = DOSC_POLICY_AHEAD_ROUND_TRIPS * round_trip_ns(&p);
  if (bound_ns < DOSC_POLICY_AHEAD_FLOOR_NS) bound_ns = DOSC_POLICY_AHEAD_FLOOR_NS;
  return dosc_saturate_ll(bound_ns / p.ns_per_op, 0);
}

/* What a batch of remote tasks pays once for first reaching the other nodes.
 * Rank 0 sends a batch's first tasks to every serving rank before any
 * answers, so the contacts overlap: the first costs remote_first_ns (what
 * calibrate measures, rank 1 reached from a cold rank 0) and each further
 * rank remote_later_contact_share of it (0.25 built in, bench/first_contact.py;
 * `dosc calibrate` measures it, calibrate_contact.c: before it the model
 * charged remote_first_ns per rank, 2x on 3 ranks). Where rank 0's
 * workers add to those that run at once (dosc_rank_zero_shares) they run
 * queued tasks meanwhile, so the contact holds up only the part of the batch
 * the other nodes' workers would have run: the share 1 - local width /
 * remote width of it (1 node: nothing). Where they add none (3 ranks of 1
 * thread on 2 cores) rank 0 only dispatches, from the first task on
 * (remote.c): no task of the batch starts before the contact, which holds
 * the whole batch and is charged whole (it was charged the sharing share,
 * half on 3 ranks of 1 thread on 2 cores, though nothing ran meanwhile).
 * Priced per batch, not per program: the model does not know how many
 * batches follow (a loop of small batches pays it once, and is priced as if
 * each were the first). Measured (issue 10): matmul 64 on 3 ranks, 4 tasks of
 * 40 us, forced remote 0.88 ms against 0.39 inline, where warm trips priced
 * it at 0.16. */
static double first_contact_ns(const dosc_profile *usable) {
  if (usable->nodes < 2) return 0.0;
  double held_up = 1.0;
  if (dosc_rank_zero_shares(usable)) {
    double local_width = local_workers(usable);
    double remote_width = all_workers(usable);
    held_up = remote_width > local_width ? 1.0 - local_width / remote_width : 0.0;
  }
  double contacts = 1.0 + usable->remote_later_contact_share * (double)(usable->nodes - 2);
  double total = usable->remote_first_ns * contacts * held_up;
  return isfinite(total) ? total : HUGE_VAL;
}

dosc_prices dosc_price_task(const dosc_profile *profile, const dosc_task_size *size) {
  dosc_prices prices = {-1.0, -1.0, -1.0, -1.0, -1.0, -1.0};
  if (!(size->work >= 0.0) || !isfinite(size->work)) return prices;
  dosc_profile p = usable_profile(profile);
  double spawn_ns = p.spawn_ns;
  double work_ns = size->work * p.ns_per_op;
  prices.inline_ns = work_ns;
  prices.local_ns = spawn_ns + work_ns / batch_width(size->siblings, local_workers(&p));
  double batch = size->siblings > 1 ? (double)size->siblings : 1.0;
  prices.remote_overhead_ns = round_trip_ns(&p) +
                              positive_or(size->bytes, 0.0) / p.remote_bytes_per_ns +
                              first_contact_ns(&p) / batch;
  if (p.nodes > 1)
    prices.remote_ns = spawn_ns + prices.remote_overhead_ns +
                       work_ns / batch_width(size->siblings, all_workers(&p));
  if (work_ns > 0.0) {
    prices.l = (work_ns + spawn_ns) / work_ns;
    prices.y = (work_ns + prices.remote_overhead_ns) / work_ns;
  } else {
    prices.l = spawn_ns > 0.0 ? HUGE_VAL : 1.0;
    prices.y = prices.remote_overhead_ns > 0.0 ? HUGE_VAL : 1.0;
  }
  return prices;
}

/* ---- Recursive tasks remote (issue 10) ----
 * A recursive task's work is not known at its spawn; its measure is, when the
 * analyzer found one, and bounds the subtree. Shipping a subtree saves its
 * work x gain per op (its share of the batch runs on all nodes' workers, not
 * only this node's) and costs a round trip plus its share of first reaching
 * the other nodes (remote_first_ns: ~0.2 ms on shared memory, more than many
 * a whole small run). Three cases, by what the manifest proves:
 * - A lower bound (the measure's "lower_bound": every invocation at or above
 *   the base makes all its recursive calls, fib's and mergesort's shape):
 *   the subtree surely runs least_work_per_call x I(m) operations (I: its
 *   invocations at or above the base). It goes remote when that sure work
 *   pays for the round trip and its share of the first contact. Sound: a
 *   shipped subtree never has less work than pays.
 * - Only an upper bound (a measure whose calls are conditional): the work
 *   lies between one call and work_per_call x N(m), a range of N(m) (at the
 *   spawn, one call is the subtree's root's own, its work_per_invocation at
 *   the spawn's arguments: n-queens' at j, not the bound's at j = n). Priced
 *   at the geometric mean of the two, the estimate whose worst-case factor of
 *   error over the range is least (sqrt(N(m)) either way). A wrong guess
 *   costs a bounded amount: only the root's children may go remote (the
 *   spawns one level below the tree's root, whether the root is a call or
 *   a task), so a tree that is tiny after all loses one first contact and
 *   a batch or two of round trips, once per run.
 * - No measure (a recursive call in a loop, n-queens): nothing tells a tiny
 *   tree from a big one. Not priced remote: shipping may cost a first contact
 *   on a run shorter than it (n-queens 6 on 3 ranks: 0.48 ms forced remote
 *   against 0.20 inline), an unbounded factor as runs get smaller, while
 *   staying on this node loses at most the other nodes' share of the work
 *   (local width over remote width, a bounded factor): the choice of least
 *   worst-case ratio.
 * - Known work (the analyzer's work of the whole recursion, by induction:
 *   a chain on n - 1, a tree over halves, quadrant products): the spawn
 *   passes its subtree's work at its arguments, so the subtree is priced as
 *   a task of known work in its site's batch (shared_batch, dosc_remote_pays:
 *   a round trip, its bytes at the bandwidth and its share of the first
 *   contact against work x gain), at the tree's gain (its whole pool, as
 *   above), and only at the top of the tree, as the sure work is.
 * Shipping is confined to the top of the tree (a bounded number of remote
 * spawns, like the local depth cut-off): the least depth at which the
 * recursion's fan-out gives every worker of all nodes a subtree (1 for the
 * estimate). Below it, and for subtrees too small, the local rules hold. A
 * subtree whose shipped bytes would take more than one more round trip's
 * time stays here (the threshold is priced for two round trips; known work
 * prices its bytes instead).
 * Which node ships: the depth is the spawning task's (0 in main), so a
 * tree's root called from main spawns its children at depth 0, one main
 * spawns as a task (depth 1) at depth 1; the cut-off counts one level more
 * for that (see dosc_recursive_remote). A batch of roots main spawns (2 or
 * more siblings at depth 0) ships the roots themselves; a lone root (main's
 * one call, its spawner waiting) is spawned here and its children ship. A
 * shipped task's own spawns run on its rank's pool, never a second hop
 * (serve.c makes every remote binding local there); those of a remote-bound
 * task rank 0 runs itself (its ticket, remote.c) may ship while above the
 * cut-off. Such a task spawned at depth 0 (by a root main calls, or by main)
 * runs at depth 2, as a task root's children do, not 1: else its spawns
 * passed the cut-off meant for the root's, one level too deep (10-queens on 2
 * ranks shipped 67-74 tasks where the root's 10 children were meant). */

/* The walk treats a decrement past its window as a smaller one (an upper
 * bound): such a recurrence states no lower bound. */
static int lower_bound_holds(const dosc_recurrence *recurrence) {
  if (!(recurrence->least_work_per_call > 0.0)) return 0;
  for (int i = 0; i < recurrence->calls && i < DOSC_POLICY_MAX_RECURSIVE_CALLS; i++)
    if (recurrence->decrement[i] < 1 || recurrence->decrement[i] > DOSC_MEASURE_WINDOW - 1)
      return 0;
  return 1;
}

/* Calls per invocation the remote depth counts with. */
static double recursive_fan_out(const dosc_site_facts *facts) {
  if (facts->recurrence.calls >= 2) return (double)facts->recurrence.calls;
  return (double)fan_out_of(facts->siblings);
}

/* The levels below a tree's root until its fan-out gives every worker of all
 * nodes a subtree (at most 64). */
static int levels_to_fill(const dosc_profile *usable, double fan_out) {
  double workers = all_workers(usable);
  double spread = 1.0;
  int levels = 0;
  while (spread * (1.0 + 1e-9) < workers && levels < 64) {
    spread *= fan_out;
    levels++;
  }
  return levels;
}

static int remote_thresholds(const dosc_profile *usable, double gain, const dosc_site_facts *facts,
                             dosc_decision *decision);

/* The remote thresholds of a recursive task of known work (see "Recursive
 * tasks remote"): a task of known work in its site's batch (shared_batch), at
 * the gain of a subtree spread over all nodes' workers. 0 when none pays. */
static int known_work_tree_thresholds(const dosc_profile *usable, const dosc_site_facts *facts,
                                      dosc_decision *decision) {
  return remote_thresholds(usable, remote_gain_ns_per_op(usable, 0), facts, decision);
}

double dosc_recursive_subtree_least_ops(const dosc_recurrence *recurrence, long long measure) {
  if (recurrence == NULL || recurrence->calls < 1 || !lower_bound_holds(recurrence)) return -1.0;
  /* Only invocations at or above the base surely make their calls and do
   * least_work_per_call each; those below it (the leaves, about half of a
   * binary tree's) are counted as nothing: 0 below the base. Past the values
   * walked, the count reached there. */
  double ops;
  walk_calls(recurrence, 0.0, HUGE_VAL, measure, &ops);
  return ops / work_per_call_of(recurrence) * recurrence->least_work_per_call;
}

double dosc_recursive_calls_bound(double fan_out, long long measure, long long base,
                                  long long step) {
  if (measure < base || !(fan_out > 0.0)) return 1.0;
  if (step < 1) step = 1;
  /* The levels that call: measure, measure - step, ... down to the base (the
   * difference fits an unsigned long long, measure >= base). */
  double levels = (double)(((unsigned long long)measure - (unsigned long long)base) /
                           (unsigned long long)step) +
                  1.0;
  /* A fan-out of at most 1 makes at most one call per level. */
  if (fan_out <= 1.0) return levels + 1.0;
  /* Without libm (libdosc links with -ljansson -pthread alone): a fan-out of 2
   * or more passes HUGE_VAL within ~1100 levels. */
  double calls = 1.0, level = 1.0;
  for (double k = 0.0; k < levels && calls < HUGE_VAL; k += 1.0) {
    level *= fan_out;
    calls += level;
  }
  return isfinite(calls) ? calls : HUGE_VAL;
}

/* sqrt without libm: a power of 2 within a factor 2 of the root, then Newton
 * steps, each doubling the correct digits. */
static double square_root(double x) {
  if (!(x > 0.0)) return 0.0;
  if (!isfinite(x)) return x;
  double root = 1.0;
  while (root * root < x)
    root *= 2.0;
  while (root * root > 4.0 * x)
    root *= 0.5;
  for (int i = 0; i < 8; i++)
    root = 0.5 * (root + x / root);
  return root;
}

long long dosc_recursive_spawn_estimate(const dosc_recurrence *recurrence, long long root_work,
                                        long long work_per_call, long long fan_out,
                                        long long measure) {
  if (recurrence == NULL) return 0;
  double per_call = work_per_call >= 1 ? (double)work_per_call : 1.0;
  /* The low end is the subtree's root alone, its own call's work (at most
   * the bound over the subtree): a search whose calls one call's test may all
   * prune (n-queens' ok) surely makes no call below its root. */
  double root = root_work >= 1 && (double)root_work < per_call ? (double)root_work : per_call;
  if (measure < recurrence->base) return dosc_saturate_ll(root, 0);
  double calls = dosc_recursive_calls_bound(fan_out > 0 ? (double)fan_out : 0.0, measure,
                                            recurrence->base, recurrence->decrement[0]);
  /* sqrt(root x per_call x N): the geometric mean of the subtree's range. */
  return dosc_saturate_ll(square_root(root * per_call * calls), 0);
}

dosc_recursive_remote_price dosc_recursive_remote(const dosc_profile *profile,
                                                  const dosc_site_facts *facts) {
  dosc_recursive_remote_price price = {DOSC_RECURSIVE_REMOTE_NONE, 0, HUGE_VAL, DOSC_POLICY_NEVER,
                                       0.0};
  dosc_profile p = usable_profile(profile);
  const dosc_recurrence *recurrence = &facts->recurrence;
  if (p.nodes < 2 || !facts->remotable || !facts->recursive ||
      (!facts->work_known && recurrence->calls < 1))
    return price;
  /* The subtree runs on its node's whole pool whatever the batch: the gain
   * is that of work spread over all nodes' workers rather than this one's. */
  double gain = remote_gain_ns_per_op(&p, 0);
  if (!(gain > 0.0)) return price;
  double fan_out = recursive_fan_out(facts);
  if (facts->work_known) {
    /* The spawn passes the subtree's work: the least that pays, with no
     * bytes, is the round trip's work and the first contact's share in ops. */
    dosc_decision known = {0};
    if (!known_work_tree_thresholds(&p, facts, &known)) return price;
    price.rule = DOSC_RECURSIVE_REMOTE_KNOWN_WORK;
    price.needed_ops =
        (double)known.remote_work_threshold + known.remote_first_bytes / known.remote_bytes_per_op;
    price.measure_threshold = dosc_saturate_ll(price.needed_ops, 1);
    price.max_bytes = HUGE_VAL;
    price.depth_cutoff = levels_to_fill(&p, fan_out) + 1;
    return price;
  }
  double trip = 2.0 * round_trip_ns(&p) + first_contact_ns(&p) / fan_out;
  price.needed_ops = trip / gain;
  price.max_bytes = round_trip_ns(&p) * p.remote_bytes_per_ns;
  double per_call = work_per_call_of(recurrence);
  double target; /* in the walk's unit: work_per_call x N(m) */
  if (lower_bound_holds(recurrence)) {
    price.rule = DOSC_RECURSIVE_REMOTE_LOWER_BOUND;
    /* least x I(m) >= needed  <=>  per_call x I(m) >= needed x per_call / least */
    target = price.needed_ops * per_call / recurrence->least_work_per_call;
    price.depth_cutoff = levels_to_fill(&p, fan_out);
  } else {
    price.rule = DOSC_RECURSIVE_REMOTE_ESTIMATE;
    /* sqrt(per_call x per_call x N(m)) >= needed  <=>  per_call x N(m) >= needed^2 / per_call */
    target = price.needed_ops * price.needed_ops / per_call;
    price.depth_cutoff = 1;
  }
  /* The tree's root is a call at the spawning depth or a task one deeper
   * (main's lone fib(n), see dosc_decide): its children's levels start
   * there. */
  price.depth_cutoff += 1;
  if (recurrence->at_spawn) {
    /* The spawn passes the estimate itself (dosc_recursive_spawn_estimate):
     * the threshold is in operations. */
    price.rule = DOSC_RECURSIVE_REMOTE_ESTIMATE;
    price.depth_cutoff = 2;
    price.measure_threshold = dosc_saturate_ll(price.needed_ops, 1);
    return price;
  }
  if (!isfinite(target)) return price;
  long long base = recurrence->base;
  long long last =
      base > DOSC_POLICY_NEVER - DOSC_MEASURE_STEPS ? DOSC_POLICY_NEVER : base + DOSC_MEASURE_STEPS;
  double ops;
  /* The sure work counts the invocations at or above the base only (see
   * dosc_recursive_subtree_least_ops); the estimate every invocation. */
  double below_base = price.rule == DOSC_RECURSIVE_REMOTE_LOWER_BOUND ? 0.0 : 1.0;
  long long m = walk_calls(recurrence, below_base, target, last, &ops);
  price.measure_threshold = ops >= target ? m : DOSC_POLICY_NEVER;
  return price;
}

/* The batch that shares a site's first contact at load time, where its
 * siblings are a constant (the spawn then passes no batch): a loop's
 * siblings; a recursive tree's fan-out (the subtrees at its top share it).
 * Where the siblings are a formula (0 here) the spawn divides by its value
 * (dosc_remote_pays) and this does not: the one division is one or the
 * other, never both (a recursive site's formula batch was divided here by its
 * tree's fan-out too, and its tasks paid a half or a quarter of their share).
 * A batch known at neither (0, and the spawn passes none) pays it whole. */
static double shared_batch(const dosc_site_facts *facts) {
  if (facts->siblings < 1) return 1.0;
  if (facts->recursive) return recursive_fan_out(facts);
  return (double)facts->siblings;
}

/* The remote thresholds of an auto-bound task of known work (see
 * dosc_decision) saving `gain` ns per op remotely: remote beats local when
 * work x gain >= round trip + bytes / bandwidth + the batch's share of the
 * first contact. Returns 0 when no size can pay (the batch is too narrow to
 * gain from more nodes). */
static int remote_thresholds(const dosc_profile *usable, double gain, const dosc_site_facts *facts,
                             dosc_decision *decision) {
  decision->remote_work_threshold = DOSC_POLICY_NEVER;
  decision->remote_bytes_per_op = 0.0;
  decision->remote_first_bytes = 0.0;
  if (!(gain > 0.0)) return 0;
  decision->remote_work_threshold = dosc_saturate_ll(round_trip_ns(usable) / gain, 1);
  decision->remote_bytes_per_op = gain * usable->remote_bytes_per_ns;
  /* The first contact in bytes at the bandwidth, this site's load-time share of it. */
  double first_bytes = first_contact_ns(usable) * usable->remote_bytes_per_ns / shared_batch(facts);
  decision->remote_first_bytes = isfinite(first_bytes) ? first_bytes : HUGE_VAL;
  return decision->remote_work_threshold < DOSC_POLICY_NEVER;
}

static const char *origin_text(dosc_origin origin) {
  switch (origin) {
  case DOSC_ORIGIN_SIDECAR:
    return "set in the sidecar";
  case DOSC_ORIGIN_ENV:
    return "forced by DOSC_BIND";
  case DOSC_ORIGIN_COMPILED:
  default:
    return "compiled in";
  }
}

/* The least batch a spawn can pay in (dosc_batch_pays): a lone task its
 * spawner waits for runs on one worker either way (local width 1:
 * local_ns = spawn + work > inline_ns; remote width 1: no gain to pay the
 * round trip with), so it is the plain call. */
#define DOSC_POLICY_LEAST_BATCH 2

/* Fills the grain of a local (or remote) decision and describes it. */
static void choose_grain(const dosc_profile *profile, const dosc_site_facts *facts,
                         double threshold_ops, dosc_decision *decision, char *text,
                         size_t text_size) {
  decision->work_threshold = dosc_saturate_ll(threshold_ops, 1);
  if (decision->work_threshold < 0) decision->work_threshold = 0;
  decision->measure_threshold = DOSC_POLICY_ANY_MEASURE;
  decision->kept_work_threshold = decision->work_threshold;
  decision->least_siblings = DOSC_POLICY_LEAST_BATCH;
  if (facts->recursive) {
    long long fan_out = fan_out_of(facts->siblings);
    dosc_profile usable = usable_profile(profile);
    decision->depth_cutoff = dosc_recursive_depth_cutoff(profile, facts->siblings);
    if (!facts->work_known)
      decision->measure_threshold = dosc_recursive_measure_threshold(profile, &facts->recurrence);
    if (facts->work_known)
      snprintf(text, text_size, "spawns when work >= %lld ops, else serial clone",
               decision->work_threshold);
    else if (facts->recurrence.calls > 0 && !facts->recurrence.at_spawn &&
             decision->measure_threshold == DOSC_POLICY_ANY_MEASURE)
      snprintf(text, text_size,
               "recursive: spawns while depth < %d (one call's work pays for a spawn and a "
               "steal), serial clone below",
               decision->depth_cutoff);
    else if (facts->recurrence.calls > 0 && !facts->recurrence.at_spawn)
      snprintf(text, text_size,
               "recursive: spawns while depth < %d and the measure >= %lld (its calls' work "
               "bound >= %.0f ops: spawn + steal <= %.0f%%), serial clone below",
               decision->depth_cutoff, decision->measure_threshold,
               dosc_recursive_grain_ops(profile), profile->overhead_target * 100.0);
    else
      snprintf(text, text_size,
               "recursive: spawns while depth < %d (%lld-way splits, uneven like fib's: "
               "heaviest leaf <= 1/(%d threads x %d tasks)), serial clone below",
               decision->depth_cutoff, fan_out, usable.threads, usable.tasks_per_thread);
  } else {
    decision->depth_cutoff = DOSC_UNBOUNDED_DEPTH;
    if (facts->work_known)
      snprintf(text, text_size,
               "spawns when work >= %lld ops (spawn %.0f ns <= %.0f%% of the work at %.2f ns/op)",
               decision->work_threshold, profile->spawn_ns, profile->overhead_target * 100.0,
               profile->ns_per_op);
    else
      snprintf(text, text_size, "work unknown, the task does not recurse: every spawn pays");
  }
}

/* The machine most favourable to spawning that the model allows for: a spawn
 * and join of a few atomic operations, slow operations (an old or throttled
 * core), and a generous acceptable overhead. Work below what such a machine
 * needs never pays for a spawn, anywhere. */
#define DOSC_POLICY_FASTEST_SPAWN_NS  5.0
#define DOSC_POLICY_SLOWEST_NS_PER_OP 2.0
#define DOSC_POLICY_MOST_OVERHEAD     0.10

int dosc_compile_time_binding(long long constant_work) {
  if (constant_work < 0) return DOSC_POLICY_AUTO;
  double never_pays_below =
      DOSC_POLICY_FASTEST_SPAWN_NS / (DOSC_POLICY_SLOWEST_NS_PER_OP * DOSC_POLICY_MOST_OVERHEAD);
  return (double)constant_work < never_pays_below ? DOSC_POLICY_INLINE : DOSC_POLICY_AUTO;
}

/* Explain's word on rank 0's share where its workers add none (dosc_rank_zero_shares). */
static void append_rank_zero_window(char *remote, size_t size, const dosc_profile *usable) {
  if (dosc_rank_zero_shares(usable)) return;
  snprintf(remote + strlen(remote), size - strlen(remote),
           "; rank 0 only dispatches: the other ranks fill the cores");
}

/* Why an auto-bound task with 2 or more nodes is not priced remote, for the
 * reason text. A recursive task without a measure never is, one with a
 * measure when no subtree pays (see "Recursive tasks remote"). */
static const char *why_not_remote(const dosc_site_facts *facts) {
  if (!facts->remotable) return "not remotable";
  if (facts->recursive && facts->work_known)
    return "recursive: its tree gains nothing from more nodes";
  if (facts->recursive && facts->recurrence.calls < 1)
    return "recursive without a measure: no size tells a tiny tree, which a first contact "
           "outlasts, from a big one";
  if (facts->recursive) return "recursive: no subtree within its measure's range pays a round trip";
  if (!facts->work_known) return "its work is unknown";
  return "its batch gains nothing from more nodes";
}

dosc_decision dosc_decide(const dosc_profile *profile, const dosc_site_facts *facts, char *reason,
                          size_t reason_size) {
  /* No spawn, no recursion measure test, no batch test until decided below. */
  dosc_decision decision = {.binding = DOSC_POLICY_INLINE,
                            .remote_work_threshold = DOSC_POLICY_NEVER,
                            .measure_threshold = DOSC_POLICY_ANY_MEASURE,
                            .kept_work_threshold = DOSC_POLICY_NEVER,
                            .least_siblings = 0};
  dosc_break_even even = dosc_break_even_sizes(profile, 0.0);
  char grain[192] = "";
  char why[224] = "";
  char remote[512] = "";
  dosc_profile usable = usable_profile(profile);
  int threads = usable.threads;
  int nodes = usable.nodes;
  int requested = facts->requested;
  dosc_decision remote_choice = decision;
  int remote_can_pay = 0;

  if (requested < DOSC_POLICY_INLINE || requested > DOSC_POLICY_AUTO) requested = DOSC_POLICY_AUTO;
  if (nodes > 1 && facts->remotable && facts->work_known && !facts->recursive)
    remote_can_pay = remote_thresholds(&usable, remote_gain_ns_per_op(&usable, facts->siblings),
                                       facts, &remote_choice);
  dosc_recursive_remote_price recursive_remote = dosc_recursive_remote(profile, facts);
  int known_work_tree = recursive_remote.rule == DOSC_RECURSIVE_REMOTE_KNOWN_WORK;
  /* A lone task its spawner waits for (main's fib(n)) gains nothing from
   * another node: it is not shipped; but when its tree's top ships, it is
   * spawned (see below), not the serial clone, so that its tree's spawns run. */
  int tree_ships = recursive_remote.rule != DOSC_RECURSIVE_REMOTE_NONE &&
                   recursive_remote.measure_threshold < DOSC_POLICY_NEVER;
  int lone_tree_ships = tree_ships && facts->siblings == 1;
  if (tree_ships && !lone_tree_ships) {
    remote_can_pay = 1;
    if (known_work_tree) {
      /* The spawn's work is its subtree's: dosc_remote_pays, near the root. */
      known_work_tree_thresholds(&usable, facts, &remote_choice);
    } else {
      remote_choice.remote_work_threshold = recursive_remote.measure_threshold;
      remote_choice.remote_bytes_per_op = 0.0;
      remote_choice.remote_first_bytes = recursive_remote.max_bytes;
    }
    remote_choice.remote_depth_cutoff = recursive_remote.depth_cutoff;
  }

  if (facts->fixed) {
    /* The site is a plain call in the program: nothing at load time changes it. */
    snprintf(why, sizeof why,
             "fixed when compiled: the task's constant work never pays for a spawn");
  } else if (requested == DOSC_POLICY_INLINE) {
    snprintf(why, sizeof why, "%s", origin_text(facts->origin));
  } else if (requested == DOSC_POLICY_REMOTE && !facts->remotable) {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why, "remote %s, but the task is not remotable",
             origin_text(facts->origin));
  } else if (requested == DOSC_POLICY_REMOTE && nodes < 2) {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why, "remote %s, but there is 1 node", origin_text(facts->origin));
  } else if (requested == DOSC_POLICY_REMOTE) {
    decision.binding = DOSC_POLICY_REMOTE;
    decision.remote_work_threshold = 0;
    decision.remote_bytes_per_op = DOSC_POLICY_ANY_BYTES;
    snprintf(why, sizeof why, "%s", origin_text(facts->origin));
    snprintf(remote, sizeof remote, "every spawn goes remote");
  } else if (requested == DOSC_POLICY_LOCAL) {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why, "%s", origin_text(facts->origin));
  } else if (threads == 1 && nodes == 1) {
    snprintf(why, sizeof why, "1 thread and 1 node: nothing to gain, serial clone");
  } else if (remote_can_pay) {
    decision.binding = DOSC_POLICY_REMOTE;
    decision.remote_work_threshold = remote_choice.remote_work_threshold;
    decision.remote_bytes_per_op = remote_choice.remote_bytes_per_op;
    decision.remote_first_bytes = remote_choice.remote_first_bytes;
    decision.remote_depth_cutoff = remote_choice.remote_depth_cutoff;
    if (known_work_tree) {
      snprintf(why, sizeof why, "%d nodes, remotable recursive task of known work", nodes);
      snprintf(remote, sizeof remote,
               "remote while depth < %d (the top of its tree) and its work >= %lld ops and bytes + "
               "%.0f / batch <= (work - %lld) x %.3g (its subtree's work spread over all nodes' "
               "workers: 2 x %.0f ns latency + bytes at %.3g B/ns + the batch's share of first "
               "reaching %d nodes)",
               decision.remote_depth_cutoff, decision.remote_work_threshold,
               decision.remote_first_bytes, decision.remote_work_threshold,
               decision.remote_bytes_per_op, usable.remote_latency_ns, usable.remote_bytes_per_ns,
               nodes - 1);
      append_rank_zero_window(remote, sizeof remote, &usable);
    } else if (facts->recursive) {
      int sure = recursive_remote.rule == DOSC_RECURSIVE_REMOTE_LOWER_BOUND;
      snprintf(why, sizeof why, "%d nodes, remotable recursive task with a measure", nodes);
      snprintf(remote, sizeof remote,
               "remote while depth < %d and the %s >= %lld (%s >= %.0f ops pays 2 x %.0f "
               "ns round trips and its share of first reaching %d nodes, %.0f ns the first%s) and "
               "bytes <= %.0f",
               decision.remote_depth_cutoff,
               facts->recurrence.at_spawn ? "estimate at the spawn's arguments (ops)" : "measure",
               decision.remote_work_threshold,
               sure ? "the subtree's sure work (its lower bound)"
                    : "sqrt(one call x its calls' bound), the estimate of least worst-case "
                      "ratio,",
               recursive_remote.needed_ops, 2.0 * usable.remote_latency_ns, nodes - 1,
               usable.remote_first_ns,
               sure ? ""
                    : "; only near the root: a wrong guess "
                      "costs one first contact",
               decision.remote_first_bytes);
      append_rank_zero_window(remote, sizeof remote, &usable);
    } else {
      snprintf(why, sizeof why, "%d nodes, remotable task of known work", nodes);
      snprintf(remote, sizeof remote,
               "remote when work >= %lld ops and bytes + %.0f / batch <= (work - %lld) x %.3g (y: "
               "2 x %.0f ns latency + bytes at %.3g B/ns + the batch's share of first reaching %d "
               "nodes, %.0f ns the first, %.2g of it each later one)",
               decision.remote_work_threshold, decision.remote_first_bytes,
               decision.remote_work_threshold, decision.remote_bytes_per_op,
               usable.remote_latency_ns, usable.remote_bytes_per_ns, nodes - 1,
               usable.remote_first_ns, usable.remote_later_contact_share);
      append_rank_zero_window(remote, sizeof remote, &usable);
    }
  } else if (threads == 1 && lone_tree_ships) {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why,
             "1 thread; a lone task, but the top of its tree goes to other nodes: spawned, not "
             "the serial clone, from the %s its children ship at",
             known_work_tree ? "work" : "measure");
  } else if (threads == 1) {
    /* Several nodes, but this task cannot use them: one local thread. */
    snprintf(why, sizeof why, "1 thread and the task cannot go remote (%s), serial clone",
             why_not_remote(facts));
  } else {
    decision.binding = DOSC_POLICY_LOCAL;
    if (nodes > 1 && facts->remotable && facts->work_known && !facts->recursive &&
        facts->siblings > 0 && facts->siblings <= threads)
      snprintf(why, sizeof why,
               "%d threads; %d nodes, but its %lld siblings fit this node's threads", threads,
               nodes, facts->siblings);
    else if (nodes > 1 && facts->remotable && facts->work_known && !facts->recursive)
      snprintf(why, sizeof why,
               "%d threads; %d nodes, but their hosts' cores run %.0f workers at once, no more "
               "than this node's",
               threads, nodes, all_workers(&usable));
    else
      snprintf(why, sizeof why, "%d threads", threads);
  }

  if (decision.binding == DOSC_POLICY_LOCAL) {
    choose_grain(profile, facts, even.local_ops, &decision, grain, sizeof grain);
    int lone = threads == 1 && lone_tree_ships && requested == DOSC_POLICY_AUTO;
    if (lone && known_work_tree && decision.work_threshold < recursive_remote.measure_threshold) {
      decision.work_threshold = recursive_remote.measure_threshold;
      decision.kept_work_threshold = decision.work_threshold;
      snprintf(grain + strlen(grain), sizeof grain - strlen(grain), "; lone: from work %lld",
               decision.work_threshold);
    } else if (lone && !known_work_tree &&
               decision.measure_threshold < recursive_remote.measure_threshold) {
      decision.measure_threshold = recursive_remote.measure_threshold;
      snprintf(grain + strlen(grain), sizeof grain - strlen(grain), "; lone: from measure %lld",
               decision.measure_threshold);
    }
  } else if (decision.binding == DOSC_POLICY_REMOTE && requested == DOSC_POLICY_REMOTE) {
    /* A requested remote is the remote binding with the local binding's
     * grain: every task a requested local would spawn is shipped instead
     * (SPEC section 5: DOSC_BIND forces every site), whatever the network
     * costs; smaller ones are the plain call, as under a requested local. */
    choose_grain(profile, facts, even.local_ops, &decision, grain, sizeof grain);
  } else if (decision.binding == DOSC_POLICY_REMOTE) {
    /* A task that does not go remote (its work or its bytes below what a
     * round trip needs) takes the two-way decision, the kept threshold: with
     * 2 or more threads a local spawn when it pays; with 1 thread never (a
     * spawn only defers the work: local_ns = spawn + work > inline_ns), the
     * plain call. The first check's grain is the least work at which either
     * can pay: with 1 thread the remote threshold. */
    double floor_ops = even.local_ops;
    int plain_below_remote =
        threads == 1 && !facts->recursive && (double)decision.remote_work_threshold > floor_ops;
    if (plain_below_remote) floor_ops = (double)decision.remote_work_threshold;
    choose_grain(profile, facts, floor_ops, &decision, grain, sizeof grain);
    if (threads == 1) decision.kept_work_threshold = DOSC_POLICY_NEVER;
    if (plain_below_remote)
      snprintf(grain, sizeof grain,
               "1 thread: below %lld ops the serial clone, and above it too when the bytes keep "
               "the task here",
               decision.work_threshold);
    else if (threads == 1 && facts->recursive)
      snprintf(grain + strlen(grain), sizeof grain - strlen(grain),
               "; 1 thread: a subtree kept here is the serial clone");
    else if (threads == 1)
      snprintf(grain + strlen(grain), sizeof grain - strlen(grain),
               "; 1 thread: a task the bytes keep here is the serial clone");
  }

  if (reason != NULL && reason_size > 0) {
    if (remote[0] != '\0')
      snprintf(reason, reason_size, "%s; %s; %s", why, remote, grain);
    else if (grain[0] != '\0')
      snprintf(reason, reason_size, "%s; %s", why, grain);
    else
      snprintf(reason, reason_size, "%s", why);
  }
  return decision;
}

const char *dosc_binding_name(int binding) {
  switch (binding) {
  case DOSC_POLICY_INLINE:
    return "inline";
  case DOSC_POLICY_LOCAL:
    return "local";
  case DOSC_POLICY_REMOTE:
    return "remote";
  case DOSC_POLICY_AUTO:
    return "auto";
  default:
    return "?";
  }
}

int dosc_binding_parse(const char *name) {
  static const char *const names[] = {"inline", "local", "remote", "auto"};
  if (name == NULL) return -1;
  for (int i = 0; i < 4; i++)
    if (strcmp(name, names[i]) == 0) return i;
  return -1;
}
