extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    package func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return replacing(target, with: replacement)
    }
}
