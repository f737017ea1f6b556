/* Runs in the head of the assistant page, before Material's scripts: Material's
   search also reads ?q= (to share a search) and would open over the page with the
   question. The question is taken out of the address and kept on the page for
   page.js, which writes it back once it is answered. */
(function () {
  "use strict";
  var address = new URL(window.location.href);
  var question = address.searchParams.get("q");
  if (question === null) return;
  document.documentElement.setAttribute("data-assistant-question", question);
  address.searchParams.delete("q");
  window.history.replaceState(null, "", address.href);
})();
