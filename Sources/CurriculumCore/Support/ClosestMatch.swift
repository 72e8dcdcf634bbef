/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = max(2, target.count / 3)
    return best.1 <= limit ? best.0 : nil
}

func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// `closestMatch`, when no other candidate is as close: the one certain suggestion, which
/// `curriculum check --fix` may apply unasked. Nil when two candidates tie.
public func uniqueClosestMatch(to word: String, in candidates: [String]) -> String? {
    guard let best = closestMatch(to: word, in: candidates) else { return nil }
    let target = Array(word.lowercased().unicodeScalars)
    let distance = editDistance(target, Array(best.lowercased().unicodeScalars))
    let ties = Set(candidates.filter { editDistance(target, Array($0.lowercased().unicodeScalars)) == distance }.map { $0.lowercased() })
    return ties.count == 1 ? best : nil
}
