/// What a watch looks at for the curriculum folders it checks or builds: each whole folder
/// (schema, program, glossary, modules, images) and the templates folder used with it.
public enum WatchTargets {
    /// The curriculum folders behind `paths` (as `check` resolves them: folders as given, module
    /// files by the nearest schema.yaml above), plus `templates`, or else the `templates/` folder
    /// beside each curriculum folder when there is one.
    public static func forCurriculum(paths: [String], templates: String? = nil,
                                     fileSystem: any FileSystem = LocalFileSystem()) -> [String] {
        let (roots, _) = CheckRun.resolveRoots(paths.isEmpty ? ["curriculum"] : paths, fileSystem: fileSystem)
        var out: [String] = []
        for (root, _) in roots {
            out.append(root)
            if templates == nil {
                let shown = PathUtil.display(root)
                let parent = shown == "." ? ".." : PathUtil.directory(of: shown)
                let beside = PathUtil.join(parent == "." ? "" : parent, "templates")
                if fileSystem.isDirectory(beside) == true { out.append(beside) }
            }
        }
        if let templates { out.append(templates) }
        var seen = Set<String>()
        return out.filter { seen.insert(PathUtil.display($0)).inserted }
    }
}
