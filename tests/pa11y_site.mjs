// The second accessibility engine: pa11y 8 running HTML_CodeSniffer (WCAG 2 AA)
// over many pages in one Chromium (Debian's, never a downloaded one).
//
// Reads a JSON request on stdin: {"chromium": path, "args": [flags], "urls": [...],
// "tabs": N}; writes one JSON object on stdout: {"<url>": [issue, ...], ...},
// every issue as pa11y reports it (code, type, message, selector, context).
// One browser for all pages: starting Chromium per page would cost ~1 s each.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const OPTIONS = {
  standard: "WCAG2AA",
  runners: ["htmlcs"],
  // Errors only: HTML_CodeSniffer's warnings and notices ask a person to look
  // (the RGAA grid, data/rgaa.yml, lists what a person must check).
  includeWarnings: false,
  includeNotices: false,
  timeout: 60000,
};

async function readRequest() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf-8"));
}

async function checkQueue(browser, queue, results) {
  while (queue.length) {
    const url = queue.shift();
    // A new tab per page: pa11y binds its listeners to the page it is given.
    const page = await browser.newPage();
    try {
      // The page is opened here, up to its load event: pa11y's own navigation
      // waits for half a second of network silence on every page.
      const response = await page.goto(url, { waitUntil: "load", timeout: OPTIONS.timeout });
      if (!response || response.status() !== 200) throw new Error(`HTTP ${response && response.status()}`);
      const report = await pa11y(url, { ...OPTIONS, browser, page, ignoreUrl: true });
      results[url] = report.issues.map(({ code, type, message, selector, context }) =>
        ({ code, type, message, selector, context }));
    } catch (error) {
      results[url] = [{ code: "pa11y-failed", type: "error", message: String(error), selector: "", context: "" }];
    } finally {
      await page.close();
    }
  }
}

const request = await readRequest();
const browser = await puppeteer.launch({ executablePath: request.chromium, args: request.args, headless: true });
const results = {};
try {
  const queue = [...request.urls];
  await Promise.all(Array.from({ length: request.tabs || 4 }, () => checkQueue(browser, queue, results)));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
