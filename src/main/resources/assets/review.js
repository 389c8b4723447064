// Keyboard for the review queue: j / k move between candidates, a approves, r goes to the
// rejection reason. The page works the same without this script.
(function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.card'));
  var current = 0;
  function show(i) {
    if (!cards.length) { return; }
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards[current].focus();
    cards[current].scrollIntoView({block: 'nearest'});
  }
  document.addEventListener('keydown', function (event) {
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === 'j') { show(current + 1); }
    else if (event.key === 'k') { show(current - 1); }
    else if (event.key === 'a' && cards[current]) { cards[current].querySelector('form.approve').requestSubmit(); }
    else if (event.key === 'r' && cards[current]) {
      event.preventDefault();
      cards[current].querySelector('form.reject input[name=reason]').focus();
    }
  });
})();
