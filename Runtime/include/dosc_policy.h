/* dosc_policy.h - the cost model that binds spawn sites (DESIGN.md section 6).
 *
 * Pure functions over plain structs: no globals, no I/O, no threads, no JSON.
 * src/policy.c is compiled both into libdosc (the load-time decision and the
 * DOSC_TRACE lines) and into the Swift tool (`dosc explain`), so both show
 * the same decisions from the same code. C11, depends only on <stddef.h>.
 *
 * Costs are in nanoseconds, work in "operations" (the manifest's "work"
 * unit), sizes in bytes.
 */
#ifndef DOSC_POLICY_H
#define DOSC_POLICY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Binding values; identical to DOSC_BIND_* of dosc_abi.h (checked there). */
enum {
  DOSC_POLICY_INLINE = 0,
  DOSC_POLICY_LOCAL = 1,
  DOSC_POLICY_REMOTE = 2,
  DOSC_POLICY_AUTO = 3
};

/* Where a site's requested binding came from, for the reason text. */
typedef enum dosc_origin {
  DOSC_ORIGIN_COMPILED = 0, /* dosc_site_info.default_binding */
  DOSC_ORIGIN_SIDECAR = 1,  /* the site's "binding" in PROG.dosc.json */
  DOSC_ORIGIN_ENV = 2       /* DOSC_BIND */
} dosc_origin;

/* The machine: what `dosc calibrate` measures, plus the configuration. */
typedef struct dosc_profile {
  double spawn_ns;            /* spawn + join of a local task its owner runs itself */
  double steal_ns;            /* extra cost when another worker steals it */
  double ns_per_op;           /* time of one operation of the work estimate */
  double remote_latency_ns;   /* one-way message latency between nodes */
  double remote_bytes_per_ns; /* bandwidth between nodes (1 byte/ns = 1 GB/s) */
  double remote_first_ns;     /* what a program's first remote tasks cost beyond warm
                                 round trips: connection set-up, first-touched pages and
                                 code (calibrate_remote.c); once a batch, for its first
                                 serving rank (later ones: remote_later_contact_share) */
  double overhead_target;     /* acceptable spawn overhead as a fraction of work */
  int tasks_per_thread;       /* recursive tasks: heaviest leaf <= 1/(threads * this) */
  int threads;                /* local workers */
  int nodes;                  /* MPI ranks */
  /* The hosts, as the runtime finds them at start-up (0: unknown, no cap):
   * a host's logical CPUs, and the ranks the launcher started on one host.
   * Workers beyond a host's cores add no parallelism: 3 ranks of 1 thread on
   * a 2-core host run a batch about 2x faster than 1, not 3x (issue 10:
   * montecarlo and matmul 512 on 3 ranks, 1.8x). */
  int cores;
  int ranks_per_host;
  /* What each serving rank after the first adds to a batch's first contact,
   * as a share of remote_first_ns: the contacts overlap, for rank 0 reaches
   * them all at once (0.25 built in, bench/first_contact.py; `dosc calibrate`
   * measures it when steady: calibrate_contact.c's contact on 3 ranks over 2,
   * less 1; else the default stays and the profile says why). */
  double remote_later_contact_share;
} dosc_profile;

/* What bounds a recursive task's recursion: the manifest's `measure` (SPEC
 * section 4) and `work_per_invocation`. An invocation whose measure parameter
 * is below `base` makes no recursive call; any other makes at most `calls`
 * recursive calls, the i-th passing the measure minus at least decrement[i].
 * So a task started at measure m makes at most N(m) calls, N(m) = 1 below
 * base, else 1 + sum over i of N(m - decrement[i]), and its whole subtree
 * costs at most work_per_call x N(m) operations (dosc_recursive_subtree_ops).
 * calls == 0: no measure known.
 * least_work_per_call > 0 (the manifest's measure "lower_bound"): besides,
 * every invocation at or above base makes all `calls` calls, the i-th with
 * exactly decrement[i], and runs at least least_work_per_call operations:
 * then I(m), the invocations at or above base (I = 0 below base, else
 * 1 + sum of I(m - decrement[i])), surely run, and least_work_per_call x
 * I(m) is a sound lower bound of the subtree's work (the leaves below base
 * counted as nothing; dosc_recursive_subtree_least_ops), what it is priced
 * remote by.
 * at_spawn != 0 (a search whose calls sit in a loop of n trips, n-queens, or
 * whose work per call grows with its depth): the fan-out and the work per
 * call are figures of the spawn's arguments, not constants. The site's
 * dispatch then passes, as its measure, the subtree's estimate in operations
 * (dosc_recursive_spawn_estimate, computed only where it may ship), calls is
 * 1 and decrement[0] the least step; the local grain is the depth cut-off. */
