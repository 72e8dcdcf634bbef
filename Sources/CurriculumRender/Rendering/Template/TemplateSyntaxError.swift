/// A template that cannot be parsed: where (1-based line, and column counted in code points),
/// what is wrong, and how to fix it.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
    public let fix: String

    public init(line: Int, column: Int, message: String, fix: String) {
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }
}
