/// What the check learned about a module that the build needs again, computed once from the
/// prose the rules read: the build renders from these instead of reading the prose a second time.
public struct ModuleFacts: Sendable {
    /// The glossary terms the participant text uses, in the order they first appear: the
    /// handout's "Words to know".
    public let wordsToKnow: [Glossary.Term]

    public init(wordsToKnow: [Glossary.Term]) {
        self.wordsToKnow = wordsToKnow
    }

    /// The facts of a module whose prose was read.
    public init(prose: ModuleProse, glossary: Glossary) {
        self.init(wordsToKnow: glossary.terms(usedIn: prose))
    }
}
