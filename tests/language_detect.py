"""Which language a text is written in, from its script and its commonest
words: enough to tell a page left in French (or English) from a translation."""

from __future__ import annotations

import re
from collections import Counter

# Short function words that are frequent in running text and rare elsewhere.
FUNCTION_WORDS = {
    "fr": {"le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "sur", "au", "aux", "avec", "sont", "ces", "leur", "plus", "elle", "ses"},
    "en": {"the", "and", "of", "to", "is", "in", "for", "with", "that", "are", "on", "by", "its", "from", "as", "which", "this", "their", "it", "be"},
    "es": {"el", "los", "las", "y", "es", "una", "del", "para", "que", "con", "por", "su", "sus", "al", "como", "más", "entre", "este", "esta", "son"},
    "it": {"il", "gli", "della", "e", "è", "una", "del", "per", "che", "con", "di", "sono", "nel", "alla", "delle", "dei", "tra", "come", "questo", "anche"},
    "de": {"der", "die", "das", "und", "ist", "eine", "des", "mit", "für", "den", "dem", "von", "zu", "im", "auf", "sich", "ein", "nicht", "auch", "als"},
}
HAN = re.compile(r"[\u4e00-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def script_share(text: str, script: re.Pattern) -> float:
    """Share of the letters of a text that belong to a script."""
    letters = LETTER.findall(text)
    return len(script.findall(text)) / len(letters) if letters else 0.0


def detect(text: str) -> str | None:
    """The language code of a text, or None when it has too few words to tell."""
    if script_share(text, HAN) > 0.3:
        return "zh"
    if script_share(text, ARABIC) > 0.3:
        return "ar"
    words = Counter(word.lower() for word in WORD.findall(text))
    scores = {code: sum(words[word] for word in vocabulary) for code, vocabulary in FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 3 else None
