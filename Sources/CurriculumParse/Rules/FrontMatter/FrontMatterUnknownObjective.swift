extension FrontMatterRules {
    public static let unknownObjective = RuleDescriptor("front-matter.unknown-objective", .error, "An objective is not declared in the schema.",
        explanation: """
        Every objective a module lists must be declared under 'objectives:' in schema.yaml. The objectives are what \
        the program's coverage is measured by, so an objective the schema does not know would never count. The \
        finding lists the declared ids and suggests the closest one; `curriculum check --fix` writes it.

        Wrong:
            objectives: [coping-skills]
        Fixed:
            objectives: [coping]

        To fix it, use an id from schema.yaml. If the program needs a new objective, add it to schema.yaml first, \
        with its id and title.
        """)
}
