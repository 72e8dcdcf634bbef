/// Links and images in a module body: relative targets must exist inside the curriculum
/// folder; images must have alt text and be local files (handouts print offline).
public struct LinkRule: ModuleRule {
    public static let brokenLink = RuleDescriptor("links.broken", .error, "A relative link points at a file that does not exist.",
        explanation: """
        A link to another file in the curriculum must lead to a file that exists, or the handout carries a dead \
        link. The path is read relative to the folder of the module that holds the link, not the curriculum \
        folder. Web links (https:, mailto:) and links within the page (#...) are not checked here, and the part of \
        a path after # or ? is left out.

        Wrong:
            See [Cravings and Urges](craving-and-urges.md).
        Fixed:
            See [Cravings and Urges](cravings-and-urges.md).

        To fix it, correct the path (the finding shows where the file was looked for), or add the file.
        """)
    public static let brokenImage = RuleDescriptor("images.broken", .error, "An image points at a file that does not exist.",
        explanation: """
        An image must be a file that exists in the curriculum folder, or the handout prints without it. The path is \
        read relative to the folder of the module, not the curriculum folder, so a module in modules/coping/ reaches \
        images/ with ../../images/.

        Wrong:
            ![A calm lake](images/lake.png)
        Fixed:
            ![A calm lake](../../images/lake.png)

        To fix it, correct the path (the finding shows where the file was looked for), or add the image file.
        """)
    public static let outside = RuleDescriptor("links.outside-curriculum", .error, "A link or image points outside the curriculum folder (absolute path, .. or a symbolic link).",
        explanation: """
        Handouts are built from the curriculum folder alone, on any computer. A link or image that points outside \
        it works on one computer only, and may reveal a private file. Reported: absolute paths (starting with / or \
        ~), relative paths whose .. steps climb above the curriculum folder, and symbolic links that lead outside \
        it.

        Wrong:
            ![The intake form](/home/maria/forms/intake.png)
        Fixed:
            ![The intake form](../images/intake.png)

        To fix it, copy the file into the curriculum folder (for example images/) and link it by a path relative \
        to the module.
        """)
    public static let missingAlt = RuleDescriptor("images.missing-alt", .error, "An image has no alt text describing it.",
        explanation: """
        Alt text describes an image for someone who cannot see it: a screen reader reads it aloud, and it is shown \
        when the image cannot be. An image without it tells those participants nothing.

        Wrong:
            ![](../images/wave.png)
        Fixed:
            ![A wave rising and falling](../images/wave.png)

        To fix it, describe what the image shows, in a few plain words, between the square brackets.
        """)
    public static let remoteImage = RuleDescriptor("images.remote", .error, "An image is loaded from the web or a data: URL; handouts must print offline.",
        explanation: """
        Handouts and packets must print the same way every time, without a network. An image loaded from the web \
        may change, vanish or not load, and a web address can tell another site who opened the handout. An image \
        written out as a data: URL makes the module large and hard to review.

        Wrong:
            ![A calm lake](https://example.org/lake.jpg)
        Fixed:
            ![A calm lake](../images/lake.jpg)

        To fix it, save the image in the curriculum folder (for example images/), if its license allows, and link \
        it by a path relative to the module.
        """)
    public static let localFile = RuleDescriptor("links.local-file", .error, "A link points at a local file that is not a module, or an image at a file that is not a PNG, JPEG, GIF, WebP or SVG image.",
        explanation: """
        A printed handout cannot open another file, and the build copies only modules (as handouts) and images, \
        so a link to any other local file (a PDF form, a web page, a document) leads nowhere, and a file like a \
        web page could carry script. An image must be a PNG, JPEG, GIF, WebP or SVG file, and its bytes must be \
        that type. Links to other modules (their .md files) and web links are fine.

        Wrong:
            Fill in the [sign-in sheet](../forms/sign-in.html).
        Fixed:
            Fill in the sign-in sheet your facilitator hands out.

        To fix it, link to a module, put what the file says into the module, or show a picture of it as an image.
        """)
    public static let unsafeSVG = RuleDescriptor("images.unsafe-svg", .error, "An SVG image holds script, event attributes, embedded HTML or references to other files.",
        explanation: """
        An SVG image is a text file that can hold script, event attributes such as onload=, embedded HTML and \
        references that load other files or web addresses. None of that belongs in a printed handout, and a \
        shared build folder must not carry it. Reported: <script>, on...= attributes, <foreignObject>, entity \
        declarations, href, xlink:href or src that is not a #place in the same file, @import and url(...) other \
        than url(#...). The build does not copy such a file.

        Wrong:
            ![A calm lake](../images/lake-with-script.svg)
        Fixed:
            ![A calm lake](../images/lake.png)

        To fix it, export the picture again as a plain SVG (drawing only) or as a PNG, and point the image at it.
        """)
    public static let descriptors = [brokenLink, brokenImage, outside, missingAlt, remoteImage, localFile, unsafeSVG]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        module.walkIncludingBlocks { node in
            switch node.kind {
            case .link(let destination, _):
                checkTarget(destination, isImage: false, node: node, module: module, context: context, into: &out)
            case .image(let source, _):
                if node.plainText.trimmingWhitespace().isEmpty {
                    out.append(Self.missingAlt.diagnostic(module.path, node.range, "this image has no alt text",
                        fix: Fix(summary: "describe the image between the brackets: ![A person walking outside](walk.png)")))
                }
                if let scheme = Self.scheme(of: source) {
                    out.append(Self.remoteImage.diagnostic(module.path, node.range,
                        "the image is loaded from \(scheme == "data" ? "a data: URL" : "the web (\(scheme):)"); handouts must print without a network",
                        fix: Fix(summary: "save the image in the curriculum folder (for example images/) and link it by a relative path")))
                } else {
                    checkTarget(source, isImage: true, node: node, module: module, context: context, into: &out)
                }
            default:
                break
            }
            return true
        }
        return out
    }

    private func checkTarget(_ target: String, isImage: Bool, node: MarkdownNode, module: Module,
                             context: CheckContext, into out: inout [Diagnostic]) {
        if target.isEmpty || target.hasPrefix("#") || Self.scheme(of: target) != nil { return }
        var path = target
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncodingSafely()
        let what = isImage ? "image" : "link"
        if path.hasPrefix("/") || path.hasPrefix("~") {
            out.append(Self.outside.diagnostic(module.path, node.range, "the \(what) uses an absolute path ('\(target)'), which will not exist on another computer",
                fix: Fix(summary: "put the file in the curriculum folder and use a path relative to this module")))
            return
        }
        // The module's folder relative to the curriculum root.
        let moduleRelative = context.curriculum.relativePath(of: module.path)
        let moduleFolder = PathUtil.directory(of: moduleRelative)
        guard let resolved = PathUtil.normalize(PathUtil.join(moduleFolder == "." ? "" : moduleFolder, path)) else {
            out.append(Self.outside.diagnostic(module.path, node.range, "the \(what) '\(target)' leads outside the curriculum folder",
                fix: Fix(summary: "keep linked files inside the curriculum folder")))
            return
        }
        let onDisk = PathUtil.join(context.rootPath, resolved)
        guard context.fileSystem.isDirectory(onDisk) != nil else {
            out.append((isImage ? Self.brokenImage : Self.brokenLink).diagnostic(module.path, node.range,
                "the \(what) points at '\(target)', but there is no such file (looked for \(PathUtil.display(PathUtil.join(context.curriculum.root, resolved))))",
                fix: Fix(summary: "correct the path (it is relative to this module's folder) or add the file")))
            return
        }
        let realRoot = context.fileSystem.resolvingSymlinks(context.rootPath)
        let realTarget = context.fileSystem.resolvingSymlinks(onDisk)
        if !(realTarget == realRoot || realTarget.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")) {
            out.append(Self.outside.diagnostic(module.path, node.range, "the \(what) '\(target)' is a symbolic link that leads outside the curriculum folder",
                fix: Fix(summary: "copy the file into the curriculum folder instead of linking to it")))
            return
        }
        if isImage {
            checkImageFile(target, onDisk: onDisk, node: node, module: module, context: context, into: &out)
        } else if context.curriculum.module(atRelativePath: resolved) == nil {
            out.append(Self.localFile.diagnostic(module.path, node.range,
                "the link points at '\(target)', a file that is not a module: a printed handout cannot open it, and the build does not copy it",
                fix: Fix(summary: "link to a module's .md file, put what the file says into the module, or show a picture with ![description](file.png)")))
        }
    }

    /// Only images a handout needs reach the build: PNG, JPEG, GIF, WebP, and SVG without
    /// script or references to other files.
    private func checkImageFile(_ target: String, onDisk: String, node: MarkdownNode, module: Module,
                                context: CheckContext, into out: inout [Diagnostic]) {
        if let size = context.fileSystem.fileSize(onDisk), size > ImageFile.maxBytes {
            out.append(Self.localFile.diagnostic(module.path, node.range, "the image '\(target)' is over \(ImageFile.maxBytes >> 20) MB, too large for a handout",
                fix: Fix(summary: "save the picture smaller (a printed page needs far fewer pixels) and point the image at that file")))
            return
        }
        guard context.fileSystem.isDirectory(onDisk) == false, let bytes = try? context.fileSystem.readFile(onDisk) else {
            out.append(Self.localFile.diagnostic(module.path, node.range, "the image '\(target)' is a folder or cannot be read, so it cannot be shown",
                fix: Fix(summary: "point the image at a PNG, JPEG, GIF, WebP or SVG file")))
            return
        }
        guard let (unsafeSVG, reason) = ImageFile.problem(onDisk, bytes) else { return }
        if unsafeSVG {
            out.append(Self.unsafeSVG.diagnostic(module.path, node.range, "the SVG image '\(target)' is not safe to print: \(reason)",
                fix: Fix(summary: "save the picture again as a plain SVG (no script or links) or as a PNG, and point the image at that file")))
        } else {
            out.append(Self.localFile.diagnostic(module.path, node.range, "the image '\(target)' cannot be shown in a handout: \(reason)",
                fix: Fix(summary: "save the picture as a PNG, JPEG, GIF, WebP or SVG file and point the image at it")))
        }
    }

    /// The URL scheme (`https`, `mailto`, `data`, ...) if the target has one.
    package static func scheme(of target: String) -> String? {
        guard let colon = target.firstIndex(of: ":") else { return nil }
        let scheme = target[..<colon]
        guard scheme.count >= 2, let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return scheme.lowercased()
    }
}

extension String {
    /// Decodes %XX escapes; leaves the text as it is when an escape is malformed.
    package func removingPercentEncodingSafely() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = iterator.next(), let l = iterator.next(),
                      let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) else { return self }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
