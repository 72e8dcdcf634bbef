import ArgumentParser
import CurriculumKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, what it checks, how to settle a finding, with an example.",
        discussion: "RULE is a rule id as `curriculum rules` lists it, such as person-first.term."
    )

    @Argument(help: ArgumentHelp("A rule id.", valueName: "RULE"))
    var rule: String

    func validate() throws {
        guard RuleCatalog.descriptor(rule) != nil else {
            let hint = RuleExplanation.suggestion(for: rule).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("There is no rule '\(rule)'.\(hint) `curriculum rules` lists every rule.")
        }
    }

    func run() throws {
        Terminal.write(RuleExplanation.text(for: rule) ?? "")
    }
}
