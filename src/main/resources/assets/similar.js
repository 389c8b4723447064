// While a term is typed in the edit form, existing entries with the same or a nearly identical
// term are listed under the form, so that no concept is entered twice. Without this script the
// review queue still shows similar entries for each candidate.
(function () {
  var box = document.getElementById('similar');
  var self = document.currentScript && document.currentScript.getAttribute('data-entry');
  if (!box) { return; }
  var timer = null;
  function show(entries) {
    entries = entries.filter(function (e) { return String(e.id) !== self; });
    box.textContent = '';
    if (!entries.length) { box.hidden = true; return; }
    box.appendChild(document.createTextNode('已有相近条目 Similar entries: '));
    entries.forEach(function (e) {
      var preferred = e.terms.filter(function (t) { return t.lang === 'zh' && t.usage === 'preferred'; })[0] || e.terms[0];
      var link = document.createElement('a');
      link.href = '/entries/' + e.id;
      link.textContent = preferred ? preferred.text : ('#' + e.id);
      box.appendChild(link);
      box.appendChild(document.createTextNode(' '));
    });
    box.hidden = false;
  }
  document.addEventListener('input', function (event) {
    if (!event.target.classList || !event.target.classList.contains('term-input')) { return; }
    var text = event.target.value.trim();
    clearTimeout(timer);
    if (text.length < 2) { return; }
    timer = setTimeout(function () {
      fetch('/api/entries/similar?q=' + encodeURIComponent(text), {headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; }).then(show).catch(function () {});
    }, 250);
  });
})();
