/// A step that could not run because its inputs are unusable; carries the located findings.
public struct SetupFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
