/* Language offer: when the reader's browser prefers another language of the
   site than the page's, and the reader has not chosen yet, show one band
   offering that language, in that language. Never a redirect: choosing a
   language (here or in the language menu) or dismissing the offer is
   remembered, so the offer is not shown again. */
(function () {
  "use strict";
  var KEY = "one-provence.language";

  function remember(code) {
    try { localStorage.setItem(KEY, code); } catch (error) { /* private mode: ask again next time */ }
  }

  function chosen() {
    try { return localStorage.getItem(KEY); } catch (error) { return null; }
  }

  /* The first of the reader's languages that the site has: the page's own, or one offered. */
  function preferred(current, offered) {
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      if (code === current || offered[code]) return code;
    }
    return current;
  }

  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    link.addEventListener("click", function () { remember(link.getAttribute("hreflang")); });
  });

  var band = document.querySelector("[data-op-language-offer]");
  if (!band || chosen()) return;
  var current = document.documentElement.lang;
  var offered = {};
  band.querySelectorAll("[data-language]").forEach(function (offer) {
    offered[offer.getAttribute("data-language")] = offer;
  });
  var code = preferred(current, offered);
  if (code === current) return;

  var offer = offered[code];
  offer.querySelector("a").addEventListener("click", function () { remember(code); });
  offer.querySelector("button").addEventListener("click", function () {
    remember(current);
    band.hidden = true;
  });
  offer.hidden = false;
  band.hidden = false;
})();
