import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Spanish syllables by the orthographic rules, and the Szigriszt-Pazos index they give,
/// checked against silabeador (PyPI), whose counts are recorded in
/// Fixtures/readability/spanish with its version (see generate-reference.py there).
@Suite struct SpanishReadabilityTests {
    static func count(_ word: String) -> Int { SpanishSyllableCounter.count(word.unicodeScalars) }

    @Test func syllablesFollowTheSpellingRules() {
        let expected: [(String, Int)] = [
            // diphthongs, and the words textstat's hyphenation gets wrong
            ("agua", 2), ("cuidado", 3), ("ciudad", 2), ("bueno", 2), ("aire", 2), ("causa", 2), ("deuda", 2),
            // two open vowels are in hiatus
            ("leer", 2), ("idea", 3), ("poeta", 3), ("caos", 2), ("aéreo", 4), ("océano", 4), ("teatro", 3),
            // an accented í or ú parts the vowels
            ("día", 2), ("país", 2), ("reír", 2), ("baúl", 2), ("tranvía", 3), ("poesía", 4), ("reúne", 3), ("maíz", 2),
            // an h between vowels parts nothing
            ("prohibir", 2), ("ahumar", 2), ("cohete", 3), ("búho", 2), ("ahí", 2),
            // triphthongs
            ("buey", 1), ("averiguáis", 4), ("limpiáis", 2), ("Uruguay", 3), ("miau", 1),
            // qu, gu silent before e and i; gü sounded
            ("quiero", 2), ("queso", 2), ("guerra", 2), ("Miguel", 2), ("guitarra", 3), ("pingüino", 3), ("vergüenza", 3),
            ("averigüéis", 4), ("guapo", 2),
            // y: a vowel at the end of a word and alone, a consonant before a vowel
            ("hoy", 1), ("rey", 1), ("muy", 1), ("ley", 1), ("leyes", 2), ("reyes", 2), ("yo", 1), ("ayuda", 3), ("y", 1), ("hay", 1),
            // the same close vowel twice
            ("chiita", 3),
            // capitals and accents in any case, hyphens, numbers
            ("PAÍS", 2), ("Ésta", 2), ("físico-químico", 6), ("2026", 1),
        ]
        for (word, syllables) in expected {
            #expect(Self.count(word) == syllables, "\(word)")
        }
    }

    struct WordReference {
        let word: String
        let syllables: Int
        let split: String
    }

    static let version = "1.2.4.post1"

    static func words() throws -> [WordReference] {
        let text = try String(contentsOfFile: Fixtures.path("readability/spanish/reference-silabeador-\(version)-words.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("word\t") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return WordReference(word: f[0], syllables: Int(f[1])!, split: f[2])
        }
    }

    /// silabeador syllabifies by sound and parts some vowels the spelling rules keep together
    /// (confianza, guiar: con-fi-an-za, gui-ar), and joins the two i of chiita; see the README.
    @Test func syllablesAgreeWithSilabeadorOnTheWordList() throws {
        let references = try Self.words()
        #expect(references.count >= 400)
        var disagree: [String] = []
        for reference in references {
            let ours = Self.count(reference.word)
            if ours != reference.syllables {
                disagree.append("\(reference.word): ours \(ours), silabeador \(reference.syllables) (\(reference.split))")
            }
        }
        print("Spanish words: \(references.count), disagreements: \(disagree.count)\n" + disagree.joined(separator: "\n"))
        #expect(Double(disagree.count) / Double(references.count) <= 0.03, "\(disagree)")
    }

    struct PassageReference {
        let passage: String
        let words: Int
        let sentences: Int
        let syllables: Int
        let ipsz: Double
    }

    static func passages() throws -> [PassageReference] {
        let text = try String(contentsOfFile: Fixtures.path("readability/spanish/reference-silabeador-\(version)-passages.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("passage\t") }.map { line in
            let f = line.split(separator: "\t").map(String.init)
            return PassageReference(passage: f[0], words: Int(f[1])!, sentences: Int(f[2])!, syllables: Int(f[3])!, ipsz: Double(f[4])!)
        }
    }

    /// Our reading of a passage: parsed as the body of a Spanish module, prose extracted as the rule does.
    static func score(_ passage: String) throws -> Readability {
        let body = try String(contentsOfFile: Fixtures.path("readability/spanish/passages/" + passage), encoding: .utf8)
        let (module, _) = Fixtures.module("---\nid: p\nlanguage: es\n---\n\n" + body)
        var score = Readability(language: .spanish)
        for run in ModuleProse(try #require(module)).readingRuns { score.add(run, glossary: .empty) }
        return score
    }

    @Test func perspicuityAgreesWithSilabeadorWithinThreePointsOnAverage() throws {
        let references = try Self.passages()
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("readability/spanish/passages")).filter { $0.hasSuffix(".md") }
        #expect(references.count == files.count)
        #expect(references.count >= 20)
        var total = 0.0
        var worst = 0.0
        for reference in references {
            let ours = try Self.score(reference.passage)
            let difference = abs(ours.perspicuity - reference.ipsz)
            total += difference
            worst = max(worst, difference)
            print(String(format: "%@  ours %6.2f (w %3d s %2d syl %3d)  silabeador %6.2f (w %3d s %2d syl %3d)  diff %5.2f",
                         reference.passage.padding(toLength: 28, withPad: " ", startingAt: 0), ours.perspicuity, ours.words, ours.sentences,
                         ours.syllables, reference.ipsz, reference.words, reference.sentences, reference.syllables, difference))
        }
        let mean = total / Double(references.count)
        print(String(format: "mean difference %.2f, worst %.2f", mean, worst))
        #expect(mean <= 3)
        #expect(worst <= 8)
    }

    @Test func thePassagesSpanTheScale() throws {
        let values = try Self.passages().map(\.ipsz)
        #expect(values.contains { $0 < 40 })  // hard
        #expect(values.contains { $0 >= 55 && $0 < 65 })  // normal
        #expect(values.contains { $0 >= 80 })  // easy
    }
}
