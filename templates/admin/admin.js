// Starts the web editor (Decap CMS), written by hooks/admin.py. The editor
// reads config.yml, generated from the project's models; here it learns to
// say what the build says when a field is wrong.
window.CMS_MANUAL_INIT = true;
(function () {
  // The build's words for an empty required field (provence/models.py).
  var MISSING = {{ missing | tojson }};
  // Collection -> the text fields the French file must fill in. Decap would
  // require them in every language; a translation may leave one out.
  var REQUIRED_TEXTS = {{ required_texts | tojson }};

  function isEmpty(value) {
    return value === undefined || value === null || String(value).trim() === "";
  }

  function missingTexts(entry) {
    var collection = entry.get("collection");
    var paths = REQUIRED_TEXTS[collection] || (collection.indexOf("pages-") === 0 ? REQUIRED_TEXTS.pages : []);
    return paths.filter(function (path) {
      return isEmpty(entry.getIn(["data"].concat(path.split("."))));
    });
  }

  var script = document.createElement("script");
  script.src = "decap-cms.js";
  script.onload = function () {
    var phrases = window.CMS.getLocale({{ locale | tojson }});
    phrases.editor.editorControlPane.widget.required = {{ required | tojson }};
    // A pattern's message is the build's own sentence (config.yml): shown as it is.
    phrases.editor.editorControlPane.widget.regexPattern = "%{pattern}";
    window.CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var missing = missingTexts(event.entry);
        if (missing.length) {
          throw new Error(missing.map(function (path) { return path + ": " + MISSING; }).join(" — "));
        }
        // Nothing returned: the entry is saved as written. Decap also writes a file for
        // each language left empty; the build reads one that holds nothing as "not translated".
      },
    });
    window.CMS.init();
  };
  document.head.appendChild(script);
})();
