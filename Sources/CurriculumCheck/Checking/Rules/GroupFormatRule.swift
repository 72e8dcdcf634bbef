/// What a group format asks of a module: its required sections and a length within its range.
public struct GroupFormatRule: ModuleRule {
    public static let missingSection = RuleDescriptor("group.missing-section", .error, "A module lacks a section its group format requires in schema.yaml (the sample: Practice and Homework for skill-building, Key points and Sources for psychoeducation, Discussion for support and family).",
        explanation: """
        Each group format in schema.yaml lists the level-2 sections its modules need, so every facilitator finds \
        the same parts in the same place. In the sample schema, support and family modules need a Discussion \
        section, skill-building needs Practice and Homework, and psychoeducation needs Key points and Sources. \
        Section names match in any letter case, and a timed heading such as "## Practice (20 min)" counts. A \
        section whose heading is there but which holds nothing (or only HTML comments) is reported as empty.

        Wrong:
            group: skill-building
            ---
            # Urge Surfing

            ## Practice
            Notice where you feel the urge in your body.
        Fixed (the section added at the end):
            ## Homework
            Try urge surfing once a day this week.

        To fix it, add the section the finding names, with its content.
        """)
    public static let minutesRange = RuleDescriptor("group.minutes-range", .error, "A module's minutes are outside the range its group format allows.",
        explanation: """
        Each group format in schema.yaml allows a range of minutes ('minutes: [30, 90]' for skill-building in the \
        sample). A module planned for more or less time than its format allows will not fit the segments of a \
        session. The fix offered sets the nearest allowed number, and `curriculum check --fix` writes it.

        Wrong:
            group: skill-building
            minutes: 120
        Fixed:
            group: skill-building
            minutes: 90

        To fix it, plan the module within the range, or split a long module into two. If the range itself is wrong \
        for your clinic, change 'minutes' of the group format in schema.yaml.
        """)
    public static let descriptors = [missingSection, minutesRange]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.hasFrontMatter, let groupID = module.group, let format = context.schema.group(groupID.value) else { return [] }
        var out: [Diagnostic] = []
        for required in format.requiredSections {
            if let section = module.section(required) {
                if section.blocks.allSatisfy({ if case .htmlBlock = $0.kind { return true } else { return false } }), let heading = section.heading {
                    out.append(Self.missingSection.diagnostic(module.path, heading.range, "the '## \(required)' section is empty",
                        fix: Fix(summary: "write the section's content under its heading")))
                }
                continue
            }
            out.append(Self.missingSection.diagnostic(module.path, groupID.range,
                "a \(format.id) module needs a '## \(required)' section, and this one has none",
                fix: Fix(summary: "add a section headed '## \(required)' to the module body")))
        }
        if let minutes = module.minutes, !format.minutes.contains(minutes.value) {
            let nearest = min(max(minutes.value, format.minutes.lowerBound), format.minutes.upperBound)
            out.append(Self.minutesRange.diagnostic(module.path, minutes.range,
                "\(minutes.value) minutes is outside the \(format.minutes.lowerBound)-\(format.minutes.upperBound) minutes a \(format.id) group may take",
                fix: Fix(summary: "plan between \(format.minutes.lowerBound) and \(format.minutes.upperBound) minutes, or split the module in two",
                         replacements: [Replacement(range: minutes.range, text: String(nearest))])))
        }
        return out
    }
}