#define DOSC_POLICY_MAX_RECURSIVE_CALLS 8
typedef struct dosc_recurrence {
  int calls;                                            /* entries of decrement; 0: no measure */
  long long base;                                       /* below it, no recursive call */
  long long decrement[DOSC_POLICY_MAX_RECURSIVE_CALLS]; /* each >= 1 */
  double work_per_call;       /* operations of one invocation without its calls */
  double least_work_per_call; /* > 0: a lower bound holds (see above); 0: none */
  int at_spawn;               /* non-zero: priced at the spawn (see above) */
} dosc_recurrence;

/* What the compiler and the sidecar say about one site. */
typedef struct dosc_site_facts {
  int requested;      /* DOSC_POLICY_*: AUTO lets the cost model decide */
  dosc_origin origin; /* where `requested` came from */
  int recursive;      /* non-zero: the task spawns itself; work unknown per call */
  int remotable;      /* non-zero: may be bound remote */
  int work_known;     /* non-zero: the site passes a work estimate >= 0 */
  int fixed;          /* non-zero: bound inline when compiled (dosc_compile_time_binding) */
  long long siblings; /* spawns per parent invocation, 0 = unknown */
  /* Recursive: the measure, when the analyzer found one. */
  dosc_recurrence recurrence;
} dosc_site_facts;

/* The load-time decision of one site. The argument-dependent part is left to
 * spawn time, to dosc_spawn_choice below: at most a few comparisons against
 * the numbers fixed here. The runtime keeps it as the site's dosc_site_state
 * (dosc_abi.h: the same struct, on a cache line of its own). */
typedef struct dosc_decision {
  int binding;                     /* DOSC_POLICY_INLINE / LOCAL / REMOTE */
  int depth_cutoff;                /* unknown work: spawn only while depth < this */
  long long work_threshold;        /* local: known work below this runs inline */
  long long remote_work_threshold; /* remote: least work that can pay for a round trip; a
                                      recursive site (work unknown): the least measure whose
                                      subtree pays (dosc_recursive_remote) */
  double remote_bytes_per_op;      /* remote: bytes each op above that threshold pays for */
  double remote_first_bytes;       /* remote: the batch's share of first reaching the other
                                      nodes (remote_first_ns), in bytes at the bandwidth: each
                                      task of a batch of s pays this / s (dosc_remote_pays); a
                                      recursive site: the most bytes a subtree may ship */
  long long measure_threshold;     /* recursive with a measure: spawn only while the spawned
                                      task's measure >= this (and depth < depth_cutoff);
                                      DOSC_POLICY_ANY_MEASURE without one */
  /* The batch and the remote-bound tasks kept here (see above): */
  long long kept_work_threshold; /* remote: a task kept here spawns from this work (a
                                    recursive one: spawns unless this is DOSC_POLICY_NEVER) */
  int least_siblings;            /* a batch smaller than this is the plain call */
  int remote_depth_cutoff;       /* remote, recursive site: ships only while depth < this
                                    (the top of the tree, dosc_recursive_remote); else 0: no
                                    depth test */
} dosc_decision;

/* A threshold no work reaches (the largest long long). */
#define DOSC_POLICY_NEVER 9223372036854775807LL

/* A measure threshold every measure passes (the least long long). */
#define DOSC_POLICY_ANY_MEASURE (-DOSC_POLICY_NEVER - 1)

/* remote_bytes_per_op of a requested remote binding: any task goes remote. */
#define DOSC_POLICY_ANY_BYTES 1e300

