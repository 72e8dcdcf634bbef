/// Rules about the form of `program.yaml`: valid YAML, fields present and of the right kind.
public enum ProgramFileRules {
    // Each rule is declared in a file of its own (in ProgramFile/), with its long explanation.
    public static let all = [yamlSyntax, invalid, unknownKey, duplicateDay, planDay, cycleStart]
}
