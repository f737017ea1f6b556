/* "Ask One Provence": answers a question from the site's knowledge index
   (<language>/assistant/knowledge.json, written by hooks/assistant.py), in
   the reader's browser; nothing is sent anywhere. The same module runs under
   Node for the accuracy benchmark (benchmarks/assistant/).

   1. The kind of question (figure, date, place, who, or a passage) comes
      from the question words of data/assistant.yml.
   2. MiniSearch ranks the passages of the pages, the key figures, the
      collections' items and the partner tiers (BM25+, field boosts).
   3. The answer of that kind is built from what ranks best: a figure with
      the passages that show it, an item (place, event, partner) with its
      page, the partners of a tier, or the best sentences of a passage.
   4. An answer must match most of what the question says (its words
      weighted by how rare they are on the site); otherwise the site does
      not answer it, and the closest pages are offered instead. Nothing is
      ever written that is not on the site. */

import MiniSearch from "./vendor/minisearch.js";
import { createAnalyzer } from "./analysis.js";

// Field boosts: a section's heading, then its page's title, then its text.
const BOOST = { title: 2, context: 1.5, text: 1 };
// The method's settings (benchmarks/assistant/ tunes them on half of the evaluation set):
// coverage, the share of the question's weight that an answer must match; prefix, the
// shortest question term that also finds longer words ("cookie" finds "cookies");
// unknown, the weight of a word the site never uses, against the rarest word it uses.
// typed, the coverage a figure, place, date or "who" answer needs (it must also match one of
// the question's rarer words: anchor, its weight against the question's heaviest word).
export const SETTINGS = { coverage: 0.45, typed: 0.3, anchor: 0.5, prefix: 5, unknown: 1 };
// Languages that write compound nouns as one word: a word of the question that the site does
// not use is also looked for inside the site's compounds, and as the compound of two site words.
const COMPOUNDING = new Set(["de"]);
// A second item scoring this close to the first makes a "who" answer a list.
const CLOSE = 0.7;
const SOURCES = 3;

export function createAssistant(knowledge, { stem, stopwords, settings = SETTINGS } = {}) {
  const { coverage: COVERAGE, typed: TYPED, anchor: ANCHOR, prefix, unknown: unknownShare } = { ...SETTINGS, ...settings };
  const analyzer = createAnalyzer({ language: knowledge.language, stem, stopwords });
  const words = knowledge.words;
  const synonyms = synonymGroups(words.synonyms || [], analyzer);
  const docs = documents(knowledge);
  const frequency = new Map();
  const engine = new MiniSearch({
    fields: ["title", "context", "text"],
    storeFields: [],
    tokenize: (text) => (text ? text.split(" ") : []),
    processTerm: (term) => term || null,
  });
  engine.addAll(docs.map((doc, id) => analysed(doc, id, analyzer, frequency)));
  const total = docs.length;
  const unknown = unknownShare * Math.log(1 + (total - 0.5) / 1.5);
  const weight = (term) => (frequency.has(term) ? Math.log(1 + (total - frequency.get(term) + 0.5) / (frequency.get(term) + 0.5)) : unknown);
  const cues = questionCues(words, analyzer);
  const byPage = passagesByPage(knowledge);
  const byFigure = passagesByFigure(knowledge);

  function ask(question) {
    const kind = kindOf(question, cues, analyzer);
    const groups = contentGroups(question, kind, cues, analyzer, synonyms).map((group) =>
      COMPOUNDING.has(knowledge.language) ? compoundParts(group, frequency) : group);
    const weights = groups.map((group) => Math.max(...group.map(weight)));
    const heaviest = Math.max(0, ...groups.map((group, index) => (group.some((term) => frequency.has(term)) ? weights[index] : 0)));
    // An answer of a kind must match a word that says what the question is about, not only "Marseille".
    const anchored = (ids) => groups.some((group, index) => weights[index] >= ANCHOR * heaviest &&
      ids.some((id) => found.has(id) && group.some((term) => found.get(id).terms.has(term))));
    const found = search(engine, groups, prefix);
    const matched = (ids) => coverage(groups, weights, ids.map((id) => found.get(id)).filter(Boolean));
    const scoreOf = (id) => (found.get(id) || { score: 0 }).score;
    const ranked = rankPassages(knowledge, docs, found, matched);
    const context = { knowledge, docs, found, matched, anchored, scoreOf, ranked, byPage, byFigure, kind };
    const typed = kind === "passage" ? null : typedAnswer(kind, context, words);
    let answer = typed && typed.coverage >= TYPED && typed.anchored ? typed : null;
    if (!answer && ranked.length && ranked[0].coverage >= COVERAGE && (kind === "passage" || ranked[0].coverage >= COVERAGE + 0.25)) {
      answer = passageAnswer(ranked[0], context, groups, weights, analyzer);
    }
    if (!answer) {
      const nearest = Math.max(typed ? typed.coverage : 0, ranked.length ? ranked[0].coverage : 0);
      return { kind: "none", asked: kind, coverage: nearest, closest: closestPages(knowledge, ranked) };
    }
    answer.asked = kind;
    answer.related = relatedPages(knowledge, ranked, answer.sources);
    return answer;
  }

  return { ask, map: (knowledge.links || {}).map, kindOf: (question) => kindOf(question, cues, analyzer) };
}

