/* start.c - dosc_start: configuration, load-time decisions, start and exit.
 *
 * Everything here runs once, on the thread that calls dosc_start (main),
 * before main's body: the environment (SPEC.md section 5), the machine
 * profile and the sidecar fix each site's dosc_site_state via the policy, and
 * nothing is decided again later.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "dosc.h"
#include "dosc_abi.h"
#include "dosc_policy.h"
#include "host_cores.h"
#include "loader.h"
#include "pool.h"
#include "remote.h"
#include "self_section.h"

_Static_assert((int)DOSC_BIND_INLINE == (int)DOSC_POLICY_INLINE &&
                   (int)DOSC_BIND_LOCAL == (int)DOSC_POLICY_LOCAL &&
                   (int)DOSC_BIND_REMOTE == (int)DOSC_POLICY_REMOTE &&
                   (int)DOSC_BIND_AUTO == (int)DOSC_POLICY_AUTO,
               "dosc_abi.h and dosc_policy.h must number the bindings alike");

/* Programs whose sites were decided: dosc_start is idempotent per program. */
#define DOSC_MAX_PROGRAMS 64

static struct {
  pthread_mutex_t lock;
  int started;
  int trace;
  int forced_binding; /* DOSC_BIND, or DOSC_BIND_AUTO */
  dosc_profile profile;
  char profile_note[PATH_MAX + 64];
  char manifest_path[PATH_MAX + 16];
  int manifest_is_default; /* no DOSC_MANIFEST: the executable's section may stand in */
  char manifest_section[PATH_MAX + 32]; /* "PROG (.dosc.manifest section)", for messages */
  const dosc_program_info *programs[DOSC_MAX_PROGRAMS];
  int program_count;
  /* Units registered by their constructors, decided by dosc_start. */
  const dosc_program_info *registered[DOSC_MAX_PROGRAMS];
  int registered_count;
  int sidecar_warned;
  double started_at;         /* CLOCK_MONOTONIC seconds at dosc_start */
  pid_t pid;                 /* the process that started the pool (started_process) */
  pthread_t starter;         /* the thread that called dosc_start first: the pool's worker 0 */
  pthread_key_t starter_key; /* its destructor ends the runtime when that thread exits */
  int ended;                 /* end_runtime ran */
} runtime = {.lock = PTHREAD_MUTEX_INITIALIZER, .forced_binding = DOSC_BIND_AUTO};

static void warn(const char *format, const char *detail, const char *value) {
  fprintf(stderr, "dosc: warning: ");
  fprintf(stderr, format, detail, value);
  fputc('\n', stderr);
}

static int thread_count_from_env(void) {
  int cores = dosc_cores_of(0);
  if (cores > DOSC_MAX_THREADS) cores = DOSC_MAX_THREADS;
  const char *text = getenv("DOSC_THREADS");
  if (text == NULL || text[0] == '\0') return cores;
  char *end;
  errno = 0;
  long value = strtol(text, &end, 10);
  if ((errno != 0 && errno != ERANGE) || *end != '\0' || end == text || value < 1) {
    char fallback[32];
    snprintf(fallback, sizeof fallback, "%d", cores);
    warn("DOSC_THREADS=%s is not a thread count (1 or more): using %s", text, fallback);
    return cores;
  }
  if (errno == ERANGE || value > DOSC_MAX_THREADS) {
    /* More than any machine this runs on: not worth a worker record each. */
    char most[32];
    snprintf(most, sizeof most, "%d", DOSC_MAX_THREADS);
    warn("DOSC_THREADS=%s is more than the runtime's maximum: using %s", text, most);
    return DOSC_MAX_THREADS;
  }
  return (int)value;
}

static int forced_binding_from_env(void) {
  const char *text = getenv("DOSC_BIND");
  if (text == NULL || text[0] == '\0') return DOSC_BIND_AUTO;
  int binding = dosc_binding_parse(text);
  if (binding < 0) {
    warn("DOSC_BIND=%s is not inline, local, remote or auto: using %s", text, "auto");
    return DOSC_BIND_AUTO;
  }
  return binding;
}

