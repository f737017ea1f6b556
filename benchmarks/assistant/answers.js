/* Answers the evaluation questions with the browser's own matcher, under Node.

   Reads {"site": <built site folder>, "languages": {code: {"prefix": "en/", "questions": [..]}}}
   on standard input; imports the matcher, MiniSearch and the stemmers from the
   built site (the files readers get) and each language's knowledge index;
   prints {code: [{question, answer, milliseconds}]} as JSON. */

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const input = JSON.parse(readFileSync(0, "utf-8"));
const assets = join(input.site, "assets/javascripts/assistant");
const { createAssistant } = await import(pathToFileURL(join(assets, "matcher.js")).href);

async function library(kind, code, available) {
  if (!available) return undefined;
  const module = await import(pathToFileURL(join(assets, "vendor", `${kind}-${code}.js`)).href);
  return kind === "stemmer" ? module.stemmer : module.stopwords;
}

const output = {};
for (const [code, { prefix, questions }] of Object.entries(input.languages)) {
  const knowledge = JSON.parse(readFileSync(join(input.site, prefix, "assistant/knowledge.json"), "utf-8"));
  const started = performance.now();
  const assistant = createAssistant(knowledge, {
    stem: await library("stemmer", code, knowledge.analysis.stemmer),
    stopwords: await library("stopwords", code, knowledge.analysis.stopwords),
    ...(input.settings ? { settings: input.settings } : {}),
  });
  const loading = performance.now() - started;
  output[code] = { loading_ms: loading, answers: questions.map((question) => {
    const start = performance.now();
    const answer = assistant.ask(question);
    return { question, answer, milliseconds: performance.now() - start };
  }) };
}
process.stdout.write(JSON.stringify(output));
