/// Rules about the language packs in `languages/` (what documents print in each language).
public enum LanguageRules {
    // Each rule is declared in a file of its own (in Language/), with its long explanation.
    public static let all = [missingLabel, invalid]
}
