import ArgumentParser
import CurriculumKit
import Foundation

/// `--sarif FILE` of `check` and `build`: the SARIF log written to a file in the same run as the
/// output `--format` prints, so CI gets annotations and a code-scanning upload from one check.
struct SARIFOutput: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the findings as SARIF 2.1.0 to FILE (for code scanning), whatever --format prints.", valueName: "FILE"))
    var sarif: String?

    /// The folder the command runs in: SARIF's file URIs are relative to it (`%SRCROOT%`).
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// Writes `report` to the `--sarif` file, whole or not at all. Returns false (after saying
    /// why on stderr) when it cannot be written.
    func write(_ report: CheckReport) -> Bool {
        guard let sarif else { return true }
        let text = SARIFPrinter(currentDirectory: Self.currentDirectory).render(report)
        do {
            try AtomicWriter.write(text, to: sarif)
            return true
        } catch {
            Terminal.writeError("could not write the SARIF log to '\(sarif)': \(FileError.describe(error))\n")
            return false
        }
    }
}
