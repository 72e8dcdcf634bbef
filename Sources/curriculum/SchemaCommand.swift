import ArgumentParser
import CurriculumKit
import Foundation

/// The formats `curriculum schema` can write.
enum SchemaFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonSchema = "json-schema"
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of module front matter, made from the curriculum's schema.yaml.",
        discussion: """
        Editors that use the YAML language server, and remark-lint-frontmatter-schema, use it to \
        complete objective, topic and group ids and to underline typos; see docs/editor-setup.md. \
        Run it again after editing schema.yaml.
        Exit status: 0 written, 2 the curriculum's schema.yaml cannot be used.
        """
    )

    @Option(help: "Output format: json-schema (JSON Schema draft-07).")
    var format: SchemaFormat = .jsonSchema

    @Argument(help: ArgumentHelp("The curriculum folder (the one holding schema.yaml).", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let loaded = CurriculumLoader().load(root: path)
        guard let schema = loaded.curriculum?.schema else {
            let setup = loaded.diagnostics.filter { $0.severity == .error }
            Terminal.writeError(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: setup, fileCount: 1)))
            throw ExitCode(2)
        }
        let text = FrontMatterJSONSchema.text(schema)
        guard let output else { return Terminal.write(text) }
        // Only a new file or a schema this command wrote earlier is replaced: never schema.yaml,
        // a module or any other file given by mistake.
        if FileManager.default.fileExists(atPath: output) || (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) != nil {
            guard let existing = FileManager.default.contents(atPath: output), FrontMatterJSONSchema.isGenerated(Array(existing)) else {
                Terminal.writeError("error: \(output) already exists and is not a schema this command wrote, so it was not overwritten; choose a new file name (for example module.schema.json), or remove the file first\n")
                throw ExitCode(2)
            }
        }
        do {
            try AtomicWriter.write(text, to: output)
        } catch {
            Terminal.writeError("error: cannot write \(output): check that the folder exists and that you may write in it\n")
            throw ExitCode(2)
        }
        Terminal.writeError("wrote \(output)\n")
    }
}
