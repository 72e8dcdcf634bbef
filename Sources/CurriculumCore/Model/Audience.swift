/// Who a document is for. Facilitator-only content (facilitator notes, `{facilitator}` blocks,
/// worksheet `answer:` lines) is rendered for facilitators only.
public enum Audience: String, Sendable {
    case participant, facilitator
}