/* The remote test of a REMOTE-bound site at spawn time, with the task's work
 * (operations), shipped bytes and batch (siblings, < 0: not known at the
 * spawn) at its arguments: work >= the threshold and
 *   bytes + remote_first_bytes / batch <= (work - threshold) x bytes per op,
 * the batch's first contact with the other nodes shared by its tasks (a
 * batch not known here pays it all: one task). O(1), no shared state. */
static inline int dosc_remote_pays(const dosc_decision *site, long long work, long long bytes,
                                   long long siblings) {
  if (site->remote_bytes_per_op >= DOSC_POLICY_ANY_BYTES) return 1;
  if (work < 0 || work < site->remote_work_threshold) return 0;
  double first = site->remote_first_bytes / (siblings > 1 ? (double)siblings : 1.0);
  return (double)bytes + first <=
         (double)(work - site->remote_work_threshold) * site->remote_bytes_per_op;
}

/* The batch test of a site at spawn time, where the generated code knows the
 * batch: `siblings` tasks spawned together by the spawning invocation (< 0:
 * unknown, as good as a wide batch). O(1). */
static inline int dosc_batch_pays(long long least_siblings, long long siblings) {
  return siblings < 0 || siblings >= least_siblings;
}

/* What a site without a measure passes to dosc_spawn_choice as its measure:
 * above every measure threshold. */
#define DOSC_POLICY_NO_MEASURE DOSC_POLICY_NEVER

/* A remotable site's own shipped bytes at one spawn's arguments (the
 * generated dosc_spawn_bytes_N, see dosc_abi.h), asked for only when the
 * remote test needs them. */
typedef long long (*dosc_bytes_fn)(const void *args);

/* The spawn-time choice of one site: the one rule, called by the dispatch
 * generated for every site (UnitRewriter, through dosc_site_choice in
 * dosc_abi.h) and by `dosc explain` (its binding at the user's values and the
 * break-even sizes). Given the load-time decision and the spawn's figures at
 * its arguments:
 *   work      the task's work in operations; < 0: unknown (recursive)
 *   measure   a recursive task's measure parameter (decision->measure_threshold
 *             is set); DOSC_POLICY_NO_MEASURE without one
 *   depth     the spawn depth of the spawning task (0 in main)
 *   siblings  the batch, where the code knows it at the spawn (the manifest's
 *             siblings is a formula); < 0: not tested
 *   bytes_of  the task's own shipped bytes, called with `args` only for a
 *             REMOTE-bound task that passes the work test; NULL: the site
 *             cannot ship (no marshalling): it spawns locally
 * it returns DOSC_POLICY_INLINE (the plain call), LOCAL (a task on this
 * node's pool) or REMOTE (shipped to another node):
 *   INLINE binding, or the grain fails (known work: work < work_threshold;
 *     unknown: measure < measure_threshold or depth >= depth_cutoff), or the
 *     batch is smaller than least_siblings (dosc_batch_pays): INLINE.
 *   REMOTE binding, recursive (work < 0): REMOTE while depth < remote_depth_cutoff, the
 *     measure >= remote_work_threshold and bytes <= remote_first_bytes (dosc_recursive_remote);
 *     else LOCAL, or INLINE when kept_work_threshold is DOSC_POLICY_NEVER (1 thread).
 *   REMOTE binding, depth below remote_depth_cutoff where it is set (a recursive task of known
 *     work: the top of its tree), and dosc_remote_pays(site, work, bytes, siblings): REMOTE; a
 * task kept here spawns locally from kept_work_threshold (unknown work: always), below it the
 * plain call. else LOCAL. O(1), no shared writes, no clock; inline: on a hot path (fib with a
 * spawn per call) it folds into the dispatch. */
