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
 * - tasks_per_thread: a recursive computation is split until there are 32
 *   tasks per thread, enough for stealing to even out unbalanced trees
 *   (fib's subtrees differ by the golden ratio at each level). */
#define DOSC_DEFAULT_SPAWN_NS            50.0
#define DOSC_DEFAULT_STEAL_NS            1000.0
#define DOSC_DEFAULT_NS_PER_OP           0.5
#define DOSC_DEFAULT_REMOTE_LATENCY_NS   20000.0
#define DOSC_DEFAULT_REMOTE_BYTES_PER_NS 1.0
#define DOSC_DEFAULT_OVERHEAD_TARGET     0.02
#define DOSC_DEFAULT_TASKS_PER_THREAD    32

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

int dosc_recursive_depth_cutoff(const dosc_profile *profile, long long siblings) {
  long long fan_out = siblings >= 2 ? siblings : 2;
  long long threads = profile->threads > 1 ? profile->threads : 1;
  long long per_thread = profile->tasks_per_thread > 1 ? profile->tasks_per_thread : 1;
  long long wanted = threads * per_thread;
  long long tasks = 1;
  int depth = 0;
  while (tasks < wanted) {
    tasks *= fan_out;
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
    long long fan_out = facts->siblings >= 2 ? facts->siblings : 2;
    decision->depth_cutoff = dosc_recursive_depth_cutoff(profile, facts->siblings);
    if (facts->work_known)
      snprintf(text, text_size, "spawns when work >= %lld ops, else serial clone",
               decision->work_threshold);
    else
      snprintf(text, text_size,
               "recursive: spawns while depth < %d (%lld^%d >= %d threads x %d tasks), "
               "serial clone below",
               decision->depth_cutoff, fan_out, decision->depth_cutoff,
               profile->threads > 1 ? profile->threads : 1,
               profile->tasks_per_thread > 1 ? profile->tasks_per_thread : 1);
  } else {
    decision->depth_cutoff = DOSC_UNBOUNDED_DEPTH;
    if (facts->work_known)
      snprintf(text, text_size,
               "spawns when work >= %lld ops (spawn %.0f ns <= %.0f%% of the work at %.2f ns/op)",
               decision->work_threshold, profile->spawn_ns, profile->overhead_target * 100.0,
               profile->ns_per_op);
    else
      snprintf(text, text_size, "work unknown, not recursive: every spawn pays");
  }
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

  if (requested == DOSC_POLICY_INLINE) {
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
