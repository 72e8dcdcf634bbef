/// Every module the program schedules exists, has the group format of its segment, and fits
/// the segment's minutes; rotations name group formats the schema knows.
public struct ProgramModuleRule: CurriculumRule {
    public static let unknownModule = RuleDescriptor("program.unknown-module", .error, "The program schedules a module id that no module has.",
        explanation: """
        A track's 'rotation' and 'weeks' plan name modules by id. An id that no module has is usually a typo or a \
        module that was renamed, and its sessions would have no handout. 'open' is allowed: it leaves a segment \
        without a module. The finding suggests the closest id; `curriculum check --fix` writes it.

        Wrong:
            skill-building: [cravings-and-urge, triggers-mapping]
        Fixed:
            skill-building: [cravings-and-urges, triggers-mapping]

        To fix it, use the id of a module in modules/, or 'open'.
        """)
    public static let groupMismatch = RuleDescriptor("program.group-mismatch", .error, "A module is scheduled in a segment of another group format.",
        explanation: """
        Each segment of an agenda with a 'group' is filled by a module of that group format. A module of another \
        format does not fit it: a support module has no Practice or Homework for a skill-building slot, for \
        example. It usually means the module was put in the wrong rotation list.

        Wrong (group-agreements is a support module):
            rotation:
              skill-building: [group-agreements, triggers-mapping]
        Fixed:
            rotation:
              skill-building: [triggers-mapping]
              support: [group-agreements, open]

        To fix it, move the module to the rotation of its own group format, or pick a module of the segment's format.
        """)
    public static let tooLong = RuleDescriptor("program.module-minutes", .error, "A module needs more minutes than the segment it is scheduled in.",
        explanation: """
        A module plans its length in 'minutes'. When it is scheduled in an agenda segment with fewer minutes, the \
        facilitator cannot finish it in the time the session gives.

        Wrong:
            urge-surfing.md:  minutes: 60
            agenda segment:   - {title: Skill-building group, minutes: 50, group: skill-building}
        Fixed:
            urge-surfing.md:  minutes: 50
            agenda segment:   - {title: Skill-building group, minutes: 50, group: skill-building}

        To fix it, shorten the module (and its timed sections), lengthen the segment in the agenda, or schedule the \
        module in a longer segment.
        """)
    public static let unknownGroup = RuleDescriptor("program.unknown-group", .error, "A rotation or segment names a group format the schema does not declare.",
        explanation: """
        Rotations are named after group formats, and agenda segments name the group format that fills them. Both \
        must be group formats declared under 'groups:' in schema.yaml, or no module could ever be scheduled there.

        Wrong:
            rotation:
              skills: [cravings-and-urges, triggers-mapping]
        Fixed:
            rotation:
              skill-building: [cravings-and-urges, triggers-mapping]

        To fix it, use a group format id from schema.yaml (in the sample: support, skill-building, psychoeducation, \
        family).
        """)
    public static let descriptors = [unknownModule, groupMismatch, tooLong, unknownGroup]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let program = context.curriculum.program else { return [] }
        let curriculum = context.curriculum
        let path = program.file.path
        let ids = curriculum.modules.compactMap { $0.id?.value }.sorted()
        let groups = context.schema.groups.map(\.id)
        var out: [Diagnostic] = []
        var reported = Set<String>()
        func once(_ key: String, _ diagnostic: Diagnostic) {
            if reported.insert(key).inserted { out.append(diagnostic) }
        }
        for agenda in program.agendas {
            for segment in agenda.segments {
                if let group = segment.group, !groups.contains(group) {
                    once("g\(segment.range.start)", Self.unknownGroup.diagnostic(path, segment.groupRange ?? segment.range, "'\(group)' is not a group format declared in schema.yaml",
                        fix: Fix(summary: "use one of: \(groups.joined(separator: ", "))")))
                }
            }
        }
        for track in program.tracks {
            for (group, entries) in track.rotation where !groups.contains(group) {
                once("r\(track.id)\(group)", Self.unknownGroup.diagnostic(path, entries.first?.range ?? track.range,
                    "the rotation '\(group)' is not a group format declared in schema.yaml",
                    fix: Fix(summary: "name rotations after group formats: \(groups.joined(separator: ", "))")))
            }
            let schedule = TrackSchedule.resolve(track, in: program)
            for placement in schedule.placements {
                let id = placement.module
                let key = "\(id.range.start)"
                guard let module = curriculum.module(id.value) else {
                    let suggestion = closestMatch(to: id.value, in: ids)
                    once("u" + key, Self.unknownModule.diagnostic(path, id.range, "no module has the id '\(id.value)'",
                        fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "use the id of a module in modules/, or 'open' for an open segment",
                                 replacements: suggestion.map { [Replacement(range: id.range, text: $0)] } ?? [])))
                    continue
                }
                if let group = placement.segment.group, let moduleGroup = module.group?.value, moduleGroup != group {
                    once("m" + key, Self.groupMismatch.diagnostic(path, id.range,
                        "'\(id.value)' is a \(moduleGroup) module, but it fills the \(group) segment '\(placement.segment.title)'",
                        fix: Fix(summary: "move it to the '\(moduleGroup)' rotation, or pick a \(group) module here")))
                }
                if let minutes = module.minutes?.value, minutes > placement.segment.minutes {
                    once("t" + key + placement.segment.title, Self.tooLong.diagnostic(path, id.range,
                        "'\(id.value)' needs \(minutes) minutes, but the segment '\(placement.segment.title)' has \(placement.segment.minutes)",
                        fix: Fix(summary: "lengthen the segment in the agenda, or shorten the module")))
                }
            }
        }
        return out
    }
}
