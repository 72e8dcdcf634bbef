extension FileRules {
    public static let invalidUTF8 = RuleDescriptor("file.invalid-utf8", .error, "A module file is not valid UTF-8 text.",
        explanation: """
        Modules are plain text in UTF-8, the encoding every editor and the build understand. A file saved in \
        another encoding (often Windows-1252, from a word processor or an old editor) has bytes that are not \
        UTF-8, usually at curly quotes, dashes or accented letters. The finding names the line and column of the \
        first such byte; nothing else in the file was checked.

        Wrong:
            the file saved as "Western (Windows-1252)": "café" stored with the byte E9
        Fixed:
            the file saved as "UTF-8": "café" stored as the bytes C3 A9

        To fix it, reopen the file in your editor with its old encoding and save it as UTF-8 (often "Save with \
        encoding" or "Reopen with encoding"). On the command line:
            iconv -f WINDOWS-1252 -t UTF-8 urge-surfing.md > fixed.md && mv fixed.md urge-surfing.md
        """)
}
