/* dosc.h - the user-facing runtime API of dosc.
 *
 * Optional for users (SPEC.md section 1): a file that includes it compiles both
 * with dosc (which passes -D__DOSC__=1 and links libdosc) and with a plain C
 * compiler, where the calls fall back to the serial program's answers. A
 * program built by dosc that calls these has the runtime started before main,
 * with or without a spawn site (`dosc cc` links Runtime/src/start_for_api.c
 * when a unit without pragmas includes this header or calls these): started
 * with DOSC_THREADS=1 and without mpirun, it gets the serial answers.
 */
#ifndef DOSC_H
#define DOSC_H

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __DOSC__

#if defined(__GNUC__)
#define DOSC_USER_API __attribute__((visibility("default")))
#else
#define DOSC_USER_API
#endif

/* Number of local worker threads of the pool (DOSC_THREADS, default: the
 * cores this process may run on). 1 before the runtime has started. */
DOSC_USER_API int dosc_thread_count(void);

/* Number of nodes (MPI ranks) the program runs on; 1 without mpirun. */
DOSC_USER_API int dosc_node_count(void);

/* This node's rank, 0 .. dosc_node_count() - 1; rank 0 runs main. */
DOSC_USER_API int dosc_node_rank(void);

#else /* serial elision: the program compiled by a plain C compiler */

static inline int dosc_thread_count(void) {
  return 1;
}
static inline int dosc_node_count(void) {
  return 1;
}
static inline int dosc_node_rank(void) {
  return 0;
}

#endif

#ifdef __cplusplus
}
#endif

#endif /* DOSC_H */
