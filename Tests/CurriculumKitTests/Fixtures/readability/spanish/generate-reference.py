#!/usr/bin/env python3
"""Records reference Spanish syllable counts from silabeador (PyPI) for the Spanish readability tests.

Not run by the tests: they read the .tsv files this writes. To regenerate:

    python3 -m venv /tmp/sil && /tmp/sil/bin/pip install silabeador==1.2.4.post1
    /tmp/sil/bin/python generate-reference.py

Writes, with silabeador's version in the file names:
- reference-silabeador-VERSION-words.tsv: every word of words.txt and of the passages, with the
  number of syllables silabeador gives it (default settings);
- reference-silabeador-VERSION-passages.tsv: for each passage, its words, sentences and
  syllables and the Szigriszt-Pazos index (IPSZ = 206.835 - 62.3 x syllables/words -
  words/sentences), with silabeador's syllables.

Each passage is Markdown; the text is what a reader sees: list and dialogue markers removed.
Words are runs of letters and digits (inner ':' '.' ',' between digits, and hyphens, kept);
a number counts as one syllable. Sentences end at '.', '!', '?' and '…' (not after the
abbreviations below, nor inside numbers), and at the end of a paragraph or list item.
"""
import glob
import os
import re
from importlib import metadata

import silabeador

HERE = os.path.dirname(os.path.abspath(__file__))
ABBREVIATIONS = {"dr", "dra", "sr", "sra", "srta", "etc", "ee", "uu", "ud", "uds", "núm", "pág"}
WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[:.,](?=\d))[^\W_]+)*")


def blocks(markdown):
    out = []
    for paragraph in re.split(r"\n\s*\n", markdown.strip()):
        lines = paragraph.split("\n")
        if all(re.match(r"\s*[-*] ", line) for line in lines):
            out += [re.sub(r"^\s*[-*] ", "", line) for line in lines]
        else:
            out.append(" ".join(line.strip() for line in lines))
    return out


def syllabify(part):
    # silabeador 1.2.4 fails on words it takes for Latin (ending in -am, -um, -at, -it ... with
    # no accent, such as "disulfiram"); those are syllabified without its exception lists.
    try:
        return silabeador.syllabify(part)
    except TypeError:
        return silabeador.syllabify(part, exceptions=0)


def syllables(word):
    if any(c.isdigit() for c in word):
        return 1
    return sum(len(syllabify(part)) for part in word.split("-") if part)


def count(block):
    words = [m for m in WORD.finditer(block)]
    sentences = 0
    pending = False
    for i, m in enumerate(words):
        pending = True
        after = block[m.end():m.end() + 1]
        rest = block[m.end():]
        end = re.match(r"[.!?…]+", rest)
        if end:
            if end.group() == "." and m.group().lower() in ABBREVIATIONS:
                nxt = words[i + 1].group() if i + 1 < len(words) else ""
                if not (nxt[:1].isupper() and m.group().lower() in {"etc"}):
                    continue
            sentences += 1
            pending = False
    if pending:
        sentences += 1
    return [w.group() for w in words], sentences


def main():
    version = metadata.version("silabeador")
    vocabulary = set()
    with open(os.path.join(HERE, "words.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                vocabulary.add(line)
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, "passages", "*.md"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("—", " ")
        words, sentences, total = 0, 0, 0
        for block in blocks(text):
            found, n = count(block)
            words += len(found)
            sentences += n
            for word in found:
                total += syllables(word)
                if not any(c.isdigit() for c in word):
                    vocabulary.add(word.lower())
        ipsz = 206.835 - 62.3 * total / words - words / sentences
        rows.append(f"{os.path.basename(path)}\t{words}\t{sentences}\t{total}\t{ipsz:.4f}")
    with open(os.path.join(HERE, f"reference-silabeador-{version}-passages.tsv"), "w", encoding="utf-8") as out:
        out.write(f"# silabeador {version} (PyPI), default settings; written by generate-reference.py\n")
        out.write("passage\twords\tsentences\tsyllables\tipsz\n")
        out.write("\n".join(rows) + "\n")
    with open(os.path.join(HERE, f"reference-silabeador-{version}-words.tsv"), "w", encoding="utf-8") as out:
        out.write(f"# silabeador {version} (PyPI), default settings; written by generate-reference.py\n")
        out.write("word\tsyllables\tsilabeador\n")
        for word in sorted(vocabulary, key=lambda w: (w.lower(), w)):
            parts = [s for part in word.split("-") if part for s in syllabify(part)]
            out.write(f"{word}\t{len(parts)}\t{'-'.join(parts)}\n")


if __name__ == "__main__":
    main()
