/// What a rule can see: the whole curriculum, the file system (for links) and today's date.
public struct CheckContext: Sendable {
    public let curriculum: Curriculum
    public let fileSystem: any FileSystem
    /// The day reviews are measured against (`--today`, or the clock at the edge).
    public let today: CalendarDate
    /// The curriculum folder on disk (for resolving links).
    public let rootPath: String

    public init(curriculum: Curriculum, fileSystem: any FileSystem, today: CalendarDate, rootPath: String) {
        self.curriculum = curriculum
        self.fileSystem = fileSystem
        self.today = today
        self.rootPath = rootPath
    }

    public var schema: Schema { curriculum.schema }

    /// Asked between modules, rules and blocks of prose: true stops the check (Ctrl-C), which
    /// then returns what it found so far, marked cancelled.
    public var shouldStop: @Sendable () -> Bool = { false }

    public var isCancelled: Bool { shouldStop() }

    /// The prose of the module being checked, read once by the checker before that module's
    /// rules run (when one of them reads prose), and shared by them.
    package var moduleProse: (path: String, prose: ModuleProse)?

    /// The prose of `module`: its runs of text with positions, and their words and sentences.
    public func prose(of module: Module) -> ModuleProse {
        if let moduleProse, moduleProse.path == module.path { return moduleProse.prose }
        return ModuleProse(module, shouldStop: shouldStop)
    }
}

/// A check over one module at a time.
public protocol ModuleRule: Sendable {
    /// Every rule id this check can report.
    static var descriptors: [RuleDescriptor] { get }
    /// True when the check reads the module's prose (`context.prose(of:)`): the checker then
    /// reads it once, before the module's rules run.
    static var readsProse: Bool { get }
    func check(_ module: Module, in context: CheckContext) -> [Diagnostic]
}

extension ModuleRule {
    public static var readsProse: Bool { false }
}

/// A check over the whole set of modules (duplicate ids, prerequisites).
public protocol CurriculumRule: Sendable {
    static var descriptors: [RuleDescriptor] { get }
    func check(_ context: CheckContext) -> [Diagnostic]
}
