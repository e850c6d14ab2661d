import ArgumentParser
import DoscExplain
import Foundation

struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Measure this machine (and, with MPI installed, two ranks' network) into a dosc-profile/1 file.",
    discussion: """
      Writes to -o PROFILE, else DOSC_PROFILE, else where the runtime looks: $XDG_CONFIG_HOME/dosc/profile.json \
      or ~/.config/dosc/profile.json. Takes under a minute; an unstable measurement is an error, not a profile, but for \
      remote_later_contact_share, which then keeps its built-in default (the profile says why).
      """)

  @Option(name: .short, help: "Where to write the profile.")
  var output: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let path = output ?? MachineProfile.defaultPath(environment: environment) else {
      FileHandle.standardError.write(Data("dosc: error: no HOME or XDG_CONFIG_HOME: give -o PROFILE\n".utf8))
      throw ExitCode(1)
    }
    let calibration = Calibration(environment: environment) { step in
      FileHandle.standardError.write(Data("dosc calibrate: \(step)\n".utf8))
    }
    do {
      let result = try calibration.calibrate(into: path)
      var lines = ["dosc calibrate: wrote \(path) in \(String(format: "%.1f", result.seconds)) s"]
      for measurement in result.measurements {
        lines.append(
          "  \(measurement.name.padding(toLength: 20, withPad: " ", startingAt: 0)) "
            + "\(String(format: "%12.4g", measurement.value))  noise \(String(format: "%4.1f", measurement.noise * 100))%"
            + (Calibration.onePlus.contains(measurement.name) ? " of 1 + it" : "")
            + "  (trimmed mean of \(measurement.launches) launches, median \(String(format: "%.4g", measurement.median));"
            + " one launch strays "
            + "\(String(format: "%.1f", measurement.launchSpread * 100))%)"
        )
        if measurement.modes.count > 1 {
          lines.append(
            "    in \(measurement.modes.count) placements of the VM's CPUs, the noise spanning them: "
              + measurement.modes.map {
                "\(String(format: "%.4g", $0.value)) (\($0.launches) launches"
                  + ($0.cpus.isEmpty ? "" : ", cpus \($0.cpus.joined(separator: ", "))") + ")"
              }.joined(separator: ", "))
        }
      }
      for (field, why) in result.notMeasured.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(field) not measured steadily: \(why)")
      }
      lines.append("  network: \(result.network)")
      FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    } catch {
      FileHandle.standardError.write(Data("dosc: error: calibrate: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}