static inline int dosc_spawn_choice(const dosc_decision *site, long long work, long long measure,
                                    int depth, long long siblings, dosc_bytes_fn bytes_of,
                                    const void *args) {
  if (site->binding == DOSC_POLICY_INLINE) return DOSC_POLICY_INLINE;
  int grain = work >= 0 ? work >= site->work_threshold
                        : measure >= site->measure_threshold && depth < site->depth_cutoff;
  if (!grain || !dosc_batch_pays(site->least_siblings, siblings)) return DOSC_POLICY_INLINE;
  if (site->binding != DOSC_POLICY_REMOTE || bytes_of == 0) return DOSC_POLICY_LOCAL;
  if (work < 0 && site->remote_bytes_per_op < DOSC_POLICY_ANY_BYTES) {
    /* A recursive task priced remote by its measure (dosc_recursive_remote). */
    if (depth < site->remote_depth_cutoff && measure >= site->remote_work_threshold &&
        (double)bytes_of(args) <= site->remote_first_bytes)
      return DOSC_POLICY_REMOTE;
    return site->kept_work_threshold < DOSC_POLICY_NEVER ? DOSC_POLICY_LOCAL : DOSC_POLICY_INLINE;
  }
  int top = site->remote_depth_cutoff == 0 || depth < site->remote_depth_cutoff;
  if (top && dosc_remote_pays(site, work, bytes_of(args), siblings)) return DOSC_POLICY_REMOTE;
  return work < 0 || work >= site->kept_work_threshold ? DOSC_POLICY_LOCAL : DOSC_POLICY_INLINE;
}

/* Replication (issue 9 item 4, the paper's replication vs remote
 * invocation): a pointer parameter's footprint goes to each node once per
 * epoch (until the spawning frame's taskwait) instead of with every task when
 *   - the task only reads it (access "read": never written, so a copy held by
 *     a node cannot go stale within the epoch),
 *   - it is the same region for every sibling (its manifest `first` is a
 *     constant: matrix B of a row-block multiply; a stencil's rows `in[lo-1..]`
 *     differ per task and are not), and
 *   - it is at least DOSC_POLICY_REPLICA_MIN_BYTES: smaller data costs less
 *     to resend than a replica costs to look up and hold.
 * The one rule: rank 0's dispatch (remote.c), the spawn-time byte count
 * (dosc_spawn_bytes, generated) and `dosc explain` (TaskTraffic) all call it. */
#define DOSC_POLICY_REPLICA_MIN_BYTES 4096.0

static inline int dosc_replicated(int read_only, int same_region, double bytes) {
  return read_only && same_region && bytes >= DOSC_POLICY_REPLICA_MIN_BYTES;
}

/* Bytes that cross the wire for one task sent to another node: its read
 * footprint in and written footprint back (`bytes_in` + `bytes_out`, without
 * replicated data), plus its share of the `bytes_replicated` (dosc_replicated:
 * shipped once per node): spread over the siblings one node receives
 * (siblings / (nodes - 1)); all of it when the siblings are unknown (0).
 * This prices a task (dosc_price_task). The spawn-time test weighs only the
 * task's own bytes (`bytes_in` + `bytes_out`, dosc_spawn_bytes in the
 * generated code): the replicated data is paid once per node and epoch, not
 * by the task, and its share is not known at a spawn (how many siblings one
 * node will run). Negative inputs count as 0; saturates. */
double dosc_shipped_bytes(double bytes_in, double bytes_out, double bytes_replicated,
                          long long siblings, int nodes);

typedef struct dosc_break_even {
  double local_ops;  /* work at which a local spawn costs <= overhead_target of it */
  double remote_ops; /* work at which shipping `bytes` away costs less than the work */
} dosc_break_even;

/* The figures of one task at given argument values, for pricing. */
typedef struct dosc_task_size {
  double work;        /* operations; < 0: unknown */
  double bytes;       /* shipped bytes of one task (dosc_shipped_bytes) */
  long long siblings; /* tasks the spawning invocation spawns together, 0 = unknown */
} dosc_task_size;

/* Predicted time of one task under each binding, and the paper's overheads.
 * A task is priced inside its batch of siblings: `local` runs the batch on
 * min(threads, siblings) workers, `remote` on min(nodes x threads, siblings)
 * (unknown siblings: as many as the workers). Per task:
 *   inline_ns = work x ns_per_op
 *   local_ns  = spawn_ns + steal share + work x ns_per_op / local width
 *   remote_ns = remote_overhead_ns + work x ns_per_op / remote width
 *   remote_overhead_ns = 2 x remote_latency_ns + bytes / remote_bytes_per_ns
 * and, as in Sa(l, y) = n / ((ts (n - y) + y) l) (paper section 2.2.1):
 *   l = (work x ns_per_op + spawn_ns) / (work x ns_per_op): the constant local
 *       overhead, what running the task through dosc costs over a plain call;
 *   y = (work x ns_per_op + remote_overhead_ns) / (work x ns_per_op): the
 *       remote overhead, what a remote run costs over the task's own work.
 * All fields are -1 when the work is unknown; remote_ns is -1 with one node. */
