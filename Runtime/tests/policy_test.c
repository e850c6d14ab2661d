/* policy_test - the cost model at its edges, on hand-made profiles and site
 * facts (no pool, no sidecar): the pure functions of dosc_policy.h.
 *
 * usage: policy_test
 * Prints "policy: N checks" and exits 0, or names each failed check. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "dosc_policy.h"

static dosc_profile machine(int threads, int nodes) {
  dosc_profile profile;
  dosc_profile_defaults(&profile);
  profile.threads = threads;
  profile.nodes = nodes;
  return profile;
}

static dosc_site_facts task(int remotable, int recursive, int work_known, long long siblings) {
  dosc_site_facts facts = {0};
  facts.requested = DOSC_POLICY_AUTO;
  facts.origin = DOSC_ORIGIN_COMPILED;
  facts.remotable = remotable;
  facts.recursive = recursive;
  facts.work_known = work_known;
  facts.siblings = siblings;
  return facts;
}

/* What the generated code does at spawn time with a decision (UnitRewriter's
 * dispatch: dosc_spawn_choice), in a batch of `siblings` tasks (-1: the code
 * has no batch test), for a task of `bytes` own shipped bytes. */
static long long bytes_at(const void *args) {
  return *(const long long *)args;
}

static const char *in_batch(const dosc_decision *d, long long work, long long bytes,
                            long long siblings) {
  return dosc_binding_name(
      dosc_spawn_choice(d, work, DOSC_POLICY_NO_MEASURE, 0, siblings, bytes_at, &bytes));
}

static const char *at_spawn(const dosc_decision *d, long long work, long long bytes) {
  return in_batch(d, work, bytes, -1);
}

static void one_thread_one_node(void) {
  dosc_profile profile = machine(1, 1);
  dosc_site_facts facts = task(1, 0, 1, 64);
  char reason[384];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_INLINE, "1 thread 1 node: %s", reason);
  EXPECT(strstr(reason, "nothing to gain") != NULL, "reason: %s", reason);
}

static void one_node_never_remote(void) {
  dosc_profile profile = machine(2, 1);
  dosc_site_facts facts = task(1, 0, 1, 1000);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "1 node, 2 threads: local, got %d", d.binding);
  EXPECT(d.remote_work_threshold == DOSC_POLICY_NEVER, "no remote threshold on 1 node");
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_ENV;
  d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "forced remote on 1 node runs local");
}

static void tiny_tasks_stay_inline(void) {
  dosc_profile profile = machine(2, 4);
  dosc_site_facts facts = task(1, 0, 1, 1000);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "4 nodes, known work, remotable: remote binding");
  EXPECT(strcmp(at_spawn(&d, 10, 8), "inline") == 0, "10 ops: %s", at_spawn(&d, 10, 8));
  dosc_site_facts one_node = facts;
  dosc_profile single = machine(2, 1);
  EXPECT(dosc_decide(&single, &one_node, NULL, 0).work_threshold == 5000,
         "local threshold 10 ns / (0.1 ns x 2%%)");
  /* remote: 3 of 4 nodes' share, gain 0.1 x (1/2 - 1/8) ns/op; 2 x 20 us round trip */
  EXPECT(d.remote_work_threshold == 1066667, "remote threshold %lld", d.remote_work_threshold);
  /* below the remote threshold the two-way decision, as on one node: local from the grain */
  EXPECT(d.work_threshold == 5000, "2 threads: the local grain, got %lld", d.work_threshold);
  EXPECT(strcmp(at_spawn(&d, 4999, 8), "inline") == 0, "4999 ops: inline");
  EXPECT(strcmp(at_spawn(&d, 5000, 8), "local") == 0, "5000 ops: local");
  EXPECT(strcmp(at_spawn(&d, 100000, 8), "local") == 0, "1e5 ops: local (not remote, not inline)");
  EXPECT(strcmp(at_spawn(&d, 10000000, 8), "remote") == 0, "1e7 ops, 8 bytes: remote");
}

static void huge_data_little_work_stays_local(void) {
  dosc_profile profile = machine(2, 4);
  dosc_site_facts facts = task(1, 0, 1, 1000);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  /* 1e7 ops would pay remotely with no data; 1 GB of data never does */
  EXPECT(strcmp(at_spawn(&d, 10000000, 1000000000LL), "local") == 0, "1e7 ops, 1 GB: %s",
         at_spawn(&d, 10000000, 1000000000LL));
  /* the boundary: bytes = (work - threshold) x bytes per op less the task's share of the
   * first contact (its 1000 siblings, a constant: shared at load time) pays, one more does not */
  long long work = 10000000;
  EXPECT(d.remote_first_bytes > 0.0, "a first contact to pay: %g bytes", d.remote_first_bytes);
  long long bytes = (long long)((double)(work - d.remote_work_threshold) * d.remote_bytes_per_op -
                                d.remote_first_bytes);
  EXPECT(dosc_remote_pays(&d, work, bytes, -1), "at the byte boundary");
  EXPECT(!dosc_remote_pays(&d, work, bytes + 2, -1), "past the byte boundary");
  /* the prices agree with the thresholds: remote cheaper exactly past them */
  dosc_task_size at = {(double)work, (double)bytes * 0.99, 1000};
  dosc_prices p = dosc_price_task(&profile, &at);
  EXPECT(p.remote_ns < p.local_ns, "inside: remote %g < local %g", p.remote_ns, p.local_ns);
  at.bytes = (double)bytes * 1.01;
  p = dosc_price_task(&profile, &at);
  EXPECT(p.remote_ns > p.local_ns, "outside: remote %g > local %g", p.remote_ns, p.local_ns);
}

static void non_remotable_never_remote(void) {
  dosc_profile profile = machine(2, 8);
  dosc_site_facts facts = task(0, 0, 1, 1000);
  char reason[384];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "non-remotable, 8 nodes: local");
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_SIDECAR;
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && strstr(reason, "not remotable") != NULL,
         "sidecar remote on a non-remotable task: %s", reason);
  EXPECT(strstr(reason, "set in the sidecar") != NULL, "origin said: %s", reason);
}

static void recursive_stays_local(void) {
  dosc_profile profile = machine(2, 4);
  dosc_site_facts facts = task(1, 1, 0, 2);
  char reason[384];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "recursive, work unknown: local (%s)", reason);
  EXPECT(d.depth_cutoff == 13, "fib's cut-off on 2 threads stays 13: %d", d.depth_cutoff);
  dosc_task_size unknown = {-1.0, 0.0, 2};
  dosc_prices p = dosc_price_task(&profile, &unknown);
  EXPECT(p.inline_ns < 0 && p.local_ns < 0 && p.remote_ns < 0, "unknown work: no prices");
}

static void narrow_batch_not_remote(void) {
  /* 2 siblings on 2 threads: more nodes cannot make the batch faster */
  dosc_profile profile = machine(2, 4);
  dosc_site_facts facts = task(1, 0, 1, 2);
  char reason[384];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "2 siblings, 2 threads: local (%s)", reason);
}

static void one_thread_many_nodes(void) {
  dosc_profile profile = machine(1, 3);
  dosc_site_facts facts = task(1, 0, 1, 100);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "1 thread, 3 nodes: remote binding");
  EXPECT(d.work_threshold == d.remote_work_threshold, "below the remote threshold: the plain call");
  EXPECT(strcmp(at_spawn(&d, 1000, 8), "inline") == 0, "small: inline");
  EXPECT(strcmp(at_spawn(&d, 100000000, 8), "remote") == 0, "large: remote");
  EXPECT(strcmp(at_spawn(&d, 100000000, 1LL << 40), "inline") == 0,
         "large work, 1 TB of data: stays here, the plain call on 1 thread");
  EXPECT(d.kept_work_threshold == DOSC_POLICY_NEVER, "1 thread: a kept task never spawns");
}

/* Much data, little work, with 1 and 2 threads: the bytes test keeps it here,
 * and "here" is what the two-way model would pick. */
static void data_heavy_task_takes_the_local_decision(void) {
  for (int threads = 1; threads <= 2; threads++) {
    dosc_profile profile = machine(threads, 3);
    dosc_site_facts facts = task(1, 0, 1, 100);
    dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
    dosc_profile one_node = machine(threads, 1);
    dosc_decision two_way = dosc_decide(&one_node, &facts, NULL, 0);
    long long work = d.remote_work_threshold * 4;
    long long heavy = (long long)((double)(work - d.remote_work_threshold) * d.remote_bytes_per_op -
                                  d.remote_first_bytes) +
                      2;
    /* kept here: the two-way decision, with 1 thread the plain call (a spawn
     * only defers the work), with 2 a local spawn */
    const char *kept = threads == 1 ? "inline" : "local";
    EXPECT(strcmp(at_spawn(&d, work, heavy), kept) == 0, "%d threads, heavy: %s", threads,
           at_spawn(&d, work, heavy));
    EXPECT(strcmp(at_spawn(&two_way, work, heavy), kept) == 0, "%d threads, one node: %s", threads,
           at_spawn(&two_way, work, heavy));
    EXPECT(strcmp(at_spawn(&d, work, heavy - 4), "remote") == 0, "%d threads, light: remote",
           threads);
    /* below the remote threshold: exactly the two-way (one node) decision */
    for (long long w = 1; w < d.remote_work_threshold; w *= 3) {
      const char *one = at_spawn(&two_way, w, 0);
      EXPECT(strcmp(at_spawn(&d, w, 0), one) == 0, "%d threads, %lld ops: %s, one node %s", threads,
             w, at_spawn(&d, w, 0), one);
    }
  }
}

