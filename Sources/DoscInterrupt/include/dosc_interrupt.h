/* dosc_interrupt.h - the temporaries a signal must not leave behind.
 *
 * dosc writes each output into a temporary beside it and renames it into place (AtomicFile):
 * a SIGINT, SIGTERM or SIGHUP between the two left the temporary, partial, in the user's
 * directory (scripts/fuzz-inputs.py's signals area). While a temporary is registered here, a
 * handler of those signals removes it, then lets the signal do what it did before the handler
 * was installed (by default, end the process). Async-signal-safe: the handler only calls
 * unlink, open, getdents64, unlinkat, close, rmdir, nanosleep, sigaction and raise, on paths
 * copied beforehand. In C for its atomics and its
 * handler, which Swift cannot write safely.
 */
#ifndef DOSC_INTERRUPT_H
#define DOSC_INTERRUPT_H

/* Registers `path` (installing the handler the first time): a slot for
 * dosc_interrupt_forget, or -1 when none is free or the path is too long (then it is not
 * removed by a signal; nothing else changes). */
int dosc_interrupt_remove_on_signal(const char *path);

/* mkdtemp(template_path), registered as above as a temporary directory of dosc's own (the
 * handler removes the files in it, then it: a compile killed in the middle left its generated C
 * and objects in $TMPDIR), with SIGINT, SIGTERM and SIGHUP held off in between, so that no
 * signal finds it made and not registered: the directory made, or NULL (errno set) when mkdtemp
 * fails. */
char *dosc_interrupt_make_directory(char *template_path);

/* The temporary of `slot` is renamed or removed: a signal no longer removes it. */
void dosc_interrupt_forget(int slot);

/* The same for every slot registered with `path`. */
void dosc_interrupt_forget_path(const char *path);

#endif