typedef struct dosc_prices {
  double inline_ns, local_ns, remote_ns;
  double remote_overhead_ns;
  double l, y;
} dosc_prices;

dosc_prices dosc_price_task(const dosc_profile *profile, const dosc_task_size *size);

/* Whether rank 0's workers take queued remote tasks too (remote.c's tickets),
 * besides dispatching them, for the whole run: only when they add to the
 * workers that run at once, the other ranks on rank 0's own host not already
 * filling its cores: (ranks_per_host - 1) x threads < cores, both as the
 * runtime reads them on rank 0 (unknown: 1). 2 ranks of 1 thread on a 2-core
 * host: 1 (rank 0 is the second worker); 3: 0 (a third busy thread on 2
 * cores only slows the dispatch and the others: mandelbrot 640x480 ran
 * 1.21x, montecarlo 1.16x forced remote). Where 0, rank 0 takes none at all,
 * not even during the first contact: a task it began then ran on past the
 * contact, beside the others' workers (issue 10, 09:16 quiet run: matmul 256
 * and 512, montecarlo 24 500000, mandelbrot 320x240 on 3 ranks 1.18-1.61x
 * forced remote by the medians, auto shipping the same tasks). The contact
 * then holds the whole batch, and dosc_price_task charges it whole (policy.c,
 * first_contact_ns). Under a forced remote binding rank 0 takes none either. */
int dosc_rank_zero_shares(const dosc_profile *profile);

/* Sending ahead (remote.c, next_rank): rank 0 sends a task to a rank whose
 * threads are all busy, to wait there behind the tasks they run, only while
 * every task that rank holds is predicted (its work at the spawn's arguments,
 * never below the truth: SPEC section 4) to take at most this many
 * operations; one waits there at most. A task sent ahead saves its rank the
 * round trip of asking for it once a thread frees, but where another rank
 * (or rank 0's pool) becomes idle meanwhile it could have started the task
 * and cannot: the wait is bounded by what it waits behind. The bound is
 * DOSC_POLICY_AHEAD_ROUND_TRIPS round trips (2 x remote_latency_ns), and at
 * least DOSC_POLICY_AHEAD_FLOOR_NS: a task above it that is not sent ahead
 * loses at most 1/16 of its time to the round trip; one below it makes
 * another wait at most that long (640 us with the built-in 20 us latency,
 * 6.4 M operations at 0.1 ns each). A task of unknown work (-1) is never
 * one another waits behind. */
#define DOSC_POLICY_AHEAD_ROUND_TRIPS 16.0
#define DOSC_POLICY_AHEAD_FLOOR_NS    50000.0
long long dosc_send_ahead_work(const dosc_profile *profile);

/* Built-in profile for a modern x86-64 machine, used when no profile file
 * exists. threads = 1, nodes = 1: the caller sets the real ones. */
void dosc_profile_defaults(dosc_profile *profile);

/* Profile validation (SPEC section 5: a bad value never inverts a decision).
 * Every number of a dosc-profile/1 file is one of these fields, with the
 * range a real machine can have; anything outside it (or not a number, or
 * not finite) is replaced by that field's default, with a warning naming the
 * field. */
typedef struct dosc_profile_field {
  const char *name;  /* the JSON key */
  double least;      /* smallest accepted value */
  double most;       /* largest accepted value */
  int integer;       /* non-zero: the value must be a whole number */
  const char *means; /* one line for people: what it is, in which unit */
} dosc_profile_field;

/* The fields, in file order; *count receives how many. */
const dosc_profile_field *dosc_profile_fields(int *count);

/* Sets the field `name` of `profile` to `value` when `value` is finite and
 * within the field's range. Returns 1 if set; 0 if `name` is not a profile
 * field (ignored: profiles may carry more, e.g. calibrate's noise figures);
 * -1 if the value is rejected: the field gets its built-in default and
 * `warning` (when not NULL) says which field, why, and the default used. */
