/// Holds a YAML mapping of program.yaml or schema.yaml to the fields its reader knows: every
/// other key is a finding at the key, with the closest known field as "did you mean".
///
/// A misspelt key whose closest match is not in the mapping already is read as that match
/// (the returned node has the key renamed), the way a compiler recovers from a typo: `rotaton:`
/// then gives one finding at the typo, not a missing field and the coverage findings of a
/// track without a rotation.
enum KnownKeys {
    static func check(_ node: YAMLNode, _ known: [String], what: String, rule: RuleDescriptor, reader: inout FieldReader) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        var present = Set(pairs.compactMap(\.key.string))
        var renamed: [YAMLPair] = []
        var changed = false
        for pair in pairs {
            guard let key = pair.key.string, !known.contains(key) else {
                renamed.append(pair)
                continue
            }
            let suggestion = closestMatch(to: key, in: known)
            let list = "the fields of \(what) are: \(known.joined(separator: ", "))"
            reader.report(rule.diagnostic(reader.path, pair.key.range, "'\(key)' is not a field of \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                fix: Fix(summary: suggestion.map { "write '\($0)'; \(list)" } ?? "remove it or correct it; \(list)",
                         replacements: suggestion.map { [Replacement(range: pair.key.range, text: $0)] } ?? [])))
            if let suggestion, !present.contains(suggestion) {
                present.insert(suggestion)
                renamed.append(YAMLPair(key: YAMLNode(value: .scalar(suggestion), range: pair.key.range), value: pair.value))
            }
            changed = true
        }
        guard changed else { return node }
        return YAMLNode(value: .mapping(renamed), range: node.range, scalarType: node.scalarType, isQuoted: node.isQuoted)
    }
}
