import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A signal that ends `dosc run` ends the job: SIGTERM, SIGHUP and SIGINT sent to `dosc run` are
/// passed on to the launcher, which ends its ranks on every host; `dosc run` then exits with the
/// launcher's status. Without this, `timeout 60 dosc run ...` or a `kill` ended `dosc run` alone
/// and left mpirun and every rank running, orphaned (found by scripts/multihost.sh).
///
/// A signal the kernel sends (the terminal's ^C or hang-up, `si_code` SI_KERNEL) reaches the
/// launcher by itself, in the same process group, and is not passed on: Open MPI's mpirun takes
/// a second one within 5 s as "terminate at once, skipping the clean-up".
enum LauncherSignals {
  static let passedOn: [Int32] = [SIGTERM, SIGHUP, SIGINT]

  /// From now on, these signals go to the launcher `pid` (the handlers are installed after it
  /// started: it keeps the default dispositions).
  static func passOn(to pid: pid_t) {
    launcherProcess = pid
    for number in passedOn {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { number, info, _ in
        if let info, info.pointee.si_code == SI_KERNEL { return }
        kill(launcherProcess, number)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_SIGINFO | SA_RESTART
      sigaction(number, &action, nil)
    }
  }
}

/// The launcher's pid, read by the signal handler (async-signal-safe: one load), written once
/// before the handlers are installed.
nonisolated(unsafe) private var launcherProcess: pid_t = 0
