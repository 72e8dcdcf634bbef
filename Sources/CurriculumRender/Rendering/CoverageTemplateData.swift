/// The coverage report as data for `coverage.mustache`: the check computes the coverage, the
/// render stage shapes it for the template.
extension CoverageReport {
    /// Data for `coverage.mustache`.
    public func templateData() -> [String: TemplateValue] {
        [
            "programName": .string(program.name),
            "enrollment": .string(enrollmentLine),
            "weeks": .objects((1...max(program.weekCount, 1)).map { ["n": .int($0)] }),
            "tracks": .objects(tracks.map { coverage in
                let gaps = coverage.objectives.filter { !missedBy(coverage, $0).isEmpty }
                return [
                    "name": .string(coverage.track.name),
                    "rows": .objects(coverage.objectives.map { objective in
                        [
                            "title": .string(title(objective)),
                            "core": .bool(isCore(objective)),
                            "cells": .objects(coverage.counts[objective]!.map { count in
                                ["count": .int(count), "gap": .bool(count == 0 && isCore(objective)), "empty": .bool(count == 0)]
                            }),
                        ]
                    }),
                    "hasGaps": .bool(!gaps.isEmpty),
                    "gaps": .objects(gaps.map { ["objective": .string(title($0)), "weeks": .string(missedBy(coverage, $0).map(String.init).joined(separator: ", "))] }),
                ]
            }),
        ]
    }
}
