/// A phrase to find in prose, word by word: `drug habit`, `stay|stays|stayed [clean]`.
///
/// Syntax (the same in code and in schema.yaml): words separated by spaces; `a|b` matches
/// either word; a word ending in `?` may be left out (`a?`); square brackets mark the words a
/// finding points at and a fix replaces, the others are context that must be there. A word
/// written with capitals (`MAT`) matches only in capitals; others match in any case. The last
/// bracketed word also matches its plural and possessive (addicts, addict's).
public struct WordPattern: Sendable, Hashable {
    public struct Slot: Sendable, Hashable {
        /// The words this slot accepts; lowercased, except those written in capitals, which
        /// match only in capitals.
        public let alternatives: [String]
        public let optional: Bool
        public let inTarget: Bool
        /// Per alternative: written in capitals, so matched only in capitals.
        let capitals: [Bool]
        /// Every spelling the slot accepts, for matching without building strings.
        let forms: SlotForms

        init(alternatives: [String], optional: Bool, inTarget: Bool) {
            self.alternatives = alternatives
            self.optional = optional
            self.inTarget = inTarget
            self.capitals = alternatives.map(Slot.isCapitals)
            self.forms = SlotForms(alternatives: alternatives, capitals: capitals)
        }

        public static func == (lhs: Slot, rhs: Slot) -> Bool {
            lhs.alternatives == rhs.alternatives && lhs.optional == rhs.optional && lhs.inTarget == rhs.inTarget
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(alternatives)
            hasher.combine(optional)
            hasher.combine(inTarget)
        }

        /// A word of two or more letters, all capitals (MAT, IV).
        static func isCapitals(_ word: String) -> Bool {
            word.unicodeScalars.filter { WordScanner.isLetter($0) }.count > 1 && word == word.uppercased() && word != word.lowercased()
        }
    }

    public let slots: [Slot]
    /// The pattern as written.
    public let source: String
    /// The last target word takes plural and possessive endings.
    public let inflects: Bool

    /// What a match covers, in word indices of the scan.
    public struct Match: Sendable, Hashable {
        public let words: Range<Int>
        public let target: Range<Int>
        /// Which alternative of the first target word matched (for replacements that follow it:
        /// `abuse|abused` -> `use|used`).
        public let alternative: Int
        public let isPlural: Bool
        public let isPossessive: Bool
    }

