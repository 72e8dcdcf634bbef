import ArgumentParser
import CurriculumKit

extension StatsReport.Format: ExpressibleByArgument {}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Words, sentences and readability of each module and participant section, in each module's language.",
        discussion: """
        Readability is the Flesch-Kincaid grade for English and the Szigriszt-Pazos index (IPSZ) for \
        Spanish, for text of 40 words or more. Exit status: 0 printed, 2 the curriculum cannot be read.
        """
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "text, csv or json.")
    var format: StatsReport.Format = .text

    func run() throws {
        let curriculum = try LoadCurriculum.at(path)
        let report = StatsReport(curriculum: curriculum)
        switch format {
        case .text: Terminal.write(report.text())
        case .csv: Terminal.write(report.csv())
        case .json: Terminal.write(report.json())
        }
    }
}
