import ArgumentParser
import DoscExplain
import Foundation

struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Measure this machine (and, under mpirun, the network) into a dosc-profile/1 file.")

  @Option(name: .short, help: "Where to write the profile (default: DOSC_PROFILE, else where the runtime looks).")
  var output: String?

  func run() throws {
    throw ExitCode(1)
  }
}
