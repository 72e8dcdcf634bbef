// Yams's own C target (libyaml): the events tell exactly which node every alias repeats, which
// Yams's public API does not show before it composes. This is the one file that reads them.
import CYaml

/// Counts how many values a YAML text expands to, every alias counted as a copy of what it
/// repeats, by reading libyaml's events before Yams composes the text.
///
/// Yams shares an alias's node when it composes, but it hashes every mapping key in full to
/// find duplicates, so a key that is an alias of a list of lists of aliases costs as much as
/// that list written out: a few lines doubling twenty times hang `curriculum check`. Counting
/// first keeps composing, like walking, within the reader's node budget.
enum YAMLExpansion {
    /// Where (1-based line of `yaml`, 1-based column) the values read so far first exceed
    /// `budget`; nil when the whole text stays within it, or when it is not valid YAML (Yams
    /// then reports the mistake in its own words).
    static func firstExcess(in yaml: String, budget: Int) -> (line: Int, column: Int)? {
        let bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]                 // anchor -> values it stands for
            var open: [(anchor: String?, size: Int)] = []  // collections not yet ended
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let size: Int
                let anchor: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    (size, anchor) = (1, name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT:
                    (size, anchor) = (name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1, nil)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                    continue
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let ended = open.popLast() else { return nil }
                    (size, anchor) = (ended.size, ended.anchor)
                default:
                    continue  // stream and document starts, document ends
                }
                if let anchor { sizes[anchor] = size }
                // Every count stays below twice the budget, so none can overflow.
                if open.isEmpty { total += size } else { open[open.count - 1].size += size }
                if size > budget || total > budget || (open.last?.size ?? 0) > budget {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