/* The one replication rule (remote.c and `dosc explain` call it). */
static void replication_rule(void) {
  EXPECT(dosc_replicated(1, 1, 4096.0), "read only, same region, 4 KiB: replicated");
  EXPECT(!dosc_replicated(1, 1, 4095.0), "under 4 KiB: shipped with the task");
  EXPECT(!dosc_replicated(0, 1, 1e9), "written: never replicated");
  EXPECT(!dosc_replicated(1, 0, 1e9), "a region that moves with the task: not replicated");
}

static void gap_of_ten_to_the_fifth(void) {
  /* remote latency 1e5 x the local spawn: the remote threshold moves by ~1e5 */
  dosc_profile profile = machine(2, 2);
  profile.spawn_ns = 50.0;
  profile.remote_latency_ns = 50.0 * 1e5;
  dosc_site_facts facts = task(1, 0, 1, 0);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "2 nodes, unknown siblings: remote binding");
  dosc_profile one_node = machine(2, 1);
  double ratio = (double)d.remote_work_threshold /
                 (double)dosc_decide(&one_node, &facts, NULL, 0).work_threshold;
  EXPECT(ratio > 1e4 && ratio < 1e6, "remote/local thresholds %lld / %lld = %g",
         d.remote_work_threshold, d.work_threshold, ratio);
  EXPECT(strcmp(at_spawn(&d, 1000000, 8), "local") == 0, "1e6 ops: below the remote threshold");
  dosc_task_size size = {1e6, 8.0, 0};
  dosc_prices p = dosc_price_task(&profile, &size);
  EXPECT(p.y > 10.0 && p.l < 1.2, "l %g y %g", p.l, p.y);
}

static void paper_overheads(void) {
  dosc_profile profile = machine(2, 2);
  dosc_task_size size = {1000.0, 0.0, 0};
  dosc_prices p = dosc_price_task(&profile, &size);
  /* l = (100 ns + 10 ns) / 100 ns; y = (100 + 40000 + the first contact: 300000 ns to 1 node,
   * half of it holding up the batch (rank 0 runs 2 of the 4 workers' share), a batch of
   * unknown size: 1 task) / 100 */
  EXPECT(fabs(p.l - 1.1) < 1e-9, "l = %g", p.l);
  EXPECT(fabs(p.y - 1901.0) < 1e-9, "y = %g", p.y);
  profile.remote_first_ns = 0.0;
  p = dosc_price_task(&profile, &size);
  EXPECT(fabs(p.y - 401.0) < 1e-9, "no first contact: y = %g", p.y);
  EXPECT(fabs(dosc_shipped_bytes(100, 50, 800, 8, 3) - 350.0) < 1e-9,
         "replicated bytes spread over 4 tasks per other node");
  EXPECT(fabs(dosc_shipped_bytes(100, 50, 800, 0, 3) - 950.0) < 1e-9,
         "unknown siblings: all the replicated bytes");
}

static void forced_remote_sends_everything(void) {
  dosc_profile profile = machine(2, 2);
  dosc_site_facts facts = task(1, 1, 0, 2);
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_ENV;
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "forced remote, 2 nodes");
  EXPECT(dosc_remote_pays(&d, -1, 1 << 30, -1), "forced: even unknown work and 1 GB go remote");
}

/* The kept threshold (issue 10): a task the remote test keeps here is priced
 * by the same model as the two-way decision. */
static void kept_threshold_is_the_two_way_grain(void) {
  for (int threads = 1; threads <= 4; threads *= 2) {
    dosc_profile profile = machine(threads, 3);
    dosc_site_facts facts = task(1, 0, 1, 0);
    dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
    EXPECT(d.binding == DOSC_POLICY_REMOTE, "%d threads, 3 nodes: remote", threads);
    if (threads == 1) {
      EXPECT(d.kept_work_threshold == DOSC_POLICY_NEVER, "1 thread: never");
      /* the model's own prices: on 1 thread a spawn costs more than the call at any size */
      dosc_task_size size = {1e12, 1e15, 0};
      dosc_prices p = dosc_price_task(&profile, &size);
      EXPECT(p.inline_ns < p.local_ns, "1 thread: inline %g < local %g", p.inline_ns, p.local_ns);
    } else {
      dosc_profile one_node = machine(threads, 1);
      long long grain = dosc_decide(&one_node, &facts, NULL, 0).work_threshold;
      EXPECT(d.kept_work_threshold == grain, "%d threads: kept %lld = the local grain %lld",
             threads, d.kept_work_threshold, grain);
      /* the edge: one op below the grain the plain call, at it a spawn */
      long long heavy = 1LL << 50;
      EXPECT(strcmp(at_spawn(&d, grain - 1, heavy), "inline") == 0, "below the kept grain");
      EXPECT(strcmp(at_spawn(&d, grain, heavy), "local") == 0, "at the kept grain");
    }
  }
}

/* The batch test (issue 10): where the code knows the batch, a lone task is
 * the plain call under every binding but a forced inline's (always plain). */
static void lone_task_is_a_plain_call(void) {
  EXPECT(dosc_batch_pays(2, -1), "unknown batch: pays");
  EXPECT(!dosc_batch_pays(2, 1) && !dosc_batch_pays(2, 0), "0 or 1 task: plain call");
  EXPECT(dosc_batch_pays(2, 2), "2 tasks: pays");
  for (int nodes = 1; nodes <= 3; nodes += 2) {
    for (int requested = DOSC_POLICY_LOCAL; requested <= DOSC_POLICY_AUTO; requested++) {
      dosc_profile profile = machine(2, nodes);
      dosc_site_facts facts = task(1, 0, 1, 0);
      facts.requested = requested;
      dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
      EXPECT(d.least_siblings == 2, "%d nodes, %s: least batch 2, got %d", nodes,
             dosc_binding_name(requested), d.least_siblings);
      EXPECT(strcmp(in_batch(&d, 1LL << 40, 8, 1), "inline") == 0, "%d nodes, %s: lone: %s", nodes,
             dosc_binding_name(requested), in_batch(&d, 1LL << 40, 8, 1));
      EXPECT(strcmp(in_batch(&d, 1LL << 40, 8, 2), "inline") != 0, "%d nodes, %s: 2 tasks spawn",
             nodes, dosc_binding_name(requested));
    }
  }
  /* the prices say so: a batch of 1 runs on 1 worker, a spawn adds to the call */
  dosc_profile profile = machine(2, 3);
  dosc_task_size lone = {1e9, 8.0, 1};
  dosc_prices p = dosc_price_task(&profile, &lone);
  EXPECT(p.inline_ns < p.local_ns && p.inline_ns < p.remote_ns,
         "lone: inline %g, local %g, remote %g", p.inline_ns, p.local_ns, p.remote_ns);
}

/* A requested remote ships what a requested local would spawn: the local
 * grain, whatever the network costs (SPEC section 5: DOSC_BIND forces). */
static void requested_remote_has_the_local_grain(void) {
  dosc_profile profile = machine(1, 2);
  profile.remote_latency_ns = 1e9; /* a network no task of this size pays for */
  dosc_site_facts facts = task(1, 0, 1, 0);
  facts.requested = DOSC_POLICY_LOCAL;
  facts.origin = DOSC_ORIGIN_ENV;
  long long local_grain = dosc_decide(&profile, &facts, NULL, 0).work_threshold;
  facts.requested = DOSC_POLICY_REMOTE;
  char reason[384];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_REMOTE && d.work_threshold == local_grain,
         "forced remote grain %lld = forced local's %lld (%s)", d.work_threshold, local_grain,
         reason);
  EXPECT(strcmp(at_spawn(&d, local_grain, 1LL << 40), "remote") == 0, "at the grain: remote");
  EXPECT(strcmp(at_spawn(&d, local_grain - 1, 8), "inline") == 0, "below: the plain call");
}

