import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Words and sentences as a reader counts them; syllables as a dictionary gives them.
@Suite struct WordScannerTests {
    func sentences(_ text: String) -> [String] {
        let scan = WordScanner.scan(Array(text.unicodeScalars))
        return scan.sentences.map { range in range.map { scan.words[$0].text }.joined(separator: " ") }
    }

    @Test func sentencesEndAtFullStopsButNotAtAbbreviationsOrNumbers() {
        #expect(sentences("Dr. Rivera meets at 9 a.m. on Tuesdays. Ask about medicines, e.g. naltrexone. It costs $2.50.")
                == ["Dr Rivera meets at 9 a.m on Tuesdays", "Ask about medicines e.g naltrexone", "It costs 2.50"])
        #expect(sentences("She lives in the U.S. Most people do. Really?! Yes... and no.")
                == ["She lives in the U.S", "Most people do", "Really", "Yes and no"])
        #expect(sentences("Group starts at 5:30 p.m. and ends at 8:30 p.m., with a break at 7:00.")
                == ["Group starts at 5:30 p.m and ends at 8:30 p.m with a break at 7:00"])
    }

    @Test func wordsKeepApostrophesHyphensAndNumbers() {
        let scan = WordScanner.scan(Array("Don’t skip well-being: rate it 0-10, or see www.example.org and a@b.org.".unicodeScalars))
        #expect(scan.words.map(\.key) == ["don't", "skip", "well-being", "rate", "it", "0-10", "or", "see", "and"])
    }

    @Test(arguments: [
        ("the", 1), ("every", 3), ("recovery", 3), ("naloxone", 3), ("table", 2), ("makes", 1), ("boxes", 2), ("walked", 1),
        ("wanted", 2), ("being", 2), ("trying", 2), ("saying", 2), ("quiet", 2), ("area", 3), ("safety", 2), ("lonely", 2),
        ("statement", 2), ("serious", 3), ("anxious", 2), ("behavior", 3), ("situation", 4), ("didn't", 2), ("don't", 1),
        ("James's", 2), ("co-occurring", 4), ("2026", 1), ("Café", 2), ("alcoholism", 5), ("tired", 2), ("vague", 1),
    ])
    func syllables(_ word: String, _ expected: Int) {
        #expect(SyllableCounter.count(word.unicodeScalars) == expected, "\(word)")
    }
}
