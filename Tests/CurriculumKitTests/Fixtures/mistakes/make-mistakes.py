#!/usr/bin/env python3
# How Fixtures/mistakes was first written (python3 make-mistakes.py .): a clean module and one
# edit each; the section sign marks the line of the mistake. Edit the files and mistakes.txt by hand since.
# Generates Tests/CurriculumKitTests/Fixtures/mistakes from a clean base module plus one edit each.
import os, sys, re
root = sys.argv[1]
mods = os.path.join(root, "modules")
os.makedirs(os.path.join(mods, "coping"), exist_ok=True)
os.makedirs(os.path.join(mods, "support"), exist_ok=True)
os.makedirs(os.path.join(root, "images"), exist_ok=True)

BASE = """---
id: {id}
title: Riding Out an Urge
topic: coping
group: skill-building
objectives: [coping, triggers]
outcomes:
  - Name two ways to ride out an urge
  - Practice one way with the group
minutes: 50
reviewed: 2026-10-01
---

# Riding Out an Urge

An urge is like a wave. It builds, it peaks and then it fades. You can ride it out.

## Practice (30 min)

```{{worksheet}} Riding a wave
scale 0-10: How strong is the urge at the start?
lines 2: Where do I feel it in my body?
check: I stayed with the urge
```

```{{checklist}} Things I can do
Take a walk
Call a friend
```

## Homework (20 min)

Try it once this week. Write what you did.

```{{log}} My urge log
columns: Day | Urge 0-10 | What I did
rows: 7
```
"""

manifest = []
WORDS = {
 "checklist-never-closed": "never closed",
 "checklist-indented-four-spaces": "four spaces",
 "checklist-without-braces": "did you mean ```{checklist}",
 "worksheet-without-braces": "did you mean ```{worksheet}",
 "log-rows-in-words": "rows: 7",
 "homework-minutes-after-dash": "## Homework (20 min)",
 "homework-colon": "## Homework",
 "practice-minutes-no-parentheses": "## Practice (30 min)",
 "practice-level-three": "## Practice",
 "homework-misspelt": "did you mean '## Homework'",
 "topic-without-space": "topic: coping",
 "objectives-list-never-closed": "]",
 "title-quote-never-closed": "\"",
 "outcome-over-indented": "indent",
 "blank-line-before-front-matter": "blank line",
 "field-name-misspelt": "did you mean 'objectives'",
 "link-to-misspelt-module": "did you mean 'breathing-basics.md'",
 "link-to-missing-anchor": "did you mean '#riding-a-wave'",
 "link-to-missing-anchor-other-module": "slow-breathing",
 "image-path-from-wrong-folder": "did you mean '../../images/wave.png'",
 "objective-misspelt": "did you mean 'coping'",
 "requires-misspelt": "did you mean 'breathing-basics'",
 "title-twice": "line 3",
}
def mistake(name, rule, what, edit, folder="coping"):
    text = BASE.format(id=name)
    new = edit(text)
    assert new != text, name
    lines = new.split("\n")
    marker = "\u00a7"  # the line holding the mistake carries a section sign in the edit, removed here
    line = None
    for i, l in enumerate(lines):
        if marker in l:
            line = i + 1
    assert line, name
    new = new.replace(marker, "")
    with open(os.path.join(mods, folder, name + ".md"), "w") as f:
        f.write(new)
    manifest.append(f"modules/{folder}/{name}.md {rule} {line} | {WORDS.get(name, '')} | {what}")

def sub(old, new, count=1):
    def f(t):
        assert old in t, old
        return t.replace(old, new, count)
    return f

# Blocks
mistake("checklist-never-closed", "widgets.unclosed", "a {checklist} never closed before ## Homework",
        sub("```{checklist} Things I can do\nTake a walk\nCall a friend\n```\n", "\u00a7```{checklist} Things I can do\nTake a walk\nCall a friend\n"))
mistake("worksheet-never-closed", "widgets.unclosed", "a {worksheet} never closed",
        sub("```{worksheet} Riding a wave\nscale 0-10: How strong is the urge at the start?\nlines 2: Where do I feel it in my body?\ncheck: I stayed with the urge\n```\n",
            "\u00a7```{worksheet} Riding a wave\nscale 0-10: How strong is the urge at the start?\nlines 2: Where do I feel it in my body?\ncheck: I stayed with the urge\n"))
mistake("log-never-closed", "widgets.unclosed", "the last {log} never closed (end of file)",
        sub("rows: 7\n```\n", "rows: 7\n").__call__ if False else (lambda t: t.replace("```{log} My urge log", "\u00a7```{log} My urge log").replace("rows: 7\n```\n", "rows: 7\n")))
mistake("checklist-closed-with-two-backticks", "widgets.unclosed", "a block closed with `` instead of ```",
        sub("```{checklist} Things I can do\nTake a walk\nCall a friend\n```\n", "\u00a7```{checklist} Things I can do\nTake a walk\nCall a friend\n``\n"))
