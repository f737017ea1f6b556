/* Language-aware words for "Ask One Provence": the same analysis of the
   site's passages (when the knowledge index loads) and of the reader's
   question, so that a question finds the words of the pages in another form.

   - French, English, Spanish, Italian, German: Snowball stemmers
     (@orama/stemmers), then accents folded ("Cézanne" = "cezanne").
   - Arabic: alef and hamza forms, ta marbuta, alef maqsura, diacritics and
     tatweel normalised, then the Snowball Arabic stemmer; a word that starts
     with a one-letter clitic (و ف ب ل ك) also counts without it.
   - Chinese: the index holds jieba's words (separated by zero-width spaces),
     cut into character bigrams, so that a question finds a word whatever the
     segmentation of its neighbours. The question is cut into words with the
     site's own words and the language's everyday words (the fewest words
     that make it up), then each word into its bigrams: a bigram that
     straddles two words of the question is not one of its words.
   Stop words: the Snowball lists (@orama/stopwords); in Chinese, only a
   whole word is a stop word ("经" is one, "经费" is not).

   How common a word is in the language (the index's `common` bands, from
   wordfreq) is read here too: `zipf(word)` is its Zipf frequency, or 0 for
   a word rarer than the bands. */

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

/* The synonyms of a term: those of its own stem, or else of the longest synonym that starts it
   (a form the stemmer leaves longer: "bezahlt" is "bezahl(en)"). */
function synonymsOf(synonyms, term) {
  if (synonyms.has(term)) return synonyms.get(term);
  let best = "";
  for (const key of synonyms.keys()) {
    if (key.length >= 5 && key.length > best.length && term.startsWith(key) && term.length - key.length <= 3) best = key;
  }
  return best ? [best, ...synonyms.get(best)] : [];
}

/* Accents removed from a stem, so that a word typed without them still matches. */
export function fold(text) {
  return text.normalize("NFD").replace(MARKS, "").normalize("NFC");
}

// The longest Chinese word looked for when a question is cut into words.
const LONGEST = 6;

export function createAnalyzer({ language, stem, stopwords, common }) {
  const arabic = language === "ar";
  const chinese = language === "zh";
  const normalize = arabic ? (text) => normalizeArabic(basic(text)) : basic;
  const stemmed = stem || ((word) => word);
  const stops = new Set((stopwords || []).map((word) => normalize(word)));
  const cache = new Map();
  // Chinese words known to cut a question: the site's (learnt as its text is analysed) and everyday ones.
  const dictionary = new Set();
  const frequencies = new Map();

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

  /* The terms of a page's text, as the index holds them (in Chinese, its words join the dictionary). */
  function terms(text) {
    if (chinese) {
      for (const segment of normalize(text).split("\u200b")) {
        const word = segment.trim();
        if (word.length > 1 && word.length <= LONGEST && /^\p{Script=Han}+$/u.test(word)) dictionary.add(word);
      }
      const cleaned = withoutStops(text);
      return [...words(cleaned).filter((word) => !HAN.test(word)), ...bigrams(cleaned)];
    }
    return words(text).flatMap(wordTerms);
  }

  /* A run of Chinese characters cut into the fewest words of the dictionary (single characters otherwise). */
  function segment(run) {
    const chars = Array.from(run);
    const best = [{ count: 0, from: -1 }];
    for (let end = 1; end <= chars.length; end++) {
      best[end] = { count: best[end - 1].count + 1, from: end - 1 };
      for (let start = Math.max(0, end - LONGEST); start < end - 1; start++) {
        if (dictionary.has(chars.slice(start, end).join("")) && best[start].count + 1 < best[end].count) best[end] = { count: best[start].count + 1, from: start };
      }
    }
    const found = [];
    for (let end = chars.length; end > 0; end = best[end].from) found.unshift(chars.slice(best[end].from, end).join(""));
    return found;
  }

  /* The question's terms, grouped: one group per word of the question (per bigram of a
     Chinese word), each with the terms that stand for it. `own`: the word's own forms;
     `terms`: those and its synonyms; `word`: the word as the reader wrote it; `share`:
     the part of the word's weight the group carries (a Chinese word's bigrams share it). */
  function groups(text, synonyms) {
    const group = (word, own, share = 1) => {
      const more = own.flatMap((term) => synonymsOf(synonyms, term));
      return { word, own, terms: [...new Set([...own, ...more])], share };
    };
    if (chinese) {
      const found = [];
      for (const piece of normalize(text).split(/(\p{Script=Han}+)/u)) {
        if (!HAN.test(piece)) {
          found.push(...words(piece).map((word) => group(word, [word])));
          continue;
        }
        // Characters the dictionary does not join into words stay together (a word it lacks: "镜面").
        const pieces = [];
        for (const word of segment(piece)) {
          if (stops.has(word)) pieces.push(null);
          else if (word.length === 1 && pieces.length && pieces[pieces.length - 1] && pieces[pieces.length - 1].loose) pieces[pieces.length - 1].text += word;
          else pieces.push({ text: word, loose: word.length === 1 });
        }
        for (const { text: word } of pieces.filter(Boolean)) {
          const chars = Array.from(word);
          if (chars.length === 1) found.push(group(word, [word]));
          for (let i = 0; i + 1 < chars.length; i++) {
            const gram = chars[i] + chars[i + 1];
            found.push(group(word.length > 2 && !dictionary.has(word) ? gram : word, [gram], dictionary.has(word) ? 1 / (chars.length - 1) : 1));
          }
        }
      }
      return found;
    }
    return words(text).map((word) => group(word, wordTerms(word)));
  }

  /* The Zipf frequency of a word of the language (0: rarer than the everyday words). */
  function zipf(word) {
    if (chinese) return frequencies.get(normalize(word)) || 0;
    return Math.max(0, ...wordTerms(normalize(word)).map((term) => frequencies.get(term) || 0));
  }

  /* Reads the index's everyday words: their frequencies, and (Chinese) the dictionary. */
  function learnCommon({ from, step, bands } = {}) {
    (bands || []).forEach((band, position) => {
      const value = from + step * (bands.length - position - 0.5);
      for (const word of band.split(" ")) {
        if (!word) continue;
        if (chinese) {
          if (word.length <= LONGEST && !frequencies.has(word)) frequencies.set(word, value);
          if (word.length > 1 && word.length <= LONGEST) dictionary.add(word);
          continue;
        }
        for (const term of wordTerms(normalize(word))) if (!frequencies.has(term)) frequencies.set(term, value);
      }
    });
  }
  learnCommon(common);

  /* The question's words as compared with the question words of data/assistant.yml. */
  function cues(text) {
    if (chinese) return normalize(text);
    return Array.from(normalize(text).matchAll(WORD), (match) => fold(stemmed(match[0])));
  }

  return { normalize, terms, groups, cues, words, wordTerms, zipf };
}
