/// A stigmatizing term and the person-first words to write instead ("addict" -> "person with
/// a substance use disorder"). The built-in list is `DefaultPreferredTerms`; a curriculum adds
/// entries, replaces them (same `id`) or switches them off in schema.yaml under `person-first:`.
public struct PreferredTerm: Sendable, Hashable {
    /// A stable name, so a curriculum can replace or switch off a built-in entry.
    public let id: String
    /// The phrases to avoid, in `WordPattern` syntax.
    public let avoid: [WordPattern]
    /// What to write instead. One choice is a fix `check --fix` applies; several are advice.
    /// A choice written `use|uses|used` follows the alternative the text used
    /// (`abuse|abuses|abused` -> `use|uses|used`).
    public let use: [String]
    /// The replacement when the text used a plural ("addicts" -> "people with ...").
    public let plural: String?
    /// Why the term hurts, in one or two sentences: the finding's explanation.
    public let why: String
    /// Words that, right after the phrase, show it is not about a person ("alcoholic drink").
    public let unlessFollowedBy: Set<String>
    /// Only a finding when the phrase is used as a noun: at the end of a sentence or before a
    /// word such as "is" or "who" ("a drunk", not "drunk driving").
    public let nounOnly: Bool

    public init(id: String, avoid: [WordPattern], use: [String], plural: String? = nil, why: String,
                unlessFollowedBy: Set<String> = [], nounOnly: Bool = false) {
        self.id = id
        self.avoid = avoid
        self.use = use
        self.plural = plural
        self.why = why
        self.unlessFollowedBy = unlessFollowedBy
        self.nounOnly = nounOnly
    }

    /// A built-in entry from pattern text that is known to parse.
    init(_ id: String, _ avoid: [String], use: [String], plural: String? = nil, why: String,
         unlessFollowedBy: Set<String> = [], nounOnly: Bool = false) {
        self.init(id: id, avoid: avoid.map { try! WordPattern.parse($0).get() }, use: use, plural: plural, why: why,
                  unlessFollowedBy: unlessFollowedBy, nounOnly: nounOnly)
    }
}

/// The terms to avoid and the names in which their words are fine (Alcoholics Anonymous,
/// National Institute on Drug Abuse). Matching is precompiled once per list.
public struct PreferredTermList: Sendable, Hashable {
    public let terms: [PreferredTerm]
    /// Proper names and titles whose words are never findings.
    public let names: [String]
    let compiled: Compiled

    public init(terms: [PreferredTerm], names: [String]) {
        self.terms = terms
        self.names = names
        self.compiled = Compiled(terms: terms, names: names)
    }

    /// The list the tool ships with.
    public static let builtIn = PreferredTermList(terms: DefaultPreferredTerms.terms, names: DefaultPreferredTerms.names)

    public static func == (lhs: PreferredTermList, rhs: PreferredTermList) -> Bool {
        lhs.terms == rhs.terms && lhs.names == rhs.names
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(terms)
        hasher.combine(names)
    }

    /// This list with `changes` applied: an entry with the id of an existing one replaces it;
    /// ids in `off` are removed; other entries are added. `names` are added.
    public func merging(_ changes: [PreferredTerm], off: Set<String>, names more: [String]) -> PreferredTermList {
        var list = terms.filter { !off.contains($0.id) }
        for change in changes {
            if let index = list.firstIndex(where: { $0.id == change.id }) { list[index] = change } else { list.append(change) }
        }
        return PreferredTermList(terms: list, names: names + more)
    }

    /// One use of a term to avoid: which entry, and which words of the scan.
    public struct Finding: Sendable, Hashable {
        public let term: Int
        public let match: WordPattern.Match
    }

    /// The terms to avoid in `scan`, left to right, outside the names. `titleCaseNames` also
    /// spares words in a run of three or more capitalized words ("Center for Substance Abuse
    /// Treatment"); headings, written in title case for style, turn it off.
    public func findings(in scan: WordScan, titleCaseNames: Bool = true) -> [Finding] {
        compiled.findings(in: scan, terms: terms, titleCaseNames: titleCaseNames)
    }