static void profile_validation(void) {
  dosc_profile profile = machine(2, 1);
  char warning[256];
  EXPECT(dosc_profile_set(&profile, "spawn_ns", 1e308, warning, sizeof warning) == -1 &&
             profile.spawn_ns == 10.0 && strstr(warning, "\"spawn_ns\"") != NULL,
         "spawn_ns 1e308: default, warning naming it (%s)", warning);
  EXPECT(dosc_profile_set(&profile, "ns_per_op", 1e-320, warning, sizeof warning) == -1 &&
             profile.ns_per_op == 0.1 && strstr(warning, "\"ns_per_op\"") != NULL,
         "ns_per_op 1e-320 (denormal): default");
  EXPECT(dosc_profile_set(&profile, "steal_ns", -1.0, warning, sizeof warning) == -1 &&
             profile.steal_ns == 1000.0,
         "negative: default");
  EXPECT(dosc_profile_set(&profile, "remote_latency_ns", NAN, warning, sizeof warning) == -1 &&
             profile.remote_latency_ns == 20000.0,
         "NaN: default");
  EXPECT(dosc_profile_set(&profile, "overhead_target", INFINITY, warning, sizeof warning) == -1,
         "infinity: rejected");
  EXPECT(dosc_profile_set(&profile, "tasks_per_thread", 2.5, warning, sizeof warning) == -1 &&
             profile.tasks_per_thread == 256,
         "fractional tasks_per_thread: default");
  EXPECT(dosc_profile_set(&profile, "tasks_per_thread", 1e12, warning, sizeof warning) == -1 &&
             profile.tasks_per_thread == 256,
         "huge tasks_per_thread: default, no int overflow");
  EXPECT(dosc_profile_set(&profile, "spawn_ns", 120.0, warning, sizeof warning) == 1 &&
             profile.spawn_ns == 120.0,
         "in range: set");
  EXPECT(dosc_profile_set(&profile, "calibrated_at", 5.0, warning, sizeof warning) == 0,
         "unknown key: ignored");
  /* the extreme but valid corners give ordered, finite thresholds */
  profile.spawn_ns = 1e9;
  profile.ns_per_op = 1e-3;
  profile.overhead_target = 1e-4;
  dosc_site_facts facts = task(1, 0, 1, 0);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && d.work_threshold > 0 &&
             d.work_threshold < DOSC_POLICY_NEVER,
         "slowest spawn, fastest op: a positive threshold %lld", d.work_threshold);
}

static void saturation(void) {
  EXPECT(dosc_saturate_ll(1e308, 1) == DOSC_POLICY_NEVER, "1e308 saturates");
  EXPECT(dosc_saturate_ll(-1e308, 1) == -DOSC_POLICY_NEVER - 1, "-1e308 saturates");
  EXPECT(dosc_saturate_ll(NAN, 1) == DOSC_POLICY_NEVER, "NaN: never");
  EXPECT(dosc_saturate_ll(9223372036854775807.0, 1) == DOSC_POLICY_NEVER, "2^63: never");
  EXPECT(dosc_saturate_ll(2.5, 1) == 3 && dosc_saturate_ll(2.5, 0) == 2, "rounding");
  EXPECT(dosc_saturate_ll(-2.5, 1) == -2 && dosc_saturate_ll(-2.5, 0) == -3, "negative rounding");
  EXPECT(dosc_saturate_ll(7.0, 1) == 7, "whole numbers stay");
  /* a threshold computed from the widest valid profile fits */
  dosc_profile profile = machine(1, 2);
  profile.remote_latency_ns = 1e11;
  profile.ns_per_op = 1e-3;
  dosc_site_facts facts = task(1, 0, 1, 0);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.remote_work_threshold > 0 && d.work_threshold > 0,
         "huge remote threshold stays positive: %lld", d.remote_work_threshold);
}

/* Recursive tasks with a measure (dosc_recurrence): the subtree bound is the
 * program's own recurrence, the threshold the least measure whose bound
 * reaches the grain, and without a measure nothing changes. */
static dosc_recurrence recurrence(int calls, long long base, const long long *decrements,
                                  double work_per_call) {
  dosc_recurrence r;
  memset(&r, 0, sizeof r);
  r.calls = calls;
  r.base = base;
  for (int i = 0; i < calls; i++)
    r.decrement[i] = decrements[i];
  r.work_per_call = work_per_call;
  return r;
}

static long long fib_of(int n) {
  long long a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    long long next = a + b;
    a = b;
    b = next;
  }
  return a;
}

static void recursive_measure(void) {
  static const long long fib_steps[] = {1, 2};
  dosc_recurrence fib = recurrence(2, 2, fib_steps, 10.0);
  /* fib(n) makes 2 fib(n + 1) - 1 calls: the bound is exact for fib */
  for (int n = 0; n <= 40; n += 5)
    EXPECT(dosc_recursive_subtree_ops(&fib, n) == 10.0 * (double)(2 * fib_of(n + 1) - 1),
           "fib(%d)'s calls' work %g", n, dosc_recursive_subtree_ops(&fib, n));
  EXPECT(dosc_recursive_subtree_ops(&fib, -7) == 10.0, "below the base: one call");

  dosc_profile two = machine(2, 1);
  double grain = dosc_recursive_grain_ops(&two);
  EXPECT(fabs(grain - (two.spawn_ns + two.steal_ns) / (two.ns_per_op * 0.02)) < 1e-6,
         "grain: spawn + steal within 2%% of the work: %g", grain);
  long long threshold = dosc_recursive_measure_threshold(&two, &fib);
  /* the least n whose bound reaches the grain (built-in defaults: spawn 10 + steal 1000 ns
   * over 0.1 ns/op x 2% = 505000 ops): 10 x 57313 (n = 22) >= 505000 > 10 x 35421 */
  EXPECT(threshold == 22, "fib's threshold on the defaults: %lld", threshold);
  EXPECT(dosc_recursive_subtree_ops(&fib, threshold) >= grain &&
             dosc_recursive_subtree_ops(&fib, threshold - 1) < grain,
         "the threshold is the least such measure");

  /* the decision: same depth as without a measure, plus the threshold */
  dosc_site_facts facts = task(1, 1, 0, 2);
  dosc_decision blind = dosc_decide(&two, &facts, NULL, 0);
  EXPECT(blind.measure_threshold == DOSC_POLICY_ANY_MEASURE, "no measure: no threshold");
  facts.recurrence = fib;
  char reason[384];
  dosc_decision sized = dosc_decide(&two, &facts, reason, sizeof reason);
  EXPECT(sized.binding == DOSC_POLICY_LOCAL && sized.depth_cutoff == blind.depth_cutoff,
         "a large problem splits as deep as before: %d (%s)", sized.depth_cutoff, reason);
  EXPECT(sized.measure_threshold == 22 && strstr(reason, "measure >= 22") != NULL,
         "threshold in the decision and its reason: %s", reason);
  /* forced local keeps the grain; one thread, one node: inline */
  facts.requested = DOSC_POLICY_LOCAL;
  EXPECT(dosc_decide(&two, &facts, NULL, 0).measure_threshold == 22, "forced local: same grain");
  facts.requested = DOSC_POLICY_AUTO;
  dosc_profile one = machine(1, 1);
  EXPECT(dosc_decide(&one, &facts, NULL, 0).binding == DOSC_POLICY_INLINE, "1 thread: inline");
  /* a known-work site ignores a recurrence */
  dosc_site_facts known = task(1, 1, 1, 2);
  known.recurrence = fib;
  EXPECT(dosc_decide(&two, &known, NULL, 0).measure_threshold == DOSC_POLICY_ANY_MEASURE,
         "known work: the work threshold decides");

  /* a slower spawn or a faster operation raises the threshold, never lowers it */
  dosc_profile slow = two;
  slow.steal_ns *= 10.0;
  EXPECT(dosc_recursive_measure_threshold(&slow, &fib) > threshold, "dearer steal: higher");
  slow = two;
  slow.ns_per_op /= 10.0;
  EXPECT(dosc_recursive_measure_threshold(&slow, &fib) > threshold, "faster ops: higher");

  /* one invocation that already pays: any measure */
  dosc_recurrence heavy = recurrence(2, 2, fib_steps, 1e6);
  EXPECT(dosc_recursive_measure_threshold(&two, &heavy) == DOSC_POLICY_ANY_MEASURE,
         "heavy calls: every spawn passes");
  facts.recurrence = heavy;
  dosc_decide(&two, &facts, reason, sizeof reason);
  EXPECT(strstr(reason, "spawns while depth < 13 (one call's work pays") != NULL,
         "heavy calls: the depth alone, said so: %s", reason);
  /* a chain (one call, step 1): N(m) = m - base + 2, threshold base + grain / work - 2 */
  static const long long one_step[] = {1};
  dosc_recurrence chain = recurrence(1, 1, one_step, 100.0);
  EXPECT(dosc_recursive_measure_threshold(&two, &chain) == 1 + (long long)(grain / 100.0) - 2,
         "chain: %lld", dosc_recursive_measure_threshold(&two, &chain));
  /* a decrement past the window counts as a smaller one: the bound only grows */
  static const long long far[] = {1000, 1000};
  dosc_recurrence wide = recurrence(2, 0, far, 10.0);
  EXPECT(dosc_recursive_subtree_ops(&wide, 999) >= 30.0, "never below the truth (3 calls)");
  /* a bound that never reaches the grain within the walk: a finite threshold, no overflow */
  static const long long slow_steps[] = {255};
  dosc_recurrence crawl = recurrence(1, DOSC_POLICY_NEVER - 10, slow_steps, 1.0);
  long long far_threshold = dosc_recursive_measure_threshold(&two, &crawl);
  EXPECT(far_threshold >= DOSC_POLICY_NEVER - 10, "near the top: %lld", far_threshold);
  EXPECT(dosc_recursive_subtree_ops(&crawl, DOSC_POLICY_NEVER) >= 1.0, "no overflow");
  /* no measure */
  dosc_recurrence none = recurrence(0, 0, one_step, 10.0);
  EXPECT(dosc_recursive_measure_threshold(&two, &none) == DOSC_POLICY_ANY_MEASURE &&
             dosc_recursive_subtree_ops(&none, 5) < 0,
         "calls 0: no measure");
}

