/// Problems of the build step itself (after the content passed its checks).
public enum BuildRules {
    public static let writeFailed = RuleDescriptor("build.write-failed", .error, "An output file could not be written (permissions, disk full, a file where a folder should be).", setup: true)
    public static let pdfFailed = RuleDescriptor("build.pdf-failed", .error, "WeasyPrint could not turn a page into a PDF; its own message is shown.")
    public static let pdfWarning = RuleDescriptor("build.pdf-warning", .warning, "WeasyPrint made the PDF but printed a warning (often a CSS rule in an edited template); its own words are shown.")
    public static let locked = RuleDescriptor("build.locked", .error, "Another build is writing to the same output folder.", setup: true)

    public static let all = [writeFailed, pdfFailed, pdfWarning, locked]
}
