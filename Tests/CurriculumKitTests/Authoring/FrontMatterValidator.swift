import Foundation
@testable import CurriculumKit
@testable import CurriculumBuild

/// Validates modules' front matter against a JSON Schema with tools that are not ours: PyYAML
/// reads the YAML and Python's jsonschema validates (Fixtures/json-schema/validate_front_matter.py).
enum FrontMatterValidator {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// One way a module's front matter breaks the schema.
    struct Violation: Decodable, Equatable, CustomStringConvertible {
        let path: [PathPart]
        let keyword: String
        let message: String
        var description: String { "\(path.map(\.description)) \(keyword): \(message)" }
    }

    /// A step of a JSON path: a field name or a list index.
    enum PathPart: Decodable, Equatable, CustomStringConvertible {
        case field(String)
        case index(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let n = try? container.decode(Int.self) { self = .index(n) } else { self = .field(try container.decode(String.self)) }
        }

        var description: String {
            switch self {
            case .field(let name): return name
            case .index(let n): return String(n)
            }
        }
    }

    /// The violations of each module file, by path. Throws when the schema is not a valid schema
    /// or Python cannot run the validator.
    static func validate(schema: String, modules: [String]) throws -> [String: [Violation]] {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schemaPath = folder + "/module.schema.json"
        try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.path("json-schema/validate_front_matter.py"), schemaPath] + modules
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the validator failed (is `make deps` done? it installs jsonschema and PyYAML):\n\(stderr)")
        }
        return try JSONDecoder().decode([String: [Violation]].self, from: stdout)
    }
}
