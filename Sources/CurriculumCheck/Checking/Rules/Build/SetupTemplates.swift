extension BuildRules {
    public static let templates = RuleDescriptor("setup.templates", .error, "A template is missing or cannot be parsed.", setup: true,
        explanation: """
        Handouts, guides, packets and the index are made from Mustache templates and a print stylesheet in the \
        templates folder (templates/ beside the curriculum folder, or the folder given with --templates). A build \
        needs page, handout, guide and index templates, the partials running-header and help-lines, and print.css. \
        This finding means one of them is missing, is not UTF-8 text, or cannot be parsed, often because a \
        {{#section}} is never closed after an edit. The build stops with exit status 2. `curriculum new module` \
        reports the same for its template, templates/module.md.

        Wrong:
            {{#outcomes}}<li>{{.}}</li>
        Fixed:
            {{#outcomes}}<li>{{.}}</li>{{/outcomes}}

        To fix it, close the tag the finding points at, or copy the missing file from the project's templates/ \
        folder.
        """)
}
