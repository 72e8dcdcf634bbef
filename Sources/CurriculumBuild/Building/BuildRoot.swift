/// `build` makes a whole curriculum: given a module file or a folder inside a curriculum, it
/// says so and names the curriculum folder to give instead, rather than "could not be loaded".
enum BuildRoot {
    static func problem(_ root: String, fileSystem: any FileSystem) -> Diagnostic? {
        let display = PathUtil.display(root)
        switch fileSystem.isDirectory(root) {
        case false?:
            let above = CheckRun.schemaFolder(above: root, fileSystem: fileSystem)
            return SetupRules.folder.diagnostic(display, .at(line: 1),
                "'\(display)' is a file; `build` makes every handout of a curriculum, so it takes the curriculum folder (the one holding schema.yaml)",
                fix: Fix(summary: above.map { "run `curriculum build \(PathUtil.display($0))`; to check this one module, run `curriculum check \(display)`" }
                         ?? "give the curriculum folder, for example `curriculum build curriculum`"))
        case true?:
            guard fileSystem.isDirectory(PathUtil.join(root, "schema.yaml")) == nil,
                  let above = CheckRun.schemaFolder(above: PathUtil.join(root, "module.md"), fileSystem: fileSystem) else { return nil }
            return SetupRules.folder.diagnostic(display, .at(line: 1),
                "'\(display)' is a folder inside the curriculum '\(PathUtil.display(above))'; `build` takes the curriculum folder itself",
                fix: Fix(summary: "run `curriculum build \(PathUtil.display(above))`"))
        case nil:
            return nil
        }
    }
}
