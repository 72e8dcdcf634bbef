/// Polls a `SnapshotSource` and calls back when files changed, debounced, until stopped.
/// Knows nothing about checking or building: `CheckWatch` supplies what to do on a change, and
/// a build watch can do the same, leaving its output folder out of what is watched:
///
///     let targets = WatchTargets.forCurriculum(paths: [root], templates: options.templates)
///     Watcher(source: FolderScanner(paths: targets, excluding: [options.out]))
///         .run(until: stop, onStart: { build() }, onChange: { _ in build() })
public struct Watcher: Sendable {
    public let source: any SnapshotSource
    public let clock: any WatchClock
    /// Seconds between two looks at the disk.
    public var interval: Double
    public var quietPeriod: Double
    public var maximumDelay: Double

    public init(source: any SnapshotSource, clock: any WatchClock = SystemWatchClock(),
                interval: Double = 0.25, quietPeriod: Double = 0.2, maximumDelay: Double = 2) {
        self.source = source
        self.clock = clock
        self.interval = interval
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Takes a first snapshot, calls `onStart`, then calls `onChange` after each settled change
    /// until `stop` is requested. Returns once stopped; a change being handled is finished first.
    public func run(until stop: StopSignal, onStart: () -> Void, onChange: ([FileChange]) -> Void) {
        var debouncer = ChangeDebouncer(baseline: source.snapshot(), quietPeriod: quietPeriod, maximumDelay: maximumDelay)
        onStart()
        while !stop.isRequested {
            clock.pause(interval, or: stop)
            if stop.isRequested { break }
            if let changes = debouncer.step(source.snapshot(), now: clock.now()) {
                onChange(changes)
            }
        }
    }
}
