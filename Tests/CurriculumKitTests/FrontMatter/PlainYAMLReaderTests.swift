import Foundation
import Testing
@testable import CurriculumParse
@testable import CurriculumKit
@testable import CurriculumCheck

/// The plain front matter fast path must give exactly what composing with Yams gives, or
/// leave the text to Yams.
@Suite struct PlainYAMLReaderTests {
    /// Reads `yaml` both ways; true when the fast path took it.
    @discardableResult
    func expectSameAsYams(_ yaml: String, firstLine: Int = 2, file: SourceFile? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let file = file ?? SourceFile(path: "m.md", text: "---\n" + yaml + "---\n")
        var slow = YAMLReader(allowAliases: false)
        slow.usesPlainPath = false
        let fast = YAMLReader(allowAliases: false)
        let expected = Result { try slow.read(yaml, firstLine: firstLine, in: file) }
        let actual = Result { try fast.read(yaml, firstLine: firstLine, in: file) }
        switch (expected, actual) {
        case (.success(let a), .success(let b)):
            #expect(describe(a) == describe(b), "\(file.path)", sourceLocation: sourceLocation)
        case (.failure(let a as YAMLReader.Failure), .failure(let b as YAMLReader.Failure)):
            #expect(a.range == b.range && a.message == b.message && a.kind == b.kind, "\(file.path)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(file.path): Yams gave \(expected), the fast path \(actual)", sourceLocation: sourceLocation)
        }
        return PlainYAMLReader.read(yaml, lineOffset: firstLine - 1, budget: fast.nodeBudget) != nil
    }

    /// Every value, type, quoting and range of a node tree, as text.
    func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let head = "\(node.range) \(node.scalarType) \(node.isQuoted)"
        switch node.value {
        case .scalar(let text): return "\(head) \(text.debugDescription)"
        case .sequence(let items): return "\(head) [" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "\(head) {" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        }
    }

    @Test func agreesWithYamsOnEveryModule() throws {
        var files: [String] = []
        for folder in [Fixtures.root, Fixtures.packageRoot + "/curriculum"] {
            let found = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
            files += found.filter { $0.hasSuffix(".md") }.map { folder + "/" + $0 }
        }
        #expect(files.count > 30)
        var plain = 0
        for path in files {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
            let file = SourceFile(path: path, text: text)
            guard case .success(let parts) = FrontMatterSplitter.split(file) else { continue }
            if expectSameAsYams(parts.yaml, firstLine: parts.yamlFirstLine, file: file) { plain += 1 }
        }
        // The sample modules are all plain: the fast path must take them.
        #expect(plain >= 36)
    }

    @Test func agreesWithYamsOnEdgeCases() {
        let cases = [
            "id: a\ntitle: Mapping Your Triggers\nobjectives: [triggers, coping]\nminutes: 50\nreviewed: 2026-11-01\n",
            "outcomes:\n  - Name three triggers\n  - Rate each 0-10\nmaterials: []\n",
            "outcomes:\n- at the indent of the key\n- second\nid: x\n",
            "# a comment\nid: a   \n\n  # indented comment\ntitle: Café — ok\nlist: [ünï, b]\n",
            "a: yes\nb: No\nc: null\nd: ~\ne: 0\nf: 07\ng: 09\nh: 1_000\ni: 1.5\nj: .5\nk: 2026-1-1\nl: 12:30\nm: 0x1F\nn: -3\no: +3\np: .inf\n",
            "on: 1\nyes: 2\nNULL: 3\n",
            "title: Coping: a plan\n", "title: a # comment\n", "title: a#b\n", "title: 'quoted'\n", "title: \"quoted\"\n",
            "title: it's fine\n", "title: see [this] {too}\n", "list: [a: b]\n", "list: [a, ]\n", "list: [a, [b]]\n", "list: [ ]\n",
            "list: [\"a\", b]\n", "list: [a,b ,  c]\n", "list: [a, b] # c\n", "title: first\n  continued\n", "outcomes:\n  - a\n    continued\n",
            "outcomes:\n  - a\n\n    continued\n", "outcomes:\n  - a\n   - b\n", "outcomes:\n  - \n", "outcomes:\n", "id: a\nid: b\n",
            "title:\tx\n", "title: x\r\n", "title: a\u{2028}b\n", "\u{FEFF}id: a\n", "id: &x a\nb: *x\n", "a: b: c\n", "- a\n- b\n",
            "title: |\n  block\n", "title: >\n  folded\n", "title: !!str 5\n", "key with space: 1\n", "k: v\n...\n", "k: v\n---\nk: w\n",
            "title: %percent\n", "title: @at\n", "title: `tick`\n", "title: trailing:\n", "title: x:y\n", "requires: []\n", "  \nid: a\n",
            // Double-quoted values.
            "title: \"Refusal Skills: Saying No\"\n", "title:   \"spaces\"   \n", "title: \"\"\n", "title: \"a\" b\n", "title: \"a\" # c\n",
            "title: \"esc\\\"aped\"\n", "title: \"tab\\there\"\n", "title: \"Café — ünï # not a comment\"\n", "title: \"open\n",
            "title: \"two\n  lines\"\n", "outcomes:\n  - \"quoted item\"\n  - plain item with \"quotes\"\n", "title: \"5\"\nminutes: \"50\"\n",
            "title: \"a\u{2028}b\"\n", "title: \"it's\"\nid: \"x-1\"\n",
        ]
        for yaml in cases { expectSameAsYams(yaml) }
    }

    @Test func takesThePlainShape() {
        #expect(expectSameAsYams("id: a\nobjectives: [b, c]\noutcomes:\n  - d\n"))
        #expect(!expectSameAsYams("title: 'quoted'\n"))
        #expect(expectSameAsYams("title: \"Refusal Skills: Saying No\"\noutcomes:\n  - \"a\"\n"))
    }
}
