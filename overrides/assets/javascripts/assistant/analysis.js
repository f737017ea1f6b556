/* Language-aware words for "Ask One Provence": the same analysis of the
   site's passages (when the knowledge index loads) and of the reader's
   question, so that a question finds the words of the pages in another form.

   - French, English, Spanish, Italian, German: Snowball stemmers
     (@orama/stemmers), then accents folded ("Cézanne" = "cezanne").
   - Arabic: alef and hamza forms, ta marbuta, alef maqsura, diacritics and
     tatweel normalised, then the Snowball Arabic stemmer; a word that starts
     with a one-letter clitic (و ف ب ل ك) also counts without it.
   - Chinese: the index holds jieba's words (separated by zero-width spaces);
     both sides are also cut into character bigrams, so a question finds a
     word whatever the segmentation (or the transliteration) of its neighbours.
   Stop words: the Snowball lists (@orama/stopwords). */

const WORD = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const ZWSP = /\u200b/g;
const MARKS = /\p{M}+/gu;
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const CLITIC = /^[وفبلك]/;

/* Lower case, the typographic apostrophe as the plain one, Unicode composed. */
function basic(text) {
  return String(text).normalize("NFC").toLowerCase().replace(/[\u2019\u02bc]/g, "'");
}

/* Arabic letters reduced to one form each (as readers type them, with or without hamza). */
export function normalizeArabic(text) {
  return text
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
}

/* Accents removed from a stem, so that a word typed without them still matches. */
export function fold(text) {
  return text.normalize("NFD").replace(MARKS, "").normalize("NFC");
}

export function createAnalyzer({ language, stem, stopwords }) {
  const arabic = language === "ar";
  const chinese = language === "zh";
  const normalize = arabic ? (text) => normalizeArabic(basic(text)) : basic;
  const stemmed = stem || ((word) => word);
  const stops = new Set((stopwords || []).map((word) => normalize(word)));
  const cache = new Map();

  /* The index terms of one word (several for an Arabic word with a clitic). */
  function wordTerms(word) {
    let terms = cache.get(word);
    if (terms) return terms;
    const root = fold(stemmed(word));
    terms = [root];
    if (arabic && CLITIC.test(word) && word.length > 3) {
      const bare = fold(stemmed(word.slice(1)));
      if (bare !== root) terms.push(bare);
    }
    if (arabic && CLITIC.test(root) && root.length > 3 && !terms.includes(root.slice(1))) terms.push(root.slice(1));
    cache.set(word, terms);
    return terms;
  }

  /* The words of a text, normalised, without stop words (one-letter words are elisions: l', d'). */
  function words(text) {
    const found = [];
    for (const match of normalize(text).replace(ZWSP, " ").matchAll(WORD)) {
      const word = match[0];
      if (stops.has(word) || (word.length < 2 && !/\p{N}/u.test(word) && !HAN.test(word))) continue;
      found.push(word);
    }
    return found;
  }

  /* Character bigrams of the Chinese runs of a text, runs cut at stop words. */
  function bigrams(text) {
    const found = [];
    for (const run of normalize(text).matchAll(HAN_RUN)) {
      const chars = Array.from(run[0]);
      for (let i = 0; i + 1 < chars.length; i++) found.push(chars[i] + chars[i + 1]);
      if (chars.length === 1 && !stops.has(chars[0])) found.push(chars[0]);
    }
    return found;
  }

  /* Chinese text with jieba's segments that are stop words taken out (a run is cut there). */
  function withoutStops(text) {
    return normalize(text)
      .split("\u200b")
      .map((segment) => (stops.has(segment.trim()) ? " " : segment))
      .join("");
  }

  /* The terms of a page's text, as the index holds them. */
  function terms(text) {
    if (chinese) {
      const cleaned = withoutStops(text);
      return [...words(cleaned).filter((word) => !HAN.test(word)), ...bigrams(cleaned)];
    }
    return words(text).flatMap(wordTerms);
  }

  /* The question's terms, grouped: one group per word of the question, each
     with the terms that stand for it (its forms, its synonyms). */
  function groups(text, synonyms) {
    if (chinese) {
      let cleaned = normalize(text);
      for (const stop of stops) if (stop.length > 1 && HAN.test(stop)) cleaned = cleaned.split(stop).join(" ");
      cleaned = Array.from(cleaned).map((char) => (stops.has(char) ? " " : char)).join("");
      const latin = words(cleaned).filter((word) => !HAN.test(word)).map((word) => [word]);
      return [...latin, ...bigrams(cleaned).map((gram) => [gram, ...(synonyms.get(gram) || [])])];
    }
    return words(text).map((word) => {
      const own = wordTerms(word);
      const more = own.flatMap((term) => synonyms.get(term) || []);
      return [...new Set([...own, ...more])];
    });
  }

  /* The question's words as compared with the question words of data/assistant.yml. */
  function cues(text) {
    if (chinese) return normalize(text);
    return Array.from(normalize(text).matchAll(WORD), (match) => fold(stemmed(match[0])));
  }

  return { normalize, terms, groups, cues, words, wordTerms };
}
