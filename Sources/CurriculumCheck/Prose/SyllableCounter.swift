/// Counts the syllables of an English word by spelling rules plus a short list of frequent
/// words the rules get wrong. Agrees with the CMU Pronouncing Dictionary on most everyday
/// words (see Tests/CurriculumKitTests/Fixtures/readability). Works on ASCII bytes: letters
/// with accents are folded to their base letter, so the hot loop never touches `Character`.
public enum SyllableCounter {
    /// Syllables in `word` (a token from `WordScanner`: letters, digits, inner apostrophes and
    /// hyphens). A number counts as one syllable; a hyphenated word is the sum of its parts.
    public static func count<S: Sequence>(_ word: S) -> Int where S.Element == Unicode.Scalar {
        count(Array(word)[...])
    }

    /// `count` for a word of a run, without allocating: the letters go into a buffer on the stack.
    static func count(_ word: ArraySlice<Unicode.Scalar>) -> Int {
        let half = word.count + 1
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * half) { buffer in
            let base = buffer.baseAddress!
            let suffixBase = base + half
            var total = 0
            var partCount = 0       // the letters of the current part, at `base`
            var suffixCount = 0     // the letters after an apostrophe, at `suffixBase`
            var digits = false
            var afterApostrophe = false
            var endsInAccentedE = false   // café, résumé: the final é is sounded
            func flush() {
                if suffixCount > 2 {
                    // O'Brien, d'Angelo: not a contraction.
                    (base + partCount).update(from: suffixBase, count: suffixCount)
                    partCount += suffixCount
                    suffixCount = 0
                }
                if partCount > 0 {
                    let part = UnsafeBufferPointer(start: base, count: partCount)
                    total += countLetters(part, contraction: UnsafeBufferPointer(start: suffixBase, count: suffixCount))
                    if endsInAccentedE && partCount > 2 && !isVowel(part[partCount - 2]) { total += 1 }
                } else if digits {
                    total += 1
                }
                partCount = 0
                suffixCount = 0
                digits = false
                afterApostrophe = false
                endsInAccentedE = false
            }
            for scalar in word {
                let v = scalar.value
                if v == 0x2D || v == 0x2010 || v == 0x2011 {  // hyphens split a compound into words
                    flush()
                } else if v == 0x27 || v == 0x2019 {
                    afterApostrophe = true
                } else if let letter = fold(scalar) {
                    if afterApostrophe {
                        suffixBase[suffixCount] = letter
                        suffixCount += 1
                    } else {
                        base[partCount] = letter
                        partCount += 1
                    }
                    endsInAccentedE = !afterApostrophe && (v == 0xE9 || v == 0xC9)
                } else if v >= 0x30 && v <= 0x39 {
                    digits = true
                }
            }
            flush()
            return total
        }
    }

    /// Lowercase ASCII letter for a letter (accents folded), nil for anything else.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v >= 0x61 && v <= 0x7A { return UInt8(v) }
        if v >= 0x41 && v <= 0x5A { return UInt8(v + 0x20) }
        guard v >= 0xC0 && v <= 0x17F else { return nil }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return UInt8(ascii: "a")
        case 0xC7, 0xE7: return UInt8(ascii: "c")
        case 0xC8...0xCB, 0xE8...0xEB: return UInt8(ascii: "e")
        case 0xCC...0xCF, 0xEC...0xEF: return UInt8(ascii: "i")
        case 0xD1, 0xF1: return UInt8(ascii: "n")
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return UInt8(ascii: "o")
        case 0xD9...0xDC, 0xF9...0xFC: return UInt8(ascii: "u")
        case 0xDD, 0xFD, 0xFF: return UInt8(ascii: "y")
        default: return UInt8(ascii: "e")
        }
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
    }

    /// `w` is lowercase ASCII letters; `contraction` the letters after an apostrophe
    /// ("t" in didn't, "s" in Sam's).
    static func countLetters(_ w: UnsafeBufferPointer<UInt8>, contraction: UnsafeBufferPointer<UInt8>) -> Int {
        var count = base(w)
        // didn't, wouldn't, isn't: the n't after a consonant is a syllable of its own.
        if contraction.count == 1, contraction[0] == UInt8(ascii: "t"), w.count >= 3, w[w.count - 1] == UInt8(ascii: "n"),
           !isVowel(w[w.count - 2]) {
            count += 1
        }
        // James's, else's: the 's after a hissing sound is a syllable of its own.
        if contraction.count == 1, contraction[0] == UInt8(ascii: "s"), let last = w.last, hisses(w, last) { count += 1 }
        // 've, 'll, 're, 'd, 'm add no syllable (we've, she'll, you're).
        return count
    }

    private static func hisses(_ w: UnsafeBufferPointer<UInt8>, _ last: UInt8) -> Bool {
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z") { return true }
        guard w.count >= 2 else { return false }
        let pair = (w[w.count - 2], last)
        switch pair {
        case (UInt8(ascii: "c"), UInt8(ascii: "e")), (UInt8(ascii: "s"), UInt8(ascii: "e")),
             (UInt8(ascii: "c"), UInt8(ascii: "h")), (UInt8(ascii: "s"), UInt8(ascii: "h")):
            return true
        default:
            return false
        }
    }

    static func base(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        let n = w.count
        if n == 0 { return 0 }
        if let known = exceptions.value(forBytes: w) { return known }
        // A word of capitals read letter by letter is handled by the caller; here, a word with
        // no vowel at all ("hmm", "nth") is one syllable.
        func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? w[i] : 0 }
        func vowelAt(_ i: Int) -> Bool {
            guard i >= 0 && i < n else { return false }
            let c = w[i]
            if c == UInt8(ascii: "y") {
                // y is a consonant at the start of a word or between vowels (yes, beyond, saying).
                if i == 0 { return false }
                let next = at(i + 1)
                if next != 0 && isVowel(next) && next != UInt8(ascii: "y") && isVowel(w[i - 1]) && w[i - 1] != UInt8(ascii: "y") { return false }
                return true
            }
            return isVowel(c)
        }
        func ends(_ s: StaticString) -> Bool {
            let count = s.utf8CodeUnitCount
            guard n >= count else { return false }
            return s.withUTF8Buffer { buffer in
                for k in 0..<count where buffer[k] != w[n - count + k] { return false }
                return true
            }
        }
        func has(_ s: StaticString, at i: Int) -> Bool {
            let count = s.utf8CodeUnitCount
            guard i >= 0, i + count <= n else { return false }
            return s.withUTF8Buffer { buffer in
                for k in 0..<count where buffer[k] != w[i + k] { return false }
                return true
            }
        }

        // Vowel groups.
        var count = 0
        var previousVowel = false
        for i in 0..<n {
            let vowel = vowelAt(i)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        if count == 0 { return 1 }

        // Pairs of vowels that are two syllables.
        for i in 0..<(n - 1) {
            let a = w[i], b = w[i + 1]
            let before = at(i - 1)
            switch (a, b) {
            case (UInt8(ascii: "i"), UInt8(ascii: "a")):
                // media, via, trivial, associate; not social, initial, Asia, familiar.
                if i == 0 || !"ctslg".utf8.contains(before) { count += 1 }
                else if (before == UInt8(ascii: "c") || before == UInt8(ascii: "t")) && has("t", at: i + 2) { count += 1 }
            case (UInt8(ascii: "i"), UInt8(ascii: "o")):
                // period, violence, radio, physiology; not action, mission, region, anxious,
                // onion, million, behavior.
                let next = at(i + 2)
                let sh = "tscxg".utf8.contains(before) && (next == UInt8(ascii: "n") || next == UInt8(ascii: "u"))
                let endsInN = next == UInt8(ascii: "n") && (i + 3 == n || has("s", at: i + 3) && i + 4 == n)
                let yer = next == UInt8(ascii: "r") && "vnl".utf8.contains(before)
                if !sh && !yer && !(endsInN && before != 0 && !isVowel(before)) { count += 1 }
            case (UInt8(ascii: "i"), UInt8(ascii: "u")):
                count += 1  // medium, premium
            case (UInt8(ascii: "u"), UInt8(ascii: "a")):
                // usual, actual, situation; not quality, language.
                if before != UInt8(ascii: "q") && before != UInt8(ascii: "g") { count += 1 }
            case (UInt8(ascii: "u"), UInt8(ascii: "e")):
                // fluent, influence, cruel, fuel; not true, value, frequent, blues.
                if before != UInt8(ascii: "q") && before != UInt8(ascii: "g") && i + 2 < n
                    && (w[i + 2] == UInt8(ascii: "n") || w[i + 2] == UInt8(ascii: "l")) { count += 1 }
            case (UInt8(ascii: "i"), UInt8(ascii: "e")):
                // quiet, anxiety, client, audience; not friend, patient, ancient.
                if i > 0 && (has("t", at: i + 2) || has("nce", at: i + 2) || has("nt", at: i + 2))
                    && !"ctsf".utf8.contains(before) && !(before == UInt8(ascii: "r") && at(i - 2) == UInt8(ascii: "f")) {
                    count += 1
                }
            case (UInt8(ascii: "e"), UInt8(ascii: "o")):
                // video, theory, geography; not people, someone.
                if before != UInt8(ascii: "p") && !has("on", at: i + 1) { count += 1 }
            case (UInt8(ascii: "o"), UInt8(ascii: "e")):
                if has("m", at: i + 2) || has("t", at: i + 2) { count += 1 }  // poem, poet
            case (UInt8(ascii: "e"), UInt8(ascii: "a")):
                if i >= 2 && before != UInt8(ascii: "l") && (i + 2 == n || (i + 3 == n && w[n - 1] == UInt8(ascii: "s"))) {
                    count += 1  // area, idea, ideas
                } else if has("ct", at: i + 2) || (before == UInt8(ascii: "r") && at(i - 2) == UInt8(ascii: "c") && has("t", at: i + 2)) {
                    count += 1  // react, create, creative
                }
            default:
                break
            }
        }
        if has("uou", at: n - 5) { count += 1 }  // continuous
        // easier, happiest: the i is a syllable of its own.
        if (ends("ier") && n > 4) || (ends("iest") && n > 5) {
            let b = at(n - (ends("ier") ? 4 : 5))
            if b != 0 && !isVowel(b) && b != UInt8(ascii: "h") && b != UInt8(ascii: "d") { count += 1 }
        }
        // fire, desire, required: the long i before r is two sounds.
        if (ends("ire") || ends("ired") || ends("ires")) && n > 3 {
            let k = n - (ends("ire") ? 3 : 4)
            if k >= 1 && !isVowel(w[k - 1]) { count += 1 }
        }
        // our, hour, hours, ourselves.
        if has("our", at: 0) && (n == 3 || has("s", at: 3)) || has("hour", at: 0) || (has("sour", at: 0) && (n == 4 || n == 5 && w[4] == UInt8(ascii: "s"))) || has("flour", at: 0) {
            count += 1
        }
        // A silent e inside a word before a suffix: safety, lonely, statement, hopeless.
        if n > 5 {
            var k = 2
            while k < n - 2 {
                if w[k] == UInt8(ascii: "e"), !vowelAt(k - 1), vowelAt(k - 2), !vowelAt(k + 1) {
                    for suffix in silentESuffixes where has(suffix, at: k + 1) {
                        count -= 1
                        break
                    }
                }
                k += 1
            }
        }

        // Endings.
        if ends("e") && n > 2 {
            let b = w[n - 2]
            if b == UInt8(ascii: "l") && !isVowel(w[n - 3]) && w[n - 3] != UInt8(ascii: "l") {
                // table, little, people: the -le is a syllable (already counted by its e).
            } else if (ends("gue") || ends("que")) && n > 4 && isVowel(w[n - 4]) {
                count -= 1  // vague, league, unique
            } else if !vowelAt(n - 2) {
                count -= 1  // make, time, whole
            }
            // free, true, die, eye: the e is part of the group before it.
        } else if ends("es") && n > 3 {
            let b = w[n - 3]
            let sibilant = b == UInt8(ascii: "s") || b == UInt8(ascii: "x") || b == UInt8(ascii: "z")
                || ends("ches") || ends("shes") || ends("ges") || ends("ces")
            let syllabicLe = b == UInt8(ascii: "l") && !isVowel(w[n - 4]) && w[n - 4] != UInt8(ascii: "l")
            if !vowelAt(n - 3) && !sibilant && !syllabicLe { count -= 1 }
        } else if ends("ed") && n > 3 {
            let b = w[n - 3]
            let syllabicLe = b == UInt8(ascii: "l") && !isVowel(w[n - 4]) && w[n - 4] != UInt8(ascii: "l")
            if !vowelAt(n - 3) && b != UInt8(ascii: "t") && b != UInt8(ascii: "d") && !syllabicLe { count -= 1 }
        }
        // being, going, trying: a vowel right before -ing is a syllable of its own.
        if ends("ing") && n > 4 && vowelAt(n - 4) { count += 1 }
        if ends("ism") { count += 1 }  // alcoholism
        return max(count, 1)
    }

    /// Suffixes before which an e that ends a syllable is silent (safe-ty, state-ment).
    static let silentESuffixes: [StaticString] = ["ly", "liness", "ty", "ment", "ful", "less", "ness", "line", "work", "time", "where", "house"]

    /// Frequent words the spelling rules count wrongly, with their syllables as the CMU
    /// Pronouncing Dictionary gives them.
    static let exceptions: WordTable<Int> = {
        let table: [(String, Int)] = [
            ("the", 1), ("every", 3), ("everyone", 3), ("everything", 4), ("everyday", 3), ("anyone", 3),
            ("someone", 2), ("something", 2), ("sometimes", 2), ("somewhere", 2), ("somewhat", 2),
            ("business", 2), ("maybe", 2), ("ago", 2), ("via", 2), ("idea", 3), ("area", 3),
            ("being", 2), ("naive", 2), ("recipe", 3), ("create", 2), ("science", 2),
            ("recovery", 3), ("several", 2), ("evening", 2), ("evenings", 2), ("interest", 2), ("interests", 2),
            ("interested", 3), ("interesting", 3), ("different", 3), ("differently", 3), ("difference", 3),
            ("differences", 4), ("vegetable", 3), ("vegetables", 3), ("everywhere", 3), ("especially", 3),
            ("suicide", 3), ("suicidal", 4), ("suicides", 4), ("diabetes", 4), ("heroin", 3), ("realistic", 4),
            ("reality", 4), ("ruin", 2), ("ruined", 2), ("element", 3), ("elements", 3), ("supplement", 3),
            ("supplements", 3), ("implement", 3), ("confidentiality", 7), ("boredom", 2), ("mr", 2), ("mrs", 2),
            ("dr", 2), ("caregiver", 3), ("caregivers", 3), ("caregiving", 3), ("fluid", 2), ("poetry", 3),
            ("imagery", 3), ("doable", 3), ("coordinate", 4), ("headache", 2), ("headaches", 2),
        ]
        var out = WordTable<Int>()
        for (word, count) in table { out[word] = count }
        return out
    }()
}
