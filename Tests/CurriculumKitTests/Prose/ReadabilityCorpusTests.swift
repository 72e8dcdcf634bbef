import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Our Flesch-Kincaid grade agrees with an established implementation on a corpus of varied
/// passages: textstat (PyPI), whose values are recorded in Fixtures/readability with the
/// version and dictionary named (see generate-reference.py there).
@Suite(.serialized) struct ReadabilityCorpusTests {
    struct Reference {
        let passage: String
        let words: Int
        let sentences: Int
        let syllables: Int
        let grade: Double
        let ease: Double
    }

    static func references(_ file: String) throws -> [Reference] {
        let text = try String(contentsOfFile: Fixtures.path("readability/" + file), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("passage\t") }.map { line in
            let f = line.split(separator: "\t").map(String.init)
            return Reference(passage: f[0], words: Int(f[1])!, sentences: Int(f[2])!, syllables: Int(f[3])!,
                             grade: Double(f[4])!, ease: Double(f[5])!)
        }
    }

    /// Our reading of a passage: parsed as a module body, prose extracted as the rule does.
    static func score(_ passage: String) throws -> Readability {
        let body = try String(contentsOfFile: Fixtures.path("readability/passages/" + passage), encoding: .utf8)
        let (module, _) = Fixtures.module("---\nid: p\n---\n\n" + body)
        var score = Readability()
        for run in ModuleProse(try #require(module)).readingRuns { score.add(run, glossary: .empty) }
        return score
    }

    static func agreement(_ file: String) throws -> (mean: Double, worst: (String, Double), count: Int) {
        var total = 0.0
        var worst = ("", 0.0)
        let references = try references(file)
        for reference in references {
            let ours = try score(reference.passage)
            let difference = abs(ours.grade - reference.grade)
            total += difference
            if difference > worst.1 { worst = (reference.passage, difference) }
            print(String(format: "%@  ours %6.2f (w %3d s %2d syl %3d)  textstat %6.2f (w %3d s %2d syl %3d)  diff %5.2f",
                         reference.passage.padding(toLength: 32, withPad: " ", startingAt: 0), ours.grade, ours.words, ours.sentences,
                         ours.syllables, reference.grade, reference.words, reference.sentences, reference.syllables, difference))
        }
        return (total / Double(references.count), worst, references.count)
    }

    @Test func corpusHasVariedPassages() throws {
        let passages = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("readability/passages")).filter { $0.hasSuffix(".md") }
        #expect(passages.count >= 25)
        #expect(try Self.references("reference-textstat-0.7.13.tsv").count == passages.count)
        #expect(try Self.references("reference-textstat-0.7.3.tsv").count == passages.count)
    }

    /// textstat 0.7.13 counts syllables with the CMU Pronouncing Dictionary: the main reference.
    @Test func gradeAgreesWithTextstatCMUWithinHalfAGradeOnAverage() throws {
        let result = try Self.agreement("reference-textstat-0.7.13.tsv")
        print("mean absolute difference from textstat 0.7.13: \(result.mean) over \(result.count) passages; worst \(result.worst)")
        #expect(result.mean <= 0.5)
    }

    /// textstat 0.7.3 counts syllables with pyphen's hyphenation patterns, which count fewer
    /// syllables than a dictionary does (about five fewer in 70 words); a looser bound.
    @Test func gradeStaysCloseToTextstatPyphen() throws {
        let result = try Self.agreement("reference-textstat-0.7.3.tsv")
        print("mean absolute difference from textstat 0.7.3: \(result.mean) over \(result.count) passages; worst \(result.worst)")
        #expect(result.mean <= 1.25)
    }

    @Test func easeFollowsTheFormula() throws {
        let score = try Self.score("02-plain-handout.md")
        let wps = Double(score.words) / Double(score.sentences), spw = Double(score.syllables) / Double(score.words)
        #expect(abs(score.ease - (206.835 - 1.015 * wps - 84.6 * spw)) < 1e-9)
        #expect(abs(score.grade - (0.39 * wps + 11.8 * spw - 15.59)) < 1e-9)
    }
}
