/// Rules about reading a module file at all.
public enum FileRules {
    // Each rule is declared in a file of its own (in File/), with its long explanation.
    public static let all = [unreadable, invalidUTF8, empty, tooLarge, outsideCurriculum]
}
