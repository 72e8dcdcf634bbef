/// One word of a run of prose: letters and digits, with apostrophes and hyphens inside it
/// (don't, co-occurring, 0-10) and, for numbers, their separators (2.50, 5:30, 3/14/1985).
public struct Word: Sendable, Hashable {
    /// Scalar offsets into the run, end exclusive.
    public let start: Int
    public let end: Int
    /// The word as written.
    public let text: String
    /// Lowercased, with ’ written as ': what term lists are matched against.
    public let key: String
    public let hasLetters: Bool
    /// Every letter is a capital and there are at least two (PTSD, AA).
    public let isAllCaps: Bool
    /// The first letter is a capital.
    public let isCapitalized: Bool
    /// `WordTable.hash(key)`, computed as the word is read.
    @usableFromInline let keyHash: UInt64

    public var range: Range<Int> { start..<end }
}

/// The words of a run, and its sentences as ranges of word indices.
public struct WordScan: Sendable {
    public let words: [Word]
    public let sentences: [Range<Int>]
}

/// Splits prose into words and sentences in one pass over its scalars. A sentence ends at
/// `.`, `!` or `?` (not after an abbreviation such as "Dr." or "e.g." that the next word
/// continues), and at the end of the run: a list item or worksheet prompt is a sentence even
/// without a full stop. Web and e-mail addresses are not words.
public enum WordScanner {
    /// Stands for inline code, raw HTML and links written as addresses: never part of a word
    /// (`ProseRun` writes it in their place).
    public static let placeholder: Unicode.Scalar = "\u{FFFC}"

    /// Abbreviations after which a full stop does not end the sentence when a lowercase word
    /// (or a number) follows.
    static let abbreviations = WordSet([
        "e.g", "i.e", "etc", "a.m", "p.m", "u.s", "vs", "no", "approx", "dept", "fig", "inc", "ltd", "co", "ave",
        "min", "mins", "hr", "hrs", "wk", "wks", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ed", "eds", "vol", "pp", "ch", "cf", "al",
    ])
    /// Titles before a name: the full stop never ends the sentence.
    static let titles = WordSet(["dr", "mr", "mrs", "ms", "prof", "st", "mt", "jr", "sr", "rev", "sgt", "lt", "capt",
                                 "dra", "sra", "srta", "ud", "uds", "ee", "uu"])  // Spanish: la Dra. Gómez, en EE. UU.

    public static func scan(_ scalars: [Unicode.Scalar]) -> WordScan {
        scalars.withUnsafeBufferPointer { scan(buffer: $0) }
    }

    static func scan(buffer s: UnsafeBufferPointer<Unicode.Scalar>) -> WordScan {
        var words: [Word] = []
        var sentences: [Range<Int>] = []
        var sentenceStart = 0
        let n = s.count
        words.reserveCapacity(n / 5 + 1)
        func endSentence() {
            if words.count > sentenceStart { sentences.append(sentenceStart..<words.count) }
            sentenceStart = words.count
        }
        var i = 0
        while i < n {
            // One chunk: up to the next space.
            while i < n, isSpace(s[i]) { i += 1 }
            guard i < n else { break }
            var chunkEnd = i
            var mayBeAddress = false  // an address has a ':', '@' or '.'
            while chunkEnd < n {
                let c = s[chunkEnd]
                if c.value < 0x80 {
                    if c == " " || c == "\t" || c == "\n" || c == "\r" { break }
                    if c == ":" || c == "@" || c == "." { mayBeAddress = true }
                } else if isSpace(c) {
                    break
                }
                chunkEnd += 1
            }
            if mayBeAddress, isAddress(s, i, chunkEnd) {
                // A web or e-mail address: not words; a full stop after it still ends the sentence.
                if let last = s[i..<chunkEnd].last(where: { $0 != ")" && $0 != "\"" && $0 != "”" }), last == "." || last == "!" || last == "?" {
                    endSentence()
                }
                i = chunkEnd
                continue
            }
            var j = i
            while j < chunkEnd {
                let c = s[j]
                if isWordScalar(c) {
                    let start = j
                    var singleLetters = true   // e.g, U.S: single letters joined by full stops
                    var segmentLength = 0
                    while j < chunkEnd {
                        let d = s[j]
                        if isWordScalar(d) {
                            segmentLength += 1
                            if segmentLength > 1 { singleLetters = false }
                            j += 1
                            continue
                        }
                        guard j + 1 < chunkEnd, isWordScalar(s[j + 1]) else { break }
                        let previous = s[j - 1], next = s[j + 1]
                        if isApostrophe(d) || isHyphen(d) {
                            j += 1
                            segmentLength = 0
                            singleLetters = false
                        } else if (d == "." || d == "," || d == ":" || d == "/") && isDigit(previous) && isDigit(next) {
                            j += 1
                        } else if d == ".", singleLetters, isLetter(previous), isLetter(next),
                                  j + 2 >= chunkEnd || !isWordScalar(s[j + 2]) {
                            j += 1
                            segmentLength = 0
                        } else {
                            break
                        }
                    }
                    words.append(makeWord(s, start, j))
                    continue
                }
                if c == "." || c == "!" || c == "?" || c == "…" {
                    var k = j
                    var ellipsis = c == "…"
                    while k < chunkEnd, s[k] == "." || s[k] == "!" || s[k] == "?" || s[k] == "…" {
                        if s[k] == "…" || (k > j && s[k] == ".") { ellipsis = ellipsis || s[k - 1] == "." }
                        k += 1
                    }
                    let onlyFullStop = s[j..<k].allSatisfy { $0 == "." }
                    if words.count > sentenceStart, let last = words.last, last.end == j, onlyFullStop, k - j == 1 {
                        // "Dr. Rivera", "e.g. naltrexone", "in the U.S. Most": the word decides.
                        let key = last.key
                        let nextWord = firstWordScalar(s, from: k)
                        if titles.contains(last) || (last.isAllCaps == false && key.unicodeScalars.count == 1 && last.hasLetters && nextWord.map(isUppercase) == true) {
                            // a title or an initial: the name continues
                        } else if abbreviations.contains(last) || (key.utf8.contains(UInt8(ascii: ".")) && (key.utf8.allSatisfy { $0 < 0x80 } || key.contains("." as Character))) {
                            if let next = nextWord, isUppercase(next) { endSentence() }
                        } else {
                            endSentence()
                        }
                    } else if ellipsis {
                        if let next = firstWordScalar(s, from: k), isUppercase(next) { endSentence() }
                    } else {
                        endSentence()
                    }
                    j = k
                    continue
                }
                j += 1
            }
            i = chunkEnd
        }
        endSentence()
        return WordScan(words: words, sentences: sentences)
    }