/* dosc_spawn_choice on a recursive site: the measure and the depth decide the
 * spawn, a forced remote ships it, and a site that cannot ship spawns locally. */
static void recursive_spawn_choice(void) {
  static const long long fib_steps[] = {1, 2};
  dosc_profile two = machine(2, 1);
  dosc_site_facts facts = task(1, 1, 0, 2);
  facts.recurrence = recurrence(2, 2, fib_steps, 10.0);
  dosc_decision d = dosc_decide(&two, &facts, NULL, 0);
  long long none = 0;
  EXPECT(dosc_spawn_choice(&d, -1, 21, 0, -1, bytes_at, &none) == DOSC_POLICY_INLINE,
         "below the measure threshold: the plain call");
  EXPECT(dosc_spawn_choice(&d, -1, 22, 0, -1, bytes_at, &none) == DOSC_POLICY_LOCAL,
         "at the threshold, depth 0: local");
  EXPECT(dosc_spawn_choice(&d, -1, 40, d.depth_cutoff, -1, bytes_at, &none) == DOSC_POLICY_INLINE,
         "at the depth cut-off: the plain call");
  EXPECT(dosc_spawn_choice(&d, -1, 40, 0, 1, bytes_at, &none) == DOSC_POLICY_INLINE,
         "a batch of one: the plain call");
  dosc_site_facts blind = task(1, 1, 0, 2);
  dosc_decision b = dosc_decide(&two, &blind, NULL, 0);
  EXPECT(dosc_spawn_choice(&b, -1, DOSC_POLICY_NO_MEASURE, 0, -1, NULL, NULL) == DOSC_POLICY_LOCAL,
         "no measure: the depth alone");
  dosc_profile three = machine(1, 3);
  facts.requested = DOSC_POLICY_REMOTE;
  dosc_decision r = dosc_decide(&three, &facts, NULL, 0);
  EXPECT(dosc_spawn_choice(&r, -1, 30, 0, -1, bytes_at, &none) == DOSC_POLICY_REMOTE,
         "forced remote ships a recursive task that passes the grain");
  EXPECT(dosc_spawn_choice(&r, -1, 30, 0, -1, NULL, NULL) == DOSC_POLICY_LOCAL,
         "no marshalling: spawned locally");
  EXPECT(dosc_spawn_choice(&r, -1, 21, 0, -1, bytes_at, &none) == DOSC_POLICY_INLINE,
         "forced remote keeps the grain");
}

/* The workers that run at once: 3 ranks of 1 thread on one 2-core host are 2
 * (the model once counted 3, and priced remote 1.5x too cheap); one rank per
 * host (a cluster) or unknown hosts: every thread. */
static void hosts_cores_cap_the_width(void) {
  dosc_profile profile = machine(1, 3);
  profile.remote_first_ns = 0.0;
  dosc_task_size size = {1e9, 0.0, 3};
  double unknown = dosc_price_task(&profile, &size).remote_ns;
  profile.cores = 2;
  profile.ranks_per_host = 3;
  double filled = dosc_price_task(&profile, &size).remote_ns;
  double rest = profile.spawn_ns + 2.0 * profile.remote_latency_ns;
  EXPECT(fabs(unknown - rest - 1e8 / 3.0) < 1e-3, "hosts unknown: 3 workers: %g", unknown);
  EXPECT(fabs(filled - rest - 1e8 / 2.0) < 1e-3, "3 ranks on 2 cores: 2 workers: %g", filled);
  profile.ranks_per_host = 1;
  EXPECT(fabs(dosc_price_task(&profile, &size).remote_ns - unknown) < 1e-3,
         "one rank a host: 3 workers");
  /* 3 ranks of 2 threads on one 2-core host: no more workers than rank 0's own */
  profile = machine(2, 3);
  profile.cores = 2;
  profile.ranks_per_host = 3;
  dosc_site_facts facts = task(1, 0, 1, 0);
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "2 threads x 3 ranks on 2 cores: local, %s", reason);
  EXPECT(strstr(reason, "2 workers") != NULL, "reason: %s", reason);
  /* on 3 hosts of 2 cores (ranks_per_host 1) the same task pays remotely */
  profile.ranks_per_host = 1;
  EXPECT(dosc_decide(&profile, &facts, NULL, 0).binding == DOSC_POLICY_REMOTE,
         "3 hosts: remote binding");
  /* a rank's threads beyond its host's cores: local width is the cores */
  profile = machine(4, 1);
  profile.cores = 2;
  dosc_task_size batch = {1e6, 0.0, 4};
  dosc_prices p = dosc_price_task(&profile, &batch);
  EXPECT(fabs(p.local_ns - profile.spawn_ns - 1e5 / 2.0) < 1e-6, "4 threads on 2 cores: %g",
         p.local_ns);
}

/* 3 ranks of 1 thread on one 2-core host, with a calibration of this VM. */
static dosc_profile calibrated_three_ranks(void) {
  dosc_profile profile = machine(1, 3);
  profile.spawn_ns = 14.85;
  profile.steal_ns = 952.0;
  profile.ns_per_op = 0.0583;
  profile.remote_latency_ns = 490.0;
  profile.remote_bytes_per_ns = 1.55;
  profile.remote_first_ns = 260000.0;
  profile.cores = 2;
  profile.ranks_per_host = 3;
  return profile;
}

/* The first remote tasks of a program cost a connection's set-up (calibrate's
 * remote_first_ns), paid once per batch over its tasks. matmul 64 on 3 ranks
 * of 1 thread, 2 cores, with this VM's calibrated figures: 4 row blocks of
 * 661601 ops and 16 KiB each, which warm round trips alone would ship (the
 * issue: forced remote ran 0.88 ms, inline 0.39), stay here; matmul 256's 16
 * blocks of 10.5e6 ops and 64 KiB go remote. */
static void first_contact_priced_per_batch(void) {
  dosc_profile profile = calibrated_three_ranks();
  dosc_site_facts facts = task(1, 0, 1, 0);
  dosc_decision d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "remote binding");
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 4), "inline") == 0, "matmul 64: %s",
         in_batch(&d, 661601, 16384, 4));
  EXPECT(strcmp(in_batch(&d, 10541057, 65536, 16), "remote") == 0, "matmul 256: %s",
         in_batch(&d, 10541057, 65536, 16));
  /* the same block in a batch of 64 shares the contact: remote */
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 64), "remote") == 0, "64 blocks: %s",
         in_batch(&d, 661601, 16384, 64));
  /* the prices say the same */
  dosc_task_size size = {661601.0, 16384.0, 4};
  dosc_prices p = dosc_price_task(&profile, &size);
  EXPECT(p.remote_ns > p.inline_ns, "4 blocks: remote %g > inline %g", p.remote_ns, p.inline_ns);
  /* the contact: 260 us for rank 1 and a quarter more for rank 2 (they overlap); 3 ranks on 2
   * cores: rank 0 only dispatches, so all of it holds the batch up, over 4 tasks */
  EXPECT(fabs(p.remote_overhead_ns - 980.0 - 16384.0 / 1.55 - 260000.0 * 1.25 / 4.0) < 1e-6,
         "y's overhead %g", p.remote_overhead_ns);
  /* without it, the warm price alone: remote (what the model said before) */
  profile.remote_first_ns = 0.0;
  p = dosc_price_task(&profile, &size);
  EXPECT(p.remote_ns < p.inline_ns, "warm only: remote %g < inline %g", p.remote_ns, p.inline_ns);
  d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 4), "remote") == 0, "warm only: %s",
         in_batch(&d, 661601, 16384, 4));
  /* a constant batch (no test at the spawn) is shared at load time */
  profile.remote_first_ns = 260000.0;
  dosc_site_facts four = task(1, 0, 1, 4);
  dosc_decision constant = dosc_decide(&profile, &four, NULL, 0);
  double whole = dosc_decide(&profile, &facts, NULL, 0).remote_first_bytes;
  EXPECT(whole > 0.0 && fabs(constant.remote_first_bytes * 4.0 - whole) < 1e-6,
         "a constant batch of 4: a quarter of %g, %g", whole, constant.remote_first_bytes);
  /* a forced remote ships whatever the contact costs */
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_ENV;
  d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 4), "remote") == 0, "forced: %s",
         in_batch(&d, 661601, 16384, 4));
}

