/// The verbs an outcome may start with and the vague ones it should not, as the schema has them
/// when `content.measurable-verbs` and `content.vague-verbs` are not given. The model owns the
/// defaults; `OutcomeVerbRule` reads them from the schema.
public enum OutcomeVerbs {
    public static let defaultMeasurable = ["name", "list", "describe", "explain", "practice", "demonstrate", "write", "plan", "rate", "identify"]
    public static let defaultVague = ["understand", "know", "learn", "appreciate", "be aware of", "become aware of", "believe",
                                      "realize", "comprehend", "grasp", "be familiar with", "become familiar with",
                                      "gain insight into", "internalize"]
}