int dosc_profile_set(dosc_profile *profile, const char *name, double value, char *warning,
                     size_t warning_size);

/* The value of field `name` in `profile`, or NaN for an unknown name. */
double dosc_profile_get(const dosc_profile *profile, const char *name);

/* The nearest long long to `value` (rounded up when `round_up`), saturated at
 * the type's limits; NaN gives DOSC_POLICY_NEVER. Casting an out-of-range
 * double to an integer is undefined behaviour in C: every conversion of the
 * model goes through here. */
long long dosc_saturate_ll(double value, int round_up);

/* Break-even sizes of one task moving `bytes` of data to run remotely:
 * local pays when work * ns_per_op * overhead_target >= spawn_ns + steal_ns;
 * remote pays when work * ns_per_op > remote_latency_ns + bytes / bandwidth. */
dosc_break_even dosc_break_even_sizes(const dosc_profile *profile, double bytes);

/* Depth cut-off for a recursive task: the least d with
 * (siblings x 0.809)^d >= threads * tasks_per_thread (siblings 1 counts as
 * 2, unknown siblings (0) as 4; 0.809 = golden ratio / 2 models an uneven
 * split like fib's): below it the heaviest leaf is at most
 * 1 / (threads x tasks_per_thread) of the work.
 * At most the d with siblings^d >= 16 x threads x tasks_per_thread (bounds
 * the spawns of a tree that bottoms out early). 0 when
 * threads * tasks_per_thread <= 1. */
int dosc_recursive_depth_cutoff(const dosc_profile *profile, long long siblings);

/* The most operations the whole recursion of a task started at `measure` can
 * run (see dosc_recurrence): work_per_call (at least 1: a call costs
 * something) x N(measure). Saturates at HUGE_VAL; -1 when no measure. */
double dosc_recursive_subtree_ops(const dosc_recurrence *recurrence, long long measure);

/* Operations a spawned recursive subtree must have for the spawn to pay:
 * (spawn_ns + steal_ns) / (ns_per_op x overhead_target). A recursive tree's
 * spawns are the ones thieves take (the big subtrees near the root go first),
 * so unlike a loop's task each is priced with a steal: within the overhead
 * target even when it is stolen. */
double dosc_recursive_grain_ops(const dosc_profile *profile);

/* The least operations a recursive task started at `measure` surely runs:
 * least_work_per_call x I(measure) (see dosc_recurrence), 0 below base;
 * past the values the walk takes, the count reached there. -1 when the
 * recurrence gives no lower bound. */
double dosc_recursive_subtree_least_ops(const dosc_recurrence *recurrence, long long measure);

/* The most calls a subtree started at `measure` makes when each invocation at
 * or above `base` makes at most `fan_out` calls, each lowering the measure by
 * at least `step`: 1 + F + F^2 + ... + F^L over its L levels that call.
 * Saturates at HUGE_VAL. */
double dosc_recursive_calls_bound(double fan_out, long long measure, long long base,
                                  long long step);

/* What the dispatch of an at_spawn recurrence (see dosc_recurrence) passes as
 * its measure: the subtree's work estimate in operations, the geometric mean
 * of its root's own call (root_work, the task's work_per_invocation at the
 * spawn's arguments, at most work_per_call; < 1: work_per_call) and its calls'
 * bound, sqrt(root_work x work_per_call x N) (N from
 * dosc_recursive_calls_bound at the spawn's fan-out), saturated; root_work
 * below the base. Only an estimate: where a test may prune every call nothing
 * below the root is sure. The same rule the load-time walk prices a constant
 * recurrence by (dosc_recursive_remote, DOSC_RECURSIVE_REMOTE_ESTIMATE). */
long long dosc_recursive_spawn_estimate(const dosc_recurrence *recurrence, long long root_work,
                                        long long work_per_call, long long fan_out,
                                        long long measure);

/* How a recursive site is priced remote (policy.c, "Recursive tasks remote"):
 * which estimate of a subtree's work, the operations it must reach to pay for
 * a round trip and its share of the first contact, the least measure where it
 * does (DOSC_POLICY_NEVER: none within the measure's walk), and the spawn
 * depths that may ship. rule: DOSC_RECURSIVE_REMOTE_*. */
