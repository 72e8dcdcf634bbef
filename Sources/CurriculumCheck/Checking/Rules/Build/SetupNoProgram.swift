extension BuildRules {
    public static let noProgram = RuleDescriptor("setup.no-program", .error, "A packet or coverage report needs program.yaml, and the curriculum has none.", setup: true,
        explanation: """
        Weekly packets and the coverage report follow the program's schedule, which lives in program.yaml in the \
        curriculum folder. Without that file there are no tracks or weeks to build them from, so `curriculum \
        packet` and `curriculum coverage` stop with exit status 2. `curriculum check` and `build` work without it.

        Wrong:
            curriculum packet --track evening --week 4     # curriculum/ has no program.yaml
        Fixed:
            curriculum/program.yaml added (copied from the sample curriculum and edited)
            curriculum packet --track evening --week 4

        To fix it, add program.yaml (docs/program.md describes it; the sample curriculum has a complete one).
        """)
}
