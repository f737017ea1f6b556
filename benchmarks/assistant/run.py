"""Accuracy and speed of "Ask One Provence" on its evaluation set.

Builds the real site once, then:

- accuracy: benchmarks/assistant/answers.js asks every question of
  benchmarks/assistant/questions.yml with the browser's own matcher (the
  site's built assets/javascripts/assistant/, under Node). Top-1: the first
  page of the answer is the expected page (or one of its `also` pages); top-3:
  one of the answer's first three pages (sources, then "see also") is; a
  question the site does not cover must get the "not found" answer.
  The method was tuned on half of the set (per language and kind, the 1st,
  3rd, 5th... question): the figures are given for all, the tuning half and
  the held-out half.
- speed: in Chromium, on the site served by nginx with its own rules, the
  time from submitting the question box to the answer shown (the index
  already loaded), and the time of the first answer, index loading included.

Writes benchmarks/results/assistant.json. Usage: .venv/bin/python benchmarks/assistant/run.py
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from browser import browser  # noqa: E402
from conftest import copy_project, run_build  # noqa: E402
from nginx import nginx_server  # noqa: E402

QUESTIONS = ROOT / "benchmarks" / "assistant" / "questions.yml"
RESULTS = ROOT / "benchmarks" / "results" / "assistant.json"
# Questions timed in Chromium per language (the first of each kind of the set).
TIMED_PER_KIND = 1

# Measured in the page: submit the form, wait for the answer region to change.
TIME_ANSWER = """async (question) => {
  const region = document.querySelector("[data-assistant-answer]");
  const input = document.querySelector("#op-assistant-question");
  const answered = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (region.querySelector("article")) { observer.disconnect(); resolve(); }
    });
    observer.observe(region, { childList: true, subtree: true });
  });
  region.replaceChildren();
  input.value = question;
  const start = performance.now();
  input.form.requestSubmit();
  await answered;
  return performance.now() - start;
}"""


def halves(questions: list[dict]) -> list[str]:
    """'tune' or 'held-out' for each question: alternately within each kind."""
    seen: dict[str, int] = {}
    labels = []
    for question in questions:
        position = seen.get(question["kind"], 0)
        seen[question["kind"]] = position + 1
        labels.append("tune" if position % 2 == 0 else "held-out")
    return labels


def pages_of(answer: dict) -> list[str]:
    """The pages an answer shows, in order: its sources, then the related pages."""
    if answer["kind"] == "none":
        return []
    return [page["path"] for page in answer.get("sources", []) + answer.get("related", [])]


def score(questions: list[dict], answers: list[dict], labels: list[str]) -> dict:
    """Top-1, top-3 and no-answer accuracy, for all the questions and each half."""
    results = {}
    for half in ("all", "tune", "held-out"):
        chosen = [(q, a) for q, a, label in zip(questions, answers, labels) if half in ("all", label)]
        answerable = [(q, a) for q, a in chosen if q["kind"] != "none"]
        uncovered = [(q, a) for q, a in chosen if q["kind"] == "none"]
        top1 = sum(1 for q, a in answerable if pages_of(a["answer"])[:1] and pages_of(a["answer"])[0] in expected(q))
        top3 = sum(1 for q, a in answerable if any(page in expected(q) for page in pages_of(a["answer"])[:3]))
        none = sum(1 for q, a in uncovered if a["answer"]["kind"] == "none")
        results[half] = {
            "answerable": len(answerable),
            "top1": round(top1 / len(answerable), 3) if answerable else None,
            "top3": round(top3 / len(answerable), 3) if answerable else None,
            "not_covered": len(uncovered),
            "no_answer": round(none / len(uncovered), 3) if uncovered else None,
        }
    return results


def expected(question: dict) -> set[str]:
    return {question["page"], *(question.get("also") or [])}


def misses(questions: list[dict], answers: list[dict], labels: list[str]) -> list[dict]:
    """The questions not answered with the expected page first (or answered when they should not be)."""
    found = []
    for question, entry, label in zip(questions, answers, labels):
        answer = entry["answer"]
        pages = pages_of(answer)
        wrong = (answer["kind"] != "none") if question["kind"] == "none" else not (pages[:1] and pages[0] in expected(question))
        if wrong:
            found.append({
                "q": question["q"], "half": label, "kind": question["kind"], "asked_as": answer.get("asked"),
                "answered_as": answer["kind"], "expected": question["page"], "pages": pages[:3],
                "top3": any(page in expected(question) for page in pages[:3]),
            })
    return found


def node_answers(site: Path, questions: dict, prefixes: dict) -> dict:
    payload = {"site": str(site), "languages": {code: {"prefix": prefixes[code], "questions": [q["q"] for q in items]} for code, items in questions.items()}}
    done = subprocess.run(["node", str(ROOT / "benchmarks" / "assistant" / "answers.js")], input=json.dumps(payload), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmarks/assistant/answers.js failed:\n{done.stderr}")
    return json.loads(done.stdout)


def browser_times(site: Path, questions: dict, prefixes: dict, state: Path) -> dict:
    """Per language: first answer (index loading included) and the later answers, in milliseconds."""
    times = {}
    with nginx_server(site, state) as base, browser() as context:
        for code, items in questions.items():
            picked, kinds = [], set()
            for question in items:
                if question["kind"] not in kinds:
                    kinds.add(question["kind"])
                    picked.append(question["q"])
            tab = context.new_page()
            tab.goto(f"{base}{prefixes[code]}assistant/")
            first = tab.evaluate(TIME_ANSWER, picked[0])
            later = [tab.evaluate(TIME_ANSWER, question) for question in picked[1:] + picked]
            tab.close()
            times[code] = {"first_answer_ms": round(first, 1), "answer_ms_median": round(statistics.median(later), 1), "answer_ms_max": round(max(later), 1), "timed": len(later)}
    return times


def index_sizes(site: Path, prefixes: dict) -> dict:
    sizes = {}
    for code, prefix in prefixes.items():
        data = (site / prefix / "assistant" / "knowledge.json").read_bytes()
        sizes[code] = {"raw_bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9, mtime=0))}
    return sizes


def main() -> None:
    questions = yaml.safe_load(QUESTIONS.read_text("utf-8"))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    prefixes = {language["locale"]: "" if language.get("default") else f"{language['locale']}/" for language in i18n["languages"]}
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project", with_docs=True)
        build = run_build(project)
        if not build.ok:
            sys.exit(build.output)
        answers = node_answers(build.site, questions, prefixes)
        times = browser_times(build.site, questions, prefixes, Path(folder) / "nginx")
        sizes = index_sizes(build.site, prefixes)
    results = {"languages": {}}
    for code, items in questions.items():
        labels = halves(items)
        entries = answers[code]["answers"]
        results["languages"][code] = {
            **score(items, entries, labels),
            "index": sizes[code],
            "node": {"load_ms": round(answers[code]["loading_ms"], 1), "answer_ms_max": round(max(e["milliseconds"] for e in entries), 1)},
            "chromium": times[code],
            "misses": misses(items, entries, labels),
        }
        line = results["languages"][code]
        print(f"{code}: top-1 {line['all']['top1']:.0%} (held-out {line['held-out']['top1']:.0%}), top-3 {line['all']['top3']:.0%} "
              f"(held-out {line['held-out']['top3']:.0%}), not found {line['all']['no_answer']:.0%}; index {sizes[code]['gzip_bytes'] / 1024:.1f} KB gzip; "
              f"answer {times[code]['answer_ms_median']} ms median, {times[code]['answer_ms_max']} ms max, first {times[code]['first_answer_ms']} ms")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