// --- The documents of the index

/* Every passage, figure, item and tier, as a document of the search engine. */
function documents(knowledge) {
  const docs = [];
  knowledge.passages.forEach((passage, index) => {
    const page = knowledge.pages[passage.page];
    docs.push({ type: "passage", index, title: passage.anchor ? passage.title : "", context: page.title, text: passage.sentences.join(" ") });
  });
  knowledge.figures.forEach((figure, index) => docs.push({ type: "figure", index, title: figure.label, context: "", text: figure.value }));
  knowledge.items.forEach((item, index) => {
    const facts = (item.facts || []).map((fact) => fact.value).join(" ");
    docs.push({ type: "item", index, title: item.title, context: "", text: `${item.summary} ${facts}` });
  });
  knowledge.groups.forEach((group, index) => docs.push({ type: "group", index, title: group.label, context: "", text: group.description }));
  return docs;
}

/* A document with its fields as terms, counted in the terms' document frequency. */
function analysed(doc, id, analyzer, frequency) {
  const seen = new Set();
  const fields = {};
  for (const field of ["title", "context", "text"]) {
    const terms = analyzer.terms(doc[field] || "");
    terms.forEach((term) => seen.add(term));
    fields[field] = terms.join(" ");
  }
  seen.forEach((term) => frequency.set(term, (frequency.get(term) || 0) + 1));
  return { id, ...fields };
}

function passagesByPage(knowledge) {
  const pages = knowledge.pages.map(() => []);
  knowledge.passages.forEach((passage, index) => pages[passage.page].push(index));
  return pages;
}

function passagesByFigure(knowledge) {
  const figures = new Map();
  knowledge.passages.forEach((passage, index) => {
    for (const id of passage.figures || []) {
      if (!figures.has(id)) figures.set(id, []);
      figures.get(id).push(index);
    }
  });
  return figures;
}

/* Synonym groups as term -> the terms of the other words of its group. */
function synonymGroups(groups, analyzer) {
  const map = new Map();
  for (const group of groups) {
    const terms = [...new Set(group.flatMap((word) => analyzer.terms(word)))];
    for (const term of terms) map.set(term, [...new Set([...(map.get(term) || []), ...terms.filter((other) => other !== term)])]);
  }
  return map;
}

// --- Understanding the question

/* The question words of each kind, analysed as questions are. */
function questionCues(words, analyzer) {
  const phrases = (list) =>
    list.map((phrase) => {
      const first = phrase.startsWith("^");
      return { first, cue: analyzer.cues(first ? phrase.slice(1) : phrase) };
    });
  return {
    which: phrases(words.which || []),
    ignore: phrases(words.ignore || []),
    kinds: words.kinds.map((kind) => ({ id: kind.id, collections: kind.collections, words: phrases(kind.words), nouns: phrases(kind.nouns || []) })),
  };
}

