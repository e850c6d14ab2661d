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

#include <stdio.h>
#include <string.h>

/* Built-in machine profile: a current x86-64 core at ~3 GHz, one socket.
 * - spawn_ns: push + pop of a task on the owner's Chase-Lev deque plus the
 *   frame bookkeeping, two uncontended atomic RMWs and a fence: tens of ns
 *   (Cilk-5 reports a spawn at 2-6 function calls, Frigo et al. PLDI'98);
 *   bench/fib_bench.c measures this runtime's figure.
 * - steal_ns: a steal moves the deque's top, the task record and the
 *   arguments between cores (~100 ns per cache-line transfer) and may wake a
 *   parked worker (a futex wake, ~1 us).
 * - ns_per_op: the manifest counts simple operations (loads, stores,
 *   arithmetic); at ~3 GHz and IPC ~0.7 for such code, ~0.5 ns each.
 * - remote: MPI over TCP on 10 Gb Ethernet, ~20 us latency and ~1 GB/s
 *   (InfiniBand would be ~1.5 us and ~10 GB/s; `dosc calibrate` measures).
 * - overhead_target: spawns may cost at most 2% of the work they move.
 * - tasks_per_thread: a recursive computation is split until its heaviest
 *   leaf task is at most 1 / (threads x 256) of the work (see
 *   dosc_recursive_depth_cutoff). Measured on fib(34), 2 threads (2-core VM,
 *   whole-process time vs the plain build): 32 -> 0.67x, 256 -> 0.57x,
 *   2048 -> 0.57x, 32768 -> 0.68x. With few tasks a worker that waits for a
 *   stolen child soon finds nothing left to steal and idles (0.3-0.9 ms per
 *   run at 32); each extra spawn costs ~20 ns. */
#define DOSC_DEFAULT_SPAWN_NS            50.0
#define DOSC_DEFAULT_STEAL_NS            1000.0
#define DOSC_DEFAULT_NS_PER_OP           0.5
#define DOSC_DEFAULT_REMOTE_LATENCY_NS   20000.0
#define DOSC_DEFAULT_REMOTE_BYTES_PER_NS 1.0
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
  profile->overhead_target = DOSC_DEFAULT_OVERHEAD_TARGET;
  profile->tasks_per_thread = DOSC_DEFAULT_TASKS_PER_THREAD;
  profile->threads = 1;
  profile->nodes = 1;
}

/* Guards against a profile with zeros or negatives (a user-edited file). */
static double positive_or(double value, double fallback) {
  return value > 0.0 ? value : fallback;
}

dosc_break_even dosc_break_even_sizes(const dosc_profile *profile, double bytes) {
  double ns_per_op = positive_or(profile->ns_per_op, DOSC_DEFAULT_NS_PER_OP);
  double target = positive_or(profile->overhead_target, DOSC_DEFAULT_OVERHEAD_TARGET);
  double bandwidth = positive_or(profile->remote_bytes_per_ns, DOSC_DEFAULT_REMOTE_BYTES_PER_NS);
  double spawn_ns = profile->spawn_ns > 0.0 ? profile->spawn_ns : 0.0;
  double latency_ns = profile->remote_latency_ns > 0.0 ? profile->remote_latency_ns : 0.0;
  dosc_break_even result;
  /* Only the spawn counts per task: steals happen O(threads x critical path)
   * times in a work-stealing schedule, not once per task (work-first
   * principle, Frigo et al. PLDI'98), so they do not set the grain. */
  result.local_ops = spawn_ns / (ns_per_op * target);
  result.remote_ops = (latency_ns + (bytes > 0.0 ? bytes : 0.0) / bandwidth) / ns_per_op;
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
  long long threads = profile->threads > 1 ? profile->threads : 1;
  long long per_thread = profile->tasks_per_thread > 1 ? profile->tasks_per_thread : 1;
  double wanted = (double)threads * (double)per_thread;
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

/* Fills the grain of a local (or remote) decision and describes it. */
static void choose_grain(const dosc_profile *profile, const dosc_site_facts *facts,
                         double threshold_ops, dosc_decision *decision, char *text,
                         size_t text_size) {
  decision->work_threshold = (long long)(threshold_ops + 0.999999);
  if (decision->work_threshold < 0) decision->work_threshold = 0;
  if (facts->recursive) {
    long long fan_out = fan_out_of(facts->siblings);
    decision->depth_cutoff = dosc_recursive_depth_cutoff(profile, facts->siblings);
    if (facts->work_known)
      snprintf(text, text_size, "spawns when work >= %lld ops, else serial clone",
               decision->work_threshold);
    else
      snprintf(text, text_size,
               "recursive: spawns while depth < %d (%lld-way splits, uneven like fib's: "
               "heaviest leaf <= 1/(%d threads x %d tasks)), serial clone below",
               decision->depth_cutoff, fan_out, profile->threads > 1 ? profile->threads : 1,
               profile->tasks_per_thread > 1 ? profile->tasks_per_thread : 1);
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

dosc_decision dosc_decide(const dosc_profile *profile, const dosc_site_facts *facts, char *reason,
                          size_t reason_size) {
  dosc_decision decision = {DOSC_POLICY_INLINE, 0, 0};
  dosc_break_even even = dosc_break_even_sizes(profile, 0.0);
  char grain[192] = "";
  char why[160] = "";
  int threads = profile->threads > 1 ? profile->threads : 1;
  int nodes = profile->nodes > 1 ? profile->nodes : 1;
  int requested = facts->requested;

  if (requested < DOSC_POLICY_INLINE || requested > DOSC_POLICY_AUTO) requested = DOSC_POLICY_AUTO;

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
    snprintf(why, sizeof why, "%s", origin_text(facts->origin));
  } else if (requested == DOSC_POLICY_LOCAL) {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why, "%s", origin_text(facts->origin));
  } else if (threads == 1 && nodes == 1) {
    snprintf(why, sizeof why, "1 thread and 1 node: nothing to gain, serial clone");
  } else if (nodes > 1 && facts->remotable && facts->work_known && !facts->recursive) {
    decision.binding = DOSC_POLICY_REMOTE;
    snprintf(why, sizeof why, "%d nodes, remotable task of known work", nodes);
  } else if (threads == 1) {
    /* Several nodes, but this task cannot use them: one local thread. */
    snprintf(why, sizeof why, "1 thread and the task cannot go remote, serial clone");
  } else {
    decision.binding = DOSC_POLICY_LOCAL;
    snprintf(why, sizeof why, "%d threads", threads);
  }

  if (decision.binding == DOSC_POLICY_LOCAL) {
    choose_grain(profile, facts, even.local_ops, &decision, grain, sizeof grain);
  } else if (decision.binding == DOSC_POLICY_REMOTE) {
    /* Known bytes are only at spawn time; the load-time threshold prices the
     * latency alone, the floor below which remote can never pay. */
    double floor_ops = even.remote_ops > even.local_ops ? even.remote_ops : even.local_ops;
    choose_grain(profile, facts, floor_ops, &decision, grain, sizeof grain);
  }

  if (reason != NULL && reason_size > 0) {
    if (grain[0] != '\0')
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
