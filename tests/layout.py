"""What a page looks like to a reader who needs it bigger, narrower, spaced out,
in a Windows contrast theme or without motion, read from the rendered DOM
(not from screenshots): text clipped by its box, text drawn over other text,
content pushed out of the window, a page that scrolls sideways, controls that
vanish in forced colours, animations that still run.

:func:`inspect_pages` opens pages in one Chromium, a few tabs at a time, under
one of the :data:`CONDITIONS`, and returns every problem found on each page.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass, field

from browser import CHROMIUM_ARGS, chromium_path

TABS = 4

# WCAG 1.4.12's test style (Understanding 1.4.12, "text spacing bookmarklet").
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Parts of a page that may scroll sideways inside their own box at 320 px
# (WCAG 1.4.10 excepts two-dimensional content): data tables and the map.
OWN_SCROLL = ".md-typeset__scrollwrap, .md-typeset__table, table, .op-map, [data-op-map]"

LAYOUT = r"""
(ownScroll) => {
  const view = {width: document.documentElement.clientWidth, height: window.innerHeight};
  const problems = [];
  const name = (element) => {
    const id = element.id ? `#${element.id}` : "";
    const cls = typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    return element.tagName.toLowerCase() + id + cls;
  };
  const snippet = (text) => text.trim().replace(/\s+/g, " ").slice(0, 60);
  const hiddenOnPurpose = (element) => {
    // Visually hidden text (screen-reader only) and closed off-canvas panels.
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clipPath.startsWith("inset(50%") || style.clip === "rect(0px, 0px, 0px, 0px)") return true;
      const box = node.getBoundingClientRect();
      if (style.overflow !== "visible" && (box.width <= 1 || box.height <= 1)) return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth > view.width + 1) {
    problems.push({kind: "page scrolls sideways", where: "html",
                   text: `${document.documentElement.scrollWidth} px wide in a ${view.width} px window`});
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
    {acceptNode: (node) => node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(element.tagName)) continue;
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    if (hiddenOnPurpose(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0.5 && rect.height > 0.5) boxes.push({node, element, rect});
    }
  }
  const seen = new Set();
  const report = (kind, element, text, extra) => {
    const key = kind + "|" + name(element) + "|" + text;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({kind, where: name(element), text, ...(extra || {})});
  };
  for (const {node, element, rect} of boxes) {
    const text = snippet(node.data);
    let scrolled = false;
    for (let box = element; box && box !== document.documentElement; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const outer = box.getBoundingClientRect();
      const clip = {
        left: outer.left + box.clientLeft, top: outer.top + box.clientTop,
        right: outer.left + box.clientLeft + box.clientWidth, bottom: outer.top + box.clientTop + box.clientHeight,
      };
      const outX = rect.left < clip.left - 1 || rect.right > clip.right + 1;
      const outY = rect.top < clip.top - 1 || rect.bottom > clip.bottom + 1;
      const scrollsX = ["auto", "scroll"].includes(style.overflowX);
      const scrollsY = ["auto", "scroll"].includes(style.overflowY);
      if ((outX && !scrollsX) || (outY && !scrollsY)) {
        report("text cut off", box, text);
        break;
      }
      if (outX && scrollsX) {
        if (!box.closest(ownScroll)) report("text scrolls sideways in its box", box, text);
        scrolled = true;
        break;
      }
      if (scrollsX || scrollsY) { scrolled = true; break; }
    }
    const fixed = getComputedStyle(element).position === "fixed";
    if (!scrolled && !fixed && (rect.right > view.width + 1 || rect.left < -1)) {
      report("text outside the window", element, text, {left: Math.round(rect.left), right: Math.round(rect.right)});
    }
  }
  // Text drawn over other text: two pieces of text whose boxes cover each
  // other by more than a quarter of the smaller one's height and width.
  const cells = new Map();
  const size = 64;
  boxes.forEach((box, index) => {
    const top = box.rect.top + window.scrollY, bottom = box.rect.bottom + window.scrollY;
    for (let x = Math.floor(box.rect.left / size); x <= Math.floor(box.rect.right / size); x++) {
      for (let y = Math.floor(top / size); y <= Math.floor(bottom / size); y++) {
        const key = x + ":" + y;
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(index);
      }
    }
  });
  const compared = new Set();
  for (const members of cells.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = boxes[members[i]], b = boxes[members[j]];
        if (a.node === b.node) continue;
        const pair = members[i] + ":" + members[j];
        if (compared.has(pair)) continue;
        compared.add(pair);
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (width > 0.25 * Math.min(a.rect.width, b.rect.width) && height > 0.25 * Math.min(a.rect.height, b.rect.height)) {
          report("text over text", a.element, snippet(a.node.data) + " / " + snippet(b.node.data), {over: name(b.element)});
        }
      }
    }
  }
  return problems;
}
"""


# In a Windows contrast theme (forced colours) with motion reduced: the theme's
# own colours are read from probe elements, then every link, button and chart
# is checked against them, and nothing may move.
CONTRAST = r"""
() => {
  const problems = [];
  const name = (element) => {
    if (!element || !element.tagName) return String(element);
    const id = element.id ? `#${element.id}` : "";
    const cls = typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    return element.tagName.toLowerCase() + id + cls;
  };
  const probe = document.createElement("span");
  document.body.append(probe);
  const palette = new Set(["CanvasText", "LinkText", "VisitedText", "ActiveText", "ButtonText", "ButtonBorder",
    "Highlight", "HighlightText", "GrayText", "FieldText", "MarkText", "AccentColor", "AccentColorText"].map((color) => {
      probe.style.color = color;
      return getComputedStyle(probe).color;
    }));
  probe.remove();
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color !== "rgba(0, 0, 0, 0)" && color !== "transparent") return color;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  // Shown to the eye: visually hidden text (for screen readers only) is not.
  const shown = (element) => element.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && element.getClientRects().length > 0 && !getComputedStyle(element).clipPath.startsWith("inset(50%")
    && element.getBoundingClientRect().width > 1;
  const hasBorder = (style) => ["Top", "Right", "Bottom", "Left"].every(
    (side) => style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) >= 1);
  // Nothing moves: no running animation, no transition, no smooth scrolling.
  for (const animation of document.getAnimations()) {
    if (animation.playState === "running") {
      problems.push({kind: "animation runs", where: name(animation.effect && animation.effect.target),
                     text: animation.animationName || animation.transitionProperty || "script"});
    }
  }
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (style.transitionDuration.split(",").some((duration) => parseFloat(duration) > 0)) {
        problems.push({kind: "transition declared", where: name(element) + (pseudo || ""), text: style.transitionProperty});
      }
      if (style.animationName !== "none" && style.animationDuration.split(",").some((duration) => parseFloat(duration) > 0)) {
        problems.push({kind: "animation declared", where: name(element) + (pseudo || ""), text: style.animationName});
      }
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") {
    problems.push({kind: "smooth scrolling", where: "html", text: "scroll-behavior: smooth"});
  }
  // Links: drawn in a theme colour, not the background's, and told apart from
  // the text around them (their own colour or an underline).
  for (const link of document.querySelectorAll("a[href]")) {
    if (!shown(link) || !link.textContent.trim()) continue;
    const style = getComputedStyle(link);
    const around = getComputedStyle(link.parentElement).color;
    if (!palette.has(style.color) || style.color === background(link)) {
      problems.push({kind: "link not in the theme's colours", where: name(link), text: link.textContent.trim().slice(0, 40)});
    } else if (style.color === around && !style.textDecorationLine.includes("underline") && link.closest("p, li, td, dd")
               && link.parentElement.textContent.trim() !== link.textContent.trim()) {
      problems.push({kind: "link looks like the text around it", where: name(link), text: link.textContent.trim().slice(0, 40)});
    }
  }
  // Buttons: a theme colour, and a border when they hold words (without one a
  // button in a contrast theme is a word like any other).
  for (const button of document.querySelectorAll("button, [role=button], input[type=button], input[type=submit], input[type=reset]")) {
    if (!shown(button)) continue;
    const style = getComputedStyle(button);
    const icon = button.querySelector("svg");
    const ink = button.textContent.trim() || button.value ? style.color : icon && getComputedStyle(icon).fill;
    if (!palette.has(ink) || ink === background(button)) {
      problems.push({kind: "button not in the theme's colours", where: name(button), text: button.textContent.trim().slice(0, 40)});
    }
    if ((button.textContent.trim() || button.value) && !hasBorder(style)) {
      problems.push({kind: "button without a border", where: name(button), text: button.textContent.trim().slice(0, 40)});
    }
  }
  // The language offer stands apart from the header and the page: a border.
  for (const offer of document.querySelectorAll(".op-language-offer")) {
    if (!shown(offer)) continue;
    const style = getComputedStyle(offer);
    if (style.borderBottomStyle === "none" || parseFloat(style.borderBottomWidth) < 1 || !palette.has(style.borderBottomColor)) {
      problems.push({kind: "language offer not set apart", where: name(offer), text: style.borderBottomColor});
    }
  }
  // Charts drawn in SVG: every shape in a theme colour (a brand colour can
  // vanish on the reader's background).
  for (const shape of document.querySelectorAll("figure svg :is(rect, path, circle, ellipse, polygon, polyline, line)")) {
    if (!shown(shape)) continue;
    const style = getComputedStyle(shape);
    for (const paint of [style.fill, style.stroke]) {
      if (paint !== "none" && (!palette.has(paint) || paint === background(shape.closest("svg")))) {
        problems.push({kind: "chart not in the theme's colours", where: name(shape.closest("figure")), text: paint});
      }
    }
  }
  return problems;
}
"""

# Material shows its back-to-top button when the reader scrolls back up.
SCROLL_DOWN_AND_BACK_UP = """
async () => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  window.scrollTo(0, document.documentElement.scrollHeight);
  await frames();
  window.scrollTo(0, document.documentElement.scrollHeight / 2);
  await frames();
}
"""


@dataclass(frozen=True)
class Condition:
    """How the reader's browser is set up for one check."""

    name: str
    width: int
    height: int
    text_scale: float = 1.0
    style: str = ""
    # Windows contrast themes and "reduce motion", emulated together.
    contrast_modes: bool = False
    # The reader's browser language (a German one is offered the German site).
    locale: str = "fr-FR"