mistake("checklist-indented-four-spaces", "widgets.indented", "a whole block indented four spaces prints as code",
        sub("```{checklist} Things I can do\nTake a walk\nCall a friend\n```\n", "\u00a7    ```{checklist} Things I can do\n    Take a walk\n    Call a friend\n    ```\n"))
mistake("checklist-fence-indented-four-spaces", "widgets.indented", "an opening fence indented four spaces, closing fence not",
        sub("```{checklist} Things I can do\nTake a walk\n", "\u00a7    ```{checklist} Things I can do\n    Take a walk\n"))
mistake("checklist-without-braces", "widgets.no-braces", "```checklist written without braces prints as code",
        sub("```{checklist} Things I can do", "\u00a7```checklist Things I can do"))
mistake("worksheet-without-braces", "widgets.no-braces", "```worksheet written without braces",
        sub("```{worksheet} Riding a wave", "\u00a7```worksheet Riding a wave"))
mistake("log-rows-in-words", "widgets.syntax", "rows: seven",
        sub("rows: 7", "\u00a7rows: seven"))
mistake("unknown-block-name", "widgets.unknown", "a misspelt block name",
        sub("```{checklist} Things I can do", "\u00a7```{checklst} Things I can do"))
mistake("worksheet-line-without-colon", "widgets.syntax", "a worksheet line missing its colon",
        sub("lines 2: Where do I feel it in my body?", "\u00a7lines 2 Where do I feel it in my body?"))
mistake("log-without-columns", "widgets.syntax", "a log with rows but no columns line",
        sub("columns: Day | Urge 0-10 | What I did\nrows: 7", "\u00a7column: Day | Urge 0-10 | What I did\nrows: 7"))
mistake("scale-backwards", "widgets.syntax", "a scale written high to low",
        sub("scale 0-10: How strong", "\u00a7scale 10-0: How strong"))

# Section headings
mistake("homework-minutes-after-dash", "sections.heading-suffix", "## Homework - 20 min",
        sub("## Homework (20 min)", "\u00a7## Homework - 20 min"))
mistake("homework-minutes-in-words", "sections.heading-suffix", "## Homework (twenty minutes)",
        sub("## Homework (20 min)", "\u00a7## Homework (twenty minutes)"))
mistake("homework-colon", "sections.heading-suffix", "## Homework:",
        sub("## Homework (20 min)", "\u00a7## Homework: 20 min"))
mistake("practice-minutes-no-parentheses", "sections.heading-suffix", "## Practice 30 min",
        sub("## Practice (30 min)", "\u00a7## Practice 30 min"))
mistake("practice-level-three", "sections.wrong-level", "### Practice instead of ## Practice",
        sub("## Practice (30 min)", "\u00a7### Practice (30 min)"))
mistake("homework-level-one", "sections.wrong-level", "# Homework instead of ## Homework",
        sub("## Homework (20 min)", "\u00a7# Homework (20 min)"))
mistake("homework-misspelt", "group.missing-section", "## Homwork: the required section misspelt",
        sub("## Homework (20 min)", "\u00a7## Homwork (20 min)"))
mistake("homework-missing", "group.missing-section", "no Homework section at all",
        lambda t: t.replace("group: skill-building", "\u00a7group: skill-building").replace("minutes: 50", "minutes: 30").split("## Homework")[0])
mistake("minutes-do-not-add-up", "sections.minutes-sum", "sections add to 50, minutes says 60",
        sub("minutes: 50", "\u00a7minutes: 60"))
mistake("minutes-outside-range", "group.minutes-range", "minutes: 200",
        lambda t: t.replace("minutes: 50", "\u00a7minutes: 200").replace(" (30 min)", "").replace(" (20 min)", ""))

# Front matter: YAML
mistake("topic-without-space", "front-matter.yaml-syntax", "topic:coping",
        sub("topic: coping", "\u00a7topic:coping"))
mistake("objectives-list-never-closed", "front-matter.yaml-syntax", "objectives: [coping, triggers",
        sub("objectives: [coping, triggers]", "\u00a7objectives: [coping, triggers"))
mistake("title-quote-never-closed", "front-matter.yaml-syntax", "title: \"Riding Out an Urge",
        sub("title: Riding Out an Urge", "\u00a7title: \"Riding Out an Urge"))
mistake("title-with-colon", "front-matter.yaml-syntax", "title: Urges: Riding Them Out",
        sub("title: Riding Out an Urge", "\u00a7title: Urges: Riding Them Out"))
mistake("outcome-indented-with-tab", "front-matter.yaml-syntax", "a tab before a list item",
        sub("  - Practice one way", "\u00a7\t- Practice one way"))
mistake("outcome-over-indented", "front-matter.list-indent", "an over-indented outcome joins the one above",
        sub("  - Practice one way", "\u00a7    - Practice one way"))
mistake("blank-line-before-front-matter", "front-matter.missing", "a blank line before the opening ---",
        lambda t: "\u00a7\n" + t)