    /// Words that may follow a noun in a sentence; after anything else the term is used as
    /// an adjective ("alcoholic father") and the replacement would not fit.
    public static let nounFollowers: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "who", "whom", "whose", "that", "which", "and", "or", "but",
        "nor", "in", "at", "on", "with", "to", "of", "for", "from", "by", "about", "into", "can", "cannot", "can't", "may",
        "might", "will", "won't", "would", "should", "could", "must", "has", "have", "had", "does", "do", "did", "doesn't",
        "don't", "didn't", "isn't", "aren't", "wasn't", "weren't", "often", "usually", "also", "sometimes", "still", "never",
        "always", "too", "here", "there", "when", "where", "if", "because", "so", "as", "than", "like", "after", "before",
        "until", "while", "i", "you", "he", "she", "they", "we", "it", "get", "gets", "got", "feel", "feels", "felt", "not",
        "really", "just", "need", "needs", "want", "wants", "use", "uses", "used", "say", "says", "said", "think", "thinks",
        "go", "goes", "went", "make", "makes", "made", "take", "takes", "took", "know", "knows", "knew", "come", "comes",
        "came", "try", "tries", "tried", "keep", "keeps", "kept", "drink", "drinks", "drank", "now", "again", "anymore",
        "either", "too", "themselves", "himself", "herself", "myself", "yourself",
    ]

    /// The matching machinery, built once per list.
    package final class Compiled: Sendable {
        let patterns: [WordPattern]
        let owners: [Int]
        let index: PatternIndex
        let names: [WordPattern]
        let nameIndex: PatternIndex

        init(terms: [PreferredTerm], names: [String]) {
            var patterns: [WordPattern] = []
            var owners: [Int] = []
            for (number, term) in terms.enumerated() {
                for pattern in term.avoid {
                    patterns.append(pattern)
                    owners.append(number)
                }
            }
            self.patterns = patterns
            self.owners = owners
            self.index = PatternIndex(patterns)
            self.names = names.map { WordPattern(literal: $0.lowercased(), inflects: false) }
            self.nameIndex = PatternIndex(self.names)
        }

        func findings(in scan: WordScan, terms: [PreferredTerm], titleCaseNames: Bool) -> [Finding] {
            let words = scan.words
            guard !words.isEmpty else { return [] }
            // Words inside a listed name, or inside a title written in capitals.
            var exempt = [Bool](repeating: false, count: words.count)
            var i = 0
            while i < words.count {
                var end = i
                for candidate in nameIndex.candidates(for: words[i]) {
                    if let match = names[candidate].match(at: i, in: words) { end = max(end, match.words.upperBound) }
                }
                if end > i {
                    for k in i..<end { exempt[k] = true }
                    i = end
                } else {
                    i += 1
                }
            }
            let sentence = sentenceIndices(scan)
            if titleCaseNames { markTitles(words, sentence: sentence, into: &exempt) }

            var out: [Finding] = []
            i = 0
            while i < words.count {
                var best: Finding?
                for candidate in index.candidates(for: words[i]) {
                    guard let match = patterns[candidate].match(at: i, in: words) else { continue }
                    let term = terms[owners[candidate]]
                    if match.target.contains(where: { exempt[$0] }) { continue }
                    let next = match.words.upperBound
                    if next < words.count, sentence[next] == sentence[next - 1], term.unlessFollowedBy.contains(words[next].key) { continue }
                    if term.nounOnly && !Self.usedAsNoun(match, words: words, sentence: sentence) { continue }
                    if best == nil || match.words.count > best!.match.words.count {
                        best = Finding(term: owners[candidate], match: match)
                    }
                }
                if let best {
                    out.append(best)
                    i = best.match.words.upperBound
                } else {
                    i += 1
                }
            }
            return out
        }

        /// True when the phrase ends its sentence or the next word is one that follows nouns.
        package static func usedAsNoun(_ match: WordPattern.Match, words: [Word], sentence: [Int]) -> Bool {
            let next = match.words.upperBound
            guard next < words.count, sentence[next] == sentence[next - 1] else { return true }
            if words[next].start > words[next - 1].end + 1 { return true }  // punctuation between
            return PreferredTermList.nounFollowers.contains(words[next].key)
        }

        /// Small words a title keeps in lowercase ("Center for Substance Abuse Treatment").
        static let smallTitleWords = WordSet(["of", "on", "and", "for", "the", "in", "to", "a", "an", "at", "with"])

        /// Words in a run of three or more capitalized words, after its first ("Center for
        /// Substance Abuse Treatment"): a name or title, not a label for a person.
        private func markTitles(_ words: [Word], sentence: [Int], into exempt: inout [Bool]) {
            var runStart = -1
            var capitalized = 0
            func close(_ end: Int) {
                if runStart >= 0, capitalized >= 3 {
                    for k in (runStart + 1)..<end { exempt[k] = true }
                }
                runStart = -1
                capitalized = 0
            }
            for (index, word) in words.enumerated() {
                if word.isCapitalized && word.hasLetters {
                    if runStart < 0 || sentence[index] != sentence[index - 1] { close(index); runStart = index }
                    capitalized += 1
                } else if runStart >= 0 && Self.smallTitleWords.contains(word) {
                    continue
                } else {
                    close(index)
                }
            }
            close(words.count)
        }
    }
}

/// For each word of `scan`, the index of its sentence.
package func sentenceIndices(_ scan: WordScan) -> [Int] {
    var out = [Int](repeating: -1, count: scan.words.count)
    for (number, sentence) in scan.sentences.enumerated() {
        for index in sentence { out[index] = number }
    }
    return out
}