    /// The first letter or digit at or after `index`, skipping spaces, quotes and brackets.
    static func firstWordScalar(_ s: UnsafeBufferPointer<Unicode.Scalar>, from index: Int) -> Unicode.Scalar? {
        var k = index
        while k < s.count {
            if isWordScalar(s[k]) { return s[k] }
            if s[k] == placeholder { return nil }
            k += 1
        }
        return nil
    }

    static func makeWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Word {
        var letters = 0, capitals = 0
        var firstLetterCapital: Bool?
        var ascii = true
        for index in start..<end {
            let c = s[index]
            if c.value >= 0x80 { ascii = false }
            if isLetter(c) {
                letters += 1
                let upper = isUppercase(c)
                if upper { capitals += 1 }
                if firstLetterCapital == nil { firstLetterCapital = upper }
            }
        }
        let text: String
        let key: String
        var hash = WordHash()
        if ascii {
            // Most words: bytes straight into small strings.
            text = String(unsafeUninitializedCapacity: end - start) { buffer in
                for index in start..<end { buffer[index - start] = UInt8(s[index].value) }
                return end - start
            }
            if capitals == 0 {
                key = text
                for index in start..<end { hash.add(UInt8(truncatingIfNeeded: s[index].value)) }
            } else {
                key = String(unsafeUninitializedCapacity: end - start) { buffer in
                    for index in start..<end {
                        let v = UInt8(s[index].value)
                        let lower = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
                        buffer[index - start] = lower
                        hash.add(lower)
                    }
                    return end - start
                }
            }
        } else {
            var written = String.UnicodeScalarView()
            var lowered = String.UnicodeScalarView()
            for index in start..<end {
                let c = s[index]
                written.append(c)
                if c.value < 0x80 {
                    lowered.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c)
                } else if c == "’" || c == "‘" {
                    lowered.append("'")
                } else if c == "\u{2010}" || c == "\u{2011}" {
                    lowered.append("-")
                } else {
                    lowered.append(contentsOf: String(c).lowercased().unicodeScalars)
                }
            }
            text = String(written)
            key = String(lowered)
        }
        return Word(start: start, end: end, text: text, key: key, hasLetters: letters > 0,
                    isAllCaps: letters >= 2 && capitals == letters, isCapitalized: firstLetterCapital == true,
                    keyHash: ascii ? hash.value : WordTable<Bool>.hash(key))
    }

    /// A chunk that is a web or e-mail address.
    static func isAddress(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
        var at = -1
        var k = start
        while k < end {
            let c = s[k]
            if c == ":", k + 2 < end, s[k + 1] == "/", s[k + 2] == "/" { return true }
            if c == "@" { at = k }
            k += 1
        }
        var first = start
        while first < end, !isWordScalar(s[first]) { first += 1 }
        if end - first >= 4, (s[first] == "w" || s[first] == "W"), s[first + 1] == "w" || s[first + 1] == "W",
           s[first + 2] == "w" || s[first + 2] == "W", s[first + 3] == "." { return true }
        if at > start, at + 1 < end, isWordScalar(s[at - 1]), isWordScalar(s[at + 1]),
           s[(at + 1)..<end].contains(".") { return true }
        return false
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == placeholder
            || (c.value >= 0x80 && (c.properties.isWhitespace || c.value == 0x2014 || c.value == 0x2013))
    }

    @inlinable @inline(__always) package static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    @inlinable @inline(__always) package static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return c.properties.isAlphabetic
    }

    @inlinable @inline(__always) package static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return c.properties.isUppercase
    }

    @inlinable @inline(__always) package static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if c == placeholder { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "’"
    }

    @inline(__always) static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }
}
