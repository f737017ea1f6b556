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
   4. An answer must match most of what the question says, and enough of
      it: each word of the question weighs by how rare it is on the site
      (BM25's idf; a word the site never uses as the rarest) and in the
      language (wordfreq's everyday words weigh less: "see", "work" tell less
      than "flamingo" or "hotel"). Otherwise the site does not answer it,
      and the closest pages are offered instead. Nothing is ever written
      that is not on the site. */

import MiniSearch from "./vendor/minisearch.js";
import { createAnalyzer } from "./analysis.js";

// Field boosts: a section's heading, then its page's title, then its text.
const BOOST = { title: 2, context: 1.5, text: 1 };
// The method's settings (benchmarks/assistant/ tunes them on half of the evaluation set):
// coverage, the share of the question's weight that a passage must match (fallback: when the
// question asked for a figure, place, date or "who" and that answer failed); typed, the
// share a figure, place, date or "who" answer must match; evidence, the weight it must match
// at least, against a word the site never uses (so that "Marseille" alone answers nothing);
// prefix, the shortest question term that also finds longer words ("cookie" finds "cookies");
// unknown, the weight of a word the site never uses, against the rarest word it uses;
// everyday: how much less a word weighs per Zipf point above 4 (ten per million words),
// down to at most `floor` of its weight.
export const SETTINGS = { coverage: 0.4, fallback: 0.7, typed: 0.3, evidence: 0.3, strong: 0.6, prefix: 5, unknown: 1, everyday: 0.25, floor: 0.3 };
// Languages that write compound nouns as one word: a word of the question that the site does
// not use is also looked for inside the site's compounds, and as the compound of two site words.
const COMPOUNDING = new Set(["de"]);
// A tier whose member is the best partner answers when it matches this share of that partner's coverage.
const TIER_SHARE = 0.5;
// Kinds of question answered from data/figures.yml and the events only.
const DATA_KINDS = new Set(["figure", "date"]);
// A second item scoring this close to the first makes a "who" answer a list.
const CLOSE = 0.7;
const SOURCES = 3;

export function createAssistant(knowledge, { stem, stopwords, settings = SETTINGS } = {}) {
  const tuned = { ...SETTINGS, ...settings };
  const analyzer = createAnalyzer({ language: knowledge.language, stem, stopwords, common: knowledge.common });
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
  const idf = (count) => Math.log(1 + (total - count + 0.5) / (count + 0.5));
  const rarest = idf(0);
  const weightOf = (group) => groupWeight(group, frequency, idf, analyzer, tuned) * group.share;
  const cues = questionCues(words, analyzer);
  const byPage = passagesByPage(knowledge);
  const byFigure = passagesByFigure(knowledge);
  const labelTerms = knowledge.figures.map((figure) => [...new Set(analyzer.terms(figure.label))]);
  const pageTerms = knowledge.pages.map((page) => [...new Set(analyzer.terms(page.title))]);

  function ask(question) {
    const kind = kindOf(question, cues, analyzer);
    const groups = contentGroups(question, kind, cues, analyzer, synonyms).map((group) =>
      COMPOUNDING.has(knowledge.language) ? compoundParts(group, frequency) : group);
    const weights = groups.map(weightOf);
    const found = search(engine, groups.map((group) => group.terms), tuned.prefix);
    const matchesOf = (ids) => ids.map((id) => found.get(id)).filter(Boolean);
    const matched = (ids) => coverage(groups, weights, matchesOf(ids));
    // The weight an answer matches, against a word the site never uses.
    const evidence = (ids, only = () => true) => coverage(groups, weights.map((weight, index) => (only(groups[index]) ? weight : 0)), matchesOf(ids), false) / rarest;
    const scoreOf = (id) => (found.get(id) || { score: 0 }).score;
    const ranked = rankPassages(knowledge, docs, found, matched);
    const context = { knowledge, docs, found, matched, evidence, scoreOf, ranked, byPage, byFigure, labelTerms, pageTerms, kind, tuned };
    const tokens = analyzer.cues(question);
    const asked = cues.units.filter((entry) => entry.words.some((cue) => occurrences(tokens, cue).length));
    context.units = asked.map((entry) => entry.unit);
    // The question's words that are not its unit words ("argent" in "combien d'argent"): what it is about.
    const unitWords = new Set(asked.flatMap((entry) => entry.words.map((cue) => String(cue.cue))));
    context.subject = (group) => !unitWords.has(String(analyzer.cues(group.word)));
    const typed = kind === "passage" ? null : typedAnswer(kind, context, words);
    const accepted = (candidate) => candidate.evidence >= tuned.evidence && (candidate.coverage >= tuned.typed || candidate.evidence >= tuned.strong);
    let answer = typed && accepted(typed) ? typed : null;
    const best = ranked[0];
    // Figures and dates come from the site's data only: no passage stands in for them.
    if (!answer && best && !DATA_KINDS.has(kind) && best.coverage >= (kind === "passage" ? tuned.coverage : tuned.fallback) && evidence([best.id]) >= tuned.evidence) {
      answer = passageAnswer(best, context, groups, weights, analyzer);
    }
    if (!answer) {
      const nearest = Math.max(typed ? typed.coverage : 0, best ? best.coverage : 0);
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

/* The weight of a word of the question: how rare it is on the site (the rarest of its forms the
   site uses; if none, of its synonyms or compounds the site uses; if none, a word the site never
   uses), times how rare it is in the language. */
function groupWeight(group, frequency, idf, analyzer, tuned) {
  const known = (terms) => terms.filter((term) => frequency.has(term));
  const own = known(group.own);
  const site = own.length ? own : known(group.terms);
  const rare = site.length ? Math.max(...site.map((term) => idf(frequency.get(term)))) : tuned.unknown * idf(0);
  const zipf = analyzer.zipf(group.word);
  const everyday = zipf ? Math.max(tuned.floor, 1 - tuned.everyday * Math.max(0, zipf - 4)) : 1;
  return rare * everyday;
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
    units: Object.entries(words.units || {}).map(([unit, list]) => ({ unit, words: phrases(list) })),
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

/* The kind of the question: the first kind whose words it has, or else the kind of the noun that
   follows a "which" word most closely ("quel organisme ... des années": an organisation). */
function kindOf(question, cues, analyzer) {
  const tokens = analyzer.cues(question);
  const whichAt = cues.which.flatMap((cue) => occurrences(tokens, cue));
  const dateNouns = (cues.kinds.find((kind) => kind.id === "date") || { nouns: [] }).nouns.flatMap((cue) => occurrences(tokens, cue));
  for (const kind of cues.kinds) {
    const at = kind.words.flatMap((cue) => occurrences(tokens, cue));
    // "How many days...": a duration, which the event's dates answer.
    if (at.length && kind.id === "figure" && dateNouns.some((noun) => at.some((word) => noun > word && noun - word <= 2))) return "date";
    if (at.length) return kind.id;
  }
  let nearest = null;
  for (const kind of cues.kinds) {
    for (const noun of kind.nouns.flatMap((cue) => occurrences(tokens, cue))) {
      for (const which of whichAt) {
        if (which < noun && noun - which <= 5 && (!nearest || noun - which < nearest.distance)) nearest = { kind: kind.id, distance: noun - which };
      }
    }
  }
  return nearest ? nearest.kind : "passage";
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
   ("Budget" in "Jahresbudget"; a word of six letters at least, or one the site does not use, so that
   "steht" does not find "entsteht"); a word the site does not use: also the two site words it is
   made of, or else the longest site word it ends with ("Marienstatue": "Statue"). */
function compoundParts(group, frequency) {
  const parts = new Set(group.terms);
  for (const term of group.terms) {
    const unknown = !frequency.has(term);
    if (!group.own.includes(term) && !unknown) continue;
    let compounds = 0;
    for (const known of frequency.keys()) {
      if (term.length >= (unknown ? 4 : 6) && known.length >= term.length + 3 && known.endsWith(term) && compounds++ < 5) parts.add(known);
    }
    if (!unknown) continue;
    let split = false;
    for (let cut = 3; cut <= term.length - 4; cut++) {
      const head = term.slice(0, cut);
      const tail = term.slice(cut);
      const linked = head.endsWith("s") && frequency.has(head.slice(0, -1)) ? head.slice(0, -1) : head;
      if (frequency.has(linked) && frequency.has(tail)) { parts.add(linked).add(tail); split = true; }
    }
    for (let cut = 3; !split && cut <= term.length - 4; cut++) {
      if (frequency.has(term.slice(cut))) { parts.add(term.slice(cut)); split = true; }
    }
  }
  return { ...group, terms: [...parts] };
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

/* The weight share of the question's word groups matched by some documents (or that weight, not shared). */
function coverage(groups, weights, matches, share = true) {
  let all = 0;
  let hit = 0;
  groups.forEach((group, index) => {
    all += weights[index];
    if (matches.some((match) => group.terms.some((term) => match.terms.has(term)))) hit += weights[index];
  });
  if (!share) return hit;
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

/* The figure whose label and citing passages match best. Its sources: the passages that show it,
   those that match the question and the figure's own label best first (the page about the figure). */
function figureAnswer(context) {
  const { knowledge, found, matched, evidence, scoreOf, byFigure, units } = context;
  let best = null;
  knowledge.figures.forEach((figure, index) => {
    const figureId = docId.figure(knowledge, index);
    const citing = byFigure.get(figure.id) || [];
    // "How much does it cost?" asks for euros, "which rank?" for a rank.
    if (units.length && !units.includes(figure.unit)) return;
    // The figure's own label must say something the question asks.
    if (!citing.length || !found.has(figureId)) return;
    const lead = citing.reduce((top, id) => (scoreOf(id) > scoreOf(top) ? id : top), citing[0]);
    const score = scoreOf(figureId) + scoreOf(lead);
    if (best && score <= best.score) return;
    // Its label must match a word besides the unit words: "how much money" alone is no budget question.
    if (evidence([figureId], context.subject) === 0) return;
    best = { score, figure, index, citing, coverage: matched([figureId, lead]), evidence: evidence([figureId, lead]) };
  });
  if (!best) return null;
  // The pages whose title the figure's label names come first ("the airport's passengers": the airport's page).
  const about = (id) => context.pageTerms[knowledge.passages[id].page].filter((term) => context.labelTerms[best.index].includes(term)).length;
  const citing = best.citing.slice().sort((a, b) => about(b) - about(a) || scoreOf(b) - scoreOf(a) || a - b);
  return { kind: "figure", figure: best.figure, coverage: best.coverage, evidence: best.evidence, sources: sourcesOf(knowledge, citing) };
}

/* The item of the kind's collections (a place, an event) whose card and page match best. */
function itemAnswer(kind, context, collections) {
  const best = bestItems(context, collections)[0];
  if (!best) return null;
  // An event answers "when" only if its own card (title, summary, dates) says enough of what the question asks.
  if (kind === "date" && context.evidence([docId.item(context.knowledge, best.index)]) < context.tuned.evidence) return null;
  return { kind, items: [best.item], coverage: best.coverage, evidence: best.evidence, sources: best.sources };
}

/* Items of some collections, by how well their card and their page's passages match. */
function bestItems({ knowledge, found, matched, evidence, scoreOf, byPage }, collections) {
  const scored = [];
  knowledge.items.forEach((item, index) => {
    if (!collections.includes(item.collection)) return;
    const itemId = docId.item(knowledge, index);
    const own = item.page === undefined ? [] : byPage[item.page].filter((id) => found.has(id)).sort((a, b) => scoreOf(b) - scoreOf(a));
    const score = scoreOf(itemId) + (own.length ? scoreOf(own[0]) : 0) + (own.length > 1 ? scoreOf(own[1]) / 2 : 0);
    if (!score) return;
    const lead = own.length ? own : item.page === undefined ? [] : byPage[item.page].slice(0, 1);
    // What the item's card and its whole page match (a place's flamingos may be in another section than its name).
    const ids = [itemId, ...own];
    scored.push({ item, index, score, coverage: matched(ids), evidence: evidence(ids), sources: sourcesOf(knowledge, lead) });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index);
}

/* Partners: the partners of a tier, one partner, or several that match alike. A tier answers
   when its label, description and listing match the question as much as the best partner does
   ("who funds...?": the funders, not the first of them). */
function whoAnswer(context, collections) {
  const { knowledge, found, matched, evidence, scoreOf } = context;
  const items = bestItems(context, collections);
  let tier = null;
  knowledge.groups.forEach((group, index) => {
    const groupId = docId.group(knowledge, index);
    const listing = knowledge.passages.findIndex((passage) => passage.anchor === `tier-${group.id}`);
    const ids = listing >= 0 ? [groupId, listing] : [groupId];
    if (!found.has(groupId)) return;
    const score = scoreOf(groupId) + (listing >= 0 ? scoreOf(listing) : 0);
    // What the tier itself says (its label and description), not its listing, which names every member.
    const entry = { group, score, listing, own: matched([groupId]), coverage: matched(ids), evidence: evidence(ids) };
    if (!tier || entry.own > tier.own || (entry.own === tier.own && score > tier.score)) tier = entry;
  });
  const members = (group) => knowledge.items.filter((item) => collections.includes(item.collection) && item.group === group.id);
  // The tier answers when it says what the question asks as much as the best partner, or half as
  // much when that partner is one of its members ("who pays?": the funders, the first one among them).
  const member = tier && items.length && items[0].item.group === tier.group.id;
  if (tier && (!items.length || tier.own >= items[0].coverage * (member ? TIER_SHARE : 1))) {
    const sources = tier.listing >= 0 ? sourcesOf(knowledge, [tier.listing]) : [];
    return { kind: "who", group: tier.group, items: members(tier.group), coverage: tier.coverage, evidence: tier.evidence, sources };
  }
  if (!items.length) return null;
  const close = items.filter((entry) => entry.score >= CLOSE * items[0].score);
  if (close.length === 1) return { kind: "who", items: [items[0].item], coverage: items[0].coverage, evidence: items[0].evidence, sources: items[0].sources };
  // Several partners match alike: the passage that names most of them (with the best score) is the
  // source, on their collection's own page if it names them (the partners page, not a sector's list).
  const wanted = new Set(close.map((entry) => entry.index));
  const home = collectionPage(knowledge, close[0].item);
  const naming = [...found].filter(([id]) => knowledge.passages[id] && (knowledge.passages[id].items || []).filter((index) => wanted.has(index)).length > 1);
  const onHome = naming.filter(([id]) => knowledge.passages[id].page === home);
  let listing = null;
  for (const [id, match] of onHome.length ? onHome : naming) {
    const passage = knowledge.passages[id];
    const named = passage.items.filter((index) => wanted.has(index)).length;
    if (named > 1 && (!listing || named > listing.named || (named === listing.named && match.score > listing.score))) listing = { id, named, score: match.score };
  }
  const sources = listing ? sourcesOf(knowledge, [listing.id]) : close.flatMap((entry) => entry.sources).slice(0, SOURCES);
  const coverageOf = listing ? Math.max(matched([listing.id]), items[0].coverage) : items[0].coverage;
  const evidenceOf = listing ? Math.max(evidence([listing.id]), items[0].evidence) : items[0].evidence;
  return { kind: "who", items: close.map((entry) => entry.item), coverage: coverageOf, evidence: evidenceOf, sources };
}

/* The page of an item's collection (partenaires/ for partenaires/amu/), as a page number. */
function collectionPage(knowledge, item) {
  const path = item.path.replace(/[^/]+\/$/, "");
  return knowledge.pages.findIndex((page) => page.path === path);
}

/* The one to three sentences of a passage that match the question best. */
function passageAnswer(best, { knowledge }, groups, weights, analyzer) {
  const passage = knowledge.passages[best.passage];
  const scores = passage.sentences.map((sentence) => {
    const terms = new Set(analyzer.terms(sentence));
    return groups.reduce((sum, group, index) => sum + (group.terms.some((term) => terms.has(term)) ? weights[index] : 0), 0);
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
