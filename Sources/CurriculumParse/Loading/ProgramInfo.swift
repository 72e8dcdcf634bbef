/// The few program facts a handout needs before the full program file is read: its name.
public enum ProgramInfo {
    public static let defaultName = Program.defaultName

    /// The `name:` of `program.yaml` in the curriculum folder, or a plain default.
    public static func name(root: String, fileSystem: any FileSystem) -> String {
        let path = PathUtil.join(root, "program.yaml")
        guard fileSystem.isInside(path, root: root), let bytes = try? fileSystem.readFile(path, maxBytes: CurriculumLoader.maxSettingsBytes), let text = String(validating: bytes, as: UTF8.self) else { return defaultName }
        let file = SourceFile(path: path, text: text)
        guard let root = try? YAMLReader(allowAliases: true, nodeBudget: 100_000).read(text, firstLine: 1, in: file),
              let name = root["name"]?.string ?? root["name"]?["en"]?.string,  // `name: {en: ..., es: ...}`
              !name.trimmingWhitespace().isEmpty else { return defaultName }
        return name.trimmingWhitespace()
    }
}