static int trace_from_env(void) {
  const char *text = getenv("DOSC_TRACE");
  return text != NULL && text[0] != '\0' && strcmp(text, "0") != 0;
}

static void manifest_path_from_env(char *path, size_t size) {
  char exe[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (length > 0)
    exe[length] = '\0';
  else
    snprintf(exe, sizeof exe, "a.out");
  snprintf(runtime.manifest_section, sizeof runtime.manifest_section,
           "%s (" DOSC_MANIFEST_SECTION " section)", exe);
  const char *text = getenv("DOSC_MANIFEST");
  runtime.manifest_is_default = text == NULL || text[0] == '\0';
  if (runtime.manifest_is_default)
    snprintf(path, size, "%s.dosc.json", exe);
  else
    snprintf(path, size, "%s", text);
}

/* The unit's manifest: the sidecar; or, when DOSC_MANIFEST is unset and no
 * sidecar lies beside the program, the one in the executable (self_section.c).
 * *where names what was read, for the trace and the warning. */
static int read_manifest(const dosc_program_info *program, int *bindings,
                         dosc_sidecar_task *figures, long long *first_site, char *error,
                         size_t error_size, const char **where) {
  *where = runtime.manifest_path;
  if (runtime.manifest_is_default && access(runtime.manifest_path, F_OK) != 0 && errno == ENOENT) {
    int status = dosc_self_manifest_read(program, bindings, figures, first_site, error, error_size);
    if (status != DOSC_SELF_MANIFEST_ABSENT) {
      *where = runtime.manifest_section;
      return status;
    }
  }
  return dosc_sidecar_read(runtime.manifest_path, program, bindings, figures, first_site, error,
                           error_size);
}

/* DOSC_PROFILE, else where `dosc calibrate` writes: $XDG_CONFIG_HOME/dosc/
 * profile.json, else ~/.config/dosc/profile.json. Empty when neither is
 * known. Returns 1 if DOSC_PROFILE named it. */
static int profile_path_from_env(char *path, size_t size) {
  const char *text = getenv("DOSC_PROFILE");
  const char *config = getenv("XDG_CONFIG_HOME");
  const char *home = getenv("HOME");
  if (text != NULL && text[0] != '\0') {
    snprintf(path, size, "%s", text);
    return 1;
  }
  if (config != NULL && config[0] == '/')
    snprintf(path, size, "%s/dosc/profile.json", config);
  else if (home != NULL && home[0] != '\0')
    snprintf(path, size, "%s/.config/dosc/profile.json", home);
  else
    path[0] = '\0';
  return 0;
}

static void load_profile(int threads) {
  char path[PATH_MAX];
  char error[1024]; /* room for a warning about every field */
  dosc_profile_defaults(&runtime.profile);
  int named = profile_path_from_env(path, sizeof path);
  int status = path[0] != '\0' ? dosc_profile_read(path, &runtime.profile, error, sizeof error) : 0;
  /* A missing profile at the default place is a machine never calibrated; one
   * the user named is a mistake worth a word. */
  if (status == 0 && named) {
    snprintf(error, sizeof error, "no such file (named by DOSC_PROFILE)");
    status = -1;
  }
  if (status < 0)
    fprintf(stderr, "dosc: warning: %s: %s: using built-in machine defaults\n", path, error);
  else if (status > 0 && error[0] != '\0')
    fprintf(stderr, "dosc: warning: %s: %s\n", path, error); /* fields given their defaults */
  snprintf(runtime.profile_note, sizeof runtime.profile_note, "%s%s",
           status > 0 ? "profile " : "built-in machine profile", status > 0 ? path : "");
  runtime.profile.threads = threads;
  runtime.profile.nodes = 1; /* dosc_start sets the ranks mpirun started */
}

/* Fixes every site's state of `program`. Caller holds runtime.lock. */
static void decide_program(const dosc_program_info *program) {
  int count = program->site_count > 0 ? program->site_count : 0;
  int *bindings = calloc((size_t)(count > 0 ? count : 1), sizeof *bindings);
  dosc_sidecar_task *figures = calloc((size_t)(count > 0 ? count : 1), sizeof *figures);
  char error[512];
  int sidecar_ok = 0;
  long long first_site = 0; /* program-wide id of site 0, as users see it in the sidecar */
  const char *where = runtime.manifest_path;
  if (bindings == NULL || figures == NULL) {
    fprintf(stderr, "dosc: warning: out of memory: using compiled-in defaults\n");
  } else if (read_manifest(program, bindings, figures, &first_site, error, sizeof error, &where) ==
             0) {
    sidecar_ok = 1;
  } else if (!runtime.sidecar_warned) {
    /* One warning per run, however many units the same bad sidecar fails. */
    runtime.sidecar_warned = 1;
    fprintf(stderr, "dosc: warning: %s: %s: using compiled-in defaults\n", where, error);
  }
  if (runtime.trace && runtime.program_count <= 1)
    fprintf(stderr,
            "dosc: %d thread%s, %d node%s (%d rank%s a host of %d core%s); %s %s (%s); %s\n",
            runtime.profile.threads, runtime.profile.threads == 1 ? "" : "s", runtime.profile.nodes,
            runtime.profile.nodes == 1 ? "" : "s", runtime.profile.ranks_per_host,
            runtime.profile.ranks_per_host == 1 ? "" : "s", runtime.profile.cores,
            runtime.profile.cores == 1 ? "" : "s",
            where == runtime.manifest_section ? "manifest in" : "sidecar", where,
            sidecar_ok ? "read" : "not used", runtime.profile_note);

  for (int id = 0; id < count; id++) {
    const dosc_site_info *info = &program->sites[id];
    dosc_site_facts facts = {0};
    facts.requested = info->default_binding;
    facts.origin = DOSC_ORIGIN_COMPILED;
    if (bindings != NULL && bindings[id] >= 0 && bindings[id] != DOSC_BIND_AUTO) {
      facts.requested = bindings[id];
      facts.origin = DOSC_ORIGIN_SIDECAR;
    }
    if (runtime.forced_binding != DOSC_BIND_AUTO) {
      facts.requested = runtime.forced_binding;
      facts.origin = DOSC_ORIGIN_ENV;
    }
    facts.recursive = (info->flags & DOSC_SITE_RECURSIVE) != 0;
    /* Remotable: the analyzer bounded every access and the rewrite generated
     * the site's marshalling (remote.c). */
    int marshalled = dosc_remote_site_available(program, id);
    facts.remotable = (info->flags & DOSC_SITE_REMOTABLE) != 0 && marshalled;
    facts.work_known = (info->flags & DOSC_SITE_WORK_KNOWN) != 0;
    facts.fixed = (info->flags & DOSC_SITE_FIXED) != 0;
    if ((info->flags & DOSC_SITE_WORK_AT_LINK) && figures != NULL && figures[id].present) {
      /* The task's body was in another object: the linked sidecar has its figures, and the
       * link defined the function that gives the site its work. */
      facts.recursive = figures[id].recursive;
      facts.remotable = figures[id].remotable && marshalled;
      facts.work_known = figures[id].work_known;
    }
    facts.siblings = info->siblings;
    if (info->recurrence != NULL && facts.recursive) facts.recurrence = *info->recurrence;

    char reason[512];
    dosc_decision decision = dosc_decide(&runtime.profile, &facts, reason, sizeof reason);
    const char *note = "";
    const char *refusal = sidecar_ok ? figures[id].site_refusal : NULL;
    if (facts.requested == DOSC_BIND_REMOTE && refusal != NULL)
      note = refusal; /* the site's own reason, from its sidecar entry */
    else if (facts.requested == DOSC_BIND_REMOTE && (info->flags & DOSC_SITE_REMOTABLE) &&
             !marshalled)
      note = "no marshalling was generated for this site (a build without MPI support?)";
    dosc_site_state *state = &program->states[id];
    *state = decision; /* dosc_site_state is dosc_decision, cache-line aligned */
    if (runtime.trace)
      fprintf(stderr, "dosc: site %lld %s (%s:%d:%d): %s - %s%s%s\n", first_site + id,
              info->task != NULL ? info->task : "?", info->file != NULL ? info->file : "?",
              info->line, info->column, dosc_binding_name(state->binding), reason,
              note[0] != '\0' ? "; " : "", note);
  }
  free(bindings);
  dosc_sidecar_tasks_free(figures, count);
  free(figures);
}

/* Decides `program` unless that was done already. Caller holds runtime.lock. */
static void decide_once(const dosc_program_info *program) {
  for (int i = 0; i < runtime.program_count; i++)
    if (runtime.programs[i] == program) return;
  if (runtime.program_count < DOSC_MAX_PROGRAMS)
    runtime.programs[runtime.program_count++] = program;
  decide_program(program);
}

/* DOSC_TRACE: the time outside top-level tasks, the sequential fraction ts of
 * the paper's laws (exact with DOSC_THREADS=1 and every site spawning). */
static void report_time_outside_tasks(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double total = (double)now.tv_sec + (double)now.tv_nsec * 1e-9 - runtime.started_at;
  double in_tasks = (double)dosc_pool_task_ns() * 1e-9;
  double outside = total > in_tasks ? total - in_tasks : 0.0;
  fprintf(stderr, "dosc: time outside tasks %.6f s of %.6f s (ts = %.4f, %d thread%s)\n", outside,
          total, total > 0 ? outside / total : 0.0, runtime.profile.threads,
          runtime.profile.threads == 1 ? "" : "s: tasks overlap, use DOSC_THREADS=1 for ts");
}

/* Whether this process is the one that called dosc_start, not a child of its fork(). */
static int started_process(void) {
  return runtime.started && getpid() == runtime.pid;
}

void dosc_taskwait_at_exit(dosc_frame *frame) {
  if (runtime.started && !started_process()) return;
  dosc_taskwait(frame);
}

/* Ends what dosc_start started, once per process. On the starting thread, the tasks it spawned
 * and never waited for run first: the plain program ran them before it got here (`spawn f();
 * exit(0);`). Not on another thread: exit() in a task ends the plain program there, with the
 * tasks after it never run. Then the trace's time, the pool's workers and, on rank 0 under
 * mpirun, every other rank (dosc_remote_stop). */
static void end_runtime(void) {
  /* A child of fork(): the pool's threads and rank 0's MPI thread are the parent's, the child
   * has only the thread that forked. Joining them crashed the child (pthread_tryjoin_np on a
   * thread that is not there: SIGSEGV), and it printed rank 0's counters a second time, where
   * the plain program's child exits with its status. */
  if (!started_process()) return;
  if (pthread_equal(pthread_self(), runtime.starter))
    while (dosc_pool_help_once()) {
    }
  pthread_mutex_lock(&runtime.lock);
  if (!runtime.ended) {
    runtime.ended = 1;
    /* The program's time is rank 0's: a serving rank only waits for tasks. */
    if (runtime.trace && !dosc_remote_serving()) report_time_outside_tasks();
    dosc_pool_stop();
    dosc_remote_stop();
  }
  pthread_mutex_unlock(&runtime.lock);
}

/* atexit: main returned, or some thread called exit(). */
static void end_at_exit(void) {
  end_runtime();
}

/* The starting thread (main) called pthread_exit(): the plain program lives on until its last
 * thread ends, then exits with status 0, running its atexit handlers. The pool's workers and
 * rank 0's MPI thread never end by themselves, and the program hung: the runtime ends with the
 * thread that started it instead. A key's destructor runs as its thread exits, not when main
 * returns or exit() is called (those reach end_at_exit). */
static void end_with_starting_thread(void *unused) {
  (void)unused;
  end_runtime();
}

/* The ranks the launcher started on this host (Open MPI, MPICH's hydra); 0:
 * unknown. The model takes every host to hold as many (dosc_profile). */
static int ranks_on_this_host(void) {
  const char *names[] = {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS"};
  for (int i = 0; i < 2; i++) {
    const char *text = getenv(names[i]);
    if (text != NULL && atoi(text) > 0) return atoi(text);
  }
  return 0;
}

void dosc_start(const dosc_program_info *program, int *argc, char ***argv) {
  (void)argc; /* reserved: MPI_Init will take them */
  (void)argv;
  int first_start = 0;
  pthread_mutex_lock(&runtime.lock);
  if (!runtime.started) {
    runtime.started = 1;
    int threads = thread_count_from_env();
    runtime.forced_binding = forced_binding_from_env();
    runtime.trace = trace_from_env();
    manifest_path_from_env(runtime.manifest_path, sizeof runtime.manifest_path);
    /* Under mpirun: MPI starts here; only rank 0 reads the sidecar and the
     * profile, the others take rank 0's decisions (remote.h). */
    int nodes = dosc_remote_init(threads, runtime.trace);
    /* The program's time (DOSC_TRACE's "of Y s") starts once MPI is up: the
     * launch and MPI_Init (~0.1-0.3 s under mpirun) are not the program's. */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    runtime.started_at = (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
    if (!dosc_remote_serving()) load_profile(threads);
    runtime.profile.nodes = nodes;
    runtime.profile.cores = dosc_host_cores(nodes > 1);
    runtime.profile.ranks_per_host = nodes > 1 ? ranks_on_this_host() : 1;
    dosc_pool_time_tasks(runtime.trace);
    runtime.profile.threads = dosc_pool_start(threads);
    if (!dosc_remote_serving()) {
      dosc_remote_rank_zero_works(dosc_rank_zero_shares(&runtime.profile),
                                  runtime.profile.ranks_per_host * runtime.profile.threads,
                                  runtime.profile.cores);
      dosc_remote_send_ahead_below(dosc_send_ahead_work(&runtime.profile));
    }
    runtime.pid = getpid();
    runtime.starter = pthread_self();
    atexit(end_at_exit);
    if (pthread_key_create(&runtime.starter_key, end_with_starting_thread) == 0)
      pthread_setspecific(runtime.starter_key, &runtime);
    if (dosc_remote_serving()) {
      pthread_mutex_unlock(&runtime.lock);
      dosc_remote_publish(runtime.registered, runtime.registered_count); /* does not return */
    }
    first_start = 1;
  }
  for (int i = 0; i < runtime.registered_count; i++)
    decide_once(runtime.registered[i]);
  if (program != NULL) decide_once(program);
  if (first_start) dosc_remote_publish(runtime.registered, runtime.registered_count);
  pthread_mutex_unlock(&runtime.lock);
}

/* Units register from constructors of priority 101, which run before this
 * one (default priority): by the time main runs, every site is decided, even
 * when main's own file has no site and so no call of dosc_start.
 *
 * The count is read under the lock, not as a plain load: clang -O2 (LLVM's
 * GlobalOpt) evaluates a constructor at compile time when it can, assuming
 * it runs before any other code touches this file's globals. With a plain
 * `if (runtime.registered_count > 0)` it read the initial 0, found the
 * constructor did nothing and deleted it, so no program ever started its
 * pool. A call into libc (pthread_mutex_lock) cannot be evaluated at compile
 * time, whatever the compiler or optimisation level. */
__attribute__((constructor)) static void dosc_start_registered_units(void) {
  pthread_mutex_lock(&runtime.lock);
  int registered = runtime.registered_count;
  pthread_mutex_unlock(&runtime.lock);
  if (registered > 0) dosc_start(NULL, NULL, NULL);
}

void dosc_register_unit(const dosc_program_info *unit) {
  pthread_mutex_lock(&runtime.lock);
  if (runtime.registered_count < DOSC_MAX_PROGRAMS) {
    runtime.registered[runtime.registered_count++] = unit;
  } else {
    fprintf(stderr, "dosc: warning: more than %d units: the sites of '%s' stay plain calls\n",
            DOSC_MAX_PROGRAMS,
            unit->sites != NULL && unit->site_count > 0 ? unit->sites[0].file : "?");
  }
  /* A unit loaded after start-up (dlopen) is decided at once. */
  if (runtime.started) decide_once(unit);
  pthread_mutex_unlock(&runtime.lock);
}

int dosc_thread_count(void) {
  return dosc_pool_threads();
}
int dosc_node_count(void) {
  return dosc_remote_size();
}
int dosc_node_rank(void) {
  return dosc_remote_rank();
}
