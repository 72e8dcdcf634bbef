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

    /// Prose extracted once per check and shared by the content rules.
    private let proseCache = ProseCache()

    /// Asked between modules, rules and blocks of prose: true stops the check (Ctrl-C), which
    /// then returns what it found so far, marked cancelled.
    public var shouldStop: @Sendable () -> Bool = { false }

    public var isCancelled: Bool { shouldStop() }

    /// The prose of `module`: its runs of text with positions, and their words and sentences.
    public func prose(of module: Module) -> ModuleProse {
        proseCache.prose(of: module, shouldStop: shouldStop)
    }

    /// Shown each module's prose once its rules have run (`build` takes the words to know from
    /// it instead of reading the prose again).
    var proseObserver: (@Sendable (Module, ModuleProse, CheckContext) -> Void)?

    /// Called when every module rule has run on `module`: its prose is not needed again.
    func finishedChecking(_ module: Module) {
        if let proseObserver, let prose = proseCache.cached(module) { proseObserver(module, prose, self) }
        proseCache.forget(module)
    }
}

/// A check over one module at a time.
public protocol ModuleRule: Sendable {
    /// Every rule id this check can report.
    static var descriptors: [RuleDescriptor] { get }
    func check(_ module: Module, in context: CheckContext) -> [Diagnostic]
}

/// A check over the whole set of modules (duplicate ids, prerequisites).
public protocol CurriculumRule: Sendable {
    static var descriptors: [RuleDescriptor] { get }
    func check(_ context: CheckContext) -> [Diagnostic]
}
