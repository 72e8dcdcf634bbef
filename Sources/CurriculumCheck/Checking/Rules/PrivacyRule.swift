/// Handouts and guides are copied, carried home and left on buses: they must not carry a
/// person's contact details or health record. Example vignettes use first names only. Phone
/// numbers (other than the schema's help lines), e-mail addresses, dates of birth and record
/// numbers are reported wherever they appear in a module's prose.
public struct PrivacyRule: ModuleRule {
    static let why = """
        No participant names or health information go into any output: handouts are copied, taken home and \
        shared, and a real detail in an example can identify a person. Example vignettes use a first name only \
        and invented details, and never contact details, dates of birth or record numbers. Checked: all prose of \
        the module (handout and facilitator notes, title and outcomes), not code or the Sources section.
        """
    public static let phone = RuleDescriptor("privacy.phone-number", .error, "A phone number that is not one of the schema's help lines.",
        explanation: why + """


        A phone number is a group of digits written like 617-555-0134, (617) 555-0134, 1-800-555-0100 or 555-0134. \
        The help lines in schema.yaml ('help-lines') are allowed anywhere, in any of these spellings. To point people \
        to a person, name the role ("call your counselor"); to add a line every handout should carry, add it to \
        'help-lines'.

        Example:
            Maria called her sponsor at 617-555-0134.     # reported
            Call or text 988, or SAMHSA at 1-800-662-4357. # fine: configured help lines
        """)
    public static let email = RuleDescriptor("privacy.email", .error, "An e-mail address in the module's text or links.",
        explanation: why + """


        An e-mail address (name@example.org, or a mailto: link) in a handout is someone's contact detail. Name the \
        role instead ("ask the front desk").

        Example:
            Write to jordan.smith@example.org for a ride.   # reported
        """)
    public static let birthDate = RuleDescriptor("privacy.date-of-birth", .error, "A date of birth (DOB, date of birth, born on) with a date.",
        explanation: why + """


        A date written after "DOB", "date of birth", "birth date" or "born on" is health-record information. \
        Vignettes do not need it: "Sam, in his forties" says enough.

        Example:
            Sam (DOB 03/14/1985) started group in May.   # reported
        """)
    public static let recordNumber = RuleDescriptor("privacy.record-number", .error, "A medical record, chart, patient, member or Social Security number.",
        explanation: why + """


        A number of four digits or more after MRN, medical record, chart, patient ID, member ID, case number, SSN or \
        social security, or written like a Social Security number (123-45-6789), identifies a person.

        Example:
            Jordan, MRN 00482913, joined the evening track.   # reported
        """)
    public static let descriptors = [phone, email, birthDate, recordNumber]
    public static let readsProse = true

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        let helpLines = Set(context.schema.helpLines.flatMap { Self.digitForms(Self.digits(in: $0.number)) })
        let prose = context.prose(of: module)
        var out: [Diagnostic] = []
        for (run, scan) in zip(prose.runs, prose.scans) {
            if context.isCancelled { break }
            out += phoneNumbers(run, module: module, helpLines: helpLines)
            out += emails(run, module: module)
            out += labelled(run, scan: scan, module: module)
        }
        for link in prose.links {
            let lower = link.destination.lowercased()
            if lower.hasPrefix("mailto:") {
                out.append(Self.email.diagnostic(module.path, link.range, "the link opens an e-mail to '\(link.destination.dropFirst(7))', a contact detail",
                    fix: Fix(summary: "remove the link, or name a role instead (\"ask your counselor\")")))
            } else if lower.hasPrefix("tel:"), !helpLines.contains(Self.digits(in: link.destination)) {
                out.append(Self.phone.diagnostic(module.path, link.range, "the link calls '\(link.destination.dropFirst(4))', which is not one of the help lines in schema.yaml",
                    fix: Fix(summary: "remove the link, or add the number to help-lines in schema.yaml if every handout should carry it")))
            }
        }
        // Findings inside a mailto: link text are reported once, at the link.
        var seen = Set<String>()
        return out.filter { seen.insert("\($0.rule) \($0.range.start)").inserted }
    }

    // MARK: Phone numbers

    func phoneNumbers(_ run: ProseRun, module: Module, helpLines: Set<String>) -> [Diagnostic] {
        let s = run.scalars
        guard s.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) else { return [] }  // a number needs a digit
        var out: [Diagnostic] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            // Only a digit, "(" or "+" (0x28 to 0x39) can start a number.
            if c.value < 0x28 || c.value > 0x39 {
                i += 1
                continue
            }
            let startsNumber = WordScanner.isDigit(c) || ((c == "(" || c == "+") && i + 1 < s.count && WordScanner.isDigit(s[i + 1]))
            if !startsNumber || (i > 0 && (WordScanner.isWordScalar(s[i - 1]) || s[i - 1] == "-" || s[i - 1] == "/" || s[i - 1] == ".")) {
                i += 1
                continue
            }
            // Digits and the separators phone numbers use.
            var j = i
            var groups: [String] = []
            var current = ""
            var separators: [Unicode.Scalar] = []
            var parenthesized = false
            while j < s.count {
                let d = s[j]
                if WordScanner.isDigit(d) {
                    current.unicodeScalars.append(d)
                } else if d == "(" && current.isEmpty && groups.isEmpty || d == "+" && j == i {
                    parenthesized = parenthesized || d == "("
                } else if (d == "-" || d == "." || d == " " || d == ")" || d == "\u{2011}" || d == "\u{2013}"),
                          !current.isEmpty, j + 1 < s.count, WordScanner.isDigit(s[j + 1]) || (d == ")" && s[j + 1] == " ") {
                    groups.append(current)
                    current = ""
                    separators.append(d)
                    if d == ")" && s[j + 1] == " " { j += 1 }
                } else {
                    break
                }
                j += 1
            }
            if !current.isEmpty { groups.append(current) }
            let followedByWord = j < s.count && WordScanner.isWordScalar(s[j])
            let lengths = groups.map(\.count)
            var isPhone = false
            if !followedByWord {
                if lengths == [3, 3, 4] || lengths == [1, 3, 3, 4] && groups[0] == "1" { isPhone = true }
                if lengths == [3, 4] && (separators == ["-"] || separators == ["."]) && !parenthesized { isPhone = true }
            }
            if isPhone {
                let digits = groups.joined()
                if !helpLines.contains(digits) {
                    var end = j
                    while end > i, !WordScanner.isDigit(s[end - 1]) { end -= 1 }
                    let text = run.text(i..<end)
                    out.append(Self.phone.diagnostic(module.path, run.sourceRange(i..<end),
                        "'\(text)' looks like a phone number, and it is not one of the help lines in schema.yaml",
                        fix: Fix(summary: "remove it or name a role instead (\"call your counselor\"); if every handout should carry it, add it to help-lines in schema.yaml"),
                        notes: ["handouts are copied and taken home: a real number can identify a person; vignettes use a first name and invented details only"]))
                }
            }
            i = max(j, i + 1)
        }
        return out
    }

    static func digits(in text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }))
    }

    /// A number with and without the leading 1 of North American long distance.
    static func digitForms(_ digits: String) -> [String] {
        guard !digits.isEmpty else { return [] }
        if digits.count == 11, digits.hasPrefix("1") { return [digits, String(digits.dropFirst())] }
        if digits.count == 10 { return [digits, "1" + digits] }
        return [digits]
    }

    // MARK: E-mail addresses

    func emails(_ run: ProseRun, module: Module) -> [Diagnostic] {
        let s = run.scalars
        guard s.contains("@") else { return [] }
        var out: [Diagnostic] = []
        func local(_ c: Unicode.Scalar) -> Bool {
            WordScanner.isWordScalar(c) || c == "." || c == "_" || c == "%" || c == "+" || c == "-"
        }
        var i = 0
        while i < s.count {
            if s[i] != "@" {
                i += 1
                continue
            }
            guard i > 0, i + 1 < s.count, local(s[i - 1]), WordScanner.isWordScalar(s[i + 1]) else { i += 1; continue }
            var start = i
            while start > 0, local(s[start - 1]) { start -= 1 }
            var end = i + 1
            while end < s.count, WordScanner.isWordScalar(s[end]) || s[end] == "-" || (s[end] == "." && end + 1 < s.count && WordScanner.isWordScalar(s[end + 1])) {
                end += 1
            }
            if s[(i + 1)..<end].contains(".") {
                out.append(Self.email.diagnostic(module.path, run.sourceRange(start..<end),
                    "'\(run.text(start..<end))' is an e-mail address, a contact detail",
                    fix: Fix(summary: "remove it or name a role instead (\"ask the front desk\")"),
                    notes: ["handouts are copied and taken home: a real address can identify a person"]))
            }
            i = end
        }
        return out
    }

    // MARK: Dates of birth and record numbers

    static let birthLabels: [[String]] = [["dob"], ["d.o.b"], ["date", "of", "birth"], ["birth", "date"], ["birthdate"], ["born", "on"], ["born"]]
    static let recordLabels: [[String]] = [["mrn"], ["medical", "record"], ["record", "number"], ["record", "no"], ["chart", "number"], ["chart", "no"],
                                           ["patient", "id"], ["patient", "number"], ["client", "id"], ["member", "id"], ["case", "number"],
                                           ["ssn"], ["social", "security"], ["insurance", "id"], ["account", "number"], ["id", "number"],
                                           ["medicaid", "id"], ["medicaid", "number"], ["medicare", "number"]]
    static let hashLabels: Set<String> = ["record", "chart", "patient", "case", "member", "client", "account"]
    /// The words any label starts with: every other word is passed over at once.
    static let labelStarts = WordSet(Set((birthLabels + recordLabels).map { $0[0] }).union(hashLabels))
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                                      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    func labelled(_ run: ProseRun, scan: WordScan, module: Module) -> [Diagnostic] {
        let words = scan.words
        var out: [Diagnostic] = []
        // Only a number or a word that starts a label can start a finding.
        let starts = words.withUnsafeBufferPointer { w in w.indices.filter { !w[$0].hasLetters || Self.labelStarts.contains(w[$0]) } }
        var nextStart = 0
        var index = 0
        while true {
            while nextStart < starts.count, starts[nextStart] < index { nextStart += 1 }
            guard nextStart < starts.count else { break }
            index = starts[nextStart]
            let word = words[index]
            var advanced = false
            for label in Self.birthLabels where Self.matches(label, words, index) {
                let after = index + label.count
                if let end = Self.dateAfter(words, from: after, needsDay: true) {
                    let span = words[index].start..<words[end].end
                    out.append(Self.birthDate.diagnostic(module.path, run.sourceRange(span),
                        "'\(run.text(span))' is a date of birth, health-record information",
                        fix: Fix(summary: "leave the date out; if age matters, say it loosely (\"in his forties\")"),
                        notes: ["handouts are copied and taken home: a date of birth can identify a person"]))
                    index = end + 1
                    advanced = true
                }
                break
            }
            if advanced { continue }
            for label in Self.recordLabels where Self.matches(label, words, index) {
                if let number = Self.numberAfter(words, from: index + label.count) {
                    out.append(recordFinding(run, words[index].start..<words[number].end, module))
                    index = number + 1
                    advanced = true
                }
                break
            }
            if advanced { continue }
            if Self.hashLabels.contains(words[index].key), index + 1 < words.count {
                let between = run.scalars[words[index].end..<words[index + 1].start]
                if between.contains("#"), Self.digitCount(words[index + 1].text) >= 4 {
                    out.append(recordFinding(run, words[index].start..<words[index + 1].end, module))
                    index += 2
                    continue
                }
            }
            // 123-45-6789: a Social Security number, whatever the label.
            let parts = word.hasLetters ? [] : word.text.split(separator: "-", omittingEmptySubsequences: false)
            if parts.map(\.count) == [3, 2, 4], parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                out.append(recordFinding(run, words[index].range, module))
            }
            index += 1
        }
        return out
    }

    func recordFinding(_ run: ProseRun, _ span: Range<Int>, _ module: Module) -> Diagnostic {
        Self.recordNumber.diagnostic(module.path, run.sourceRange(span),
            "'\(run.text(span))' looks like a record or identity number",
            fix: Fix(summary: "leave the number out; vignettes need only a first name"),
            notes: ["handouts are copied and taken home: a record number identifies a person"])
    }

    static func matches(_ label: [String], _ words: [Word], _ index: Int) -> Bool {
        guard index + label.count <= words.count else { return false }
        for (offset, part) in label.enumerated() where words[index + offset].key != part { return false }
        return true
    }

    static func digitCount(_ text: String) -> Int {
        text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.count
    }

    /// The index of the last word of a date starting within two words after `from`:
    /// 03/14/1985, 1985-03-14, March 14(, 1985), 14 March 1985.
    static func dateAfter(_ words: [Word], from: Int, needsDay: Bool) -> Int? {
        for start in from..<min(words.count, from + 2) {
            let w = words[start]
            let numeric = w.text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
            if numeric.count == 3, numeric.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return start }
            if months.contains(w.key), start + 1 < words.count, Int(words[start + 1].text).map({ (1...31).contains($0) }) == true {
                if start + 2 < words.count, words[start + 2].text.count == 4, Int(words[start + 2].text) != nil { return start + 2 }
                return start + 1
            }
            if Int(w.text).map({ (1...31).contains($0) }) == true, start + 1 < words.count, months.contains(words[start + 1].key) {
                if start + 2 < words.count, words[start + 2].text.count == 4, Int(words[start + 2].text) != nil { return start + 2 }
                return start + 1
            }
        }
        return nil
    }

    /// The index of a word with four digits or more within three words after `from`.
    static func numberAfter(_ words: [Word], from: Int) -> Int? {
        for index in from..<min(words.count, from + 3) where digitCount(words[index].text) >= 4 { return index }
        return nil
    }
}
