/// Everything loaded from one curriculum folder: the schema and the modules.
public struct Curriculum: Sendable {
    /// The folder as the user reached it (used to build display paths).
    public let root: String
    public let schema: Schema
    public let modules: [Module]

    public init(root: String, schema: Schema, modules: [Module]) {
        self.root = root
        self.schema = schema
        self.modules = modules
    }

    /// The module with this id (the first one, if ids clash).
    public func module(_ id: String) -> Module? {
        modules.first { $0.id?.value == id }
    }
}
