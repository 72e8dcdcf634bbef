extension FrontMatterRules {
    public static let unknownTopic = RuleDescriptor("front-matter.unknown-topic", .error, "The topic is not declared in the schema.",
        explanation: """
        A module's topic must be one of the topics declared under 'topics:' in schema.yaml. The topic's title is \
        printed on the handout and groups the index, and an unknown topic is usually a typo. The finding lists the \
        declared topics and suggests the closest one; `curriculum check --fix` writes it.

        Wrong:
            topic: cravings
        Fixed:
            topic: coping

        To fix it, use a topic id from schema.yaml, or add the new topic to schema.yaml first.
        """)
}
