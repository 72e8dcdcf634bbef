/// What a group format asks of a module: its required sections and a length within its range.
public struct GroupFormatRule: ModuleRule {
    public static let missingSection = RuleDescriptor("group.missing-section", .error, "A module lacks a section its group format requires in schema.yaml (the sample: Practice and Homework for skill-building, Key points and Sources for psychoeducation, Discussion for support and family).")
    public static let minutesRange = RuleDescriptor("group.minutes-range", .error, "A module's minutes are outside the range its group format allows.")
    public static let descriptors = [missingSection, minutesRange]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.hasFrontMatter, let groupID = module.group, let format = context.schema.group(groupID.value) else { return [] }
        var out: [Diagnostic] = []
        // A block never closed swallows the sections after it, and a heading reported by
        // SectionHeadingRule is the section meant: either is reported once, where it is.
        let waiting = FenceRule.breaksStructure(module)
        let misheaded = Set(SectionHeadingRule.problems(in: module, schema: context.schema).map(\.name))
        for required in format.requiredSections {
            if let section = module.section(required) {
                if section.blocks.allSatisfy({ if case .htmlBlock = $0.kind { return true } else { return false } }), let heading = section.heading {
                    out.append(Self.missingSection.diagnostic(module.path, heading.range, "the '## \(required)' section is empty",
                        fix: Fix(summary: "write the section's content under its heading")))
                }
                continue
            }
            if waiting || misheaded.contains(Section.normalize(required)) { continue }
            if let (heading, title) = Self.lookalike(of: required, in: module) {
                out.append(Self.missingSection.diagnostic(module.path, heading.range,
                    "a \(format.id) module needs a '## \(required)' section; this heading '## \(title)' looks like a misspelling of it: did you mean '## \(required)'?",
                    fix: Fix(summary: "write '## \(required)'")))
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

    /// A level-2 heading that is not a well-known section but is one or two letters away from
    /// `required` (`## Homwork`), with its title as written.
    static func lookalike(of required: String, in module: Module) -> (MarkdownNode, String)? {
        let key = Section.normalize(required)
        for section in module.sections {
            guard let heading = section.heading, section.name != key, !SectionHeadingRule.wellKnown.contains(section.name),
                  closestMatch(to: section.name, in: [key]) != nil else { continue }
            return (heading, section.title)
        }
        return nil
    }
}
