import Foundation

/// What a build produced: each output path (relative to the output folder) and a digest of
/// the inputs it was made from and of its bytes (`OutputFolder.entry`). Written last, so it
/// never claims an output that is not there; an output whose entry still matches the file on
/// disk is not rendered again.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".curriculum-manifest.json"
    public static let formatVersion = 1

    public var outputs: [String: String]

    public init(outputs: [String: String] = [:]) {
        self.outputs = outputs
    }

    /// Reads the manifest in `folder`; an unreadable or foreign one is treated as empty. It is
    /// untrusted input: entries that are not plain paths of the build's own outputs are dropped.
    public static func read(folder: String) -> BuildManifest {
        let path = PathUtil.join(folder, fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == formatVersion,
              let outputs = object["outputs"] as? [String: String] else { return BuildManifest() }
        return BuildManifest(outputs: outputs.filter { OutputFolder.isOutputPath($0.key) })
    }

    public func write(folder: String) throws {
        let sorted = outputs.keys.sorted().map { ($0, JSONValue.string(outputs[$0]!)) }
        let json = JSONValue.object([("version", .int(Self.formatVersion)), ("outputs", .object(sorted))])
        try AtomicWriter.write(json.serialized(pretty: true) + "\n", to: PathUtil.join(folder, Self.fileName))
    }
}
