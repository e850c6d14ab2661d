/* start_for_api.c - starts the runtime before main in a program that calls
 * <dosc.h>'s API (dosc_thread_count, ...) but has no spawn site.
 *
 * A unit with sites registers itself, and start.c's constructor then starts
 * the runtime. A program whose only use of dosc is the API has no unit to
 * register, and its API would answer "not started" (one thread, one node)
 * whatever DOSC_THREADS says, while the same program built by `dosc compile`
 * (which starts the runtime from main) answers DOSC_THREADS and mpirun's
 * ranks. `dosc cc` links this object when a unit's fragment says it uses the
 * runtime ("uses_runtime"), by naming dosc_start_for_api undefined
 * (RuntimeLocation.linkArguments): one answer for both commands. It is
 * nowhere else: a program that starts the runtime itself (the hand-lowered
 * tests, calibration) never gets it, since nothing else refers to it.
 */
#include "dosc_abi.h"

/* What the link names, to take this object out of libdosc.a. */
DOSC_API const char dosc_start_for_api = 1;

/* Default priority, like start.c's: after every unit registered (101).
 * dosc_start is idempotent, so whichever of the two runs first starts. */
__attribute__((constructor)) static void dosc_start_for_api_users(void) {
  dosc_start(NULL, NULL, NULL);
}
