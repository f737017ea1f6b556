/* Partner directory: the sector links above the directory filter it in
   place, and the status line after them tells screen readers how many
   partners are shown. Without this script they lead to each sector's
   partners. */
(function () {
  "use strict";
  function setUp(nav) {
    var directory = document.getElementById(nav.getAttribute("data-op-filter"));
    if (!directory) return;
    var links = nav.querySelectorAll("a[data-sector]");
    var status = nav.parentNode.querySelector("[data-op-status]");
    function show(sector) {
      directory.querySelectorAll("[data-sectors]").forEach(function (card) {
        card.hidden = sector !== "" && card.getAttribute("data-sectors").split(" ").indexOf(sector) < 0;
      });
      directory.querySelectorAll(".op-tier").forEach(function (tier) {
        tier.hidden = tier.querySelector("[data-sectors]:not([hidden])") === null;
      });
      if (status) {
        var shown = directory.querySelectorAll("[data-sectors]:not([hidden])").length;
        status.textContent = status.getAttribute("data-op-status").replace("{n}", String(shown));
      }
      links.forEach(function (link) {
        if (link.getAttribute("data-sector") === sector) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      });
    }
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(link.getAttribute("data-sector"));
      });
    });
  }
  document.querySelectorAll("[data-op-filter]").forEach(setUp);
})();
