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
  double overhead_target;     /* acceptable spawn overhead as a fraction of work */
  int tasks_per_thread;       /* recursive tasks: heaviest leaf <= 1/(threads * this) */
  int threads;                /* local workers */
  int nodes;                  /* MPI ranks */
} dosc_profile;

/* What the compiler and the sidecar say about one site. */
typedef struct dosc_site_facts {
  int requested;      /* DOSC_POLICY_*: AUTO lets the cost model decide */
  dosc_origin origin; /* where `requested` came from */
  int recursive;      /* non-zero: the task spawns itself; work unknown per call */
  int remotable;      /* non-zero: may be bound remote */
  int work_known;     /* non-zero: the site passes a work estimate >= 0 */
  int fixed;          /* non-zero: bound inline when compiled (dosc_compile_time_binding) */
  long long siblings; /* spawns per parent invocation, 0 = unknown */
} dosc_site_facts;

typedef struct dosc_decision {
  int binding;              /* DOSC_POLICY_INLINE / LOCAL / REMOTE */
  long long work_threshold; /* known work below this runs inline */
  int depth_cutoff;         /* unknown work: spawn only while depth < this */
} dosc_decision;

typedef struct dosc_break_even {
  double local_ops;  /* work at which a local spawn costs <= overhead_target of it */
  double remote_ops; /* work at which shipping `bytes` away costs less than the work */
} dosc_break_even;

/* Built-in profile for a modern x86-64 machine, used when no profile file
 * exists. threads = 1, nodes = 1: the caller sets the real ones. */
void dosc_profile_defaults(dosc_profile *profile);

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

/* The decision for one site, plus a one-line human reason (no binding name
 * in it, no newline) written into reason[0 .. reason_size - 1] when
 * reason != NULL. Never returns REMOTE for a non-remotable site or with
 * fewer than 2 nodes. */
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
