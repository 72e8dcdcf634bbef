/// What a translation was made from (`source-digest:` in its front matter): one digest per
/// section of the source module, by the section's key (`SectionKeys`), written by
/// `curriculum translations sync`.
public struct SourceDigest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The section's key: its role (`key-points`), `opening`, or `section-N`.
        public let key: String
        public let digest: String

        public init(key: String, digest: String) {
            self.key = key
            self.digest = digest
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The digest recorded for `key`.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.digest
    }
}
