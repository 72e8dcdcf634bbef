import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

@Suite struct SourceFileTests {
    let file = SourceFile(path: "x", text: "abc\nCafé x\n🙂y\n")

    @Test func linesWithoutEndings() {
        #expect(file.line(2) == "Café x")
        #expect(file.line(9) == "")
    }

    @Test func byteColumnsBecomeCodePointColumns() {
        #expect(file.codePointColumn(line: 2, byteColumn: 7) == 6)   // 'x' after "Café " (6 bytes)
        #expect(file.codePointColumn(line: 3, byteColumn: 5) == 2)   // 'y' after a 4-byte emoji
    }

    @Test func byteOffsetsBecomeLocations() {
        #expect(file.location(ofByteOffset: 0) == CurriculumKit.SourceLocation(line: 1, column: 1))
        #expect(file.location(ofByteOffset: 10) == CurriculumKit.SourceLocation(line: 2, column: 6))
    }
}
