// Suggestions while a term is typed in the search box of every page: the best-ranked glossary
// terms for the text so far, offered through the box's datalist. Without this script the box is a
// plain search form.
(function () {
  var form = document.currentScript && document.currentScript.closest('form');
  if (!form) { return; }
  var box = form.querySelector('input[name=q]');
  var list = form.querySelector('datalist');
  var timer = null;
  box.addEventListener('input', function () {
    var text = box.value.trim();
    clearTimeout(timer);
    if (!text) { return; }
    timer = setTimeout(function () {
      fetch('/api/entries/suggest?q=' + encodeURIComponent(text), {headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (suggestions) {
          list.textContent = '';
          suggestions.forEach(function (s) {
            var option = document.createElement('option');
            option.value = s.text;
            option.label = s.text === s.preferred ? (s.en || '') : ('→ ' + s.preferred + (s.en ? ' / ' + s.en : ''));
            list.appendChild(option);
          });
        }).catch(function () {});
    }, 150);
  });
})();