CONDITIONS = {
    # WCAG 1.4.10: 320 CSS px, what a 1280 px window shows at 400 % zoom.
    "reflow": Condition("reflow", 320, 640),
    # WCAG 1.4.4: the browser's text size doubled (Chromium's font-size setting,
    # which Material's rem-based sizes follow), in a desktop window.
    "zoom": Condition("zoom", 1280, 720, text_scale=2.0),
    # WCAG 1.4.12, on a desktop window and on a phone.
    "spacing": Condition("spacing", 1280, 720, style=TEXT_SPACING),
    "spacing-phone": Condition("spacing-phone", 360, 720, style=TEXT_SPACING),
    # Forced colours and reduced motion, on a desktop window and on a phone
    # (where the sections are a sliding drawer).
    "contrast": Condition("contrast", 1280, 720, contrast_modes=True, locale="de-DE"),
    "contrast-phone": Condition("contrast-phone", 360, 720, contrast_modes=True, locale="de-DE"),
}


@dataclass
class PageLayout:
    """What one page showed under one condition."""

    path: str
    condition: str
    problems: list[dict] = field(default_factory=list)


def inspect_pages(base_url: str, paths: list[str], condition: Condition) -> list[PageLayout]:
    """Open every page under ``condition`` and report its layout problems."""
    return asyncio.run(_inspect(base_url, paths, condition))