mistake("front-matter-never-closed", "front-matter.unclosed", "no closing --- after the fields",
        lambda t: t.replace("---\nid:", "\u00a7---\nid:").replace("reviewed: 2026-10-01\n---\n", "reviewed: 2026-10-01\n"))

# Front matter: fields and values
mistake("objective-misspelt", "front-matter.unknown-objective", "objectives: [copping]",
        sub("objectives: [coping, triggers]", "\u00a7objectives: [copping, triggers]"))
mistake("topic-misspelt", "front-matter.unknown-topic", "topic: copin",
        sub("topic: coping", "\u00a7topic: copin"))
mistake("group-with-space", "front-matter.unknown-group", "group: skill building",
        lambda t: t.replace("group: skill-building", "\u00a7group: skill building"))
mistake("audience-plural", "front-matter.unknown-audience", "audience: adults",
        sub("minutes: 50", "minutes: 50\n\u00a7audience: adults"))
mistake("field-name-misspelt", "front-matter.missing-field", "objectivs: instead of objectives:",
        sub("objectives: [coping, triggers]", "\u00a7objectivs: [coping, triggers]"))
mistake("minutes-missing", "front-matter.missing-field", "no minutes field",
        lambda t: t.replace("---\nid:", "\u00a7---\nid:", 1).replace("minutes: 50\n", "").replace(" (30 min)", "").replace(" (20 min)", ""))
mistake("minutes-in-words", "front-matter.wrong-type", "minutes: fifty",
        sub("minutes: 50", "\u00a7minutes: fifty"))
mistake("reviewed-month-thirteen", "front-matter.invalid-date", "reviewed: 2026-13-01",
        sub("reviewed: 2026-10-01", "\u00a7reviewed: 2026-13-01"))
mistake("id-with-capitals", "front-matter.invalid-id", "id: Riding-Out",
        lambda t: t.replace("id: id-with-capitals", "\u00a7id: Riding-Out"))
mistake("title-twice", "front-matter.duplicate-field", "title written twice",
        sub("topic: coping", "\u00a7title: Riding an Urge\ntopic: coping"))
mistake("status-misspelt", "front-matter.wrong-type", "status: darft",
        sub("reviewed: 2026-10-01", "\u00a7status: darft\nreviewed: 2026-10-01"))
mistake("requires-misspelt", "requires.unknown", "requires: [breathing-basic]",
        sub("minutes: 50", "minutes: 50\n\u00a7requires: [breathing-basic]"))
mistake("reviewed-in-future", "review.future", "a review date after today",
        sub("reviewed: 2026-10-01", "\u00a7reviewed: 2027-10-01"))

# Links and images
mistake("link-to-misspelt-module", "links.broken", "a link to a misspelt module",
        sub("Try it once this week.", "\u00a7Try it once this week. See [breathing](breathing-basic.md)."))
mistake("link-to-missing-anchor", "links.anchor", "#anchor with no such heading",
        sub("Try it once this week.", "\u00a7Try it once this week. Use the [wave](#riding-a-wav)."))
mistake("link-to-missing-anchor-other-module", "links.anchor", "module.md#anchor with no such heading there",
        sub("Try it once this week.", "\u00a7Try it once this week. See [breathing](breathing-basics.md#slow-breath)."))
mistake("image-path-from-wrong-folder", "images.broken", "../images/wave.png from modules/coping (docs' example)",
        sub("An urge is like a wave.", "\u00a7![A wave](../images/wave.png)\n\nAn urge is like a wave."))
mistake("image-without-alt", "images.missing-alt", "an image with no alt text",
        sub("An urge is like a wave.", "\u00a7![](../../images/wave.png)\n\nAn urge is like a wave."))

# Words
mistake("addict-in-text", "person-first.term", "'addict' in participant text",
        sub("You can ride it out.", "\u00a7An addict can ride it out too."))
mistake("phone-number-in-example", "privacy.phone-number", "a real-looking phone number",
        sub("Try it once this week.", "\u00a7Try it once this week. Call Sam at 617-555-0134."))
mistake("raw-html-in-text", "markdown.raw-html", "raw HTML in the body",
        sub("Try it once this week.", "\u00a7<div>Try it once this week.</div>\n"))

with open(os.path.join(root, "mistakes.txt"), "w") as f:
    f.write("# One writer mistake per module: FILE RULE LINE | words the message or fix must hold | the mistake\n"
            "# MistakeCorpusTests checks that each file's first error (its first finding when it has no\n"
            "# error) is RULE at LINE and says those words, and that the file has no other error.\n")
    f.write("\n".join(manifest) + "\n")
print(len(manifest))
with open(os.path.join(mods, "coping", "breathing-basics.md"), "w") as f:
    f.write(BASE.format(id="breathing-basics").replace("title: Riding Out an Urge", "title: Breathing Basics").replace("# Riding Out an Urge", "# Breathing Basics").replace("## Practice (30 min)", "## Slow breathing (30 min)\n\nBreathe in for four counts. Breathe out for six.\n\n## Practice"))
