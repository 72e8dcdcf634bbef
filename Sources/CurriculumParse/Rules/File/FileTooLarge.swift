extension FileRules {
    public static let tooLarge = RuleDescriptor("file.too-large", .error, "A module file is larger than the limit in schema.yaml (content: max-module-kb, 1024 by default) and is not read.",
        explanation: """
        A module is one group session, a few pages at most. A file larger than 'content: max-module-kb' in \
        schema.yaml (1024 KB by default) is not read at all, so that a huge or broken file cannot slow down or stop \
        every check. Such a file usually holds something pasted by mistake: a whole book, or an image written \
        out as text.

        Wrong:
            modules/coping/urge-surfing.md     # 1.5 MB, with the default limit of 1024 KB
        Fixed:
            modules/coping/urge-surfing.md     # 12 KB; the image saved as images/wave.png and linked

        To fix it, split the file into several modules, or move pasted images into image files. If your modules \
        really are this large, raise the limit in schema.yaml:
            content:
              max-module-kb: 2048
        """)
}