/* Where a cue occurs in the question: token positions (or character positions in Chinese). */
function occurrences(question, cue) {
  const found = [];
  if (typeof question === "string") {
    for (let at = question.indexOf(cue.cue); at !== -1 && cue.cue; at = question.indexOf(cue.cue, at + 1)) {
      if (!cue.first || at === 0) found.push(at);
    }
    return found;
  }
  const length = cue.cue.length;
  for (let at = 0; length && at + length <= question.length; at++) {
    if (cue.first && at > 0) break;
    if (cue.cue.every((token, offset) => question[at + offset] === token)) found.push(at);
  }
  return found;
}

/* The kind of the question: the first kind whose words it has, or whose noun follows a "which" word. */
function kindOf(question, cues, analyzer) {
  const tokens = analyzer.cues(question);
  const whichAt = cues.which.flatMap((cue) => occurrences(tokens, cue));
  for (const kind of cues.kinds) {
    if (kind.words.some((cue) => occurrences(tokens, cue).length)) return kind.id;
    const nounAt = kind.nouns.flatMap((cue) => occurrences(tokens, cue));
    if (nounAt.some((at) => whichAt.some((which) => which < at && at - which <= 5))) return kind.id;
  }
  return "passage";
}

/* The question's words that say what it is about: without its question words. */
function contentGroups(question, kind, cues, analyzer, synonyms) {
  const dropped = [...cues.which, ...cues.ignore, ...cues.kinds.flatMap((entry) => entry.words)];
  const own = cues.kinds.find((entry) => entry.id === kind);
  if (own && (kind === "date" || kind === "place")) dropped.push(...own.nouns);
  if (typeof analyzer.cues("") === "string") {
    let text = analyzer.normalize(question);
    for (const cue of dropped.map((entry) => entry.cue).sort((a, b) => b.length - a.length)) if (cue) text = text.split(cue).join(" ");
    return analyzer.groups(text, synonyms);
  }
  const stems = new Set(dropped.flatMap((entry) => entry.cue));
  const kept = analyzer.words(question).filter((word) => !stems.has(analyzer.cues(word)[0]));
  return analyzer.groups(kept.join(" "), synonyms);
}

/* A word of the question, in a compounding language: also the site's compounds that end with it
   ("Budget" in "Jahresbudget"); a word the site does not use: also the two site words it is made of. */
function compoundParts(group, frequency) {
  const parts = new Set(group);
  for (const term of group) {
    let compounds = 0;
    for (const known of frequency.keys()) {
      if (term.length >= 4 && known.length >= term.length + 3 && known.endsWith(term) && compounds++ < 5) parts.add(known);
    }
    if (frequency.has(term)) continue;
    for (let cut = 3; cut <= term.length - 4; cut++) {
      const head = term.slice(0, cut);
      const tail = term.slice(cut);
      const linked = head.endsWith("s") && frequency.has(head.slice(0, -1)) ? head.slice(0, -1) : head;
      if (frequency.has(linked) && frequency.has(tail)) parts.add(linked).add(tail);
    }
  }
  return [...parts];
}

// --- Ranking

/* Every document that matches a term of the question: its score and the terms it matched. */
function search(engine, groups, prefix) {
  const terms = [...new Set(groups.flat())];
  const found = new Map();
  if (!terms.length) return found;
  const results = engine.search({ combineWith: "OR", queries: terms }, {
    tokenize: (text) => [text],
    processTerm: (term) => term,
    boost: BOOST,
    prefix: (term) => term.length >= prefix,
    fuzzy: false,
  });
  for (const result of results) found.set(result.id, { score: result.score, terms: new Set(result.queryTerms) });
  return found;
}

