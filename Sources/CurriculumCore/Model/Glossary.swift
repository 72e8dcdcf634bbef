/// The curriculum's glossary (`glossary.yaml`): words a handout must use, such as medication
/// names and clinical terms, with plain definitions. A handout that uses a term gets a "Words
/// to know" box with its definition, and the reading-grade check counts the term as an
/// ordinary word.
///
/// A term matches as whole words in any letter case (a term written in capitals, such as
/// IOP, only in capitals), with its plural (`craving` matches "cravings") and the other
/// spellings listed in `forms`.
public struct Glossary: Sendable {
    public struct Term: Sendable, Hashable {
        /// The term as the glossary writes it (and the box prints it).
        public let term: String
        /// Other spellings that count as the term ("intensive outpatient program" for IOP).
        public let forms: [String]
        /// The plain definition.
        public let definition: String
        /// The term in other languages, by tag (`term: {en: naloxone, es: naloxona}`); each is
        /// also a spelling that counts as the term.
        public var names: [String: String] = [:]
        /// The definition in other languages, by tag (`definition: {en: ..., es: ...}`).
        public var definitions: [String: String] = [:]

        /// The term as a box in `language` prints it.
        public func term(in language: String) -> String { LocalizedValue.pick(names, language) ?? term }

        /// The definition in `language`; nil when the glossary does not give it in that language.
        public func definition(in language: String) -> String? {
            LocalizedValue.value(definition, definitions, in: language)
        }
        /// Where the term is written in glossary.yaml.
        public let range: SourceRange

        public init(term: String, forms: [String] = [], definition: String, range: SourceRange = .at(line: 1)) {
            self.term = term
            self.forms = forms
            self.definition = definition
            self.range = range
        }
    }

    /// One use of a term in prose: which term and which words of the scan.
    public struct Occurrence: Sendable, Hashable {
        public let term: Int
        public let words: Range<Int>
    }

    public let terms: [Term]
    private let patterns: [WordPattern]
    private let owners: [Int]
    private let index: PatternIndex

    public init(terms: [Term] = []) {
        self.terms = terms
        var patterns: [WordPattern] = []
        var owners: [Int] = []
        for (number, term) in terms.enumerated() {
            for spelling in [term.term] + term.forms + term.names.keys.sorted().map({ term.names[$0]! }) {
                let pattern = WordPattern(literal: spelling)
                guard !pattern.slots.isEmpty else { continue }
                patterns.append(pattern)
                owners.append(number)
            }
        }
        self.patterns = patterns
        self.owners = owners
        self.index = PatternIndex(patterns)
    }

    public static let empty = Glossary()

    public var isEmpty: Bool { terms.isEmpty }

    /// The term written `name` (any letter case).
    public func term(_ name: String) -> Term? {
        let key = name.lowercased()
        return terms.first { $0.term.lowercased() == key }
    }

    /// Every use of a term in `scan`, left to right; where terms overlap the longest wins
    /// ("chronic condition" rather than "chronic").
    public func occurrences(in scan: WordScan) -> [Occurrence] {
        guard !patterns.isEmpty else { return [] }
        var out: [Occurrence] = []
        var index = 0
        let words = scan.words
        while index < words.count {
            var best: Occurrence?
            for candidate in self.index.candidates(for: words[index]) {
                if let match = patterns[candidate].match(at: index, in: words),
                   best == nil || match.words.count > best!.words.count {
                    best = Occurrence(term: owners[candidate], words: match.words)
                }
            }
            if let best {
                out.append(best)
                index = best.words.upperBound
            } else {
                index += 1
            }
        }
        return out
    }

    /// Indices of the words of `scan` that belong to a glossary term.
    public func definedWords(in scan: WordScan) -> Set<Int> {
        var out = Set<Int>()
        for occurrence in occurrences(in: scan) { out.formUnion(occurrence.words) }
        return out
    }

    /// The terms a piece of plain text uses, in the order they first appear.
    public func terms(usedIn text: String) -> [Term] {
        var seen = Set<Int>()
        return occurrences(in: WordScanner.scan(Array(text.unicodeScalars)))
            .filter { seen.insert($0.term).inserted }.map { terms[$0.term] }
    }
}