/* Rank 0 takes queued remote tasks too only when its workers add to those
 * that run at once (issue 10: on 3 ranks of 1 thread on 2 cores it made 3
 * busy threads of 2 cores, mandelbrot 640x480 1.21x and montecarlo 1.16x of
 * forced remote, where on 2 ranks it doubles the workers). */
static void rank_zero_shares_only_when_it_adds_workers(void) {
  dosc_profile profile = machine(1, 2);
  EXPECT(dosc_rank_zero_shares(&profile), "hosts unknown: rank 0 works too");
  /* threads, nodes, cores and ranks on rank 0's host; whether rank 0 works too. Rank 0's own
   * host decides, not hosts like it: 5 ranks of 1 thread, 4 of them on its host of 3 cores,
   * whose 3 others fill them, though the hosts' cores counted as every host like rank 0's
   * (2 x 3 = 6) outnumber the 4 serving ranks (it shared there before). */
  static const struct {
    int threads, nodes, cores, ranks_per_host, shares;
    const char *why;
  } hosts[] = {
      {1, 2, 2, 2, 1, "2 ranks on 2 cores: rank 0 is one of 2 workers"},
      {1, 3, 2, 3, 0, "3 ranks on 2 cores: ranks 1 and 2 fill them"},
      {1, 3, 2, 1, 1, "one rank a host: rank 0's core is its own"},
      {2, 2, 2, 2, 0, "2 ranks of 2 threads on 2 cores: rank 1 fills them"},
      {1, 1, 2, 1, 1, "1 node: nothing to share, the local pool"},
      {1, 5, 3, 4, 0, "3 others on rank 0's 3 cores: rank 0 dispatches"},
      {1, 5, 4, 4, 1, "3 others on rank 0's 4 cores: rank 0 works too"},
      {2, 3, 4, 2, 1, "1 other of 2 threads on rank 0's 4 cores: it works"},
      {2, 3, 4, 3, 0, "2 others of 2 threads on rank 0's 4 cores: it dispatches"},
  };
  for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
    profile = machine(hosts[i].threads, hosts[i].nodes);
    profile.cores = hosts[i].cores;
    profile.ranks_per_host = hosts[i].ranks_per_host;
    EXPECT(dosc_rank_zero_shares(&profile) == hosts[i].shares, "%s", hosts[i].why);
  }
  /* The first contact: the contacts overlap, each rank after the first a
   * quarter of it; a sharing rank 0 runs its workers' part meanwhile. 9
   * hosts of 1 rank: 300 us x (1 + 7 / 4) x (1 - 1/9), not x 8. */
  profile = machine(1, 9);
  profile.cores = 2;
  profile.ranks_per_host = 1;
  dosc_task_size size = {1e6, 0.0, 9};
  double warm = 2.0 * profile.remote_latency_ns;
  double overhead = dosc_price_task(&profile, &size).remote_overhead_ns;
  EXPECT(fabs(overhead - warm - 300000.0 * 2.75 * (8.0 / 9.0) / 9.0) < 1e-6, "9 nodes, sharing: %g",
         overhead);
  /* 3 ranks on 2 cores: rank 0 only dispatches, runs no task while the contact lasts, and the
   * whole contact holds the batch (it was charged half, as if rank 0 ran a share meanwhile) */
  profile = machine(1, 3);
  profile.cores = 2;
  profile.ranks_per_host = 3;
  overhead = dosc_price_task(&profile, &size).remote_overhead_ns;
  EXPECT(fabs(overhead - warm - 300000.0 * 1.25 / 9.0) < 1e-6, "3 ranks on 2 cores: %g", overhead);
  /* and so does the recursive price built on it: n-queens' estimate must reach 2 round trips
   * and the whole contact's share of its fan-out, in ops at the gain */
  dosc_site_facts queens = task(1, 1, 0, 0);
  queens.recurrence.calls = 1;
  queens.recurrence.base = 1;
  queens.recurrence.decrement[0] = 1;
  queens.recurrence.work_per_call = 100.0;
  queens.recurrence.at_spawn = 1;
  dosc_recursive_remote_price queens_price = dosc_recursive_remote(&profile, &queens);
  double queens_gain = profile.ns_per_op * (1.0 - 1.0 / 2.0);
  double queens_needed = (4.0 * profile.remote_latency_ns + 300000.0 * 1.25 / 4.0) / queens_gain;
  EXPECT(fabs(queens_price.needed_ops - queens_needed) < 1e-3, "n-queens needs %g ops, not %g",
         queens_needed, queens_price.needed_ops);
  char reason[512];
  dosc_site_facts facts = task(1, 0, 1, 0);
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_REMOTE && strstr(reason, "rank 0 only dispatches") != NULL,
         "the reason says so: %s", reason);
  profile.nodes = 2;
  profile.ranks_per_host = 2;
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(strstr(reason, "until every rank has answered once") == NULL, "2 ranks: rank 0 works, %s",
         reason);
}

/* Each serving rank after the first adds remote_later_contact_share of the
 * first contact (a profile field `dosc calibrate` measures on 2 and 3 ranks,
 * 0.25 built in): the price on 3 ranks and more moves with it, on 2 ranks
 * not. At the edge, matmul 64's blocks (661601 ops, 16 KiB) in a batch of 64
 * on 3 ranks of 1 thread on 2 cores: remote at the built-in share, kept here
 * when a later contact costs as much as the first (the whole contact: rank 0
 * only dispatches there; 32 was the edge when it was charged half). */
static void later_contact_share_from_the_profile(void) {
  dosc_profile profile = calibrated_three_ranks();
  EXPECT(profile.remote_later_contact_share == 0.25, "built in: %g",
         profile.remote_later_contact_share);
  dosc_task_size size = {661601.0, 16384.0, 64};
  double warm = 980.0 + 16384.0 / 1.55;
  for (int i = 0; i <= 4; i++) {
    profile.remote_later_contact_share = 0.25 * i;
    double overhead = dosc_price_task(&profile, &size).remote_overhead_ns;
    EXPECT(fabs(overhead - warm - 260000.0 * (1.0 + 0.25 * i) / 64.0) < 1e-6,
           "share %g: overhead %g", profile.remote_later_contact_share, overhead);
  }
  dosc_site_facts facts = task(1, 0, 1, 0);
  char reason[512];
  profile.remote_later_contact_share = 0.25;
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 64), "remote") == 0, "share 0.25: %s",
         in_batch(&d, 661601, 16384, 64));
  EXPECT(strstr(reason, "0.25 of it each later one") != NULL, "the reason names it: %s", reason);
  profile.remote_later_contact_share = 1.0;
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(strcmp(in_batch(&d, 661601, 16384, 64), "inline") == 0, "share 1: %s",
         in_batch(&d, 661601, 16384, 64));
  dosc_prices p = dosc_price_task(&profile, &size);
  EXPECT(p.remote_ns > p.inline_ns, "share 1: remote %g > inline %g", p.remote_ns, p.inline_ns);
  /* 2 ranks: one contact, whatever the share */
  profile.nodes = 2;
  profile.ranks_per_host = 2;
  double two = dosc_price_task(&profile, &size).remote_overhead_ns;
  profile.remote_later_contact_share = 0.0;
  EXPECT(dosc_price_task(&profile, &size).remote_overhead_ns == two, "2 ranks: %g", two);
  /* read from a profile like the other fields: in [0, 10], else the default */
  char warning[256] = "";
  EXPECT(dosc_profile_set(&profile, "remote_later_contact_share", 0.4, warning, sizeof warning) ==
                 1 &&
             dosc_profile_get(&profile, "remote_later_contact_share") == 0.4,
         "set 0.4");
  EXPECT(dosc_profile_set(&profile, "remote_later_contact_share", -0.1, warning, sizeof warning) ==
                 -1 &&
             profile.remote_later_contact_share == 0.25 && strstr(warning, "0.25") != NULL,
         "-0.1 rejected: %s", warning);
}

/* ---- recursive tasks priced remote (issue 10) ---- */

/* fib's facts: measure n, base 2, decrements 1 and 2, 10 ops per call; with
 * `lower` its calls are all made above the base (3 ops surely per call). */
static dosc_site_facts fib_like(int lower, long long siblings) {
  dosc_site_facts facts = task(1, 1, 0, siblings);
  facts.recurrence.calls = 2;
  facts.recurrence.base = 2;
  facts.recurrence.decrement[0] = 1;
  facts.recurrence.decrement[1] = 2;
  facts.recurrence.work_per_call = 10.0;
  facts.recurrence.least_work_per_call = lower ? 3.0 : 0.0;
  return facts;
}

/* The profile of the quiet decision-quality run: 3 ranks of 1 thread on one
 * 2-core host. */
