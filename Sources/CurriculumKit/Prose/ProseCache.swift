import Foundation

/// Each module's prose, extracted on first use, so several rules share one pass over it.
final class ProseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: ModuleProse] = [:]

    func prose(of module: Module) -> ModuleProse {
        lock.lock()
        if let cached = byPath[module.path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let prose = ModuleProse(module)
        lock.lock()
        byPath[module.path] = prose
        lock.unlock()
        return prose
    }
}
