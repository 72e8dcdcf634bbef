/// What worksheet blocks and callouts print in a document's language: the labels of its
/// language pack that widgets use (the English pack by default).
public struct WidgetText: Sendable {
    public let facilitatorNote: String
    public let circleOne: String
    public let scaleLow: String
    public let scaleHigh: String
    /// "In an emergency, call {number}." split around the number.
    public let emergencyBefore: String
    public let emergencyAfter: String
    let pack: LanguagePack

    /// The language the widgets print in (`en`, `es`).
    var language: String { pack.language }

    public init(_ pack: LanguagePack = .english) {
        self.pack = pack
        facilitatorNote = pack.label("facilitator-note")
        circleOne = pack.label("circle-one")
        scaleLow = pack.label("scale-low")
        scaleHigh = pack.label("scale-high")
        let call = pack.label("emergency-call")
        if let range = call.range(of: "{number}") {
            emergencyBefore = String(call[..<range.lowerBound])
            emergencyAfter = String(call[range.upperBound...])
        } else {
            emergencyBefore = call + " "
            emergencyAfter = ""
        }
    }

    /// The default title of a Good Samaritan callout.
    public func goodSamaritanTitle(state: String) -> String {
        pack.label("good-samaritan-title", ["state": state])
    }

    /// "Sample answer or prompt:" with a space, as the layout estimate counts it.
    public var sampleAnswer: String { pack.label("sample-answer") + " " }
}