static dosc_profile three_ranks_two_cores(void) {
  dosc_profile profile = machine(1, 3);
  profile.ns_per_op = 0.0581;
  profile.remote_latency_ns = 225.0;
  profile.remote_first_ns = 231714.0;
  profile.remote_bytes_per_ns = 3.75;
  profile.cores = 2;
  profile.ranks_per_host = 3;
  return profile;
}

static const char *recursive_at(const dosc_decision *d, long long measure, int depth,
                                long long bytes) {
  return dosc_binding_name(dosc_spawn_choice(d, -1, measure, depth, -1, bytes_at, &bytes));
}

static void recursive_lower_bound_ships_the_top(void) {
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts facts = fib_like(1, 2);
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  dosc_recursive_remote_price price = dosc_recursive_remote(&profile, &facts);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "fib with a lower bound, 3 ranks: remote (%s)", reason);
  EXPECT(price.rule == DOSC_RECURSIVE_REMOTE_LOWER_BOUND, "the lower-bound rule");
  EXPECT(strstr(reason, "sure work") != NULL, "reason says the sure work: %s", reason);
  /* gain per op: 1 worker here, 2 over the host's cores: 0.0581 x (1 - 1/2);
   * cost: 2 round trips of 2 x 225 ns + first reaching the 2 other nodes
   * (231714 and a quarter more: the contacts overlap; all of it, rank 0 only
   * dispatches), over the 2 subtrees of a split */
  double needed = (2.0 * 450.0 + 231714.0 * 1.25 / 2.0) / (0.0581 * 0.5);
  EXPECT(fabs(price.needed_ops - needed) < 1.0, "needed %.0f, expected %.0f", price.needed_ops,
         needed);
  long long m = d.remote_work_threshold;
  EXPECT(m == price.measure_threshold, "the site's remote measure is the price's: %lld", m);
  /* sound and least: the lower bound at m pays, at m - 1 it does not */
  EXPECT(dosc_recursive_subtree_least_ops(&facts.recurrence, m) >= needed &&
             dosc_recursive_subtree_least_ops(&facts.recurrence, m - 1) < needed,
         "measure %lld: least ops %.0f / %.0f at m - 1, needed %.0f", m,
         dosc_recursive_subtree_least_ops(&facts.recurrence, m),
         dosc_recursive_subtree_least_ops(&facts.recurrence, m - 1), needed);
  /* fib(m) makes 2 fib(m + 1) - 1 calls, fib(m + 1) - 1 of them at or above
   * the base: 3 ops each surely, the leaves (only their base test) counted
   * as nothing (review: 3 x 177 counted each leaf as a whole invocation) */
  EXPECT(dosc_recursive_subtree_least_ops(&facts.recurrence, 10) == 3.0 * (89.0 - 1.0),
         "fib(10): 88 calls at or above the base, %.0f",
         dosc_recursive_subtree_least_ops(&facts.recurrence, 10));
  EXPECT(dosc_recursive_subtree_least_ops(&facts.recurrence, 1) == 0.0, "fib(1): a leaf");
  EXPECT(m == 31, "fib ships from n = 31 on this machine (30 with half the contact): %lld", m);
  /* 2 workers, 2-way splits: one level, counted from one spawn below main */
  EXPECT(d.remote_depth_cutoff == 2, "remote depth cut-off %d", d.remote_depth_cutoff);
  EXPECT(strcmp(recursive_at(&d, m, 0, 0), "remote") == 0, "at the threshold: remote");
  EXPECT(strcmp(recursive_at(&d, m + 3, 1, 0), "remote") == 0, "depth 1: remote");
  EXPECT(strcmp(recursive_at(&d, m + 3, 2, 0), "inline") == 0,
         "depth 2: kept here, the serial clone on 1 thread");
  EXPECT(strcmp(recursive_at(&d, m - 1, 0, 0), "inline") == 0, "below it: kept here");
  EXPECT(strcmp(recursive_at(&d, m, 0, (long long)d.remote_first_bytes + 1), "inline") == 0,
         "more bytes than a round trip carries: kept here");
  /* 2 threads a rank, no cores cap: the kept subtrees spawn locally */
  profile = machine(2, 3);
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "2 threads, 3 nodes: remote (%s)", reason);
  EXPECT(strcmp(recursive_at(&d, 1000, 0, 0), "remote") == 0, "fib(1000) ships");
  EXPECT(strcmp(recursive_at(&d, 1000, d.remote_depth_cutoff, 0), "local") == 0,
         "below the remote levels: local");
  EXPECT(d.remote_depth_cutoff == 4, "6 workers, 2-way: 3 levels + 1, %d", d.remote_depth_cutoff);
}

static void recursive_estimate_only_near_the_root(void) {
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts facts = fib_like(0, 2); /* conditional calls: an upper bound only */
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  dosc_recursive_remote_price price = dosc_recursive_remote(&profile, &facts);
  EXPECT(d.binding == DOSC_POLICY_REMOTE && price.rule == DOSC_RECURSIVE_REMOTE_ESTIMATE,
         "upper bound only: the estimate (%s)", reason);
  EXPECT(strstr(reason, "sqrt(one call x its calls' bound)") != NULL, "reason: %s", reason);
  EXPECT(d.remote_depth_cutoff == 2, "only the root's children: %d", d.remote_depth_cutoff);
  EXPECT(dosc_recursive_subtree_least_ops(&facts.recurrence, 40) < 0, "no lower bound stated");
  /* the estimate at m reaches what pays, at m - 1 it does not */
  long long m = d.remote_work_threshold;
  /* sqrt(one call x the bound) >= needed, squared (no libm) */
  double at = 10.0 * dosc_recursive_subtree_ops(&facts.recurrence, m);
  double below = 10.0 * dosc_recursive_subtree_ops(&facts.recurrence, m - 1);
  double needed = price.needed_ops * price.needed_ops;
  EXPECT(at >= needed && below < needed, "estimate^2 %.3g / %.3g, needed^2 %.3g", at, below,
         needed);
  dosc_site_facts bounded = fib_like(1, 2);
  dosc_decision sure = dosc_decide(&profile, &bounded, NULL, 0);
  EXPECT(m > sure.remote_work_threshold, "the estimate asks more than the sure work: %lld > %lld",
         m, sure.remote_work_threshold);
}

static void recursive_without_measure_stays_here(void) {
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts facts = task(1, 1, 0, 0); /* n-queens: no measure */
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_INLINE, "no measure, 1 thread: the serial clone (%s)", reason);
  EXPECT(strstr(reason, "without a measure") != NULL, "reason: %s", reason);
  EXPECT(dosc_recursive_remote(&profile, &facts).rule == DOSC_RECURSIVE_REMOTE_NONE, "no rule");
  profile.threads = 2;
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL, "no measure, 2 threads: local (%s)", reason);
}

/* Calls of a tree whose every invocation at or above `base` makes exactly
 * `fan_out` calls, each `step` lower: what dosc_recursive_calls_bound must
 * never be below. */
static double tree_calls(long long fan_out, long long measure, long long base, long long step) {
  if (measure < base) return 1.0;
  return 1.0 + (double)fan_out * tree_calls(fan_out, measure - step, base, step);
}

/* n-queens' shape: a loop of n calls under a test, the depth j rising to n,
 * one call's work growing with j: the fan-out and the work per call are
 * figures of the arguments, priced at the spawn (at_spawn). */
