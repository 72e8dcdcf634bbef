extension BuildRules {
    public static let writeFailed = RuleDescriptor("build.write-failed", .error, "An output file could not be written (permissions, disk full, a file where a folder should be).", setup: true,
        explanation: """
        A build writes each file to a temporary file and renames it into place, so an output is always whole. This \
        finding means a file or the output folder could not be written: no permission, a full disk, or a file where \
        a folder should be. The command stops with exit status 2, and the files already there keep their last \
        complete version.

        Wrong:
            curriculum build --out /usr/share/handouts     # a folder you may not write to
        Fixed:
            curriculum build --out build

        To fix it, choose an output folder you may write to (--out), free disk space, or remove the file that \
        stands where a folder is needed.
        """)
}
