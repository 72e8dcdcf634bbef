/// The HTML templates and print stylesheet of a build, read once from the `templates/` folder
/// (users copy and edit them). Each template is parsed once per build.
public struct TemplateSet: Sendable {
    /// Files every build needs, relative to the templates folder.
    public static let requiredFiles = ["page.mustache", "handout.mustache", "guide.mustache", "index.mustache",
                                       "partials/running-header.mustache", "partials/help-lines.mustache", "print.css"]
    /// Files that are used when present (packets, coverage).
    public static let optionalFiles = ["packet.mustache", "session-plan.mustache", "coverage.mustache", "family-packet.mustache",
                                       "group-note.mustache", "sign-in.mustache", "makeup.mustache", "admitted-week.mustache"]

    public static let missing = BuildRules.templates

    public let folder: String
    let library: TemplateLibrary
    public let css: String
    /// A hash of every template file, so a changed template re-renders what uses it.
    public let fingerprint: String

    /// Loads the templates, or returns located setup diagnostics.
    public static func load(folder: String, fileSystem: any FileSystem) -> Result<TemplateSet, SetupFailure> {
        var library = TemplateLibrary()
        var problems: [Diagnostic] = []
        var css = ""
        var hasher = ContentHasher()
        for name in requiredFiles + optionalFiles {
            let path = PathUtil.join(folder, name)
            guard fileSystem.isDirectory(path) == false, let bytes = try? fileSystem.readFile(path),
                  let text = String(validating: bytes, as: UTF8.self) else {
                if requiredFiles.contains(name) {
                    problems.append(missing.diagnostic(PathUtil.display(path), .at(line: 1),
                        "the template '\(name)' is missing from \(PathUtil.display(folder))",
                        fix: Fix(summary: "copy it from the project's templates/ folder, or pass --templates with a folder that has it")))
                }
                continue
            }
            hasher.add(name)
            hasher.add(bytes)
            if name.hasSuffix(".css") { css = text; continue }
            do {
                let key = PathUtil.fileName(name).replacing(".mustache", with: "")
                library[key] = try CompiledTemplate(text)
            } catch {
                problems.append(missing.diagnostic(PathUtil.display(path), .at(line: error.line, column: error.column),
                    "the template cannot be parsed: \(error.message)", fix: Fix(summary: error.fix)))
            }
        }
        if !problems.isEmpty { return .failure(SetupFailure(problems)) }
        return .success(TemplateSet(folder: folder, library: library, css: css, fingerprint: hasher.hexDigest))
    }

    /// `templates/` beside the curriculum folder (the repository layout), else inside it, else
    /// in the current folder.
    public static func locate(root: String, fileSystem: any FileSystem) -> String {
        let parent = PathUtil.directory(of: PathUtil.display(root))
        let candidates = [parent == "." ? "templates" : PathUtil.join(parent, "templates"), PathUtil.join(root, "templates"), "templates"]
        return candidates.first { fileSystem.isDirectory(PathUtil.join($0, "page.mustache")) == false } ?? candidates[0]
    }

    public func has(_ name: String) -> Bool { library[name] != nil }

    /// Renders template `name` with `data`, then wraps it in the page layout.
    public func page(_ name: String, data: [String: TemplateValue], page: [String: TemplateValue]) -> String {
        // The document's labels (`{{label.words-to-know}}`) are the page's, in its language.
        var data = data
        if data["label"] == nil, let labels = page["label"] { data["label"] = labels }
        let content = library.renderBytes(name, data) ?? []
        var pageData = page
        pageData["content"] = .utf8(content)
        return library.render("page", pageData, capacity: content.count + 8 * 1024) ?? String(decoding: content, as: UTF8.self)
    }
}
