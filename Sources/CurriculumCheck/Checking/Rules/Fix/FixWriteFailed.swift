extension FixRun {
    public static let writeFailed = RuleDescriptor("fix.write-failed", .error, "check --fix could not write a fixed file back.", setup: true,
        explanation: """
        `curriculum check --fix` writes each fixed module to a temporary file in the same folder and renames it over \
        the original, so a module is never left half written. This finding means the folder or the file could not be \
        written (permissions, a read-only disk), or the file changed while it was being checked; nothing in that file \
        was changed. Fix the permissions, or run the command again.
        """)
}
