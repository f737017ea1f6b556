/* The search form's submit button (partials/search.html) is for readers who
   use a screen reader or voice control: results appear as one types, so
   submitting moves to them (the first result gets the focus) instead of
   reloading the page. Without results yet, the focus stays in the field. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches(".md-search__form")) return;
    event.preventDefault();
    var first = document.querySelector(".md-search-result__item .md-search-result__link");
    (first || form.querySelector(".md-search__input")).focus();
  });
})();