enum {
  DOSC_RECURSIVE_REMOTE_NONE = 0,        /* not priced remote (no measure, 1 node, no gain) */
  DOSC_RECURSIVE_REMOTE_LOWER_BOUND = 1, /* the sound lower bound pays */
  DOSC_RECURSIVE_REMOTE_ESTIMATE = 2,    /* upper bound only: the geometric-mean estimate */
  DOSC_RECURSIVE_REMOTE_KNOWN_WORK = 3   /* the spawn's work is its subtree's (the analyzer's
                                            induction): dosc_remote_pays at the top of the tree */
};
typedef struct dosc_recursive_remote_price {
  int rule;                    /* DOSC_RECURSIVE_REMOTE_* */
  int depth_cutoff;            /* ships only while the spawn depth < this */
  double needed_ops;           /* the estimate must reach this: (round trip + first contact
                                  share) / gain per op; known work: the least work that pays
                                  with no bytes */
  long long measure_threshold; /* least measure whose estimate reaches needed_ops (known work:
                                  needed_ops, in operations) */
  double max_bytes;            /* a subtree shipping more stays here (known work: HUGE_VAL, its
                                  bytes are priced against its work) */
} dosc_recursive_remote_price;

dosc_recursive_remote_price dosc_recursive_remote(const dosc_profile *profile,
                                                  const dosc_site_facts *facts);

/* The least measure at which the subtree bound reaches dosc_recursive_grain_ops:
 * a spawn whose task's measure is below it is a plain call, so a small
 * problem is not split at all; DOSC_POLICY_ANY_MEASURE when one invocation
 * already pays (or no measure). Deep in a large problem the depth cut-off
 * stops the splitting first, as without a measure. */
long long dosc_recursive_measure_threshold(const dosc_profile *profile,
                                           const dosc_recurrence *recurrence);

/* The decision for one site (the three-way choice, see dosc_decision), plus
 * a one-line human reason (no binding name in it, no newline) written into
 * reason[0 .. reason_size - 1] when reason != NULL. Never returns REMOTE for
 * a non-remotable site or with fewer than 2 nodes. Under `auto`, REMOTE is
 * chosen for a remotable, non-recursive task of known work when remote can
 * pay at some size: the remote thresholds are where dosc_price_task's
 * remote_ns falls below local_ns (remote saves work x ns_per_op x (1/local
 * width - 1/remote width) and costs 2 x latency + bytes / bandwidth); for a
 * remotable recursive task of known work alike, at the top of its tree
 * (remote_depth_cutoff) and at the gain of its whole tree
 * (dosc_recursive_remote); and for
 * a remotable recursive task with a measure when some subtree pays
 * (dosc_recursive_remote: its sure work, or the geometric-mean estimate,
 * near the root only; never without a measure). A
 * remote binding that was requested (sidecar, DOSC_BIND) gets
 * remote_work_threshold 0 and remote_bytes_per_op DOSC_POLICY_ANY_BYTES:
 * every spawn goes remote.
 *
 * This is the function the remote binding calls: the runtime fills `profile`
 * (threads, nodes = MPI ranks) and `facts` once per site at load time and
 * stores the returned thresholds in the site's state. */
dosc_decision dosc_decide(const dosc_profile *profile, const dosc_site_facts *facts, char *reason,
                          size_t reason_size);

/* The binding a site can be given when it is compiled, before any machine is
 * known: DOSC_POLICY_INLINE when the task's work is a constant (`constant_work`
 * >= 0, in operations) below what the cheapest spawn on any machine the model
 * allows for needs to stay within the most generous overhead target (see
 * DOSC_POLICY_FASTEST_* in policy.c); the site is then the plain call itself,
 * with no check. Else DOSC_POLICY_AUTO: decided at load time. */
int dosc_compile_time_binding(long long constant_work);

/* "inline", "local", "remote" or "auto"; "?" for anything else. */
const char *dosc_binding_name(int binding);

/* Parses "inline" | "local" | "remote" | "auto"; returns -1 for anything else. */
int dosc_binding_parse(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* DOSC_POLICY_H */
