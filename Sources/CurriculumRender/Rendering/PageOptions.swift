/// Paper and print-size choices of a build (`--paper`, `--large-print`).
public enum Paper: String, Sendable, CaseIterable {
    case letter, a4

    /// The CSS `@page` size.
    public var cssSize: String { self == .letter ? "letter" : "A4" }
}

public struct PageOptions: Sendable, Hashable {
    public var paper: Paper
    public var largePrint: Bool

    public init(paper: Paper = .letter, largePrint: Bool = false) {
        self.paper = paper
        self.largePrint = largePrint
    }

    /// A stable text form for cache keys.
    public var key: String { "\(paper.rawValue)\(largePrint ? "+large" : "")" }
}