static void recursive_priced_at_spawn(void) {
  EXPECT(dosc_recursive_calls_bound(10.0, 9, 1, 1) == 1111111111.0, "10-way, 9 levels: %.0f",
         dosc_recursive_calls_bound(10.0, 9, 1, 1));
  for (long long fan_out = 0; fan_out <= 4; fan_out++)
    for (long long step = 1; step <= 3; step++)
      for (long long m = -2; m <= 9; m++)
        EXPECT(dosc_recursive_calls_bound((double)fan_out, m, 1, step) ==
                   tree_calls(fan_out, m, 1, step),
               "fan-out %lld, step %lld, measure %lld: %.0f calls, bound %.0f", fan_out, step, m,
               tree_calls(fan_out, m, 1, step),
               dosc_recursive_calls_bound((double)fan_out, m, 1, step));
  EXPECT(dosc_recursive_calls_bound(2.0, DOSC_POLICY_NEVER, DOSC_POLICY_ANY_MEASURE, 1) == HUGE_VAL,
         "saturates, no overflow");
  EXPECT(dosc_recursive_calls_bound(1.0, DOSC_POLICY_NEVER, 0, 1) > 9e18, "a chain: its length");

  dosc_site_facts facts = task(1, 1, 0, 0); /* siblings n: not a constant */
  facts.recurrence.calls = 1;
  facts.recurrence.base = 1;
  facts.recurrence.decrement[0] = 1;
  facts.recurrence.at_spawn = 1;
  long long estimate = dosc_recursive_spawn_estimate(&facts.recurrence, -1, 100, 10, 9);
  EXPECT(llabs(estimate - 3333333) <= 1, "100 x sqrt(1111111111): %lld", estimate);
  EXPECT(dosc_recursive_spawn_estimate(&facts.recurrence, 100, 100, 10, 9) == estimate,
         "a root of the bound's work: as without one");
  EXPECT(dosc_recursive_spawn_estimate(&facts.recurrence, 1000, 100, 10, 9) == estimate,
         "a root above the bound counts as the bound");
  /* the root's own call as the low end: sqrt(25 x 100 x 1111111111) */
  long long lighter = dosc_recursive_spawn_estimate(&facts.recurrence, 25, 100, 10, 9);
  EXPECT(llabs(lighter - 1666666) <= 1, "sqrt(25 x 100 x 1111111111): %lld", lighter);
  EXPECT(dosc_recursive_spawn_estimate(&facts.recurrence, 25, 100, 10, 0) == 25,
         "below the base: the root's call alone");
  EXPECT(dosc_recursive_spawn_estimate(&facts.recurrence, -1, 100, 10, 0) == 100,
         "below the base, no root figure: the bound");
  EXPECT(dosc_recursive_spawn_estimate(&facts.recurrence, 1, 1LL << 62, 10, 1LL << 40) ==
             DOSC_POLICY_NEVER,
         "saturates");
  EXPECT(dosc_recursive_subtree_ops(&facts.recurrence, 9) < 0, "no bound without the fan-out");

  dosc_profile profile = three_ranks_two_cores();
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  dosc_recursive_remote_price price = dosc_recursive_remote(&profile, &facts);
  EXPECT(d.binding == DOSC_POLICY_REMOTE && price.rule == DOSC_RECURSIVE_REMOTE_ESTIMATE,
         "priced at the spawn: the estimate rule (%s)", reason);
  EXPECT(strstr(reason, "estimate at the spawn's arguments") != NULL, "reason: %s", reason);
  EXPECT(d.remote_work_threshold == dosc_saturate_ll(price.needed_ops, 1),
         "the threshold is in operations: %lld, needed %.0f", d.remote_work_threshold,
         price.needed_ops);
  EXPECT(d.remote_depth_cutoff == 2, "only the root's children: %d", d.remote_depth_cutoff);
  EXPECT(d.measure_threshold == DOSC_POLICY_ANY_MEASURE, "the local grain: depth alone");
  /* n-queens 6, 8 and 10 spawned from the root (j = 1): the root's own call
   * 16 j n + 30 n + 5, one call's work bound 16 n^2 + 30 n + 5, measure n - 1,
   * fan-out n */
  long long six =
      dosc_recursive_spawn_estimate(&facts.recurrence, 16 * 6 + 180 + 5, 16 * 36 + 180 + 5, 6, 5);
  long long eight =
      dosc_recursive_spawn_estimate(&facts.recurrence, 16 * 8 + 240 + 5, 16 * 64 + 240 + 5, 8, 7);
  long long ten =
      dosc_recursive_spawn_estimate(&facts.recurrence, 160 + 300 + 5, 1600 + 300 + 5, 10, 9);
  EXPECT(strcmp(recursive_at(&d, six, 0, 0), "inline") == 0, "6-queens stays: %lld < %lld", six,
         d.remote_work_threshold);
  /* 8-queens (~0.3 ms in all, its root's children ~30 us each) stays. With
   * the bound as the low end (sqrt(1269 x 1269 x N) = 1.97e6 ops) it shipped
   * on this machine while the first contact was charged half here (1.28e6
   * ops needed), a first contact on a run about as short; charged whole (rank
   * 0 only dispatches on 3 ranks of 2 cores) it needs 2.52e6, and stays by
   * either estimate */
  long long eight_by_bound =
      dosc_recursive_spawn_estimate(&facts.recurrence, -1, 16 * 64 + 240 + 5, 8, 7);
  EXPECT(eight < eight_by_bound && d.remote_work_threshold == 2523602 &&
             strcmp(recursive_at(&d, eight, 0, 0), "inline") == 0 &&
             strcmp(recursive_at(&d, eight_by_bound, 0, 0), "inline") == 0,
         "8-queens stays: %lld against %lld (by the bound alone %lld)", eight,
         d.remote_work_threshold, eight_by_bound);
  EXPECT(strcmp(recursive_at(&d, ten, 0, 0), "remote") == 0, "10-queens ships: %lld >= %lld", ten,
         d.remote_work_threshold);
  EXPECT(strcmp(recursive_at(&d, ten, 2, 0), "inline") == 0, "below the root's children: kept");
  profile.threads = 2;
  d = dosc_decide(&profile, &facts, reason, sizeof reason);
  EXPECT(strcmp(recursive_at(&d, 0, 3, 0), "local") == 0, "2 threads: kept subtrees spawn (%s)",
         reason);
}

static void recursive_remote_edges(void) {
  char reason[512];
  /* one node: nothing to ship, the two-way decision as before */
  dosc_profile one = machine(2, 1);
  dosc_site_facts facts = fib_like(1, 2);
  dosc_decision d = dosc_decide(&one, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && d.remote_depth_cutoff == 0, "1 node: local (%s)",
         reason);
  /* a list walk (one call, decrement 1): no measure within the walk's 65536
   * values makes a first contact of a second pay: not remote, said so */
  dosc_profile slow = three_ranks_two_cores();
  slow.remote_first_ns = 1e9;
  dosc_site_facts walk = fib_like(1, 2);
  walk.recurrence.calls = 1;
  d = dosc_decide(&slow, &walk, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_INLINE, "nothing pays: the serial clone (%s)", reason);
  EXPECT(strstr(reason, "no subtree within its measure's range pays") != NULL, "reason: %s",
         reason);
  /* not remotable: never */
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts pinned = fib_like(1, 2);
  pinned.remotable = 0;
  EXPECT(dosc_decide(&profile, &pinned, NULL, 0).binding == DOSC_POLICY_INLINE,
         "not remotable: inline on 1 thread");
  /* main's lone fib(n): not shipped, but spawned from the measure its children ship at, so
   * that its tree runs the spawning code, not the serial clone */
  dosc_site_facts lone = fib_like(1, 1);
  d = dosc_decide(&profile, &lone, reason, sizeof reason);
  long long ships = dosc_decide(&profile, &facts, NULL, 0).remote_work_threshold;
  EXPECT(d.binding == DOSC_POLICY_LOCAL && d.measure_threshold == ships,
         "lone: local from measure %lld, got %s from %lld (%s)", ships,
         dosc_binding_name(d.binding), d.measure_threshold, reason);
  EXPECT(strcmp(recursive_at(&d, ships - 1, 0, 0), "inline") == 0, "a small lone tree: inline");
  /* forced remote ships every spawn that passes the grain, as before */
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_ENV;
  d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(strcmp(recursive_at(&d, 25, 5, 1 << 20), "remote") == 0, "forced: remote");
}

/* A known-work task's spawn at `depth`, of `bytes` own bytes. */
static const char *known_at(const dosc_decision *d, long long work, int depth, long long bytes) {
  return dosc_binding_name(
      dosc_spawn_choice(d, work, DOSC_POLICY_NO_MEASURE, depth, -1, bytes_at, &bytes));
}

/* A recursive task of known work (the analyzer's induction: a tree over
 * halves): its spawn passes its subtree's work, priced as a task of known
 * work in a batch of its fan-out at the tree's gain (its whole pool), and
 * shipped only at the top of the tree, as the sure work of fib's is. Before,
 * such a site stayed local (policy.c priced known work remote only for
 * non-recursive tasks). */