/* The weight share of the question's word groups matched by some documents. */
function coverage(groups, weights, matches) {
  let all = 0;
  let hit = 0;
  groups.forEach((group, index) => {
    all += weights[index];
    if (matches.some((match) => group.some((term) => match.terms.has(term)))) hit += weights[index];
  });
  return all ? hit / all : 0;
}

/* Passages by score, each with its coverage of the question. */
function rankPassages(knowledge, docs, found, matched) {
  const ranked = [];
  for (const [id, match] of found) {
    if (docs[id].type !== "passage") continue;
    ranked.push({ passage: docs[id].index, id, score: match.score, coverage: matched([id]) });
  }
  return ranked.sort((a, b) => b.score * (0.5 + b.coverage) - a.score * (0.5 + a.coverage) || a.passage - b.passage);
}

const docId = {
  figure: (knowledge, index) => knowledge.passages.length + index,
  item: (knowledge, index) => knowledge.passages.length + knowledge.figures.length + index,
  group: (knowledge, index) => knowledge.passages.length + knowledge.figures.length + knowledge.items.length + index,
};

// --- Answers

function typedAnswer(kind, context, words) {
  if (kind === "figure") return figureAnswer(context);
  const collections = (words.kinds.find((entry) => entry.id === kind) || {}).collections || [];
  if (kind === "who") return whoAnswer(context, collections);
  return itemAnswer(kind, context, collections);
}

/* The figure whose label and citing passages match best, with those passages as sources. */
function figureAnswer({ knowledge, found, matched, anchored, scoreOf, byFigure }) {
  let best = null;
  knowledge.figures.forEach((figure, index) => {
    const figureId = docId.figure(knowledge, index);
    const citing = (byFigure.get(figure.id) || []).slice().sort((a, b) => scoreOf(b) - scoreOf(a) || a - b);
    if (!citing.length) return;
    const lead = citing[0];
    const score = scoreOf(figureId) + scoreOf(lead);
    // The figure's own label must say something the question asks.
    if (!found.has(figureId) || (best && score <= best.score)) return;
    best = { score, figure, citing, coverage: matched([figureId, lead]), anchored: anchored([figureId, lead]) };
  });
  if (!best) return null;
  const cited = best.citing.filter((index) => found.has(index));
  return { kind: "figure", figure: best.figure, coverage: best.coverage, anchored: best.anchored, sources: sourcesOf(knowledge, cited.length ? cited : best.citing.slice(0, 1)) };
}

/* The item of the kind's collections (a place, an event) whose card and page match best. */
function itemAnswer(kind, context, collections) {
  const best = bestItems(context, collections)[0];
  if (!best) return null;
  return { kind, items: [best.item], coverage: best.coverage, anchored: best.anchored, sources: best.sources };
}