async def _inspect(base_url, paths, condition):
    from playwright.async_api import async_playwright

    profile = tempfile.mkdtemp(prefix="chromium-layout-")
    try:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True, locale=condition.locale,
                viewport={"width": condition.width, "height": condition.height},
                forced_colors="active" if condition.contrast_modes else "none",
                reduced_motion="reduce" if condition.contrast_modes else "no-preference",
                # The test styles (text spacing) are injected: the site's CSP would refuse them.
                bypass_csp=True,
            )
            queue: asyncio.Queue[str] = asyncio.Queue()
            for path in paths:
                queue.put_nowait(path)
            results: list[PageLayout] = []
            await asyncio.gather(*(_tab(context, base_url, queue, condition, results) for _ in range(TABS)))
            await context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return sorted(results, key=lambda result: result.path)


async def _tab(context, base_url, queue, condition, results):
    tab = await context.new_page()
    if condition.text_scale != 1.0:
        # Chromium's "font size" setting (16 px and 13 px by default), per tab.
        session = await context.new_cdp_session(tab)
        await session.send("Page.setFontSizes", {"fontSizes": {
            "standard": round(16 * condition.text_scale), "fixed": round(13 * condition.text_scale)}})
    while not queue.empty():
        path = queue.get_nowait()
        await tab.goto(base_url + path, wait_until="load")
        if condition.style:
            await tab.add_style_tag(content=condition.style)
        await tab.evaluate("document.fonts.ready.then(() => true)")
        if condition.contrast_modes:
            problems = await tab.evaluate(CONTRAST)
            # What appears on scrolling (the back-to-top button, the header's
            # page title) must not move either.
            await tab.evaluate(SCROLL_DOWN_AND_BACK_UP)
            problems += [problem for problem in await tab.evaluate(CONTRAST) if problem not in problems]
        else:
            problems = await tab.evaluate(LAYOUT, OWN_SCROLL)
        results.append(PageLayout(path, condition.name, problems))
    await tab.close()
