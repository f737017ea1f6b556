/* The question box of the assistant page (overrides/assistant.html).

   The knowledge index and the libraries load only when the reader starts
   a question (focus on the box, an example, or an address with ?q=); the
   answer is then worked out here, in the browser: nothing is sent anywhere,
   nothing is kept. Answers are drawn from the page's <template> elements,
   filled with text only. */

const box = document.querySelector("[data-op-assistant]");

if (box) {
  const form = box.querySelector("form");
  const input = box.querySelector("input[name=q]");
  const region = box.querySelector("[data-assistant-answer]");
  const indexUrl = new URL(box.dataset.index, document.baseURI);
  // Links of the index are site paths of the language, whose folder holds assistant/.
  const languageRoot = new URL("../", indexUrl);
  const language = document.documentElement.lang;
  let loading = null;
  // The question of the address (?q=), which address.js took out before Material's search saw it.
  const asked = document.documentElement.getAttribute("data-assistant-question");

  function vendor(name) {
    return import(new URL(`./vendor/${name}-${language}.js`, import.meta.url).href);
  }

  /* The assistant of this language, loaded once. */
  function load() {
    if (!loading) {
      loading = fetch(indexUrl, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw new Error(`knowledge index: ${response.status}`);
          return response.json();
        })
        .then(async (knowledge) => {
          const [matcher, stemmer, stopwords] = await Promise.all([
            import("./matcher.js"),
            knowledge.analysis.stemmer ? vendor("stemmer") : null,
            knowledge.analysis.stopwords ? vendor("stopwords") : null,
          ]);
          return matcher.createAssistant(knowledge, {
            stem: stemmer ? stemmer.stemmer : undefined,
            stopwords: stopwords ? stopwords.stopwords : undefined,
          });
        });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function fill(template) {
    return document.getElementById(template).content.cloneNode(true);
  }

  function slot(fragment, name) {
    return fragment.querySelector(`[data-slot="${name}"]`);
  }

  function href(path, anchor) {
    const url = new URL(path, languageRoot);
    if (anchor) url.hash = anchor;
    return url.href;
  }

  function links(list, pages) {
    for (const page of pages) {
      const item = fill("op-assistant-link");
      const link = slot(item, "link");
      link.href = href(page.path, page.anchor);
      link.textContent = page.title === page.page ? page.title : `${page.page} — ${page.title}`;
      list.append(item);
    }
  }

  function figure(answer) {
    const part = fill("op-assistant-figure");
    const { figure: shown } = answer;
    slot(part, "value").textContent = shown.ranked ? "" : shown.value;
    slot(part, "label").textContent = shown.label;
    const link = slot(part, "source-link");
    if (shown.source.url) {
      link.href = shown.source.url;
      link.textContent = shown.source.title;
      slot(part, "source").remove();
    } else {
      link.remove();
      slot(part, "source").textContent = shown.source.title;
    }
    if (shown.source.publisher) slot(part, "date").before(`${shown.source.publisher}, `);
    slot(part, "date").textContent = shown.date;
    return part;
  }

  function item(entry, answer, map) {
    const part = fill("op-assistant-item");
    const title = slot(part, "title");
    title.textContent = entry.title;
    title.href = href(entry.path);
    slot(part, "summary").textContent = entry.summary;
    const facts = slot(part, "facts");
    for (const fact of entry.facts || []) {
      const row = fill("op-assistant-fact");
      slot(row, "label").textContent = fact.label;
      slot(row, "value").textContent = fact.value;
      facts.append(row);
    }
    if (!facts.children.length) facts.remove();
    if (answer.kind === "place" && map) slot(part, "map").href = href(map);
    else slot(part, "map-block").remove();
    return part;
  }

  function quote(answer) {
    const part = fill("op-assistant-quote");
    slot(part, "text").textContent = answer.quote.join(" ");
    return part;
  }

  function show(answer, map) {
    if (answer.kind === "none") {
      const part = fill("op-assistant-none");
      links(slot(part, "closest"), answer.closest);
      return part;
    }
    const card = fill("op-assistant-answer");
    const body = slot(card, "body");
    if (answer.kind === "figure") body.append(figure(answer));
    else if (answer.kind === "passage") body.append(quote(answer));
    else {
      // The partners of a tier: the tier's name and what it is, then its members.
      if (answer.group) {
        const lead = fill("op-assistant-group");
        slot(lead, "label").textContent = answer.group.label;
        slot(lead, "description").textContent = answer.group.description;
        body.append(lead);
      }
      for (const entry of answer.items) body.append(item(entry, answer, map));
    }
    links(slot(card, "sources"), answer.sources);
    if (answer.related.length) links(slot(card, "related"), answer.related);
    else slot(card, "related-block").remove();
    return card;
  }

  async function ask(question) {
    const asked = question.trim();
    if (!asked) return;
    region.replaceChildren(fill("op-assistant-loading"));
    let assistant;
    try {
      assistant = await load();
    } catch (error) {
      region.replaceChildren(fill("op-assistant-error"));
      return;
    }
    region.replaceChildren(show(assistant.ask(asked), assistant.map));
    const address = new URL(window.location.href);
    address.searchParams.set("q", asked);
    window.history.replaceState(null, "", address.href);
  }

  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(input.value);
  });
  box.querySelectorAll("[data-question]").forEach((example) => {
    example.addEventListener("click", (event) => {
      event.preventDefault();
      input.value = example.dataset.question;
      ask(example.dataset.question);
    });
  });
  if (asked) {
    input.value = asked;
    ask(asked);
  }
}
