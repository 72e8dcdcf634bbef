import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

@Suite struct PrinterTests {
    let report = CheckReport(diagnostics: [
        Diagnostic(file: "curriculum/modules/x.md", range: SourceRange(line: 3, column: 13, endColumn: 20), severity: .error,
                   rule: "front-matter.unknown-objective", message: "'copin' is not an objective declared in schema.yaml",
                   fix: Fix(summary: "did you mean 'coping'?", replacements: [Replacement(range: SourceRange(line: 3, column: 13, endColumn: 20), text: "coping")])),
        Diagnostic(file: "curriculum/modules/x.md", range: SourceRange(line: 9, column: 1, endColumn: 6), severity: .warning,
                   rule: "front-matter.unknown-field", message: "a field 'extra', with a comma: and colon",
                   fix: Fix(summary: "remove it")),
    ], fileCount: 31)

    @Test func jsonHasTheDocumentedShape() {
        let expected = #"{"diagnostics":[{"file":"curriculum/modules/x.md","line":3,"column":13,"endLine":3,"endColumn":20,"severity":"error","rule":"front-matter.unknown-objective","message":"'copin' is not an objective declared in schema.yaml","fix":{"summary":"did you mean 'coping'?","replacements":[{"line":3,"column":13,"endLine":3,"endColumn":20,"text":"coping"}]}},{"file":"curriculum/modules/x.md","line":9,"column":1,"endLine":9,"endColumn":6,"severity":"warning","rule":"front-matter.unknown-field","message":"a field 'extra', with a comma: and colon","fix":{"summary":"remove it","replacements":[]}}],"summary":{"files":31,"errors":1,"warnings":1}}"#
        #expect(JSONPrinter().render(report) == expected + "\n")
    }

    @Test func githubAnnotationsEscapeTheirFields() {
        let lines = GitHubPrinter().render(report).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "::error file=curriculum/modules/x.md,line=3,col=13,endLine=3,endColumn=20,title=front-matter.unknown-objective::'copin' is not an objective declared in schema.yaml%0AFix: did you mean 'coping'?")
        #expect(lines[1].hasPrefix("::warning file=curriculum/modules/x.md,line=9,col=1,"))
    }

    @Test func textShowsTheLineAndACaret() {
        let printer = TextPrinter(sourceLine: { _, line in line == 3 ? "objectives: [triggers, copin]" : nil }, color: false)
        let text = printer.render(report)
        #expect(text.contains("curriculum/modules/x.md:3:13: error: 'copin' is not an objective declared in schema.yaml [front-matter.unknown-objective]\n    objectives: [triggers, copin]\n                ^~~~~~~\n  fix: did you mean 'coping'?\n"))
        #expect(text.hasSuffix("checked 31 files: 1 error, 1 warning\n"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let sarif = SARIFPrinter().render(report)
        try SchemaValidator.validate(json: sarif, schema: Fixtures.path("reference/sarif-schema-2.1.0.json"))
        #expect(sarif.contains("\"columnKind\": \"unicodeCodePoints\""))
        #expect(sarif.contains("\"fixes\""))
    }

    @Test func exitCodes() {
        #expect(report.exitCode(strict: false) == 1)
        let warningsOnly = CheckReport(diagnostics: [report.diagnostics[1]], fileCount: 1)
        #expect(warningsOnly.exitCode(strict: false) == 0)
        #expect(warningsOnly.exitCode(strict: true) == 1)
    }
}

/// Validates JSON against a JSON Schema with Python's jsonschema, an implementation that is not ours.
enum SchemaValidator {
    struct Invalid: Error, CustomStringConvertible { let description: String }

    static func validate(json: String, schema: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let instance = folder + "/instance.json"
        try json.write(toFile: instance, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))
        validator = jsonschema.validators.validator_for(schema)(schema)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        for e in errors: print(list(e.path), e.message)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, instance]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw Invalid(description: "not valid against \(schema) (is python3 -m pip install jsonschema done? `make deps` does it):\n\(output)")
        }
    }
}
