"""A keyboard walk through a page, as a reader who cannot use a mouse does
it: Tab from the top until the focus leaves the page. At every stop the walk
notes what has the focus, its accessible name (axe-core's computation, the one
screen readers follow), the language it is in, and whether the focus can be
seen. At the end it lists the controls on the page that Tab never reached.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass, field

from audit import AXE
from browser import CHROMIUM_ARGS, chromium_path
from language_detect import ARABIC, HAN, detect, script_share

TABS = 3
MAX_STOPS = 400

STOP = r"""
async () => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  // What the key started ends first: the page's scripts answer the scroll
  // within a frame or two (Material sizes its sidebars), animations run out.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations()
    .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
    .map((animation) => animation.finished.catch(() => null)));
  window.__opWalk = window.__opWalk || new Map();
  if (!window.__opWalk.has(element)) window.__opWalk.set(element, window.__opWalk.size);
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && style.outlineColor !== "rgba(0, 0, 0, 0)" && style.outlineColor !== "transparent";
  const rect = element.getBoundingClientRect();
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const onScreen = rect.width >= 1 && rect.height >= 1 && rect.bottom > 0 && rect.top < height
    && rect.right > 0 && rect.left < width;
  // Covered: the middle of the control is under something else (a sticky header).
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), width - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), height - 1);
  const top = onScreen ? document.elementFromPoint(x, y) : null;
  const covered = !!top && !element.contains(top) && !top.contains(element)
    && !(element.labels && [...element.labels].some((label) => label.contains(top)));
  return {
    index: window.__opWalk.get(element), indicator: outline || style.boxShadow !== "none", onScreen, covered,
    under: covered ? top.tagName.toLowerCase() + "." + String(top.className).split(" ")[0] : "",
  };
}
"""

# Once the walk is over: each stop's name (computed once, axe builds its
# tree of the whole page) and language, and the controls Tab should have
# reached (focusable, in the Tab order, shown) but did not.
SUMMARY = r"""
() => {
  const seen = window.__opWalk || new Map();
  axe.setup(document);
  const stops = [...seen.entries()].map(([element, index]) => {
    const id = element.id ? `#${element.id}` : "";
    // Material's focus-visible polyfill adds a class of its own while focused.
    const classes = String(element.className || "").split(/\s+/).filter((name) => name && name !== "focus-visible");
    const cls = classes.length ? "." + classes.slice(0, 2).join(".") : "";
    const lang = element.closest("[lang]");
    return {
      index, where: element.tagName.toLowerCase() + id + cls, href: element.getAttribute("href"),
      name: axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(element)).trim(),
      lang: lang ? lang.getAttribute("lang") : "",
    };
  });
  axe.teardown();
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]");
  const unreached = [...controls]
    .filter((element) => element.tabIndex >= 0 && !element.disabled && !element.closest("[inert]")
      && element.checkVisibility({visibilityProperty: true}) && element.getClientRects().length > 0
      && !seen.has(element))
    .map((element) => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "")
      + " " + (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40));
  return {stops, unreached};
}
"""


@dataclass
class Walk:
    """One page walked with the keyboard."""

    path: str
    stops: list[dict] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    trapped: bool = False

    def problems(self, page_lang: str, interface: list[dict[str, str]]) -> list[tuple]:
        """Every stop without a visible focus, a name, or a name in its
        language; every control Tab did not reach. ``interface``: the site's
        and Material's interface strings, each as {language: text}."""
        found = [("not reached with Tab", where) for where in self.unreached]
        if self.trapped:
            found.append(("keyboard trap", self.stops[-1]["where"]))
        for stop in self.stops:
            if not stop["indicator"] or not stop["onScreen"] or stop["covered"]:
                found.append(("focus not visible", stop["where"], stop["name"], stop))
            if not stop["name"]:
                found.append(("no accessible name", stop["where"], stop["href"]))
            elif not name_in_language(stop["name"], stop["lang"] or page_lang, interface):
                found.append(("name not in the page's language", stop["where"], stop["name"], stop["lang"]))
        return found


def name_in_language(name: str, lang: str, interface: list[dict[str, str]]) -> bool:
    """Whether a control's name is in its language. It is not when it is an
    interface word of another language that this language says differently
    ("Rechercher" on a German page), or, on an Arabic or Chinese page, a phrase
    in Latin letters that reads as a sentence of another language. Names of
    places, partners and brands ("Provence Promotion", "One Provence") are
    the same in every language and pass."""
    code = lang.split("-")[0]
    for strings in interface:
        own = strings.get(code)
        if own is not None and name != own and name in strings.values():
            return False
    script = {"ar": ARABIC, "zh": HAN}.get(code)
    if script is not None and script_share(name, script) == 0:
        return detect(name) is None
    return True


def walk_pages(base_url: str, paths: list[str], *, width: int = 1280, height: int = 720,
               forced_colors: bool = False) -> list[Walk]:
    """Walk every page with the keyboard (a few tabs of one Chromium at a time)."""
    return asyncio.run(_walk_all(base_url, paths, width, height, forced_colors))


async def _walk_all(base_url, paths, width, height, forced_colors):
    from playwright.async_api import async_playwright

    profile = tempfile.mkdtemp(prefix="chromium-walk-")
    try:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True, locale="fr-FR",
                viewport={"width": width, "height": height},
                forced_colors="active" if forced_colors else "none",
                # Without motion every focus style is final at once: the walk
                # measures it without waiting out Material's transitions.
                reduced_motion="reduce",
            )
            await context.add_init_script(path=str(AXE))
            queue: asyncio.Queue[str] = asyncio.Queue()
            for path in paths:
                queue.put_nowait(path)
            walks: list[Walk] = []
            await asyncio.gather(*(_walker(context, base_url, queue, walks) for _ in range(TABS)))
            await context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return sorted(walks, key=lambda walk: walk.path)


async def _walker(context, base_url, queue, walks):
    tab = await context.new_page()
    while not queue.empty():
        walk = Walk(queue.get_nowait())
        await tab.goto(base_url + walk.path, wait_until="load")
        await tab.evaluate("document.fonts.ready.then(() => true)")
        for _ in range(MAX_STOPS):
            await tab.keyboard.press("Tab")
            stop = await tab.evaluate(STOP)
            if stop is None or any(seen["index"] == stop["index"] for seen in walk.stops[:1]):
                break  # the focus left the page, or came round to the first stop again
            if walk.stops and walk.stops[-1]["index"] == stop["index"]:
                walk.trapped = True  # Tab does not move on (WCAG 2.1.2)
                break
            walk.stops.append(stop)
        summary = await tab.evaluate(SUMMARY)
        details = {stop["index"]: stop for stop in summary["stops"]}
        walk.stops = [{**stop, **details[stop["index"]]} for stop in walk.stops]
        walk.unreached = summary["unreached"]
        walks.append(walk)
    await tab.close()
