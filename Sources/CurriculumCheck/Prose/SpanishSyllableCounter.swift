/// Counts the syllables of a Spanish word by the orthographic rules (Ortografía de la lengua
/// española, 2010), not by a hyphenation dictionary: each syllable has one vowel nucleus, and
/// vowels written together share one when
/// - one of them is a close vowel without an accent (i, u, ü): a diphthong (agua, cuidado,
///   ciudad) or a triphthong (buey, averiguáis); an h between them does not part them (prohibir);
/// - but two open vowels (a, e, o), or an accented close vowel (í, ú) beside any vowel, are
///   in hiatus (leer, idea, día, país, baúl), and so are two equal close vowels (chiita);
/// - the u of qu and gu before e or i is not sounded (quiero, guerra), the ü of güe and güi is;
/// - y ends a diphthong at the end of a word (hoy, muy, Uruguay) and is a vowel on its own (y);
///   before a vowel it is a consonant (leyes).
/// A number counts as one syllable, as in English. Checked against the PyPI syllabifier
/// `silabeador` (Tests/CurriculumKitTests/Fixtures/readability/spanish-*).
public enum SpanishSyllableCounter {
    /// Syllables in `word` (a token from `WordScanner`); a hyphenated word is the sum of its parts.
    public static func count<S: Sequence>(_ word: S) -> Int where S.Element == Unicode.Scalar {
        var total = 0
        var part: [Unicode.Scalar] = []
        var digits = false
        func flush() {
            if !part.isEmpty { total += countLetters(part) } else if digits { total += 1 }
            part.removeAll(keepingCapacity: true)
            digits = false
        }
        for scalar in word {
            let v = scalar.value
            if v == 0x2D || v == 0x2010 || v == 0x2011 {
                flush()
            } else if WordScanner.isLetter(scalar) {
                part.append(lowercase(scalar))
            } else if v >= 0x30 && v <= 0x39 {
                digits = true
            }
        }
        flush()
        return total
    }

    /// What a letter is to the syllable count.
    enum Kind {
        case open       // a e o, and the accented close vowels í ú
        case close      // i u ü without an accent, and y ending a word
        case silent     // the u of qu, gu before e or i
        case consonant  // h is one too, but it does not part vowels
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 0x20)! }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return Unicode.Scalar(v + 0x20)! }
        return scalar
    }

    static func isOpen(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "o", "á", "é", "ó", "í", "ú", "à", "è", "ò", "ì", "ù", "ä", "ë", "ö", "â", "ê", "ô", "ã", "õ": return true
        default: return false
        }
    }

    static func isClose(_ c: Unicode.Scalar) -> Bool {
        c == "i" || c == "u" || c == "ü" || c == "ï" || c == "î" || c == "û"
    }

    static func kinds(_ w: [Unicode.Scalar]) -> [Kind] {
        var out: [Kind] = []
        out.reserveCapacity(w.count)
        for (i, c) in w.enumerated() {
            let next: Unicode.Scalar? = i + 1 < w.count ? w[i + 1] : nil
            let previous: Unicode.Scalar? = i > 0 ? w[i - 1] : nil
            if c == "u", let previous, previous == "q" || previous == "g", let next, "eiéí".unicodeScalars.contains(next) {
                out.append(.silent)
            } else if isOpen(c) {
                out.append(.open)
            } else if isClose(c) {
                out.append(.close)
            } else if c == "y" {
                // A vowel at the end of a word (hoy, muy) or alone (y); a consonant before a
                // vowel (yo, leyes) and elsewhere.
                out.append(next == nil ? .close : .consonant)
            } else {
                out.append(.consonant)
            }
        }
        return out
    }

    static func countLetters(_ w: [Unicode.Scalar]) -> Int {
        let kinds = kinds(w)
        var count = 0
        var previous: (kind: Kind, letter: Unicode.Scalar)?  // the last vowel of the current group
        for (i, kind) in kinds.enumerated() {
            switch kind {
            case .open, .close:
                if let last = previous {
                    // In hiatus: two open vowels, or the same close vowel twice (chiita).
                    let hiatus = (last.kind == .open && kind == .open) || (last.kind == .close && kind == .close && last.letter == w[i])
                    if hiatus { count += 1 }
                } else {
                    count += 1
                }
                previous = (kind, w[i])
            case .silent:
                continue
            case .consonant:
                if w[i] != "h" { previous = nil }  // an h between vowels does not part them
            }
        }
        if count == 0 { return 1 }  // a word without vowels (sr, pst) is read as one
        return count
    }
}
