/// Flesch-Kincaid grade level and Flesch reading ease of a body of prose, with what a writer
/// needs to bring the grade down: the longest sentences and the hardest words.
///
/// Words the curriculum's glossary defines count as ordinary words: a glossary word of three
/// or more syllables counts as two, so "buprenorphine" weighs like "doctor". Numbers count as
/// one syllable, as a reader takes them in at a glance.
public struct Readability: Sendable {
    public struct Sentence: Sendable, Hashable {
        public let words: Int
        public let start: SourceLocation
        public let text: String
    }

    public struct HardWord: Sendable, Hashable {
        public let word: String
        public let syllables: Int
    }

    public private(set) var words = 0
    public private(set) var sentences = 0
    public private(set) var syllables = 0
    private var longest: [Sentence] = []
    private var hard: [String: HardWord] = [:]

    public init() {}

    /// Flesch-Kincaid grade: 0.39 x words per sentence + 11.8 x syllables per word - 15.59.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// Flesch reading ease: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word.
    public var ease: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 206.835 - 1.015 * Double(words) / Double(sentences) - 84.6 * Double(syllables) / Double(words)
    }

    /// The longest sentences, longest first (at most `count`).
    public func longestSentences(_ count: Int = 2) -> [Sentence] { Array(longest.prefix(count)) }

    /// The words with the most syllables (three or more), glossary words aside.
    public func hardestWords(_ count: Int = 5) -> [HardWord] {
        Array(hard.values.sorted { ($0.syllables, $1.word) > ($1.syllables, $0.word) }.prefix(count))
    }

    /// Adds the sentences of `run` (whose words are `scan`, when already known). `glossary`
    /// marks the words it defines.
    public mutating func add(_ run: ProseRun, scan known: WordScan? = nil, glossary: Glossary) {
        var cache = SyllableCache()
        add(run, scan: known, glossary: glossary, cache: &cache)
    }

    /// Syllables of the ASCII words already counted, by key: a handout repeats its words.
    struct SyllableCache {
        var counts: WordTable<Int>

        init(capacity: Int = 0) {
            counts = WordTable(capacity: capacity)
        }
    }

    /// `add(_:scan:glossary:)`, reusing the syllable counts of words seen before.
    mutating func add(_ run: ProseRun, scan known: WordScan? = nil, glossary: Glossary, cache: inout SyllableCache) {
        let scan = known ?? WordScanner.scan(run)
        // The glossary's uses, left to right and apart: a word is defined when it is in the
        // first one that does not end before it.
        let defined = glossary.occurrences(in: scan)
        var nextDefined = 0
        for sentence in scan.sentences {
            var counted = 0
            for index in sentence {
                let word = scan.words[index]
                var n = Self.syllables(of: word, run: run, cache: &cache)
                while nextDefined < defined.count, defined[nextDefined].words.upperBound <= index { nextDefined += 1 }
                if nextDefined < defined.count, defined[nextDefined].words.contains(index) {
                    n = min(n, 2)
                } else if n >= 3 && word.hasLetters && hard[word.key] == nil {
                    hard[word.key] = HardWord(word: word.key, syllables: n)
                }
                syllables += n
                counted += 1
            }
            guard counted > 0 else { continue }
            words += counted
            sentences += 1
            if longest.count < 3 || counted > longest[longest.count - 1].words {
                let first = scan.words[sentence.lowerBound], last = scan.words[sentence.upperBound - 1]
                longest.append(Sentence(words: counted, start: run.location(at: first.start), text: run.text(first.start..<last.end)))
                longest.sort { $0.words > $1.words || ($0.words == $1.words && $0.start < $1.start) }
                if longest.count > 3 { longest.removeLast() }
            }
        }
    }

    /// Adds another body of prose (a section to the whole handout).
    public mutating func add(_ other: Readability) {
        words += other.words
        sentences += other.sentences
        syllables += other.syllables
        longest = Array((longest + other.longest).sorted { $0.words > $1.words || ($0.words == $1.words && $0.start < $1.start) }.prefix(3))
        hard.merge(other.hard) { a, _ in a }
    }

    /// Short words that are words, not initials, when written in capitals (DO NOT).
    static let commonShortWords: Set<String> = [
        "a", "am", "an", "and", "any", "are", "as", "ask", "at", "bad", "be", "big", "but", "by", "can", "day", "do", "eat",
        "end", "few", "for", "get", "go", "has", "he", "her", "him", "his", "how", "i", "if", "in", "is", "it", "its", "let",
        "may", "me", "my", "new", "no", "not", "now", "of", "off", "on", "one", "or", "our", "out", "own", "put", "run",
        "sad", "say", "see", "she", "so", "the", "to", "too", "top", "try", "two", "up", "us", "use", "was", "way", "we",
        "who", "why", "yes", "you",
    ]

    /// Syllables of one word: capitals read letter by letter (PTSD, FDA) count one a letter.
    static func syllables(of word: Word, run: ProseRun) -> Int {
        if word.isAllCaps {
            let letters = word.text.unicodeScalars.filter { WordScanner.isLetter($0) }
            let hasVowel = letters.contains { "AEIOUY".unicodeScalars.contains($0) }
            if !hasVowel || (letters.count <= 3 && !commonShortWords.contains(word.key)) {
                return letters.reduce(0) { $0 + ($1 == "W" ? 3 : 1) }
            }
        }
        return SyllableCounter.count(run.scalars[word.start..<word.end])
    }

    /// `syllables(of:run:)`; an ASCII word's count depends only on its key, so it is kept.
    static func syllables(of word: Word, run: ProseRun, cache: inout SyllableCache) -> Int {
        if word.isAllCaps { return syllables(of: word, run: run) }
        let letters = run.scalars[word.start..<word.end]
        guard letters.allSatisfy({ $0.value < 0x80 }) else { return SyllableCounter.count(letters) }
        if let known = cache.counts[word] { return known }
        let count = SyllableCounter.count(letters)
        cache.counts.set(count, for: word)
        return count
    }
}
