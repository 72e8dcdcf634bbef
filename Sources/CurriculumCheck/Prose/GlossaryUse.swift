extension Glossary {
    /// The terms the participant text of `module` uses, in the order they first appear: what
    /// its "Words to know" box lists. Facilitator notes, code and Sources do not count.
    public func terms(usedIn module: Module) -> [Term] {
        terms(usedIn: ModuleProse(module))
    }

    /// The terms the participant runs of `prose` use, in the order they first appear.
    public func terms(usedIn prose: ModuleProse) -> [Term] {
        guard !isEmpty else { return [] }
        var seen = Set<Int>()
        var out: [Term] = []
        for (run, scan) in zip(prose.runs, prose.scans) where run.audience == .participant {
            for occurrence in occurrences(in: scan) where seen.insert(occurrence.term).inserted {
                out.append(terms[occurrence.term])
            }
        }
        return out
    }
}
