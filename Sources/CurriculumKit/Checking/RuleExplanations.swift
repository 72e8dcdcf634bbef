/// The long explanations `curriculum explain RULE` prints for rules whose `RuleDescriptor`
/// carries none: why the rule exists, what triggers it, a wrong example and its fixed version,
/// and how to settle a finding. Kept apart from the rule sources so either can change alone;
/// a rule's own `explanation`, when it has one, wins (see `RuleExplanation.text(for:)`).
///
/// Examples sit under a line starting "Wrong" or "Fixed" and ending with ":", indented four
/// spaces. For module rules the tests check that each wrong example really triggers its rule:
/// front matter lines are merged into a valid module, body lines are added to its body, lines
/// before a `---` line are front matter and lines after it the whole body, and an example that
/// starts with `---` is a whole file.
public enum RuleExplanations {
    public static let texts: [String: String] = [
        // MARK: Module files

        "file.unreadable": """
        Every module is read from disk before it is checked. This finding means a file under modules/ whose name \
        ends in .md could not be read: you may not have permission to read it, or it is a folder named like a \
        module. Nothing in it was checked.

        Wrong:
            modules/coping/urge-surfing.md/notes.txt     # a folder named like a module
            -rw------- other-user modules/coping/urge-surfing.md   # only its owner may read it
        Fixed:
            modules/coping/urge-surfing-notes/notes.txt
            chmod a+r modules/coping/urge-surfing.md

        To fix it, rename the folder so its name does not end in .md, or let everyone who checks the curriculum \
        read the file (chmod a+r FILE).
        """,

        "file.invalid-utf8": """
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
        """,

        "file.empty": """
        A module file with no text at all, or only spaces and blank lines, is usually left over from a rename \
        or an editor that crashed. It has no front matter, so it cannot be a module.

        Wrong:
            touch modules/coping/urge-surfing.md     # an empty file
        Fixed:
            curriculum new module --topic coping --group skill-building "Urge Surfing"

        To fix it, write the module (start with its front matter between --- lines, or let `curriculum new \
        module` start it for you), or delete the file.
        """,

        "file.outside-curriculum": """
        A curriculum is one folder: what is checked and printed comes from files inside it. A module, program.yaml, \
        glossary.yaml or schema.yaml that is a symbolic link to a file elsewhere is not read at all, so a link \
        planted in a pull request cannot copy a system file (the process environment with its secrets, \
        /etc/passwd) into findings, notes or handouts. Links between files inside the curriculum folder are fine.

        Wrong:
            ln -s /etc/passwd modules/coping/notes.md
            ln -s ~/shared/program.yaml program.yaml
        Fixed:
            cp ~/shared/program.yaml program.yaml

        To fix it, copy the file into the curriculum folder instead of linking to it, or remove the link.
        """,

        "widgets.too-deep": """
        A callout or facilitator block may hold other worksheet blocks, but not without end: each level is read and \
        printed inside the one around it, so a block nested more than 8 deep is left out of handouts and guides \
        (and not read), and a build refuses the module. Real handouts need two or three levels at most.

        Wrong:
            nine callouts, each inside the one before it
        Fixed:
            a callout that holds a {facilitator} block, next to a second callout

        To fix it, move the inner blocks out of the blocks around them: put them one after the other instead.
        """,

        "file.too-large": """
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
        """,

        // MARK: Front matter

        "front-matter.missing": """
        Every module starts with front matter: the fields (id, title, topic, group, objectives, outcomes, minutes, \
        reviewed) that tell the tool what the module is and where it fits in a program. The very first line of the \
        file must be --- and a second --- line ends the fields. A title, a blank line or anything else before the \
        first --- means there is no front matter, so the module cannot be placed in a program.

        Wrong:
            # Urge Surfing

            Notice where you feel the urge in your body.
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            # and topic, group, objectives, outcomes, minutes, reviewed
            ---
            # Urge Surfing

        To fix it, add the front matter at the very top (`curriculum new module` writes a complete one).
        """,

        "front-matter.unclosed": """
        The front matter starts with a --- line on line 1 and ends at the next line that is --- (or ...). When there \
        is no such line, the whole file would be read as front matter, so nothing in the module is checked.

        Wrong:
            ---
            id: urge-surfing
            title: Urge Surfing

            # Urge Surfing
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            ---

            # Urge Surfing

        To fix it, add a line with only --- after the last field, before the module's text.
        """,

        "front-matter.yaml-syntax": """
        The front matter is YAML, and a line YAML cannot read stops the tool from reading any field. The finding \
        points at the line and column where reading failed. The most common causes are a colon followed by a space \
        inside a value, a tab used to indent, and a quote that is opened but never closed.

        Wrong:
            title: Urge Surfing: Riding Out a Craving
        Fixed:
            title: "Urge Surfing: Riding Out a Craving"

        To fix it, put quotes around a value that contains ': ' or starts with a special character (such as [, {, \
        &, *, # or a quote), and indent with spaces, never tabs.
        """,

        "front-matter.alias": """
        YAML lets a file name a value with an anchor (&name) and repeat it elsewhere with an alias (*name). A module's \
        front matter is a few short fields, so it has no use for them, and refusing them keeps a module from \
        hiding a value where writers and reviewers would not look for it. (program.yaml may use them; modules \
        may not.)

        Wrong:
            objectives: &goals [coping, triggers]
        Fixed:
            objectives: [coping, triggers]

        To fix it, write each value out in full where it is used, and remove the &name and *name marks.
        """,

        "front-matter.not-fields": """
        The front matter must be a set of fields, one per line, each written 'name: value'. This finding means the \
        text between the --- lines is something else: a plain sentence, a list of '- ' items, or nothing at all.

        Wrong:
            ---
            Urge Surfing, a coping skill for cravings
            ---
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            # and the other required fields
            ---

        To fix it, write each field on its own line as 'name: value' (docs/modules.md lists the fields), or start \
        the module with `curriculum new module`.
        """,

        "front-matter.duplicate-field": """
        Each field may appear once in the front matter. When a field is written twice, only one of the values \
        could be used, and it is not clear which one the writer meant, so neither is guessed. This often happens \
        when a field is added at the bottom without noticing it is already at the top.

        Wrong:
            minutes: 50
            minutes: 45
        Fixed:
            minutes: 45

        To fix it, keep the line with the right value and delete the other.
        """,

        "front-matter.missing-field": """
        A few fields are needed for a module to be printed and scheduled: id, title, topic, group, objectives, \
        outcomes and minutes. A field that is left out, or written with an empty value ('title:' and nothing \
        after it), is reported at the first line of the module. An approved module ('status: approved') also \
        needs 'reviewed', the date of its clinical review; that finding is at the 'status' line.

        Wrong:
            ---
            id: urge-surfing
            title: Urge Surfing
            topic: coping
            group: skill-building
            objectives: [coping]
            outcomes: [Practice urge surfing for five minutes]
            ---
        Fixed (the missing field added before the closing ---):
            minutes: 50

        To fix it, add the field the finding names, with its value (docs/modules.md describes each field).
        """,

        "front-matter.wrong-type": """
        Each field holds one kind of value: text (title, topic), a whole number (minutes), a list (objectives, \
        outcomes, requires, materials) or a date (reviewed). A value of another kind cannot be used; for example, \
        minutes are added up across sessions, so '50 min' is not a number. A list written as a single value \
        without brackets is reported too, and `curriculum check --fix` adds the brackets.

        Wrong:
            minutes: 50 min
            objectives: coping
        Fixed:
            minutes: 50
            objectives: [coping]

        To fix it, write the value in the kind the finding names. A list can be written [a, b], or with one item \
        per line, each after a dash.
        """,

        "front-matter.unknown-field": """
        Modules use only the fields listed in docs/modules.md. Any other field is not printed or checked, so it is \
        usually a typo of a real field, and the value the writer meant to set is missing. The finding suggests the \
        closest field name, and `curriculum check --fix` makes that change when no other field name is as close and that field is not written already.

        Wrong:
            material: [worksheet, pens]
        Fixed:
            materials: [worksheet, pens]

        To fix it, correct the spelling, or remove the field. This rule is a warning by default; a clinic can make \
        it an error under 'rules:' in schema.yaml.
        """,

        "front-matter.invalid-id": """
        Programs, 'requires' lists and build file names name a module by its id, so an id must be a slug: \
        lowercase letters a to z, digits and single hyphens, not starting or ending with a hyphen, at most 64 \
        characters (build file names are made from it). Capitals, spaces, underscores and accented letters are not allowed. The finding suggests a slug made from the id, and \
        `curriculum check --fix` writes it.

        Wrong:
            id: Urge_Surfing
        Fixed:
            id: urge-surfing

        To fix it, use the suggested slug, and update program.yaml and any 'requires' that name the old id.
        """,

        "front-matter.invalid-date": """
        Dates in the front matter ('reviewed') are written year-month-day, YYYY-MM-DD, and must be a real day of the \
        calendar. Other forms such as 11/01/2026 are read differently in different countries, so they are not \
        guessed at; a day that does not exist (2026-02-30) is a typing mistake.

        Wrong:
            reviewed: 11/01/2026
        Fixed:
            reviewed: 2026-11-01

        To fix it, write the date of the last clinical review as YYYY-MM-DD.
        """,

        "front-matter.unknown-objective": """
        Every objective a module lists must be declared under 'objectives:' in schema.yaml. The objectives are what \
        the program's coverage is measured by, so an objective the schema does not know would never count. The \
        finding lists the declared ids and suggests the closest one; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            objectives: [coping-skills]
        Fixed:
            objectives: [coping]

        To fix it, use an id from schema.yaml. If the program needs a new objective, add it to schema.yaml first, \
        with its id and title.
        """,

        "front-matter.unknown-topic": """
        A module's topic must be one of the topics declared under 'topics:' in schema.yaml. The topic's title is \
        printed on the handout and groups the index, and an unknown topic is usually a typo. The finding lists the \
        declared topics and suggests the closest one; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            topic: cravings
        Fixed:
            topic: coping

        To fix it, use a topic id from schema.yaml, or add the new topic to schema.yaml first.
        """,

        "front-matter.unknown-group": """
        A module's group is its group format, one of those declared under 'groups:' in schema.yaml (in the sample: \
        support, skill-building, psychoeducation, family). The format decides the sections a module needs, how \
        long it may run and which program segments it can fill, so an unknown format cannot be checked or \
        scheduled. The finding suggests the closest format; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            group: skills
        Fixed:
            group: skill-building

        To fix it, use a group format id from schema.yaml.
        """,

        "front-matter.unknown-audience": """
        The audience says who a handout is written for, and sets its reading-grade ceiling (see `curriculum \
        explain reading.grade`). It must be one of the audiences listed under 'audiences:' in schema.yaml (in the \
        sample: adult, adolescent, family). Leave the field out for adults. The finding suggests the closest \
        audience; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            audience: teens
        Fixed:
            audience: adolescent

        To fix it, use an audience from schema.yaml, or remove the field.
        """,

        "front-matter.invalid-language": """
        The language field says which language a module is written in, so the English-only checks (reading grade, \
        person-first terms, outcome verbs) are skipped for other languages and the handout is marked with the \
        right language. It must be a BCP 47 tag: two or three letters, optionally followed by parts such as a \
        region (es, en-US, pt-BR). A language name is not a tag.

        Wrong:
            language: Spanish
        Fixed:
            language: es

        To fix it, write the tag, or leave the field out for English.
        """,

        "front-matter.empty-list": """
        The objectives and outcomes lists need at least one entry: a module with no objective counts toward no \
        part of the program, and a module with no outcome gives the facilitator nothing to observe at the end of \
        the session.

        Wrong:
            outcomes: []
        Fixed:
            outcomes: [Practice urge surfing for five minutes]

        To fix it, list at least one entry. Outcomes start with a verb a facilitator can observe (see `curriculum \
        explain outcomes.measurable-verb`).
        """,

        "front-matter.duplicate-id": """
        Programs and 'requires' lists name modules by id, so two modules with the same id would make it unclear \
        which one is meant. This often happens when a module is copied to start a new one. The finding is on one \
        module and names the file and line of the other.

        Wrong:
            modules/coping/urge-surfing.md:       id: urge-surfing
            modules/coping/urge-surfing-teen.md:  id: urge-surfing
        Fixed:
            modules/coping/urge-surfing.md:       id: urge-surfing
            modules/coping/urge-surfing-teen.md:  id: urge-surfing-teen

        To fix it, give the copy its own id, and update program.yaml and any 'requires' that should name it.
        """,

        // MARK: Group formats and sections

        "group.missing-section": """
        Each group format in schema.yaml lists the level-2 sections its modules need, so every facilitator finds \
        the same parts in the same place. In the sample schema, support and family modules need a Discussion \
        section, skill-building needs Practice and Homework, and psychoeducation needs Key points and Sources. \
        Section names match in any letter case, and a timed heading such as "## Practice (20 min)" counts. A \
        section whose heading is there but which holds nothing (or only HTML comments) is reported as empty.

        Wrong:
            group: skill-building
            ---
            # Urge Surfing

            ## Practice
            Notice where you feel the urge in your body.
        Fixed (the section added at the end):
            ## Homework
            Try urge surfing once a day this week.

        To fix it, add the section the finding names, with its content.
        """,

        "group.minutes-range": """
        Each group format in schema.yaml allows a range of minutes ('minutes: [30, 90]' for skill-building in the \
        sample). A module planned for more or less time than its format allows will not fit the segments of a \
        session. The fix offered is the nearest allowed number; `curriculum check --fix` leaves it to you, as the plan may need to change instead.

        Wrong:
            group: skill-building
            minutes: 120
        Fixed:
            group: skill-building
            minutes: 90

        To fix it, plan the module within the range, or split a long module into two. If the range itself is wrong \
        for your clinic, change 'minutes' of the group format in schema.yaml.
        """,

        "sections.minutes-sum": """
        A section heading can carry its planned minutes: '## Practice (20 min)'. When at least one section does, the \
        timed sections must add up to the module's 'minutes', so the facilitator's plan and the program's schedule \
        agree. The finding shows the sum; when every section carries its minutes (Facilitator notes and Sources may have none), `curriculum check --fix` sets 'minutes' to it.

        Wrong:
            minutes: 50
            ---
            # Urge Surfing
            ## Check-in (10 min)
            ## Practice (30 min)
        Fixed:
            minutes: 40
            ---
            # Urge Surfing
            ## Check-in (10 min)
            ## Practice (30 min)

        To fix it, change the section minutes or the module's minutes so they agree. Sections without minutes in \
        their heading are not counted.
        """,

        // MARK: Markdown, links and images

        "markdown.raw-html": """
        HTML written in a module is never copied into a handout or guide: it could carry scripts or styles that \
        break printing. So anything written as HTML disappears from what participants get. HTML comments \
        (<!-- ... -->) are fine and are not reported.

        Wrong:
            <span style="color: red">Stop and breathe.</span>
        Fixed:
            **Stop and breathe.**

        To fix it, write the text in Markdown (**bold**, *italic*, lists, headings), or use a worksheet block such \
        as {callout} for a boxed note (docs/modules.md).
        """,

        "links.broken": """
        A link to another file in the curriculum must lead to a file that exists, or the handout carries a dead \
        link. The path is read relative to the folder of the module that holds the link, not the curriculum \
        folder. Web links (https:, mailto:) and links within the page (#...) are not checked here, and the part of \
        a path after # or ? is left out.

        Wrong:
            See [Cravings and Urges](craving-and-urges.md).
        Fixed:
            See [Cravings and Urges](cravings-and-urges.md).

        To fix it, correct the path (the finding shows where the file was looked for), or add the file.
        """,

        "links.outside-curriculum": """
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
        """,

        "images.missing-alt": """
        Alt text describes an image for someone who cannot see it: a screen reader reads it aloud, and it is shown \
        when the image cannot be. An image without it tells those participants nothing.

        Wrong:
            ![](../images/wave.png)
        Fixed:
            ![A wave rising and falling](../images/wave.png)

        To fix it, describe what the image shows, in a few plain words, between the square brackets.
        """,

        "images.remote": """
        Handouts and packets must print the same way every time, without a network. An image loaded from the web \
        may change, vanish or not load, and a web address can tell another site who opened the handout. An image \
        written out as a data: URL makes the module large and hard to review.

        Wrong:
            ![A calm lake](https://example.org/lake.jpg)
        Fixed:
            ![A calm lake](../images/lake.jpg)

        To fix it, save the image in the curriculum folder (for example images/), if its license allows, and link \
        it by a path relative to the module.
        """,

        "images.unsafe-svg": """
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
        """,

        "links.local-file": """
        A printed handout cannot open another file, and the build copies only modules (as handouts) and images, \
        so a link to any other local file (a PDF form, a web page, a document) leads nowhere, and a file like a \
        web page could carry script. An image must be a PNG, JPEG, GIF, WebP or SVG file, and its bytes must be \
        that type. Links to other modules (their .md files) and web links are fine.

        Wrong:
            Fill in the [sign-in sheet](../forms/sign-in.html).
        Fixed:
            Fill in the sign-in sheet your facilitator hands out.

        To fix it, link to a module, put what the file says into the module, or show a picture of it as an image.
        """,

        "images.broken": """
        An image must be a file that exists in the curriculum folder, or the handout prints without it. The path is \
        read relative to the folder of the module, not the curriculum folder, so a module in modules/coping/ reaches \
        images/ with ../../images/.

        Wrong:
            ![A calm lake](images/lake.png)
        Fixed:
            ![A calm lake](../../images/lake.png)

        To fix it, correct the path (the finding shows where the file was looked for), or add the image file.
        """,

        // MARK: Worksheet blocks

        "widgets.unknown": """
        Worksheet blocks are fenced code blocks whose first line names the block in braces: {worksheet}, \
        {checklist}, {log}, {facilitator} or {callout}. A name the tool does not know cannot be printed, and it \
        is usually a typo. The finding suggests the closest name.

        Wrong:
            ```{worksheets} My trigger map
            lines 2: A place that is a trigger for me
            ```
        Fixed:
            ```{worksheet} My trigger map
            lines 2: A place that is a trigger for me
            ```

        To fix it, use one of the five block names (docs/modules.md shows each one).
        """,

        "widgets.syntax": """
        Each line of a worksheet block must be one the block knows, so it prints as a writing space, a scale or a \
        box to tick. In {worksheet}: 'lines N:' (1 to 12 lines) or 'lines:' (3), 'scale A-B:' (at most 11 numbers, \
        such as 0-10), 'ends: low | high' (right under its scale), 'check:', 'text:' and 'answer:' (right under the \
        item it answers), each with text after the colon, and at least one item. A {checklist} needs at least one \
        item. A {log} needs 'columns:' (1 to 8, separated by |, each with an optional width (narrow), (medium) or \
        (wide) at its end, not all narrow) and 'rows:' (1 to 31, or labels separated by |).

        Wrong:
            ```{worksheet} My trigger map
            lines 20: A place that is a trigger for me
            ```
        Fixed:
            ```{worksheet} My trigger map
            lines 2: A place that is a trigger for me
            ```

        To fix it, write the line as the finding suggests (docs/modules.md, "Worksheet blocks").
        """,

        "widgets.unclosed": """
        A worksheet block ends at a line of three backticks (```). Without that line, Markdown reads everything \
        after the opening line, to the end of the file, as part of the block, so the rest of the module disappears \
        from the handout.

        Wrong:
            ```{checklist} Signs I notice early
            Skipping meals
            Sleeping badly

            ## Homework
        Fixed:
            ```{checklist} Signs I notice early
            Skipping meals
            Sleeping badly
            ```

            ## Homework

        To fix it, add a line with ``` where the block ends.
        """,

        // MARK: Requires

        "requires.unknown": """
        'requires' lists the modules that must be taught before this one, by id, so the program check can keep \
        them in order. An id no module has is usually a typo, or a module that was renamed or removed. The finding \
        suggests the closest id; `curriculum check --fix` writes it when no other id is as close.

        Wrong:
            requires: [brain-reward]
        Fixed:
            requires: [brain-and-reward]

        To fix it, use the id of an existing module, or remove the entry if there is no longer such a module.
        """,

        "requires.cycle": """
        'requires' says which modules must be taught first. When modules require each other in a circle (A \
        requires B and B requires A, or a longer loop), no order can satisfy them all, so no program can schedule \
        them correctly. The finding shows the whole circle.

        Wrong:
            triggers-mapping.md:       requires: [high-risk-situations]
            high-risk-situations.md:   requires: [triggers-mapping]
        Fixed:
            triggers-mapping.md:       requires: []
            high-risk-situations.md:   requires: [triggers-mapping]

        To fix it, decide which module really comes first, and remove the 'requires' entry that points the other \
        way.
        """,

        // MARK: Curriculum folder and schema

        "setup.folder": """
        `curriculum check` and `build` work on a curriculum folder: the folder that holds schema.yaml, with the \
        modules under modules/. This finding means the folder (or file) given does not exist, is a file where a \
        folder was expected, has no readable schema.yaml, or a module named on the command line is not inside any \
        folder with a schema.yaml. `curriculum new module` reports it when the new file cannot be written. The \
        command stops with exit status 2, as nothing can be checked.

        Wrong:
            curriculum check curriculm
            curriculum check ~/Desktop/urge-surfing.md
        Fixed:
            curriculum check curriculum
            curriculum check curriculum/modules/coping/urge-surfing.md

        To fix it, give the path of the curriculum folder (or of a module inside it), and check that schema.yaml \
        is there and readable.
        """,

        "schema.yaml-syntax": """
        schema.yaml declares the objectives, topics, group formats and settings every module is checked against. \
        When it is not valid YAML (or not UTF-8 text), nothing can be checked, so the command stops with exit status \
        2. The finding points at the line and column where reading failed: often a tab used to indent, a quote \
        never closed, or ': ' inside an unquoted value.

        Wrong:
            objectives:
              - id: coping
                title: Coping: healthy ways through stress
        Fixed:
            objectives:
              - id: coping
                title: "Coping: healthy ways through stress"

        To fix it, mend the line the finding names; indent with spaces and quote values that contain ': '.
        """,

        "schema.invalid": """
        Every field of schema.yaml is read into a setting the checks rely on, so a missing field (objectives, \
        topics, groups, help-lines), a value of the wrong kind, or a value that cannot be used stops the check with \
        exit status 2. Examples: an id that is not a slug, an id declared twice, group 'minutes' that are not two \
        numbers (shortest first), a reading grade or 'review-months' out of range, an unknown setting under \
        'content:' or 'person-first:', a severity other than error, warning or off.

        Wrong:
            groups:
              - id: support
                minutes: 30-90
        Fixed:
            groups:
              - id: support
                minutes: [30, 90]

        To fix it, write the value as the finding suggests; the sample curriculum's schema.yaml shows every field.
        """,

        "schema.unknown-rule": """
        The 'rules:' section of schema.yaml sets the severity of rules by id. An id that is not a rule is usually a \
        typo, and the severity meant for the real rule is not applied. The setting is ignored and the finding \
        suggests the closest rule id (`curriculum rules` lists them all).

        Wrong:
            rules:
              front-matter.unknown-feild: warning
        Fixed:
            rules:
              front-matter.unknown-field: warning

        To fix it, correct the id, or remove the line if the rule no longer exists.
        """,

        "setup.templates": """
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
        """,

        "setup.pdf-engine": """
        PDFs are made by WeasyPrint from the same HTML and CSS as the HTML output. When WeasyPrint is not installed \
        or cannot start, no PDF can be made, so `curriculum build` stops with exit status 2 before writing anything.

        Wrong:
            curriculum build            # on a computer without WeasyPrint
        Fixed:
            sudo apt-get install weasyprint && curriculum build
            curriculum build --no-pdf   # HTML only

        To fix it, install WeasyPrint (Debian package weasyprint, or `make deps`), or build HTML only with --no-pdf.
        """,

        "setup.no-program": """
        Weekly packets and the coverage report follow the program's schedule, which lives in program.yaml in the \
        curriculum folder. Without that file there are no tracks or weeks to build them from, so `curriculum \
        packet` and `curriculum coverage` stop with exit status 2. `curriculum check` and `build` work without it.

        Wrong:
            curriculum packet --track evening --week 4     # curriculum/ has no program.yaml
        Fixed:
            curriculum/program.yaml added (copied from the sample curriculum and edited)
            curriculum packet --track evening --week 4

        To fix it, add program.yaml (docs/program.md describes it; the sample curriculum has a complete one).
        """,

        // MARK: Build

        "build.write-failed": """
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
        """,

        "build.pdf-failed": """
        Each PDF is made by WeasyPrint from its HTML page. This finding means WeasyPrint could not make one PDF: it \
        reported an error, crashed, or took longer than --pdf-timeout (120 seconds by default). WeasyPrint's own \
        message is shown. The HTML version was written, and the other PDFs are made.

        Wrong:
            curriculum build --pdf-timeout 5      # too short for a long packet
        Fixed:
            curriculum build                       # the default 120 seconds

        To fix it, read WeasyPrint's message; it often names a template or print.css rule. For a time-out, allow \
        more time with --pdf-timeout. Build with --no-pdf to get the HTML meanwhile.
        """,

        "build.pdf-warning": """
        WeasyPrint made the PDF but printed a warning, usually about a CSS rule it ignores in an edited template or \
        print.css. The PDF is kept, but it may not look as intended. WeasyPrint's own words are shown. `--strict` \
        makes these warnings fail the build.

        Wrong:
            .worksheet { brder: 1px solid black; }    # a misspelt property, ignored
        Fixed:
            .worksheet { border: 1px solid black; }

        To fix it, open the PDF, then change or remove the CSS rule WeasyPrint names.
        """,

        "build.locked": """
        Two builds writing into the same output folder at once would mix their files, so a build takes a lock on \
        the folder and another build into it is refused (exit status 2) until the first one ends.

        Wrong:
            curriculum build &  curriculum build --paper a4
        Fixed:
            curriculum build &  curriculum build --paper a4 --out build-a4

        To fix it, wait for the other build to finish, or build into another folder with --out.
        """,

        "build.output-folder": """
        A build writes into its output folder and cleans up there (old outputs, unfinished temporary files), so it \
        refuses a folder where that could touch your own files: / and your home folder, the curriculum or templates \
        folder or a folder inside them (exit status 2). A folder that holds the curriculum, such as the \
        repository's root, is allowed. A symbolic link inside the output folder (handouts/, or the lock file) is \
        refused too: the build never writes through one to another place.

        Wrong:
            curriculum build --out curriculum/handouts
        Fixed:
            curriculum build --out build

        To fix it, build into a folder of its own with --out, or remove the symbolic link the finding names.
        """,

        // MARK: Layout

        "layout.sparse-page": """
        After WeasyPrint lays out a PDF, the build looks at every page. This finding means a page of a document of \
        two or more pages is nearly empty: its content ends in the top fifth of the page body (the area inside the \
        margins; running headers, footers and page numbers do not count). Such a page usually holds a line or two \
        that did not fit on the page before: a disclaimer, the sources, a heading, the last item of a list. The \
        finding points at the module line (or, for what a template wrote, the template line) of the first thing on \
        the page, and names the PDF and the page. A one-page document is never sparse.

        Wrong:
            a handout whose page 5 holds only the disclaimer
        Fixed:
            the disclaimer kept with the last section (print.css), or a section shortened so the page is not needed

        To fix it, look at the page (`pdftoppm -png -r 60 -f 5 -l 5 file.pdf page`), then shorten or move what is \
        stranded, or keep it with what comes before it in print.css (`break-inside: avoid`, `orphans`, `widows`).
        """,

        "layout.split-block": """
        A worksheet, checklist or log split across two pages is hard to fill in, and a heading at the bottom of a \
        page with its text on the next is easy to miss. This finding means a worksheet, checklist, log or table is \
        split across pages although it is shorter than a page (so it could have been kept on one), or that a \
        heading is the last thing on a page. It points at the line of the block (or heading) in the module, or in \
        the template that wrote it, and names the PDF and the pages.

        Wrong:
            ```{log} My HALT log            # starts near the bottom of a page, its rows go on overleaf
        Fixed:
            .log-block { break-inside: avoid; }      # print.css: start it on the next page instead

        To fix it, keep the block together in print.css (`break-inside: avoid`; for a heading `break-after: \
        avoid`), or shorten what comes before it. A block taller than a page may be split and is not reported.
        """,

        "layout.overflow": """
        Content that is wider than the page body is cut off at the paper's edge, and a block that runs below the \
        page body prints over the footer. This finding means an element of a PDF reaches past the page body: a log with \
        many columns or a long word that cannot wrap, a wide image, or an unbreakable block taller than the page. \
        It points at the module (or template) line of the element and names the PDF and the page.

        Wrong:
            columns: Day | Time | Where I was | Who I was with | What I felt | Urge 0-10 | What I did | How it went
        Fixed:
            columns: Day | What happened | Urge 0-10 | What I did

        To fix it, use fewer or narrower columns, break long words or links, or make the image smaller.
        """,

        // MARK: Program

        "program.yaml-syntax": """
        program.yaml says how the program runs: its weeks, tracks, meetings, agendas and which modules fill which \
        sessions. When it is not valid YAML, none of it can be read, so no program check, packet or session plan can \
        be made. The finding points at the line and column where reading failed: often a tab used to indent, a \
        missing space after a colon or dash, or brackets that are not closed.

        Wrong:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, mend the line the finding names (docs/program.md shows the format).
        """,

        "program.invalid": """
        Each field of program.yaml must be present when required and of the right kind. Reported, among others: a \
        missing name, weeks, enrollment, agendas or tracks; weeks outside 1 to 52; enrollment other than rolling or \
        cohort; a minimum-stay missing under rolling admission or longer than the program; a day that is not Mon \
        to Sun; a time that is not a 24-hour range with the end after the start; a segment without positive \
        minutes; a week plan outside the program's weeks.

        Wrong:
            meetings:
              - days: [Mon, Wed, Fir]
                time: 5:30pm-8:30pm
        Fixed:
            meetings:
              - days: [Mon, Wed, Fri]
                time: 17:30-20:30

        To fix it, write the value as the finding suggests (docs/program.md describes every field).
        """,

        "program.hours-per-week": """
        An intensive outpatient track is defined in part by how many hours a week people attend. The limits are \
        'program-limits: hours-per-week' in schema.yaml (9 to 20 by default), so a clinic sets them to the rules it \
        works under. Counted for each track: every group meeting, plus the 'other-sessions' (family sessions, \
        individual counseling).

        Wrong (4-hour sessions five days a week, plus 2 hours: 22 hours):
            meetings:
              - {days: [Mon, Tue, Wed, Thu, Fri], time: 09:00-13:00, agenda: four-hour}
            other-sessions:
              - {title: Family session, group: family, day: Sat, time: 12:30-13:30}
              - {title: Individual counseling, minutes: 60}
        Fixed (four days: 18 hours):
            meetings:
              - {days: [Mon, Tue, Thu, Fri], time: 09:00-13:00, agenda: four-hour}

        To fix it, change the track's meeting days or times, or its other sessions. The finding shows each part of \
        the sum.
        """,

        "program.sessions-per-week": """
        Intensive outpatient care meets several times a week. The number of group session days a track meets is \
        held to 'program-limits: sessions-per-week' in schema.yaml (3 to 5 by default). Only the days in \
        'meetings' count; family and individual sessions do not.

        Wrong:
            meetings:
              - {days: [Mon, Wed], time: 17:30-20:30, agenda: three-hour}
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, add or remove meeting days under the track's 'meetings', or change the limit in schema.yaml if \
        your clinic works under another one.
        """,

        "program.session-length": """
        Each group session's length, from its 'time' range, is held to 'program-limits: session-hours' in \
        schema.yaml (3 to 4 hours by default), the way the clinic runs its sessions.

        Wrong:
            - {days: [Mon, Wed, Fri], time: 18:00-20:00, agenda: three-hour}
        Fixed:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, set 'time:' to a span within the limits (24-hour clock), or change the limit in schema.yaml.
        """,

        "program.agenda-sum": """
        An agenda lists the timed parts of a session, and its segment minutes must add up to the length of every \
        meeting that uses it, so the session plan's clock times end when the session does. The finding is on the \
        agenda, shows the sum, and says how many minutes to add or remove.

        Wrong (175 minutes, for a 17:30-20:30 meeting of 180):
            - id: three-hour
              segments:
                - {title: Check-in, minutes: 15}
                - {title: Psychoeducation group, minutes: 45, group: psychoeducation}
                - {title: Break, minutes: 10}
                - {title: Skill-building group, minutes: 50, group: skill-building}
                - {title: Support group, minutes: 45, group: support}
                - {title: Wrap-up, minutes: 10}
        Fixed:
                - {title: Wrap-up, minutes: 15}

        To fix it, change segment minutes, or the meeting's time, so they agree.
        """,

        "program.unknown-agenda": """
        Each meeting of a track names the agenda that runs it, by the agenda's id under 'agendas:' in program.yaml. \
        An id that no agenda has is usually a typo, and the sessions could not be planned. The finding suggests the \
        closest agenda id.

        Wrong:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hours}
        Fixed:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, use the id of an agenda defined in program.yaml, or define the agenda.
        """,

        "program.unknown-module": """
        A track's 'rotation' and 'weeks' plan name modules by id. An id that no module has is usually a typo or a \
        module that was renamed, and its sessions would have no handout. 'open' is allowed: it leaves a segment \
        without a module. The finding suggests the closest id; write it yourself (`curriculum check --fix` edits only modules, never program.yaml).

        Wrong:
            skill-building: [cravings-and-urge, triggers-mapping]
        Fixed:
            skill-building: [cravings-and-urges, triggers-mapping]

        To fix it, use the id of a module in modules/, or 'open'.
        """,

        "program.group-mismatch": """
        Each segment of an agenda with a 'group' is filled by a module of that group format. A module of another \
        format does not fit it: a support module has no Practice or Homework for a skill-building slot, for \
        example. It usually means the module was put in the wrong rotation list.

        Wrong (group-agreements is a support module):
            rotation:
              skill-building: [group-agreements, triggers-mapping]
        Fixed:
            rotation:
              skill-building: [triggers-mapping]
              support: [group-agreements, open]

        To fix it, move the module to the rotation of its own group format, or pick a module of the segment's format.
        """,

        "program.module-minutes": """
        A module plans its length in 'minutes'. When it is scheduled in an agenda segment with fewer minutes, the \
        facilitator cannot finish it in the time the session gives.

        Wrong:
            urge-surfing.md:  minutes: 60
            agenda segment:   - {title: Skill-building group, minutes: 50, group: skill-building}
        Fixed:
            urge-surfing.md:  minutes: 50
            agenda segment:   - {title: Skill-building group, minutes: 50, group: skill-building}

        To fix it, shorten the module (and its timed sections), lengthen the segment in the agenda, or schedule the \
        module in a longer segment.
        """,

        "program.unknown-group": """
        Rotations are named after group formats, and agenda segments name the group format that fills them. Both \
        must be group formats declared under 'groups:' in schema.yaml, or no module could ever be scheduled there.

        Wrong:
            rotation:
              skills: [cravings-and-urges, triggers-mapping]
        Fixed:
            rotation:
              skill-building: [cravings-and-urges, triggers-mapping]

        To fix it, use a group format id from schema.yaml (in the sample: support, skill-building, psychoeducation, \
        family).
        """,

        "program.requires-order": """
        A module's 'requires' lists modules that must come before it. Going through each track's sessions in \
        order from week 1 (and segments in agenda order), a module met before a module it requires is reported, \
        with the week it first comes in, or "never" when it is not scheduled at all.

        Wrong (triggers-mapping requires brain-and-reward; week 1 Monday fills psychoeducation with \
        chronic-condition and skill-building with triggers-mapping):
            psychoeducation: [chronic-condition, stages-of-change, brain-and-reward]
            skill-building: [triggers-mapping, cravings-and-urges]
        Fixed:
            psychoeducation: [brain-and-reward, chronic-condition, stages-of-change]
            skill-building: [triggers-mapping, cravings-and-urges]

        To fix it, schedule the required module earlier (in the rotation, or with a 'weeks' plan for one session), \
        or the module later.
        """,

        "program.requires-order-rolling": """
        Under rolling admission people join in any week and the weeks repeat as a cycle. For every admission week, \
        the weeks of the minimum stay are followed in order, and a module met before a module it requires is \
        reported with the admission weeks it affects. It is a warning by default: many rolling programs write each \
        topic to stand alone. Set its severity under 'rules:' in schema.yaml.

        Wrong (12 weeks, 8-week stay; brain-and-reward only in week 1):
            week 1:  psychoeducation brain-and-reward
            week 5:  skill-building triggers-mapping     # requires brain-and-reward
        Fixed (everyone who meets triggers-mapping has just met brain-and-reward):
            week 5:  psychoeducation brain-and-reward, then skill-building triggers-mapping

        To fix it, teach the required module more often or in the same session just before, write the module so it \
        stands alone (and remove its 'requires'), or lower this rule's severity.
        """,

        "program.coverage": """
        Objectives marked 'core: true' in schema.yaml are what every participant of the program should work on. A \
        track where no scheduled module lists a core objective in its 'objectives' never covers it.

        Wrong (schema.yaml):
            - id: quality-of-life
              title: Quality of life
              core: true
            # ...and no module with 'objectives: [quality-of-life]' in the track's rotation
        Fixed (program.yaml):
            skill-building: [cravings-and-urges, values-and-goals]   # values-and-goals covers quality-of-life

        To fix it, schedule a module whose objectives include the one named. If the clinic does not hold it as \
        core, remove 'core: true' from it in schema.yaml. `curriculum coverage` shows the whole picture.
        """,

        "program.coverage-window": """
        Under rolling admission, people join in any week and stay at least the 'minimum-stay' weeks, which wrap \
        around the program's cycle: in a 12-week program with an 8-week stay, someone admitted in week 10 attends \
        weeks 10 to 12 and 1 to 5. Each admission week whose stay misses a core objective is reported, so nobody \
        leaves without the core content.

        Wrong (12 weeks, 8-week stay):
            relationships modules only in weeks 6, 7, 8 and 9
            # people admitted in week 10 attend 10-12 and 1-5: they miss it
        Fixed:
            relationships modules in weeks 2, 5, 8 and 11

        To fix it, spread the objective's modules evenly through the weeks (shorter rotations help). `curriculum \
        coverage` lists the admission weeks and objectives missed.
        """,
    ]
}
