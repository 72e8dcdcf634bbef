import Foundation

/// Each module's prose, extracted on first use, so several rules share one pass over it.
final class ProseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: ModuleProse] = [:]

    func prose(of module: Module, shouldStop: () -> Bool = { false }) -> ModuleProse {
        lock.lock()
        if let cached = byPath[module.path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let prose = ModuleProse(module, shouldStop: shouldStop)
        lock.lock()
        byPath[module.path] = prose
        lock.unlock()
        return prose
    }

    /// The prose of `module` if a rule has asked for it.
    func cached(_ module: Module) -> ModuleProse? {
        lock.lock()
        defer { lock.unlock() }
        return byPath[module.path]
    }

    /// Drops the prose of `module` once its rules have run, so a check of thousands of modules
    /// holds only the prose of the modules being checked.
    func forget(_ module: Module) {
        lock.lock()
        byPath[module.path] = nil
        lock.unlock()
    }
}