static void recursive_known_work_ships_the_top(void) {
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts facts = task(1, 1, 1, 2); /* remotable, recursive, work known, 2 siblings */
  char reason[512];
  dosc_decision d = dosc_decide(&profile, &facts, reason, sizeof reason);
  dosc_recursive_remote_price price = dosc_recursive_remote(&profile, &facts);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "a tree of known work, 3 ranks: remote (%s)", reason);
  EXPECT(price.rule == DOSC_RECURSIVE_REMOTE_KNOWN_WORK, "the known-work rule: %d", price.rule);
  EXPECT(strstr(reason, "recursive task of known work") != NULL &&
             strstr(reason, "the top of its tree") != NULL,
         "reason: %s", reason);
  /* gain per op: 1 worker here, 2 over the host's cores: 0.0581 x (1 - 1/2);
   * a round trip of 2 x 225 ns; the first contact (231714 and a quarter
   * more, all of it held up: rank 0 only dispatches) over the constant batch
   * of 2, in bytes */
  double gain = 0.0581 * 0.5;
  double first_bytes = 231714.0 * 1.25 / 2.0 * 3.75;
  EXPECT(d.remote_work_threshold == dosc_saturate_ll(450.0 / gain, 1), "round trip: %lld ops",
         d.remote_work_threshold);
  EXPECT(fabs(d.remote_bytes_per_op - gain * 3.75) < 1e-12, "bytes per op %g",
         d.remote_bytes_per_op);
  EXPECT(fabs(d.remote_first_bytes - first_bytes) < 1.0, "first contact's share %.0f bytes",
         d.remote_first_bytes);
  double least = (double)d.remote_work_threshold + first_bytes / (gain * 3.75);
  EXPECT(fabs(price.needed_ops - least) < 1.0 &&
             price.measure_threshold == dosc_saturate_ll(least, 1),
         "least work that pays: %.0f, expected %.0f", price.needed_ops, least);
  /* 2 workers, 2-way splits: one level, counted from one spawn below main */
  EXPECT(d.remote_depth_cutoff == 2, "remote depth cut-off %d", d.remote_depth_cutoff);
  long long m = price.measure_threshold;
  EXPECT(strcmp(known_at(&d, m, 0, 0), "remote") == 0, "the least that pays: remote");
  EXPECT(strcmp(known_at(&d, m - 1, 0, 0), "inline") == 0,
         "tiny: kept here, the serial clone on 1 thread");
  EXPECT(strcmp(known_at(&d, 100000000, 1, 0), "remote") == 0, "depth 1: remote");
  EXPECT(strcmp(known_at(&d, 100000000, 2, 0), "inline") == 0,
         "depth 2, inside the tree: kept here, never shipped");
  /* the bytes are priced against the work: 1e8 ops pay for ~10.9 MB */
  EXPECT(strcmp(known_at(&d, 100000000, 0, 8 << 20), "remote") == 0, "8 MiB: remote");
  EXPECT(strcmp(known_at(&d, 100000000, 0, 16 << 20), "inline") == 0, "16 MiB: kept here");
  /* 2 threads a rank, no cores cap: deeper top, kept subtrees spawn locally */
  dosc_profile cluster = machine(2, 3);
  d = dosc_decide(&cluster, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_REMOTE, "2 threads, 3 nodes: remote (%s)", reason);
  EXPECT(d.remote_depth_cutoff == 4, "6 workers, 2-way: 3 levels + 1, %d", d.remote_depth_cutoff);
  EXPECT(strcmp(known_at(&d, 1LL << 40, 3, 0), "remote") == 0, "depth 3: remote");
  EXPECT(strcmp(known_at(&d, 1LL << 40, 4, 0), "local") == 0, "below the top: local");
  /* main's lone call: not shipped, spawned from the work its tree ships at */
  dosc_site_facts lone = task(1, 1, 1, 1);
  d = dosc_decide(&profile, &lone, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && d.work_threshold == m,
         "lone: local from work %lld, got %s from %lld (%s)", m, dosc_binding_name(d.binding),
         d.work_threshold, reason);
  EXPECT(strcmp(known_at(&d, m, 0, 0), "local") == 0 &&
             strcmp(known_at(&d, m - 1, 0, 0), "inline") == 0,
         "a lone tree spawns from where its top ships");
  /* one node: no remote price, the two-way decision */
  dosc_profile one = machine(2, 1);
  d = dosc_decide(&one, &facts, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && d.remote_depth_cutoff == 0, "1 node: local (%s)",
         reason);
  EXPECT(dosc_recursive_remote(&one, &facts).rule == DOSC_RECURSIVE_REMOTE_NONE, "1 node: no rule");
  /* not remotable: never leaves, under auto or forced */
  dosc_site_facts pinned = task(0, 1, 1, 2);
  EXPECT(dosc_recursive_remote(&profile, &pinned).rule == DOSC_RECURSIVE_REMOTE_NONE,
         "not remotable: no rule");
  d = dosc_decide(&profile, &pinned, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_INLINE && strcmp(known_at(&d, 1LL << 40, 0, 0), "remote") != 0,
         "not remotable, auto: %s (%s)", dosc_binding_name(d.binding), reason);
  pinned.requested = DOSC_POLICY_REMOTE;
  pinned.origin = DOSC_ORIGIN_ENV;
  d = dosc_decide(&profile, &pinned, reason, sizeof reason);
  EXPECT(d.binding == DOSC_POLICY_LOCAL && strcmp(known_at(&d, 1LL << 40, 0, 0), "local") == 0,
         "not remotable, forced remote: local (%s)", reason);
  /* forced remote ships every spawn that passes the grain, at any depth, as before */
  facts.requested = DOSC_POLICY_REMOTE;
  facts.origin = DOSC_ORIGIN_ENV;
  d = dosc_decide(&profile, &facts, NULL, 0);
  EXPECT(strcmp(known_at(&d, 1LL << 20, 7, 1 << 30), "remote") == 0, "forced: remote");
}

/* The first contact is divided by the batch once: at load time by a constant
 * batch (the spawn passes none), at the spawn by a formula's value
 * (dosc_remote_pays). A recursive site of known work whose batch is a formula
 * (siblings 0 in its facts) was divided at load time by its tree's fan-out as
 * well: a task in a batch of 4 paid an eighth of the contact, not a quarter. */
static void first_contact_divided_once(void) {
  dosc_profile profile = three_ranks_two_cores();
  dosc_site_facts tree = task(1, 1, 1, 0); /* recursive, work known, a formula batch */
  tree.recurrence.calls = 2;
  tree.recurrence.base = 2;
  tree.recurrence.decrement[0] = 1;
  tree.recurrence.decrement[1] = 1;
  tree.recurrence.work_per_call = 10.0;
  dosc_site_facts loop = task(1, 0, 1, 0); /* not recursive, a formula batch */
  dosc_decision tree_d = dosc_decide(&profile, &tree, NULL, 0);
  dosc_decision loop_d = dosc_decide(&profile, &loop, NULL, 0);
  EXPECT(tree_d.binding == DOSC_POLICY_REMOTE && loop_d.binding == DOSC_POLICY_REMOTE,
         "both remote: %d %d", tree_d.binding, loop_d.binding);
  double whole = 231714.0 * 1.25 * 3.75; /* bytes at the bandwidth; rank 0 only dispatches */
  EXPECT(fabs(loop_d.remote_first_bytes - whole) < 1.0, "a loop's formula batch: whole, %.0f",
         loop_d.remote_first_bytes);
  EXPECT(fabs(tree_d.remote_first_bytes - loop_d.remote_first_bytes) < 1e-6,
         "the same load-time share for a tree as for a loop: %.0f, %.0f", tree_d.remote_first_bytes,
         loop_d.remote_first_bytes);
  EXPECT(fabs(tree_d.remote_first_bytes - whole) < 1.0,
         "a tree's formula batch: whole at load time too, %.0f (the spawn divides)",
         tree_d.remote_first_bytes);
  /* at the spawn, in a batch of 4: the least work that pays with no bytes is the same for both
   * (the same gain, round trip and quarter of the contact) */
  long long least =
      loop_d.remote_work_threshold + dosc_saturate_ll(whole / 4.0 / loop_d.remote_bytes_per_op, 1);
  EXPECT(dosc_remote_pays(&loop_d, least, 0, 4) && !dosc_remote_pays(&loop_d, least - 2, 0, 4),
         "a loop's task in a batch of 4 pays from %lld ops", least);
  EXPECT(dosc_remote_pays(&tree_d, least, 0, 4) && !dosc_remote_pays(&tree_d, least - 2, 0, 4),
         "a tree's task in a batch of 4 pays from %lld ops too", least);
  /* a constant batch: divided at load time by the tree's fan-out (2), and the spawn passes none */
  tree.siblings = 2;
  tree_d = dosc_decide(&profile, &tree, NULL, 0);
  EXPECT(fabs(tree_d.remote_first_bytes - whole / 2.0) < 1.0, "a constant batch of 2: %.0f",
         tree_d.remote_first_bytes);
  least =
      loop_d.remote_work_threshold + dosc_saturate_ll(whole / 2.0 / loop_d.remote_bytes_per_op, 1);
  EXPECT(dosc_remote_pays(&tree_d, least, 0, -1) && !dosc_remote_pays(&tree_d, least - 2, 0, -1),
         "a tree's constant batch of 2 pays from %lld ops", least);
}

int main(void) {
  one_thread_one_node();
  one_node_never_remote();
  tiny_tasks_stay_inline();
  huge_data_little_work_stays_local();
  non_remotable_never_remote();
  recursive_stays_local();
  narrow_batch_not_remote();
  one_thread_many_nodes();
  data_heavy_task_takes_the_local_decision();
  replication_rule();
  gap_of_ten_to_the_fifth();
  paper_overheads();
  forced_remote_sends_everything();
  kept_threshold_is_the_two_way_grain();
  lone_task_is_a_plain_call();
  requested_remote_has_the_local_grain();
  profile_validation();
  saturation();
  recursive_measure();
  recursive_spawn_choice();
  hosts_cores_cap_the_width();
  first_contact_priced_per_batch();
  rank_zero_shares_only_when_it_adds_workers();
  later_contact_share_from_the_profile();
  recursive_lower_bound_ships_the_top();
  recursive_estimate_only_near_the_root();
  recursive_without_measure_stays_here();
  recursive_priced_at_spawn();
  recursive_remote_edges();
  recursive_known_work_ships_the_top();
  first_contact_divided_once();
  printf("policy: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures == 0 ? 0 : 1;
}
