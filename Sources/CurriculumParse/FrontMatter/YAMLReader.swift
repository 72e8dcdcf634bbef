import Yams

/// Reads YAML text into `YAMLNode`s whose ranges are in the file the user wrote.
///
/// Untrusted YAML is bounded: with `allowAliases == false` the first anchor is refused before
/// any alias to it is visited; otherwise the number of nodes the text expands to (aliases
/// expand into copies when walked, and when Yams hashes a mapping key) is capped by
/// `nodeBudget`, counted before Yams composes (`YAMLExpansion`) and again while converting.
public struct YAMLReader: Sendable {
    public struct Failure: Error, Sendable {
        public let range: SourceRange
        public let message: String
        public let fix: String?
        public let kind: Kind
        /// Text to write where the mistake is, when the message can say exactly what to type;
        /// `isCertain` when it is the only right answer (`check --fix` applies it).
        public var replacements: [Replacement] = []
        public var isCertain = false

        public enum Kind: Sendable { case syntax, alias, tooLarge, duplicateKey }
    }

    public var allowAliases: Bool
    public var nodeBudget: Int
    /// Reads plain `key: value` front matter without Yams (see `PlainYAMLReader`); the tests
    /// turn it off to compare the two paths.
    var usesPlainPath = true

    public init(allowAliases: Bool = false, nodeBudget: Int = 100_000) {
        self.allowAliases = allowAliases
        self.nodeBudget = nodeBudget
    }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`. Returns nil for an empty document.
    public func read(_ yaml: String, firstLine: Int, in file: SourceFile) throws(Failure) -> YAMLNode? {
        // An anchor or alias needs a '&' or '*'; most front matter has neither, so the scan is skipped.
        if !allowAliases, yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }),
           let found = YAMLAliasScanner.firstAnchorOrAlias(in: yaml) {
            let line = found.line + firstLine - 1
            throw Failure(range: SourceRange(line: line, column: found.column, endColumn: found.column + 1 + found.name.unicodeScalars.count),
                          message: found.isAlias ? "the alias '*\(found.name)' repeats another value; aliases are not allowed here"
                                                 : "the anchor '&\(found.name)' names a value to repeat; anchors and aliases are not allowed here",
                          fix: "write the value out in full where it is used", kind: .alias)
        }
        if usesPlainPath, let plain = PlainYAMLReader.read(yaml, lineOffset: firstLine - 1, budget: nodeBudget) {
            return plain
        }
        // Only an alias ('*') makes the text expand; count the expansion before Yams composes.
        if yaml.utf8.contains(UInt8(ascii: "*")), let excess = YAMLExpansion.firstExcess(in: yaml, budget: nodeBudget) {
            let line = excess.line + firstLine - 1
            throw Failure(range: SourceRange(line: line, column: excess.column),
                          message: "the YAML expands to too many values (more than the limit of the file)",
                          fix: "remove the aliases (*name) that repeat large parts of the file", kind: .tooLarge)
        }
        let root: Node?
        do {
            // UTF-8 named here: Yams's default reads the process environment on every call.
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw Self.failure(from: error, firstLine: firstLine, file: file)
        } catch {
            throw Failure(range: .at(line: firstLine), message: "the YAML could not be read", fix: nil, kind: .syntax)
        }
        guard let root else { return nil }
        var converter = Converter(file: file, lineOffset: firstLine - 1, allowAliases: allowAliases, budget: nodeBudget)
        return try converter.convert(root)
    }

    private struct Converter {
        let file: SourceFile
        let lineOffset: Int
        let allowAliases: Bool
        var budget: Int

        mutating func convert(_ node: Node) throws(Failure) -> YAMLNode {
            budget -= 1
            let start = location(node.mark)
            if budget < 0 {
                throw Failure(range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
                              message: "the YAML expands to too many values (more than the limit of the file)",
                              fix: "remove the aliases (*name) that repeat large parts of the file", kind: .tooLarge)
            }
            if !allowAliases, let anchor = node.anchor {
                throw Failure(range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
                              message: "anchors and aliases (&\(anchor.rawValue), *\(anchor.rawValue)) are not allowed here",
                              fix: "write the value out in full where it is used", kind: .alias)
            }
            switch node {
            case .scalar(let scalar):
                let quoted = scalar.style != .plain && scalar.style != .any
                let width = scalar.string.contains("\n") ? file.lineLength(start.line) - start.column + 1
                    : scalar.string.unicodeScalars.count + (quoted && (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 2 : 0)
                let end = SourceLocation(line: start.line, column: start.column + max(width, 1))
                var converted = YAMLNode(value: .scalar(scalar.string), range: SourceRange(start: start, end: end),
                                         scalarType: quoted ? .string : YAMLNode.ScalarType(Resolver.default.resolveTag(of: node)), isQuoted: quoted)
                if !quoted, !scalar.string.contains("\n") {
                    let line = file.line(start.line).unicodeScalars
                    let from = line.index(line.startIndex, offsetBy: start.column - 1, limitedBy: line.endIndex) ?? line.endIndex
                    converted.isWrittenAsItsText = String(line[from...]).hasPrefix(scalar.string)
                }
                return converted
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                for item in sequence { items.append(try convert(item)) }
                return YAMLNode(value: .sequence(items), range: rangeOfCollection(start: start, children: items))
            case .mapping(let mapping):
                var pairs: [YAMLPair] = []
                for (key, value) in mapping {
                    pairs.append(YAMLPair(key: try convert(key), value: try convert(value)))
                }
                return YAMLNode(value: .mapping(pairs), range: rangeOfCollection(start: start, children: pairs.map(\.value)))
            case .alias:
                // Yams resolves aliases while composing; an unresolved one cannot reach here.
                throw Failure(range: .at(line: start.line, column: start.column), message: "an alias could not be resolved",
                              fix: nil, kind: .alias)
            }
        }

        private func rangeOfCollection(start: SourceLocation, children: [YAMLNode]) -> SourceRange {
            SourceRange(start: start, end: children.last?.range.end ?? SourceLocation(line: start.line, column: start.column + 1))
        }

        private func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(line: lineOffset + 1, column: 1) }
            return SourceLocation(line: mark.line + lineOffset, column: mark.column)
        }

    }

    private static func failure(from error: YamlError, firstLine: Int, file: SourceFile) -> Failure {
        func range(_ mark: Mark) -> SourceRange {
            let line = mark.line + firstLine - 1
            return SourceRange(line: line, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml stops at 1,000 levels of nesting, in words meant for programmers.
            if problem.hasPrefix("Maximum nesting level reached") {
                return Failure(range: range(mark), message: "the YAML nests more than 1,000 levels deep here",
                               fix: "write the value with fewer levels of lists and mappings inside each other", kind: .syntax)
            }
            if let plain = PlainYAMLError.translate(problem: problem, context: context.map { ($0.text, $0.mark.line + firstLine - 1, $0.mark.column) },
                                                    line: mark.line + firstLine - 1, column: mark.column, file: file) {
                return Failure(range: plain.range, message: plain.message, fix: plain.fix, kind: .syntax,
                               replacements: plain.replacements, isCertain: plain.isCertain)
            }
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
            let lineText = file.line(mark.line + firstLine - 1)
            return Failure(range: range(mark), message: message, fix: hint(problem: problem, line: String(lineText)), kind: .syntax)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Where each repeated field is written, so the writer sees both places.
            let start = range(context.mark)
            var lines: [String] = []
            if duplicates.count == 1, let name = duplicates.first {
                let indent = start.start.column - 1
                let numbers = (start.start.line...max(start.start.line, file.lineCount)).filter { number in
                    let text = file.line(number)
                    return text.prefix(indent).allSatisfy { $0 == " " } && text.dropFirst(indent).hasPrefix(name + ":")
                }
                if numbers.count >= 2 { lines = numbers.map(String.init) }
            }
            let wherePart = lines.isEmpty ? "" : " (lines \(lines.dropLast().joined(separator: ", ")) and \(lines.last!))"
            return Failure(range: start,
                           message: "the field\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appear\(duplicates.count > 1 ? "" : "s") more than once\(wherePart)",
                           fix: "keep one of each and delete the other", kind: .duplicateKey)
        case .reader(let problem, let offset, _, _):
            let location = offset.map { file.location(ofByteOffset: $0) } ?? SourceLocation(line: firstLine, column: 1)
            return Failure(range: SourceRange(start: location, end: SourceLocation(line: location.line, column: location.column + 1)),
                           message: "YAML could not be read: \(problem)", fix: nil, kind: .syntax)
        default:
            return Failure(range: .at(line: firstLine), message: "YAML could not be read: \(error)", fix: nil, kind: .syntax)
        }
    }

    /// Advice for the YAML mistakes writers make most.
    private static func hint(problem: String, line: String) -> String? {
        if line.contains("\t") || problem.contains("cannot start any token") && line.contains("\t") {
            return "indent with spaces; YAML does not allow tabs"
        }
        if problem.contains("mapping values are not allowed") {
            return "put the value in quotes when it contains ': ' (for example title: \"Coping: a plan\")"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "line up each field with the fields above it"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("found unexpected document") {
            return "close every quote and bracket you open"
        }
        if problem.contains("could not find expected ':'") {
            return "write each field as 'name: value'; close every quote you open"
        }
        if problem.contains("found character that cannot start any token") {
            return "put the value in quotes when it starts with a special character such as @, ` or %"
        }
        return nil
    }
}

extension YAMLNode.ScalarType {
    /// The kind of value Yams's resolver gives a plain scalar's tag.
    init(_ tag: Tag.Name) {
        switch tag {
        case .int: self = .int
        case .float: self = .float
        case .bool: self = .bool
        case .null: self = .null
        case .timestamp: self = .timestamp
        default: self = .string
        }
    }
}
