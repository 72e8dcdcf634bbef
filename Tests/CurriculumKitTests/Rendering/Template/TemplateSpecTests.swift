import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumRender

/// The Mustache spec's behaviours for the tags the engine supports, as cases in
/// `Fixtures/templates/spec-cases.json` (template, data, partials, expected output).
@Suite struct TemplateSpecTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let group: String
        let name: String
        let template: String
        let data: JSONValue
        let partials: [String: String]?
        let expected: String
        var testDescription: String { "\(group): \(name)" }
    }

    struct Cases: Decodable { let cases: [Case] }

    /// Template data written as JSON.
    struct JSONValue: Decodable, Sendable {
        let value: TemplateValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .int(number)
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let list = try? container.decode([JSONValue].self) {
                value = .list(list.map(\.value))
            } else {
                value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
            }
        }
    }

    static let cases: [Case] = {
        let data = FileManager.default.contents(atPath: Fixtures.path("templates/spec-cases.json"))!
        return try! JSONDecoder().decode(Cases.self, from: data).cases
    }()

    @Test(arguments: cases) func specCase(_ example: Case) throws {
        var library = TemplateLibrary()
        for (name, text) in example.partials ?? [:] { library[name] = try CompiledTemplate(text) }
        guard case .object(let data) = example.data.value else { Issue.record("the data should be an object"); return }
        let output = try CompiledTemplate(example.template).render(data, library: library)
        #expect(output == example.expected)
    }

    @Test func everyGroupHasCases() {
        let groups = Set(Self.cases.map(\.group))
        #expect(groups == ["interpolation", "sections", "inverted", "comments", "delimiters", "partials"])
    }
}