/* Items of some collections, by how well their card and their page's passages match. */
function bestItems({ knowledge, found, matched, anchored, scoreOf, byPage }, collections) {
  const scored = [];
  knowledge.items.forEach((item, index) => {
    if (!collections.includes(item.collection)) return;
    const itemId = docId.item(knowledge, index);
    const own = item.page === undefined ? [] : byPage[item.page].filter((id) => found.has(id)).sort((a, b) => scoreOf(b) - scoreOf(a));
    const score = scoreOf(itemId) + (own.length ? scoreOf(own[0]) : 0) + (own.length > 1 ? scoreOf(own[1]) / 2 : 0);
    if (!score) return;
    const lead = own.length ? own : item.page === undefined ? [] : byPage[item.page].slice(0, 1);
    const ids = [itemId, ...own.slice(0, 2)];
    scored.push({ item, index, score, coverage: matched(ids), anchored: anchored(ids), sources: sourcesOf(knowledge, lead) });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index);
}

/* Partners: one partner, several that match alike, or the partners of a tier. */
function whoAnswer(context, collections) {
  const { knowledge, found, matched, anchored, scoreOf } = context;
  const items = bestItems(context, collections);
  let tier = null;
  knowledge.groups.forEach((group, index) => {
    const groupId = docId.group(knowledge, index);
    const listing = knowledge.passages.findIndex((passage) => passage.anchor === `tier-${group.id}`);
    const score = scoreOf(groupId) + (listing >= 0 ? scoreOf(listing) : 0);
    const ids = listing >= 0 ? [groupId, listing] : [groupId];
    if (score && (!tier || score > tier.score)) tier = { group, score, listing, coverage: matched(ids), anchored: anchored(ids) };
  });
  const members = (group) => knowledge.items.filter((item) => collections.includes(item.collection) && item.group === group.id);
  if (tier && (!items.length || tier.score >= items[0].score)) {
    const sources = tier.listing >= 0 ? sourcesOf(knowledge, [tier.listing]) : [];
    return { kind: "who", group: tier.group, items: members(tier.group), coverage: tier.coverage, anchored: tier.anchored, sources };
  }
  if (!items.length) return null;
  const close = items.filter((entry) => entry.score >= CLOSE * items[0].score);
  if (close.length === 1) return { kind: "who", items: [items[0].item], coverage: items[0].coverage, anchored: items[0].anchored, sources: items[0].sources };
  // Several partners match alike: the passage that names most of them (with the best score) is the source.
  const wanted = new Set(close.map((entry) => entry.index));
  let listing = null;
  for (const [id, match] of found) {
    const passage = knowledge.passages[id];
    if (!passage || !passage.items) continue;
    const named = passage.items.filter((index) => wanted.has(index)).length;
    if (named > 1 && (!listing || named > listing.named || (named === listing.named && match.score > listing.score))) listing = { id, named, score: match.score };
  }
  const sources = listing ? sourcesOf(knowledge, [listing.id]) : close.flatMap((entry) => entry.sources).slice(0, SOURCES);
  const coverageOf = listing ? Math.max(matched([listing.id]), items[0].coverage) : items[0].coverage;
  return { kind: "who", items: close.map((entry) => entry.item), coverage: coverageOf, anchored: items[0].anchored, sources };
}

/* The one to three sentences of a passage that match the question best. */
function passageAnswer(best, { knowledge }, groups, weights, analyzer) {
  const passage = knowledge.passages[best.passage];
  const scores = passage.sentences.map((sentence) => {
    const terms = new Set(analyzer.terms(sentence));
    return groups.reduce((sum, group, index) => sum + (group.some((term) => terms.has(term)) ? weights[index] : 0), 0);
  });
  let first = scores.indexOf(Math.max(...scores));
  if (first < 0) first = 0;
  const quote = [passage.sentences[first]];
  for (let next = first + 1; next < passage.sentences.length && quote.length < 3; next++) {
    if (quote.join(" ").length > 160 && scores[next] === 0) break;
    quote.push(passage.sentences[next]);
    if (quote.join(" ").length > 240) break;
  }
  return { kind: "passage", quote: quote.map(display), coverage: best.coverage, sources: sourcesOf(knowledge, [best.passage]) };
}

// --- Sources

/* Distinct pages of some passages, as links to their sections. */
function sourcesOf(knowledge, passages) {
  const sources = [];
  for (const index of passages) {
    const passage = knowledge.passages[index];
    const page = knowledge.pages[passage.page];
    if (sources.some((source) => source.path === page.path)) continue;
    sources.push({ path: page.path, anchor: passage.anchor, title: display(passage.anchor ? passage.title : page.title), page: display(page.title) });
    if (sources.length === SOURCES) break;
  }
  return sources;
}

/* Other pages that match the question, after the sources, up to three pages in all. */
function relatedPages(knowledge, ranked, sources) {
  const related = [];
  for (const entry of ranked) {
    if (sources.length + related.length >= SOURCES) break;
    const [page] = sourcesOf(knowledge, [entry.passage]);
    if (![...sources, ...related].some((source) => source.path === page.path)) related.push(page);
  }
  return related;
}

function closestPages(knowledge, ranked) {
  return relatedPages(knowledge, ranked, []);
}

/* Text as readers see it: without the zero-width spaces between Chinese words. */
function display(text) {
  return String(text).replace(/\u200b/g, "");
}