    /// A phrase taken word for word (no `|`, `?` or brackets), every word the target.
    public init(literal text: String, inflects: Bool = true) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        self.slots = words.map { word in
            Slot(alternatives: [Slot.isCapitals(word) ? word.replacingAll("’", "'") : Self.normalize(word)], optional: false, inTarget: true)
        }
        self.source = text
        self.inflects = inflects
    }

    private init(slots: [Slot], source: String, inflects: Bool) {
        self.slots = slots
        self.source = source
        self.inflects = inflects
    }

    /// Parses `text`; nil (with the reason) when it cannot be used.
    public static func parse(_ text: String, inflects: Bool = true) -> Result<WordPattern, PatternError> {
        var slots: [Slot] = []
        var inTarget = false
        var sawTarget = false
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var token = Substring(raw)
            var opens = false, closes = false
            if token.hasPrefix("[") { opens = true; token = token.dropFirst() }
            if token.hasSuffix("]") { closes = true; token = token.dropLast() }
            if opens {
                guard !inTarget, !sawTarget else { return .failure(PatternError("only one part of a phrase can be in [brackets]")) }
                inTarget = true
                sawTarget = true
            }
            var optional = false
            if token.hasSuffix("?") { optional = true; token = token.dropLast() }
            let words = token.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else {
                return .failure(PatternError("'\(raw)' has an empty word"))
            }
            slots.append(Slot(alternatives: words.map { Slot.isCapitals($0) ? $0.replacingAll("’", "'") : Self.normalize($0) },
                              optional: optional, inTarget: inTarget))
            if closes {
                guard inTarget else { return .failure(PatternError("']' closes nothing")) }
                inTarget = false
            }
        }
        guard !inTarget else { return .failure(PatternError("'[' is never closed")) }
        guard !slots.isEmpty else { return .failure(PatternError("the phrase is empty")) }
        if !sawTarget {
            slots = slots.map { Slot(alternatives: $0.alternatives, optional: $0.optional, inTarget: true) }
        }
        guard !slots.first!.optional, !slots.last!.optional else {
            return .failure(PatternError("the first and last words cannot be optional"))
        }
        guard !slots.contains(where: { $0.inTarget && $0.optional }) else {
            return .failure(PatternError("words in [brackets] cannot be optional"))
        }
        return .success(WordPattern(slots: slots, source: text, inflects: inflects))
    }

    public struct PatternError: Error, Sendable, Hashable {
        public let message: String
        init(_ message: String) { self.message = message }
    }

    /// Lowercase with typographic apostrophes as ', as `Word.key`.
    package static func normalize(_ text: String) -> String {
        text.lowercased().replacingAll("’", "'")
    }

    /// The words any match must start with (for an index by first word).
    public var firstWords: [String] {
        slots[0].alternatives.map { Self.normalize($0) }
    }

    private var lastTargetSlot: Int {
        slots.lastIndex(where: \.inTarget)!
    }

    /// The match starting at word `start`, if any (the longest, when optional words allow several).
    public func match(at start: Int, in words: [Word]) -> Match? {
        var best: Match?
        let last = lastTargetSlot
        func step(_ slot: Int, _ word: Int, _ targetStart: Int?, _ targetEnd: Int?, _ plural: Bool, _ possessive: Bool, _ alternative: Int) {
            if slot == slots.count {
                let candidate = Match(words: start..<word, target: (targetStart ?? start)..<(targetEnd ?? word),
                                      alternative: alternative, isPlural: plural, isPossessive: possessive)
                if best == nil || candidate.words.count > best!.words.count { best = candidate }
                return
            }
            let s = slots[slot]
            if s.optional { step(slot + 1, word, targetStart, targetEnd, plural, possessive, alternative) }
            guard word < words.count else { return }
            guard let (form, which) = Self.form(of: words[word], against: s, inflects: inflects && slot == last) else { return }
            let first = s.inTarget && targetStart == nil
            let ts = first ? word : targetStart
            let te = s.inTarget ? word + 1 : targetEnd
            step(slot + 1, word + 1, ts, te, plural || form == .plural, possessive || form == .possessive, first ? which : alternative)
        }
        step(0, start, nil, nil, false, false, 0)
        return best
    }

    enum Form { case base, plural, possessive }

    /// The form of `word` and the first alternative of `slot` it matches, from the slot's
    /// tables of every spelling (what `spelledForm` would find, without building strings).
    static func form(of word: Word, against slot: Slot, inflects: Bool) -> (Form, Int)? {
        let forms = slot.forms
        var best = (inflects ? forms.inflected[word] : forms.base[word])?.tuple
        if forms.hasCapitals {
            let text = word.text.replacingAll("’", "'")
            if let found = (inflects ? forms.capitalsInflected[text] : forms.capitalsBase[text])?.tuple, best == nil || found.1 < best!.1 {
                best = found
            }
        }
        return best
    }

    /// The spellings a slot accepts, each with its form and alternative: the first alternative
    /// (and, within it, the first form) wins, as in `spelledForm`.
    final class SlotForms: Sendable {
        let base: WordTable<Spelling>
        let inflected: WordTable<Spelling>
        let capitalsBase: WordTable<Spelling>
        let capitalsInflected: WordTable<Spelling>
        let hasCapitals: Bool

        struct Spelling: Sendable {
            let form: Form
            let alternative: Int
            var tuple: (Form, Int) { (form, alternative) }
        }

        init(alternatives: [String], capitals: [Bool]) {
            let tables = Tables(alternatives: alternatives, capitals: capitals)
            base = tables.base
            inflected = tables.inflected
            capitalsBase = tables.capitalsBase
            capitalsInflected = tables.capitalsInflected
            hasCapitals = tables.hasCapitals
        }
    }

    private struct Tables {
        typealias Spelling = SlotForms.Spelling
        var base = WordTable<Spelling>()
        var inflected = WordTable<Spelling>()
        var capitalsBase = WordTable<Spelling>()
        var capitalsInflected = WordTable<Spelling>()
        var hasCapitals = false

        init(alternatives: [String], capitals: [Bool]) {
            for (index, alternative) in alternatives.enumerated() {
                var spellings: [(String, Form)] = [(alternative, .base), (alternative + "s", .plural), (alternative + "es", .plural)]
                if alternative.hasSuffix("y") { spellings.append((alternative.dropLast() + "ies", .plural)) }
                spellings += [(alternative + "'s", .possessive), (alternative + "s'", .possessive), (alternative + "es'", .possessive)]
                if capitals[index] { hasCapitals = true }
                for (text, form) in spellings {
                    let spelling = Spelling(form: form, alternative: index)
                    if capitals[index] {
                        if form == .base, capitalsBase[text] == nil { capitalsBase[text] = spelling }
                        if capitalsInflected[text] == nil { capitalsInflected[text] = spelling }
                    } else {
                        if form == .base, base[text] == nil { base[text] = spelling }
                        if inflected[text] == nil { inflected[text] = spelling }
                    }
                }
            }
        }
    }

    /// The form of `word` by comparing it with each alternative's spellings in turn.
    static func spelledForm(of word: Word, against slot: Slot, inflects: Bool) -> (Form, Int)? {
        for (index, alternative) in slot.alternatives.enumerated() {
            let text = slot.capitals[index] ? word.text.replacingAll("’", "'") : word.key
            if text == alternative { return (.base, index) }
            guard inflects else { continue }
            if text == alternative + "s" || text == alternative + "es" { return (.plural, index) }
            if alternative.hasSuffix("y"), text == alternative.dropLast() + "ies" { return (.plural, index) }
            if text == alternative + "'s" || text == alternative + "s'" || text == alternative + "es'" { return (.possessive, index) }
        }
        return nil
    }
}

/// Patterns indexed by the words they can start with, so a scan looks up each word once.
struct PatternIndex: Sendable {
    private var byWord = WordTable<[Int]>()

    init(_ patterns: [WordPattern]) {
        for (index, pattern) in patterns.enumerated() {
            var forms = Set<String>()
            for word in pattern.firstWords {
                forms.insert(word)
                // The first word may carry a plural or possessive ending.
                for ending in ["s", "es", "'s", "s'", "es'"] { forms.insert(word + ending) }
                if word.hasSuffix("y") { forms.insert(word.dropLast() + "ies") }
            }
            for form in forms.sorted() { byWord[form] = (byWord[form] ?? []) + [index] }
        }
    }

    /// Indices of the patterns that may start at `word`, in pattern order.
    func candidates(for word: Word) -> [Int] {
        byWord[word] ?? []
    }
}
