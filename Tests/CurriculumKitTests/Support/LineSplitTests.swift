import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

@Suite struct LineSplitTests {
    /// `splitLines` must cut exactly where splitting on the Character "\n" does.
    @Test func matchesTheCharacterSplit() {
        let texts = ["", "\n", "a", "a\n", "\na", "a\nb\n\nc", "a\r\nb\nc\r\n", "\r\n\r\n", "é\n\u{301}x\n", "x\r\ny\r", "🙂\n🙂"]
        for text in texts {
            #expect(text.splitLines() == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
            let sub = text.dropFirst(0)
            #expect(sub.splitLines() == sub.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func trimmingKeepsScalarBoundaries() {
        #expect("  a b ".trimmingWhitespace() == "a b")
        #expect("ab".trimmingWhitespace() == "ab")
        #expect("\u{A0}x\u{2003}".trimmingWhitespace() == "x")
        #expect(" \u{301}x".trimmingWhitespace().unicodeScalars.first == "\u{301}")
        #expect("\t".trimmingWhitespace() == "")
    }
}

@Suite struct ScalarStringTests {
    @Test func encodesEveryScalar() {
        for text in ["", "abc", "Café — ok", "🙂 é\u{301}", "\u{FFFC}x\u{2028}"] {
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
            #expect(String(scalars: scalars[0..<scalars.count / 2]) == String(String.UnicodeScalarView(scalars[0..<scalars.count / 2])))
        }
    }
}
