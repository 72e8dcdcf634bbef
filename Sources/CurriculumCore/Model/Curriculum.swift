/// Everything loaded from one curriculum folder: the schema and the modules.
public struct Curriculum: Sendable {
    /// The folder as the user reached it (used to build display paths).
    public let root: String
    public let schema: Schema
    public let modules: [Module]
    /// The program (`program.yaml`), when the curriculum has one that could be read.
    public var program: Program?
    /// The glossary (`glossary.yaml`); empty when the curriculum has none.
    public var glossary: Glossary = .empty

    /// Index into `modules` of the first module with each id, so rules and renderers that
    /// look modules up by id stay linear in a curriculum of thousands.
    private let firstIndexByID: [String: Int]
    /// Index into `modules` by path relative to the curriculum folder, for links to modules.
    private let indexByRelativePath: [String: Int]

    public init(root: String, schema: Schema, modules: [Module], program: Program? = nil) {
        self.root = root
        self.schema = schema
        self.modules = modules
        self.program = program
        var index: [String: Int] = [:]
        index.reserveCapacity(modules.count)
        for (position, module) in modules.enumerated() {
            if let id = module.id?.value, index[id] == nil { index[id] = position }
        }
        self.firstIndexByID = index
        let prefix = root == "." ? "" : root + "/"
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(modules.count)
        for (position, module) in modules.enumerated() {
            byPath[module.path.hasPrefix(prefix) ? String(module.path.dropFirst(prefix.count)) : module.path] = position
        }
        self.indexByRelativePath = byPath
    }

    /// The module in the file at `path`, relative to the curriculum folder (`modules/x.md`).
    public func module(atRelativePath path: String) -> Module? {
        indexByRelativePath[path].map { modules[$0] }
    }

    /// The module with this id (the first one, if ids clash).
    public func module(_ id: String) -> Module? {
        firstIndexByID[id].map { modules[$0] }
    }
}

extension Curriculum {
    /// A module's path relative to the curriculum folder (`modules/coping/x.md`).
    public func relativePath(of path: String) -> String {
        let prefix = root == "." ? "" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
