/// The one-line hints a new module starts with: what belongs in each section. Written in the
/// plain words the handouts use, so the hints themselves pass the content checks.
public enum SectionHints {
    /// What goes under the title, before the first section.
    public static let introduction = "Write a few short paragraphs for the group: what this session is about and why it matters. Use short sentences and everyday words."

    /// What goes in an outcome (written after the verb the template starts it with).
    public static let outcome = "what people can do after this session; start each outcome with a verb such as name, list, describe or practice"

    /// The hint for a section, by its title (matched case-insensitively).
    public static func hint(for section: String) -> String {
        switch Section.normalize(section) {
        case "key points":
            return "List three to six short points people should take home, one per line."
        case "discussion":
            return "Write two to four open questions for the group to talk about."
        case "practice":
            return "Describe the activity step by step. A {worksheet} block gives people room to write."
        case "homework":
            return "Describe one task to do before the next session. A {log} or {worksheet} block gives room to write."
        case "sources":
            return "List each source: who published it, the title and the year (SAMHSA, NIDA, NIAAA, CDC, FDA or a journal article)."
        case "facilitator notes":
            return "Timing, how to run the session and what to watch for. Only the facilitator guide shows this."
        default:
            return "Write what belongs in the \(section) section."
        }
    }
}
